package org.mpm.plugins.mesomb.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.mesomb.MesombPaymentProvider;
import org.mpm.plugins.mesomb.MesombPayments;
import org.mpm.plugins.mesomb.MesombService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;

/**
 * MeSomb's payment notification, sent with a user token of the company as MPM takes it, and MeSomb's signed webhook,
 * whose company is the one in its path.
 */
@Path("mesomb")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class MesombResource {

  @Inject MesombPayments payments;

  @POST
  @Operation(summary = "A MeSomb payment notification {pk, status, type, amount, fees, b_party, message, service,"
      + " reference, ts, direction}: credited once per pk to the payer's one device;"
      + " {data:{type:'mesomb_transaction', pk, attributes:{status, type, amount, fees, b_party, message}}}")
  public Map<String, Object> store(String body) {
    Notification n = Notification.read(JsonBody.parse(body), true);
    MesombService.Row r = payments.receive(n.status(), n.amount(), n.rawAmount(), n.fields());
    return Json.data(Json.obj("type", MesombPaymentProvider.MORPH, "pk", r.pk(), "attributes", Json.obj(
        "status", r.status(), "type", r.type(), "amount", r.amount(), "fees", r.fees(), "b_party", r.bParty(),
        "message", r.message())));
  }

  @POST
  @Path("webhook/{companyId}")
  @Public
  @Operation(summary = "MeSomb's signed webhook for the company {companyId}: header MeSomb-Signature (or"
      + " X-MeSomb-Signature) = t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>' under the company's webhook"
      + " secret>, at most 5 minutes old; an event {id, object_type, data:{pk, status, type, amount, fees, b_party,"
      + " message, service, reference, ts, direction?}}; a payment event with status SUCCESS is credited once per pk"
      + " (also across POST /api/mesomb) → {status: success|ignored}; 401 {errors} on a bad signature")
  public Map<String, Object> webhook(@PathParam("companyId") String companyId,
      @HeaderParam("MeSomb-Signature") String signature, @HeaderParam("X-MeSomb-Signature") String xSignature,
      byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    payments.verify(companyId, raw, signature != null ? signature : xSignature);
    JsonBody event = JsonBody.parse(new String(raw, StandardCharsets.UTF_8));
    String objectType = event.string("object_type", false);
    JsonBody data = event.object("data", true);
    event.validate();
    if (!"payment".equals(objectType)) {
      return Json.obj("status", "ignored");
    }
    Notification n = Notification.read(data, false);
    event.validate();
    boolean booked = payments.receiveSigned(n.status(), n.amount(), n.rawAmount(), n.fields());
    return Json.obj("status", booked ? "success" : "ignored");
  }

  /** MeSomb's fields of a payment, read alike from a notification and from a webhook event's data. */
  record Notification(String status, BigDecimal amount, String rawAmount, Map<String, Object> fields) {

    /**
     * @param validate whether to answer the body's errors here (a nested body's errors are its parent's to answer)
     */
    static Notification read(JsonBody b, boolean validate) {
      Map<String, Object> fields = new HashMap<>();
      for (String f : List.of(MesombPaymentProvider.PK, MesombPaymentProvider.TYPE, MesombPaymentProvider.B_PARTY,
          MesombPaymentProvider.MESSAGE, MesombPaymentProvider.SERVICE, MesombPaymentProvider.TS)) {
        String v = b.string(f, true);
        if (v != null) {
          fields.put(f, v);
        }
      }
      String status = b.string("status", true);
      String rawAmount = b.string("amount", true);
      BigDecimal amount = b.number("amount", true);
      BigDecimal fees = b.number(MesombPaymentProvider.FEES, false);
      String reference = b.string(MesombPaymentProvider.REFERENCE, false);
      Long direction = b.integer(MesombPaymentProvider.DIRECTION, validate);
      if (validate) {
        b.validate();
      }
      if (fees != null) {
        fields.put(MesombPaymentProvider.FEES, fees.toPlainString());
      }
      if (reference != null) {
        fields.put(MesombPaymentProvider.REFERENCE, reference);
      }
      if (direction != null) {
        fields.put(MesombPaymentProvider.DIRECTION, direction);
      }
      return new Notification(status, amount, rawAmount, fields);
    }
  }
}
