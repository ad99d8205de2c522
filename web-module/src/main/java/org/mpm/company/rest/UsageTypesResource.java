package org.mpm.company.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.company.CompanyService;
import org.mpm.rest.Json;
import org.mpm.rest.Public;

/** The business types offered at registration. */
@Path("usage-types")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "Companies")
public class UsageTypesResource {

  @Inject CompanyService companies;

  @GET
  @Operation(summary = "List usage types: {data:[{id, name, value, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(companies.usageTypes().stream().map(u -> Json.obj("id", u.getId(), "name", u.getName(),
        "value", u.getValue(), "created_at", Json.ts(u.getCreatedAt()), "updated_at", Json.ts(u.getUpdatedAt())))
        .toList());
  }
}
