package org.mpm.user.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.rest.RequiresPermission;
import org.mpm.user.Permission;
import org.mpm.user.RoleService;

/** Role and permission listings (permission {@code roles}); raw arrays, as MPM answers. */
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("roles")
@Tag(name = "Users")
public class RolesResource {

  @Inject RoleService roles;

  @GET
  @Operation(summary = "Roles: [{id, name, guard_name, created_at, updated_at}]")
  public List<Map<String, Object>> list() {
    return roles.roles().stream().map(r -> Json.obj("id", r.getId(), "name", r.getName(),
        "guard_name", r.getGuardName(), "created_at", Json.ts(r.getCreatedAt()),
        "updated_at", Json.ts(r.getUpdatedAt()))).toList();
  }

  @GET
  @Path("permissions")
  @Operation(summary = "Permission names")
  public List<String> permissions() {
    return roles.permissions().stream().map(Permission::getName).toList();
  }

  @GET
  @Path("details")
  @Operation(summary = "Roles with their permission names: [{id, name, permissions: [names]}]")
  public List<Map<String, Object>> details() {
    return roles.roles().stream().map(r -> Json.obj("id", r.getId(), "name", r.getName(),
        "permissions", r.getPermissions().stream().map(Permission::getName).toList())).toList();
  }

  @GET
  @Path("user/{userId}")
  @Operation(summary = "Role names of a user")
  public List<String> ofUser(@PathParam("userId") long userId) {
    return roles.rolesOfUser(userId);
  }
}
