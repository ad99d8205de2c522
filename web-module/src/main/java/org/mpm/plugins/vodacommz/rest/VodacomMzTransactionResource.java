package org.mpm.plugins.vodacommz.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.vodacommz.VodacomMzService;
import org.mpm.rest.ApiKeyAuth;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/**
 * Vodacom's inbound calls (a company API key, as MPM's {@code auth:api-key}): the validation of a payment for a
 * device, and the status of a payment by its reference, read from what is stored (MPM's are stubs; its status
 * enquiry answers a random status). Answers keep MPM's fields: {@code response_code} (Vodacom's {@code INS-0} for
 * success), {@code response_desc}, {@code simulation_id}, {@code payment_details}.
 */
@Path("vodacom_mz/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@ApiKeyAuth
@Tag(name = "Plugins")
public class VodacomMzTransactionResource {

  static final Pattern SERIAL = Pattern.compile("^[A-Z0-9]{8,12}$");
  static final Pattern REFERENCE = Pattern.compile("^[A-Za-z0-9\\-]{5,20}$");
  static final Pattern TRANSACTION = Pattern.compile("^VOD-TXN-[0-9]{6}$");
  static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  static final String SUCCESS = "INS-0";

  @Inject VodacomMzService vodacom;

  @POST
  @Path("validate")
  @Operation(summary = "Validate a payment {reference: device serial, amount, request_id}: the device can be paid"
      + " and the amount buys its tariff's minimum purchase; nothing is written; 422 {message, success:false}")
  public Map<String, Object> validateTransaction(String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.matching("reference", true, SERIAL);
    BigDecimal amount = b.number("amount", true, BigDecimal.ONE, new BigDecimal("5000000"));
    String requestId = b.matching("request_id", true, UUID);
    b.validate();
    String customer = vodacom.validate(serial, amount);
    return answer(requestId, "Request validated", customer, amount);
  }

  @POST
  @Path("process")
  @Operation(summary = "The state of a payment {referenceId, transactionId} as stored (no money is booked here:"
      + " the request carries no amount); 404 {message, success:false} for an unknown reference")
  public Map<String, Object> processTransaction(String body) {
    JsonBody b = JsonBody.parse(body);
    String reference = b.matching("referenceId", true, REFERENCE);
    b.matching("transactionId", true, TRANSACTION);
    b.validate();
    return status(reference);
  }

  @POST
  @Path("query")
  @Operation(summary = "The status of a payment {referenceId} as stored: Succeed, Pending or Failed (MPM answers"
      + " a random one); 404 {message, success:false} for an unknown reference")
  public Map<String, Object> queryTransactionStatus(String body) {
    JsonBody b = JsonBody.parse(body);
    String reference = b.matching("referenceId", true, REFERENCE);
    b.validate();
    return status(reference);
  }

  private Map<String, Object> status(String reference) {
    VodacomMzService.Payment p = vodacom.payment(reference);
    String status = p.status() == 1 || p.status() == 2 ? "Succeed" : p.status() == 0 ? "Pending" : "Failed";
    return Json.data(Json.obj("response_code", SUCCESS, "response_desc", "Transaction " + status,
        "simulation_id", reference, "status", List.of(status), "transaction_id", p.transactionId(),
        "payment_details", details(p.serial(), p.amount())));
  }

  private static Map<String, Object> answer(String id, String description, String beneficiary, BigDecimal amount) {
    return Json.data(Json.obj("response_code", SUCCESS, "response_desc", description, "simulation_id", id,
        "payment_details", details(beneficiary, amount)));
  }

  private static Map<String, Object> details(String beneficiary, BigDecimal amount) {
    return Json.obj("beneficiary", beneficiary, "chargedType", "energy", "chargedAmount", amount);
  }
}
