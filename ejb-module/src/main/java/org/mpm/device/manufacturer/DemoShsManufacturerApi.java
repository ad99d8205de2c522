package org.mpm.device.manufacturer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.device.Device;
import org.mpm.device.openpaygo.GeneratedToken;
import org.mpm.device.openpaygo.OpenPaygoConfig;
import org.mpm.device.openpaygo.OpenPaygoTokenEncoder;
import org.mpm.device.openpaygo.OpenPaygoTokenType;

/**
 * The built-in demo solar-home-system manufacturer (MPM's {@code DemoShsManufacturerApi} plugin), issuing real
 * OpenPAYGO Token v2.3 tokens from each device's set-up in {@code open_paygo_devices}.
 *
 * <p>Days for an amount as MPM's demo: {@code ceil(amount / daily price)}, with the device's {@code daily_price}
 * given when the SHS is registered or updated; an installment payment on the appliance plan sold with the device
 * sets it to the plan's daily price first (as MPM takes it from the plan). A plan paid off gets {@link #unlock}.
 * Every token locks the device's row, so the count advances with the token row in the caller's transaction and two
 * requests never share a count.
 */
@ApplicationScoped
public class DemoShsManufacturerApi implements ManufacturerApi {

  public static final String API_NAME = "DemoShsManufacturerApi";

  @Inject OpenPaygoDevices devices;

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
    var row = devices.find(device.getId());
    if (row.isEmpty()) {
      return "Device " + device.getDeviceSerial()
          + " has no OpenPAYGO configuration, so no token can be generated for it.";
    }
    BigDecimal price = row.get().dailyPrice();
    if (price == null || price.signum() <= 0) {
      return "This device has no appliance plan with a daily price, so a number of days cannot be priced.";
    }
    return null;
  }

  @Override
  public Double creditPrice(Device device) {
    return devices.find(device.getId()).map(OpenPaygoDevices.Row::dailyPrice).map(BigDecimal::doubleValue)
        .orElse(null);
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    Device device = request.device();
    OpenPaygoDevices.Row row = locked(device);
    BigDecimal price = row.dailyPrice();
    if (price == null || price.signum() <= 0) {
      throw new UnsupportedManufacturerCallException(
          "This device has no appliance plan with a daily price, so a number of days cannot be priced.");
    }
    // Through the decimal text, so 30.00 / 10.00 is exactly 3 days and not 3.0000000000000004 rounded up to 4.
    long days = new BigDecimal(Double.toString(request.amount())).divide(price, 0, RoundingMode.CEILING)
        .longValueExact();
    GeneratedToken token = issue(device, row, OpenPaygoTokenType.ADD_TIME, days);
    return new ChargeResult(token.token(), "time", "days", (double) days);
  }

  /** A SET_TIME token: the device's remaining time becomes {@code days}. */
  public GeneratedToken setTime(Device device, long days) {
    return issue(device, locked(device), OpenPaygoTokenType.SET_TIME, days);
  }

  /** A DISABLE_PAYG token (value 998): the device is paid off and unlocked for good. */
  public GeneratedToken disablePayg(Device device) {
    return issue(device, locked(device), OpenPaygoTokenType.DISABLE_PAYG, 0);
  }

  @Override
  public ChargeResult unlock(Device device) {
    return new ChargeResult(disablePayg(device).token(), "unlock", null, null);
  }

  /** A COUNTER_SYNC token (value 999): brings the device's count up to the server's. */
  public GeneratedToken counterSync(Device device) {
    return issue(device, locked(device), OpenPaygoTokenType.COUNTER_SYNC, 0);
  }

  @Override
  public DeviceMapping deviceInfo(Device device) {
    String serial = device.getDeviceSerial() == null ? "" : device.getDeviceSerial();
    if (serial.isEmpty() || serial.endsWith("0")) {
      return new DeviceMapping(true, false, null);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("serial", serial);
    d.put("model", "Demo SHS Unit");
    d.put("status", "active");
    d.put("firmware", "1.0.0");
    return new DeviceMapping(true, true, d);
  }

  private OpenPaygoDevices.Row locked(Device device) {
    return devices.lock(device.getId()).orElseThrow(() -> new UnsupportedManufacturerCallException(
        "Device " + device.getDeviceSerial() + " has no OpenPAYGO configuration, so no token can be generated"
            + " for it."));
  }

  private GeneratedToken issue(Device device, OpenPaygoDevices.Row row, OpenPaygoTokenType type, long days) {
    OpenPaygoConfig config = row.config();
    GeneratedToken token;
    if (type.carriesValue()) {
      int max = config.extendedToken() ? OpenPaygoTokenEncoder.MAX_EXTENDED_ACTIVATION_VALUE
          : OpenPaygoTokenEncoder.MAX_ACTIVATION_VALUE;
      long raw = days * config.timeDivider();
      if (days < 0 || raw > max) {
        throw new UnsupportedManufacturerCallException("One token can carry at most " + (max / config.timeDivider())
            + " days for device " + device.getDeviceSerial() + ", asked for " + days + ".");
      }
      token = OpenPaygoTokenEncoder.generate(config, row.tokenCount(), type, (int) raw);
    } else {
      token = OpenPaygoTokenEncoder.generate(config, row.tokenCount(), type);
    }
    devices.updateCount(row.deviceId(), token.newCount());
    return token;
  }
}
