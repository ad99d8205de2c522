package org.mpm.company.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.company.Company;
import org.mpm.company.CompanyRegistration;
import org.mpm.company.CompanyRegistrationService;
import org.mpm.company.CompanyService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.rest.schema.ApiSchemas;
import org.mpm.settings.MainSettings;
import org.mpm.tenancy.TenantContext;

/** Company registration (public) and lookup. */
@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Companies")
public class CompaniesResource {

  @Inject CompanyRegistrationService registration;
  @Inject CompanyService companies;
  @Inject TenantContext tenant;

  @POST
  @Public
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.CompanyRegistration.class)))
  @APIResponse(responseCode = "201", description = "Registered",
      content = @Content(schema = @Schema(implementation = ApiSchemas.CompanyRegistered.class)))
  @APIResponse(responseCode = "422", description = "Invalid, duplicate company or owner e-mail",
      content = @Content(schema = @Schema(implementation = ApiSchemas.ValidationError.class)))
  @Operation(summary = "Register a company with its owner account",
      description = "Body {name, address, phone, email, country_id?, user:{name, email, password}, plugins:[{id}],"
          + " usage_type}. 201 {message, company}; 422 for missing fields, a duplicate company or owner e-mail.")
  public Response register(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, 191);
    String address = b.string("address", true, 1, 191);
    String phone = b.string("phone", true, 1, 191);
    String email = b.email("email", true);
    Long countryId = b.integer("country_id", false);
    JsonBody user = b.object("user", true);
    String ownerName = null;
    String ownerEmail = null;
    String ownerPassword = null;
    if (user != null) {
      ownerName = user.string("name", true, 1, 191);
      ownerEmail = user.email("email", true);
      ownerPassword = user.string("password", true, 6, 191);
    }
    List<Long> plugins = b.ids("plugins", false);
    String usageType = b.in("usage_type", false, MainSettings.USAGE_TYPES);
    b.validate();
    Company c = registration.register(new CompanyRegistration(name, address, phone, email,
        countryId == null ? null : countryId.intValue(), ownerName, ownerEmail, ownerPassword,
        plugins == null ? List.of() : plugins,
        usageType));
    return Response.status(201).entity(Json.obj(
        "message", "Congratulations! you have registered to MicroPowerManager successfully."
            + " You will be redirected to dashboard in seconds..",
        "company", Json.obj("name", c.getName(), "address", c.getAddress(), "phone", c.getPhone(),
            "email", c.getEmail(), "updated_at", Json.ts(c.getUpdatedAt()), "created_at", Json.ts(c.getCreatedAt()),
            "id", c.getId()))).build();
  }

  @GET
  @Path("{email}")
  @Operation(summary = "The company of a login e-mail (only the caller's own company is found)")
  public Map<String, Object> byEmail(@PathParam("email") String email) {
    Company c = companies.byLoginEmail(email, tenant.companyId())
        .orElseThrow(() -> NotFoundException.model("App\\Models\\Company", email));
    return Json.data(Json.obj("id", c.getId(), "name", c.getName(), "address", c.getAddress(),
        "phone", c.getPhone(), "country_id", c.getCountryId(), "email", c.getEmail(),
        "protected_page_password", null,
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt())));
  }
}
