package org.mpm.plugins.mesomb.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
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

/** MeSomb's payment notification, sent with a user token of the company as MPM takes it. */
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
    JsonBody b = JsonBody.parse(body);
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
    Long direction = b.integer(MesombPaymentProvider.DIRECTION, true);
    b.validate();
    if (fees != null) {
      fields.put(MesombPaymentProvider.FEES, fees.toPlainString());
    }
    if (reference != null) {
      fields.put(MesombPaymentProvider.REFERENCE, reference);
    }
    fields.put(MesombPaymentProvider.DIRECTION, direction);
    MesombService.Row r = payments.receive(status, amount, rawAmount, fields);
    return Json.data(Json.obj("type", MesombPaymentProvider.MORPH, "pk", r.pk(), "attributes", Json.obj(
        "status", r.status(), "type", r.type(), "amount", r.amount(), "fees", r.fees(), "b_party", r.bParty(),
        "message", r.message())));
  }
}
