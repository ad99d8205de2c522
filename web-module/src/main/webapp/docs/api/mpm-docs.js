// Shows the server's OpenAPI document. /openapi is served by the server itself, at its root, whatever the
// application's context root. Log in with POST /api/auth/login ("Try it out"), then give the access_token to
// "Authorize": every call made from this page carries it.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi?format=JSON",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "none",
    filter: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
