package org.mpm.dashboard.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.dashboard.VillageReports;
import org.mpm.dashboard.VillageReports.Report;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/** The weekly and monthly village reports (MPM's ReportController); permission reports. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Dashboards")
public class ReportsResource {

  @Inject VillageReports reports;
  @Context UriInfo uri;

  @GET
  @RequiresPermission("reports")
  @Operation(summary = "Generated village reports, 15 a page: ?type weekly or monthly (anything else: all)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    String type = q.string("type", false);
    q.validate();
    String only = "weekly".equals(type) || "monthly".equals(type) ? type : null;
    Page<Report> page = reports.page(only, q.page(), 15);
    return Paginator.raw(page, page.items().stream().map(DashboardJson::report).toList(), uri);
  }

  @GET
  @Path("download/{id: [0-9]+}")
  @RequiresPermission("reports")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A village report's Excel file, as an attachment")
  public Response download(@PathParam("id") long id) {
    var file = reports.file(id);
    return Response.ok(file.toFile(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
  }
}
