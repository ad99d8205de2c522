package org.mpm.rest.schema;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request and response shapes for the OpenAPI document. Resources parse bodies themselves (for Laravel's
 * validation messages) and answer ordered maps, so these records describe the wire format; field names are
 * MPM's snake_case.
 */
public final class ApiSchemas {

  private ApiSchemas() {}

  @Schema(name = "LoginRequest")
  public record LoginRequest(@Schema(required = true) String email, @Schema(required = true) String password) {}

  @Schema(name = "User")
  public record User(long id, String name, String email, long company_id, String created_at, String updated_at) {}

  @Schema(name = "LoginResponse")
  public record LoginResponse(String access_token, @Schema(example = "bearer") String token_type,
      @Schema(example = "3600") long expires_in, User user, List<String> roles, List<String> permissions) {}

  @Schema(name = "MeResponse")
  public record MeResponse(User user, List<String> roles, List<String> permissions) {}

  @Schema(name = "Message")
  public record Message(String message) {}

  @Schema(name = "ValidationError", description = "422: Laravel's validation body")
  public record ValidationError(@Schema(example = "The name field is required. (and 1 more error)") String message,
      @Schema(description = "field name to its messages") Map<String, List<String>> errors) {}

  @Schema(name = "CompanyOwner")
  public record CompanyOwner(@Schema(required = true) String name, @Schema(required = true) String email,
      @Schema(required = true, minLength = 6) String password) {}

  @Schema(name = "PluginRef")
  public record PluginRef(@Schema(required = true, description = "mpm_plugins.id") long id) {}

  @Schema(name = "CompanyRegistration")
  public record CompanyRegistration(@Schema(required = true) String name, @Schema(required = true) String address,
      @Schema(required = true) String phone, @Schema(required = true) String email, Integer country_id,
      @Schema(required = true) CompanyOwner user, List<PluginRef> plugins,
      @Schema(enumeration = {"mini-grid", "shs", "e-bike", "mini-grid&shs", "mini-grid&e-bike", "shs&e-bike",
          "mini-grid&shs&e-bike"}) String usage_type) {}

  @Schema(name = "Company")
  public record Company(long id, String name, String address, String phone, String email, String created_at,
      String updated_at) {}

  @Schema(name = "CompanyRegistered")
  public record CompanyRegistered(String message, Company company) {}

  @Schema(name = "UserCreate")
  public record UserCreate(@Schema(required = true) String name, @Schema(required = true) String email,
      @Schema(required = true, minLength = 6) String password,
      @Schema(description = "role names; default [\"user\"]") List<String> roles) {}

  @Schema(name = "UserUpdate")
  public record UserUpdate(String name, @Schema(minLength = 6) String password, List<String> roles) {}

  @Schema(name = "PasswordChange")
  public record PasswordChange(@Schema(required = true, minLength = 6) String password,
      @Schema(required = true) String confirm_password) {}

  @Schema(name = "UserWithRoles")
  public record UserWithRoles(long id, String name, String email, long company_id, String created_at,
      String updated_at, List<String> roles) {}

  @Schema(name = "UserData")
  public record UserData(UserWithRoles data) {}

  @Schema(name = "ApiKeyCreate")
  public record ApiKeyCreate(String name) {}

  @Schema(name = "ApiKeyCreated")
  public record ApiKeyCreated(ApiKeyToken data) {}

  @Schema(name = "ApiKeyToken")
  public record ApiKeyToken(long id, @Schema(description = "shown only once") String token) {}

  @Schema(name = "PluginToggle")
  public record PluginToggle(@Schema(required = true) boolean checked) {}

  @Schema(name = "TailAdjust")
  public record TailAdjust(boolean adjusted) {}
}
