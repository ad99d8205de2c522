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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.tariff.TariffForm;
import org.mpm.tariff.TariffForm.AccessRateInput;
import org.mpm.tariff.TariffForm.ComponentInput;
import org.mpm.tariff.TariffForm.SocialTariffInput;
import org.mpm.tariff.TariffForm.TimeOfUseInput;
import org.mpm.tariff.TariffService;

/** Tariffs (MPM's TariffController): all routes need the {@code settings} permission. */
@Path("tariffs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "Tariffs")
public class TariffsResource {

  /** The most pricing components or time-of-use slots a tariff may have. */
  static final int MAX_PARTS = 100;

  @Inject TariffService tariffs;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Energy tariffs (factor 1) with access_rate, pricing_component, social_tariff, tou and"
      + " total_price; ?limit=n paginates (Laravel paginator), without it {data:[…]}")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "limit", tariffs::energyTariffs, tariffs::energyTariffsPage,
        l -> tariffs.views(l).stream().map(TariffJson::tariff).toList(), uri);
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
    TariffForm form = form(JsonBody.parse(body));
    return Response.status(201).entity(Json.data(TariffJson.tariff(tariffs.create(form)))).build();
  }

  @PUT
  @Path("{tariffId}")
  @Operation(summary = "Update a tariff with the body of the create; access_rate and social_tariff left out are"
      + " removed, components are replaced, time_of_usage slots with the id of one of the tariff's slots change it")
  public Response update(@PathParam("tariffId") long id, String body) {
    tariffs.tariff(id);
    TariffForm form = form(JsonBody.parse(body));
    return Response.ok(Json.data(TariffJson.tariff(tariffs.update(id, form)))).build();
  }

  @DELETE
  @Path("{tariffId}")
  @Operation(summary = "Soft-delete a tariff; answers the bare number 1")
  public Response delete(@PathParam("tariffId") long id) {
    tariffs.delete(id);
    return Response.ok("1".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE).build();
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

  /**
   * TariffCreateRequest's rules (name, price, currency, factor, minimum_purchase_amount) plus the nested objects
   * MPM's TariffPriceCalculator reads, checked here so that a missing key is a 422 rather than MPM's 500; answered
   * in the tariff routes' envelope, {@code {"data":[],"meta":{"message":"The given data was invalid","errors":…}}}.
   */
  private static TariffForm form(JsonBody b) {
    String name = b.string("name", true);
    BigDecimal price = b.number("price", true);
    String currency = b.string("currency", true, 0, 20);
    Long factor = b.integer("factor", false);
    AccessRateInput accessRate = null;
    JsonBody ar = b.object("access_rate", false);
    if (ar != null) {
      BigDecimal amount = ar.number("access_rate_amount", true);
      Long period = ar.integer("access_rate_period", true, 1, JsonBody.MAX_INT);
      accessRate = amount == null || period == null ? null : new AccessRateInput(amount, period.intValue());
    }
    SocialTariffInput social = null;
    // sometimes|required|array: a key that is there must hold something
    JsonBody st = b.present("social_tariff") && !b.missing("social_tariff", true)
        ? b.object("social_tariff", true) : null;
    if (st != null) {
      Long daily = st.integer("daily_allowance", true);
      BigDecimal socialPrice = st.number("price", true);
      BigDecimal budget = st.number("initial_energy_budget", true);
      Long stacked = st.integer("maximum_stacked_energy", true);
      if (daily != null && socialPrice != null && budget != null && stacked != null) {
        social = new SocialTariffInput(daily.intValue(), socialPrice, budget, stacked.intValue());
      }
    }
    List<ComponentInput> components = null;
    List<JsonBody> cs = sometimesList(b, "components");
    if (cs != null) {
      components = new ArrayList<>();
      for (JsonBody c : cs) {
        String componentName = c.string("name", true);
        BigDecimal componentPrice = c.number("price", true);
        if (componentName != null && componentPrice != null) {
          components.add(new ComponentInput(componentName, componentPrice));
        }
      }
    }
    sometimesList(b, "tous");
    List<TimeOfUseInput> tous = null;
    List<JsonBody> ts = sometimesList(b, "time_of_usage");
    if (ts != null) {
      tous = new ArrayList<>();
      for (JsonBody t : ts) {
        Long slotId = t.integer("id", false, Long.MIN_VALUE, Long.MAX_VALUE);
        String start = t.time("start", true);
        String end = t.time("end", true);
        BigDecimal value = t.number("value", true);
        if (start != null && end != null && value != null) {
          tous.add(new TimeOfUseInput(slotId, start, end, value));
        }
      }
    }
    BigDecimal minimum = b.number("minimum_purchase_amount", false);
    b.validateEnveloped();
    return new TariffForm(name, price, currency, factor == null ? null : factor.intValue(), minimum, accessRate,
        social, tous, components);
  }

  /** {@code sometimes|required|array} of at most {@value #MAX_PARTS} objects: absent is fine, present holds some. */
  private static List<JsonBody> sometimesList(JsonBody b, String field) {
    return b.present(field) && !b.missing(field, true) ? b.list(field, true, MAX_PARTS) : null;
  }
}
