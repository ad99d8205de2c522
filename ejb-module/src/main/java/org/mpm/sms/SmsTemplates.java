package org.mpm.sms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendering of {@code sms_bodies} templates the way MPM's body parsers do it: each variable the template kind
 * knows is written as {@code [variable]} in the text and replaced literally (every occurrence) by its value; a
 * missing value becomes the empty string; anything else in square brackets (an unknown variable, a typo) is left
 * as it is. Values are not escaped or trimmed.
 */
public final class SmsTemplates {

  public static final String TOKEN_CONFIRMATION_METER = "TokenConfirmationMeter";
  public static final String TOKEN_CONFIRMATION_SHS = "TokenConfirmationSHS";
  public static final String TRANSACTION_CONFIRMATION_NO_TOKEN = "TransactionConfirmationNoToken";

  /** The variables MPM's parser of each template kind substitutes (others stay literal). */
  public static final Map<String, List<String>> VARIABLES = Map.ofEntries(
      Map.entry("SmsTransactionHeader", List.of("name", "surname", "transaction_amount")),
      Map.entry("SmsReminderHeader", List.of("name", "surname")),
      Map.entry("SmsResendInformationHeader", List.of("name", "surname")),
      Map.entry("EnergyConfirmation", List.of("meter", "token", "energy")),
      Map.entry("AccessRateConfirmation", List.of("amount")),
      Map.entry("ApplianceRateReminder", List.of("appliance_type_name", "remaining", "due_date")),
      Map.entry("ApplianceRatePayment", List.of("appliance_type_name", "amount")),
      Map.entry("OverdueApplianceRateReminder", List.of("appliance_type_name", "remaining", "due_date")),
      Map.entry("PricingDetails", List.of("amount", "vat_energy", "vat_others")),
      Map.entry("ResendInformation", List.of("meter", "token", "energy", "amount")),
      Map.entry("ResendInformationLastTransactionNotFound", List.of("meter")),
      Map.entry(TOKEN_CONFIRMATION_METER, List.of("name", "surname", "token", "energy", "meter_serial")),
      Map.entry(TOKEN_CONFIRMATION_SHS,
          List.of("name", "surname", "token", "duration", "unit", "device_serial", "amount")),
      Map.entry(TRANSACTION_CONFIRMATION_NO_TOKEN, List.of("name", "surname", "amount")));

  private SmsTemplates() {}

  /** Replaces {@code [v]} by {@code values.get(v)} for each {@code v} of {@code variables}, in that order. */
  public static String render(String body, Collection<String> variables, Map<String, ?> values) {
    if (body == null) {
      return "";
    }
    String out = body;
    for (String variable : variables) {
      Object value = values.get(variable);
      out = out.replace("[" + variable + "]", value == null ? "" : value.toString());
    }
    return out;
  }

  /** Renders a template of a known kind (by its reference) with that kind's variables. */
  public static String render(String reference, String body, Map<String, ?> values) {
    return render(body, VARIABLES.getOrDefault(reference, List.of()), values);
  }

  /** The values of a meter token confirmation (energy with three decimals, serial "-" when empty). */
  public static Map<String, String> meterTokenValues(
      String name, String surname, String token, double energyKwh, String meterSerial) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", nullToEmpty(name));
    v.put("surname", nullToEmpty(surname));
    v.put("token", nullToEmpty(token));
    v.put("energy", BigDecimal.valueOf(energyKwh).setScale(3, RoundingMode.HALF_UP).toPlainString());
    v.put("meter_serial", orDash(meterSerial));
    return v;
  }

  /**
   * The values of a SHS (time token) confirmation: whole durations without decimals, others with one; the unit
   * defaults to {@code days}.
   */
  public static Map<String, String> shsTokenValues(String name, String surname, String token, double duration,
      String unit, String deviceSerial, double amount) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", nullToEmpty(name));
    v.put("surname", nullToEmpty(surname));
    v.put("token", nullToEmpty(token));
    v.put("duration", duration == Math.rint(duration) && !Double.isInfinite(duration)
        ? Long.toString((long) duration)
        : BigDecimal.valueOf(duration).setScale(1, RoundingMode.HALF_UP).toPlainString());
    v.put("unit", unit == null ? "days" : unit);
    v.put("device_serial", orDash(deviceSerial));
    v.put("amount", number(amount));
    return v;
  }

  /** The values of a confirmation without token. */
  public static Map<String, String> noTokenValues(String name, String surname, double amount) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", nullToEmpty(name));
    v.put("surname", nullToEmpty(surname));
    v.put("amount", number(amount));
    return v;
  }

  /** A number as PHP prints a float: {@code 500}, {@code 12.5}. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A receiver as MPM writes it for a confirmation: with a leading {@code +}. */
  public static String e164(String phone) {
    if (phone == null) {
      return null;
    }
    String p = phone.trim();
    return p.startsWith("+") ? p : "+" + p;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
