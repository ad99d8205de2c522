package org.mpm.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /} and {@code GET /docs/api} lead to the interactive API documentation at {@code /docs/api/} (MPM's
 * path for it), a Swagger UI over the OpenAPI document at {@code /openapi}; the UI's files are in the WAR below
 * {@code docs/api}. The redirect is relative, so that it holds behind a proxy that changes the scheme or the host.
 */
@WebServlet({"", "/docs/api"})
public class DocsRedirectServlet extends HttpServlet {

  /** The page of the interactive API documentation, below the context root. */
  public static final String DOCS = "/docs/api/";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(HttpServletResponse.SC_FOUND);
    resp.setHeader("Location", req.getContextPath() + DOCS);
  }
}
