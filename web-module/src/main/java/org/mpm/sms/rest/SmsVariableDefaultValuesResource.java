package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.rest.RequiresPermission;
import org.mpm.sms.SmsSettingsService;
import org.mpm.sms.SmsVariableDefaultValue;

/** Sample values of the template variables, for the template editor's preview (MPM's controller); settings. */
@Path("sms-variable-default-value")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("settings")
@Tag(name = "SMS")
public class SmsVariableDefaultValuesResource {

  @Inject SmsSettingsService settings;

  @GET
  @Operation(summary = "The template variables' sample values {data:[{id, variable, value, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(settings.variableDefaults().stream().map(SmsVariableDefaultValuesResource::json).toList());
  }

  static Map<String, Object> json(SmsVariableDefaultValue v) {
    return Json.obj("id", v.getId(), "variable", v.getVariable(), "value", v.getValue(),
        "created_at", Json.ts(v.getCreatedAt()), "updated_at", Json.ts(v.getUpdatedAt()));
  }
}
