package org.mpm.device.manufacturer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpm.device.Device;

/**
 * A simulated remote meter vendor ({@code api_name} {@code SimulatedVendorMeterApi}), the stand-in for a cloud
 * vending API (Calin, Stron, Spark …) where none can be reached: it is called outside any database transaction,
 * takes the transaction id as its idempotency key and answers a repeated call for a transaction with the token it
 * issued the first time, as such vendors do. Like those vendors' STS tokens it reports no energy (the vendor
 * computes it from the amount): {@code token_amount} is null.
 *
 * <p>Faults are planned by the meter's serial, so an operator or a test can exercise the pipeline's retries and
 * conflicts: a serial containing {@code -FAIL<n>-} fails the first n calls for each transaction, one containing
 * {@code -FAILALL-} fails every call; other serials never fail. The vendor's memory (tokens, calls) lives in this
 * node's memory, as a remote vendor's would live on its side.
 */
@ApplicationScoped
public class SimulatedVendorMeterApi implements ManufacturerApi {

  public static final String API_NAME = "SimulatedVendorMeterApi";
  private static final Pattern FAIL_FIRST = Pattern.compile("-FAIL(\\d{1,3})-");

  private final Map<String, String> issued = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @Override
  public String apiName() {
    return API_NAME;
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    String serial = request.device().getDeviceSerial();
    String key = serial + "#" + request.transactionId();
    int call = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (serial.contains("-FAILALL-")) {
      throw new IllegalStateException("Vendor API unavailable (HTTP 503) for meter " + serial + ", call " + call);
    }
    Matcher m = FAIL_FIRST.matcher(serial);
    if (m.find() && call <= Integer.parseInt(m.group(1))) {
      throw new IllegalStateException("Vendor API timed out for meter " + serial + ", call " + call);
    }
    String token = issued.computeIfAbsent(key, k -> DemoMeterManufacturerApi.randomToken());
    return new ChargeResult(token, "energy", "kWh", null);
  }

  @Override
  public DeviceMapping deviceInfo(Device device) {
    return new DeviceMapping(true, true, Map.of("serial", device.getDeviceSerial(), "vendor", "simulated"));
  }
}
