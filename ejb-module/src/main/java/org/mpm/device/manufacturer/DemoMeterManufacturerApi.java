package org.mpm.device.manufacturer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import org.mpm.device.Device;
import org.mpm.tariff.TariffPricing;
import org.mpm.tariff.TariffPricing.Purchase;
import org.mpm.tariff.TariffPricing.Terms;

/**
 * The built-in demo meter manufacturer (MPM's {@code DemoMeterManufacturerApi} plugin): energy tokens for prepaid
 * meters, priced with the meter's tariff by {@link TariffPricing#energyFor} (unit price = price + pricing
 * components, kWh rounded down to 3 decimals, the tariff's minimum purchase enforced).
 *
 * <p>MPM's demo returns 12 random digits; there is no meter behind it to check a token, so this one issues a
 * 20-digit number in the shape of an STS prepaid token, drawn from {@link SecureRandom}. A refused price (below
 * the minimum purchase, …) is thrown as {@link TariffPricing.PricingException} and answered 422 by the caller.
 */
@ApplicationScoped
public class DemoMeterManufacturerApi implements ManufacturerApi {

  public static final String API_NAME = "DemoMeterManufacturerApi";

  /** Digits of a token (an STS token is 20 digits). */
  public static final int TOKEN_DIGITS = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject MeterTariffs tariffs;

  @Override
  public String apiName() {
    return API_NAME;
  }

  @Override
  public boolean chargesInTransaction() {
    return true;
  }

  @Override
  public String chargeBlockedReason(Device device) {
    var terms = tariffs.terms(device);
    if (terms.isEmpty()) {
      return noTariff(device);
    }
    if (TariffPricing.unitPrice(terms.get()).signum() <= 0) {
      return "This tariff has no price per kWh, so energy cannot be priced.";
    }
    return null;
  }

  @Override
  public Double creditPrice(Device device) {
    return tariffs.terms(device).map(TariffPricing::unitPrice).map(BigDecimal::doubleValue).orElse(null);
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    Device device = request.device();
    Terms terms = tariffs.terms(device)
        .orElseThrow(() -> new UnsupportedManufacturerCallException(noTariff(device)));
    // Through the decimal text of the amount, so 1000.0 is exactly 1000.
    Purchase p = TariffPricing.energyFor(terms, new BigDecimal(Double.toString(request.amount())),
        device.getDeviceSerial());
    return new ChargeResult(randomToken(), "energy", "kWh", p.energy().doubleValue());
  }

  /** {@link #TOKEN_DIGITS} uniform random digits, from one read of the secure generator (usually). */
  static String randomToken() {
    StringBuilder sb = new StringBuilder(TOKEN_DIGITS);
    byte[] bytes = new byte[TOKEN_DIGITS + 8];
    while (sb.length() < TOKEN_DIGITS) {
      RANDOM.nextBytes(bytes);
      for (int i = 0; i < bytes.length && sb.length() < TOKEN_DIGITS; i++) {
        int b = bytes[i] & 0xff;
        if (b < 250) { // 250 = 25 × 10: every digit equally likely
          sb.append((char) ('0' + b % 10));
        }
      }
    }
    return sb.toString();
  }

  private static String noTariff(Device device) {
    return "Meter " + device.getDeviceSerial() + " has no tariff, so energy cannot be priced.";
  }
}
