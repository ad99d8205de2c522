package org.mpm.device.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonViews;
import org.mpm.device.DeviceService;
import org.mpm.device.EBike;
import org.mpm.device.Manufacturer;
import org.mpm.device.SolarHomeSystemService;
import org.mpm.device.SolarHomeSystemService.UnitView;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;

/** E-bikes (MPM's EBikeController). */
@Path("e-bikes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Devices")
public class EBikesResource {

  @Inject SolarHomeSystemService units;
  @Inject DeviceService devices;
  @Inject PersonViews people;
  @Inject ApplianceCatalog catalog;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List e-bikes with manufacturer, appliance and device.person; paginated with ?per_page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page",
        () -> units.listEBikes(null, 1, Integer.MAX_VALUE).items(), (page, size) -> units.listEBikes(null, page, size),
        l -> SolarHomeSystemsResource.json(l, people, catalog), uri);
  }

  @GET
  @Path("search")
  @Operation(summary = "Search by serial or owner name/surname (contains); ?term, ?paginate (page size, 1)")
  public Map<String, Object> search() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false);
    q.validate();
    Page<UnitView> p = units.listEBikes(term == null ? "" : term, q.page(), q.size("paginate", 1));
    return Paginator.raw(p, SolarHomeSystemsResource.json(p.items(), people, catalog), uri);
  }

  @POST
  @Operation(summary = "Register an e-bike; body {serial_number (8-15, unused), manufacturer_id, appliance_id}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("serial_number", true, 8, 15);
    Long manufacturerId = b.integer("manufacturer_id", true);
    Long applianceId = b.integer("appliance_id", true);
    b.validate();
    UnitView v = units.createEBike(serial, manufacturerId, applianceId);
    return Response.status(201).entity(Json.data(SolarHomeSystemsResource.json(List.of(v), people, catalog).get(0)))
        .build();
  }

  @GET
  @Path("{serialNumber}")
  @Operation(summary = "An e-bike by serial; {data: []} when there is none (as MPM)")
  public Map<String, Object> show(@PathParam("serialNumber") String serial) {
    UnitView v = units.eBike(serial);
    return Json.data(v == null ? List.of() : SolarHomeSystemsResource.json(List.of(v), people, catalog).get(0));
  }

  @POST
  @Path("switch")
  @Operation(summary = "Switch an e-bike on or off through its manufacturer; body {serial_number, manufacturer_name,"
      + " status (on|off)}; 422 when the manufacturer cannot switch devices")
  public Map<String, Object> switchBike(String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("serial_number", true);
    String manufacturerName = b.string("manufacturer_name", true);
    String status = b.in("status", true, List.of("on", "off"));
    b.validate();
    UnitView v = units.eBike(serial);
    if (v == null || v.device() == null) {
      throw ValidationException.field("serial_number", "The selected serial number is invalid.");
    }
    Manufacturer m = units.manufacturerByName(manufacturerName);
    if (m == null || m.getId() != ((EBike) v.unit()).getManufacturerId()) {
      throw ValidationException.field("manufacturer_name", "The selected manufacturer name is invalid.");
    }
    devices.switchDevice(v.device(), "on".equals(status));
    return Json.data(SolarHomeSystemsResource.json(List.of(units.eBike(serial)), people, catalog).get(0));
  }
}
