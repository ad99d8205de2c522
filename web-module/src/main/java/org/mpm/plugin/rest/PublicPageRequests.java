package org.mpm.plugin.rest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/**
 * What the public payment pages of the payment providers (Paystack, Flutterwave, Pesapal) read and answer alike:
 * the payment form's body, the device check, the reference of a result, the result's body. A 400 is answered in
 * the provider's shape.
 */
public final class PublicPageRequests {

  /** The device types the payment form offers. */
  public static final List<String> DEVICE_TYPES = List.of("meter", "solar_home_system", "e_bike");

  /** A public payment as the form sends it: the device, the amount and (for a provider that asks) the currency. */
  public record Payment(String serial, BigDecimal amount, String currency) {}

  private final Function<String, RuntimeException> badRequest;

  /** @param badRequest the provider's 400 with a message */
  public PublicPageRequests(Function<String, RuntimeException> badRequest) {
    this.badRequest = badRequest;
  }

  /**
   * {@code {device_serial (3 … 50), device_type?, amount (1 … 1,000,000), currency}} (422 on a bad value).
   *
   * @param currencies the currencies the provider takes; null when the form sends none
   */
  public Payment payment(String body, List<String> currencies) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", true, 3, 50);
    b.in("device_type", false, DEVICE_TYPES);
    BigDecimal amount = b.number("amount", true, BigDecimal.ONE, new BigDecimal("1000000"));
    String currency = currencies == null ? null : b.in("currency", true, currencies);
    b.validate();
    return new Payment(serial, amount, currency);
  }

  /**
   * Whether a device can be paid: body {@code {device_serial (or meter_serial), device_type?}} →
   * {@code {valid, device_serial, device_type}}; 400 "Device serial required" without a serial.
   *
   * @param payable whether the company can take a payment for the serial and device type
   */
  public Map<String, Object> deviceCheck(String body, BiPredicate<String, String> payable) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", false);
    if (serial == null || serial.isBlank()) {
      serial = b.string("meter_serial", false);
    }
    String type = b.string("device_type", false);
    if (serial == null || serial.isBlank()) {
      throw badRequest.apply("Device serial required");
    }
    String deviceType = type == null || type.isBlank() ? "meter" : type;
    return Json.obj("valid", payable.test(serial, deviceType), "device_serial", serial, "device_type", deviceType);
  }

  /** The reference of a result or a verification; 400 "Transaction reference required" without one. */
  public String reference(String reference) {
    if (reference == null || reference.isBlank()) {
      throw badRequest.apply("Transaction reference required");
    }
    return reference;
  }

  /** The transaction row of a result page, its {@code created_at} as MPM's timestamp. */
  public static Map<String, Object> transaction(Map<String, Object> tx) {
    tx.computeIfPresent("created_at", (k, v) -> v instanceof LocalDateTime t ? Json.ts(t) : v);
    return tx;
  }

  /**
   * The result page: {@code {transaction, verification, success, token_status: generated|processing|pending,
   * token?}}.
   *
   * @param token the token once issued, else null
   * @param credited whether the payment was booked
   */
  public static Map<String, Object> result(Map<String, Object> tx, Map<String, Object> verification, boolean success,
      Object token, boolean credited) {
    Map<String, Object> out = Json.obj("transaction", transaction(tx), "verification", verification, "success",
        success, "token_status", token != null ? "generated" : credited ? "processing" : "pending");
    if (token != null) {
      out.put("token", token);
    }
    return out;
  }
}
