package org.mpm.tariff.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.Json;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.tariff.Tariff;
import org.mpm.tariff.TariffForm;
import org.mpm.tariff.TariffService;

/** Tariffs (MPM's TariffController): all routes need the {@code settings} permission. */
@Path("tariffs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "Tariffs")
public class TariffsResource {

  @Inject TariffService tariffs;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Energy tariffs (factor 1) with access_rate, pricing_component, social_tariff, tou and"
      + " total_price; ?limit=n paginates (Laravel paginator), without it {data:[…]}")
  public Map<String, Object> list(@QueryParam("limit") String limit, @QueryParam("page") String page) {
    if (limit == null || limit.isBlank() || Paginator.size(limit, 0) == 0) {
      return Json.data(tariffs.views(tariffs.energyTariffs()).stream().map(TariffJson::tariff).toList());
    }
    Page<Tariff> p = tariffs.energyTariffsPage(Paginator.page(page), Paginator.size(limit, 15));
    return Paginator.raw(p, tariffs.views(p.items()).stream().map(TariffJson::tariff).toList(), uri);
  }

  @GET
  @Path("{tariffId}")
  @Operation(summary = "A tariff with its relations and total_price")
  public Map<String, Object> show(@PathParam("tariffId") long id) {
    return Json.data(TariffJson.tariff(tariffs.view(id)));
  }

  @POST
  @Operation(summary = "Create a tariff: {name, price, currency, factor?, minimum_purchase_amount?, access_rate?:"
      + " {access_rate_amount, access_rate_period}, social_tariff?: {daily_allowance, price, initial_energy_budget,"
      + " maximum_stacked_energy}, time_of_usage?: [{start, end, value}], components?: [{name, price}]}; 201;"
      + " 422 {data:[], meta:{message, errors}}")
  public Response create(String body) {
    TariffForm form;
    try {
      form = TariffRequest.parse(body);
    } catch (TariffRequest.Invalid e) {
      return e.response;
    }
    return Response.status(201).entity(Json.data(TariffJson.tariff(tariffs.create(form)))).build();
  }

  @PUT
  @Path("{tariffId}")
  @Operation(summary = "Update a tariff with the body of the create; access_rate and social_tariff left out are"
      + " removed, components are replaced, time_of_usage slots with the id of one of the tariff's slots change it")
  public Response update(@PathParam("tariffId") long id, String body) {
    tariffs.tariff(id);
    TariffForm form;
    try {
      form = TariffRequest.parse(body);
    } catch (TariffRequest.Invalid e) {
      return e.response;
    }
    return Response.ok(Json.data(TariffJson.tariff(tariffs.update(id, form)))).build();
  }

  @DELETE
  @Path("{tariffId}")
  @Operation(summary = "Soft-delete a tariff; answers the bare number 1")
  public Response delete(@PathParam("tariffId") long id) {
    tariffs.delete(id);
    return Response.ok("1".getBytes(java.nio.charset.StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("{tariffId}/usage-count")
  @Operation(summary = "Number of meters on the tariff: {data:{count}}")
  public Map<String, Object> usageCount(@PathParam("tariffId") long id) {
    return Json.data(Json.obj("count", tariffs.usageCount(id)));
  }

  @PUT
  @Path("{tariffId}/change-meters-tariff/{changeId}")
  @Operation(summary = "Move every meter of the tariff to tariff changeId in one update: {data: meters moved}")
  public Map<String, Object> changeMetersTariff(@PathParam("tariffId") long id, @PathParam("changeId") long to) {
    return Json.data(tariffs.changeMetersTariff(id, to));
  }

  @PUT
  @Path("{meterSerial}/change-meter-tariff/{tariffId}")
  @Operation(summary = "Put the meter with this serial on the tariff: {data: meter}")
  public Map<String, Object> changeMeterTariff(@PathParam("meterSerial") String serial,
      @PathParam("tariffId") long tariffId) {
    return Json.data(DeviceJson.meter(tariffs.changeMeterTariff(serial, tariffId)));
  }
}
