package org.mpm.user.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.schema.ApiSchemas;
import org.mpm.user.PasswordResets;
import org.mpm.user.UserService;

/**
 * Passwords (MPM's UserPasswordController): a user's password set by a manager, and the password reset by e-mail —
 * a request for the mail, the check of a link's token and the new password. The reset routes need no token and
 * answer alike whether or not an e-mail is known.
 */
@Path("users/password")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Users")
public class UserPasswordResource {

  /** The longest composite token read (an e-mail of 191 characters and a token make about 360). */
  static final int MAX_TOKEN = 1024;

  @Inject UserService users;
  @Inject PasswordResets resets;
  @Inject CurrentUser current;

  @PUT
  @Path("{user}")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.PasswordChange.class)))
  @RequiresPermission("users")
  @Operation(summary = "Set a user's password; body {password (min 6), confirm_password}")
  public Map<String, Object> setPassword(@PathParam("user") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String password = b.string("password", true, 6, 191);
    String confirm = b.string("confirm_password", true);
    if (password != null && confirm != null && !password.equals(confirm)) {
      b.error("confirm_password", "The confirm password field must match password.");
    }
    b.validate();
    users.changePassword(current.principal(), id, password);
    return Json.data(Json.message("Password updated"));
  }

  @POST
  @Public
  @Operation(summary = "Forgot password: body {email}; the user with this e-mail gets a mail with a link to the web"
      + " console's reset page. The answer is the same for any e-mail")
  public Map<String, Object> forgot(String body) {
    JsonBody b = JsonBody.parse(body);
    String email = b.email("email", true);
    b.validate();
    resets.request(email);
    return Json.data(Json.obj("message", "If the email exists, a reset link has been sent.", "status_code", 200));
  }

  @GET
  @Path("validate/{token}")
  @Public
  @Operation(summary = "Check the token of a reset link: {data: {valid, email}} (email null when not valid)")
  public Map<String, Object> validate(@PathParam("token") String token) {
    Optional<String> email = resets.check(token);
    return Json.data(Json.obj("valid", email.isPresent(), "email", email.orElse(null)));
  }

  @POST
  @Path("confirm")
  @Public
  @Operation(summary = "Set a new password with the token of a reset link; body {token, password (min 6),"
      + " password_confirmation}; {data: {message, status_code}} (status_code 400 for a used, expired or unknown"
      + " token)")
  public Map<String, Object> confirm(String body) {
    JsonBody b = JsonBody.parse(body);
    String token = b.string("token", true, 0, MAX_TOKEN);
    String password = b.string("password", true, 6, 191);
    String confirmation = b.string("password_confirmation", true);
    if (password != null && confirmation != null && !password.equals(confirmation)) {
      b.error("password_confirmation", "The password confirmation field must match password.");
    }
    b.validate();
    return Json.data(resets.reset(token, password)
        ? Json.obj("message", "Password has been reset successfully.", "status_code", 200)
        : Json.obj("message", "Invalid or expired token.", "status_code", 400));
  }
}
