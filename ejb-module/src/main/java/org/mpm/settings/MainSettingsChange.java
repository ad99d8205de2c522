package org.mpm.settings;

/**
 * What an update of the main settings changes (MPM's {@code $request->only([...])}): a field left null keeps its
 * value. The columns that take null ({@code vat_energy}, {@code vat_appliance}, {@code sms_gateway_id}) come as a
 * {@link Value}, whose own value may be null to clear the column.
 */
public record MainSettingsChange(String siteTitle, String companyName, String currency, String country,
    String language, Value<Double> vatEnergy, Value<Double> vatAppliance, String usageType,
    Value<Long> smsGatewayId, Boolean transactionSmsEnabled) {

  /** A new value of a column that takes null. */
  public record Value<T>(T value) {}
}
