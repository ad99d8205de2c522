package org.mpm.plugins.pesapal.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.plugins.pesapal.PesapalCredentials;
import org.mpm.plugins.pesapal.PesapalException;
import org.mpm.plugins.pesapal.PesapalPayments;
import org.mpm.plugins.pesapal.PesapalTransactions;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.Public;

/**
 * Pesapal payments (MPM's PesapalController): submit an order for a customer's device, verify it with Pesapal, the
 * company's Pesapal transactions, and Pesapal's IPN, whose company is the one in its path and whose order is
 * re-queried with Pesapal before anything is credited. 403 while the company has not enabled the plugin.
 */
@Path("pesapal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class PesapalResource {

  @Inject PesapalPayments payments;
  @Inject PesapalTransactions transactions;

  @POST
  @Path("transaction/initialize")
  @Operation(summary = "Submit a Pesapal order for a customer's device; body {amount (≥ 1), device_serial,"
      + " customer_id, currency?: KES|UGX|TZS|USD (the credential's), device_type?} → {data:{redirect_url,"
      + " order_tracking_id, merchant_reference, error}}; 400 {error} when Pesapal refuses, 502 when it cannot be"
      + " reached")
  public Map<String, Object> initialize(String body) {
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true, BigDecimal.ONE, new BigDecimal("99999999"));
    String serial = b.string("device_serial", true, 1, 191);
    Long customer = b.integer("customer_id", true, 1, Long.MAX_VALUE);
    String currency = b.in("currency", false, PesapalCredentials.CURRENCIES);
    b.in("device_type", false, List.of("meter", "solar_home_system"));
    b.validate();
    PesapalPayments.Started s = payments.initialize(customer, serial, amount, currency, false);
    return Json.data(Json.obj("redirect_url", s.redirectUrl(), "order_tracking_id", s.orderTrackingId(),
        "merchant_reference", s.merchantReference(), "error", null));
  }

  @GET
  @Path("transaction/verify/{orderTrackingId}")
  @Operation(summary = "Ask Pesapal where an order stands, crediting it once when COMPLETED: {status_code,"
      + " status_description, amount, currency, payment_method, confirmation_code, merchant_reference, error};"
      + " 404 {error} for an unknown order, 400 {error} when Pesapal cannot say or the payment is refused")
  public Map<String, Object> verify(@PathParam("orderTrackingId") String orderTrackingId) {
    Map<String, Object> v = payments.verify(orderTrackingId);
    if (v.get("error") != null) {
      throw new PesapalException(400, v.get("error").toString());
    }
    return v;
  }

  @GET
  @Path("transactions")
  @Operation(summary = "The company's Pesapal transactions, newest first (raw paginator; per_page, page)")
  public Map<String, Object> list(@Context UriInfo uri) {
    JsonBody q = JsonBody.query(uri);
    Page<Map<String, Object>> p = transactions.page(q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(PesapalResource::json).toList(), uri);
  }

  @GET
  @Path("transactions/{id}")
  @Operation(summary = "One Pesapal transaction: {data:{…}}; 404 {error}")
  public Map<String, Object> show(@PathParam("id") String id) {
    return Json.data(json(transactions.byId(id(id)).orElseThrow(PesapalException::notFound)));
  }

  @PUT
  @Path("transactions/{id}")
  @Operation(summary = "Mark a Pesapal transaction that Pesapal has not confirmed pending (status 0) or abandoned"
      + " (3); body {amount? (the row's), currency? (the row's), status?} → {data:{…}}; another status, amount or"
      + " currency is 422, a settled row 409 {error}, 404 {error}")
  public Map<String, Object> update(@PathParam("id") String id, String body) {
    long n = id(id);
    JsonBody b = JsonBody.parse(body == null || body.isBlank() ? "{}" : body);
    BigDecimal amount = b.number("amount", false, BigDecimal.ZERO, new BigDecimal("99999999"));
    String currency = b.in("currency", false, PesapalCredentials.CURRENCIES);
    Long status = b.integer("status", false, -1, 3);
    b.validate();
    return Json.data(json(transactions.update(n, amount, currency, status == null ? null : status.intValue())));
  }

  @DELETE
  @Path("transactions/{id}")
  @Operation(summary = "Delete a Pesapal transaction whose payment was not credited → {message}; 404 {error};"
      + " 409 {error} once credited")
  public Map<String, Object> delete(@PathParam("id") String id) {
    transactions.delete(id(id));
    return Json.message("Transaction deleted successfully");
  }

  @GET
  @Path("ipn/{companyId}")
  @Public
  @Operation(summary = "Pesapal's IPN for the company {companyId} (query OrderTrackingId, OrderMerchantReference,"
      + " OrderNotificationType); the order is re-queried with Pesapal → {orderNotificationType, orderTrackingId,"
      + " orderMerchantReference, status: 200|500}")
  public Map<String, Object> ipnGet(@PathParam("companyId") String companyId, @Context UriInfo uri) {
    return ipn(companyId, fields(uri.getQueryParameters(), null));
  }

  @POST
  @Path("ipn/{companyId}")
  @Public
  @Operation(summary = "Pesapal's IPN by POST (JSON or form body {OrderTrackingId, OrderMerchantReference,"
      + " OrderNotificationType}); answered as the GET")
  public Map<String, Object> ipnPost(@PathParam("companyId") String companyId, @Context UriInfo uri, String body) {
    return ipn(companyId, fields(uri.getQueryParameters(), body));
  }

  private Map<String, Object> ipn(String companyId, Map<String, String> f) {
    return payments.ipn(companyId, pick(f, "OrderNotificationType"), pick(f, "OrderTrackingId"),
        pick(f, "OrderMerchantReference"));
  }

  /** The IPN's fields from the query and the body (JSON object or form), the body's winning. */
  static Map<String, String> fields(MultivaluedMap<String, String> query, String body) {
    Map<String, String> out = new HashMap<>();
    query.forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k, v.get(0));
      }
    });
    if (body == null || body.isBlank()) {
      return out;
    }
    String text = body.trim();
    if (text.startsWith("{")) {
      try {
        JsonValue parsed = JsonBody.parseValue(text);
        if (parsed instanceof JsonObject o) {
          o.forEach((k, v) -> {
            if (v instanceof JsonString s) {
              out.put(k, s.getString());
            } else if (v.getValueType() == JsonValue.ValueType.NUMBER) {
              out.put(k, v.toString());
            }
          });
        }
      } catch (RuntimeException e) {
        // not JSON: no fields from the body
      }
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** A field as Pesapal names it or with a lower-case first letter. */
  static String pick(Map<String, String> f, String name) {
    String v = f.get(name);
    if (v == null) {
      v = f.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
    }
    return v;
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw PesapalException.notFound();
    }
  }

  static Map<String, Object> json(Map<String, Object> row) {
    Map<String, Object> out = Json.obj();
    row.forEach((k, v) -> {
      if (v instanceof LocalDateTime t) {
        out.put(k, Json.ts(t));
      } else if ("metadata".equals(k)) {
        out.put(k, v == null ? null : Json.parsed(v.toString()));
      } else if ("amount".equals(k) && v != null) {
        out.put(k, new BigDecimal(v.toString()).doubleValue());
      } else {
        out.put(k, v);
      }
    });
    return out;
  }
}
