package org.mpm.device.manufacturer;

import java.util.Map;
import org.mpm.device.Device;

/**
 * What a manufacturer integration provides to MPM (MPM's {@code IManufacturerAPI} and
 * {@code IManufacturerDeviceControl}). An implementation is an {@code @ApplicationScoped} CDI bean; the
 * {@link ManufacturerApis} registry finds it by {@link #apiName()}, the value of {@code manufacturers.api_name}.
 *
 * <p>{@link #charge} runs inside the caller's tenant transaction: an integration that keeps local state (the
 * built-in demo SHS manufacturer keeps each device's OpenPAYGO count) locks and updates it there, so the state
 * commits with the token row or not at all.
 */
public interface ManufacturerApi {

  /** The {@code manufacturers.api_name} this integration answers for, e.g. {@code DemoShsManufacturerApi}. */
  String apiName();

  /**
   * Whether {@link #charge} is local and keeps its state in the tenant database (the built-in demo integrations):
   * the payment pipeline then charges inside the transaction that records the token, so both commit together.
   * A remote integration (false) is called outside any transaction, with the transaction id as its idempotency
   * key, and must answer a repeated call for the same transaction with the same token.
   */
  default boolean chargesInTransaction() {
    return false;
  }

  /** Whether this integration vends credit tokens at all. */
  default boolean vendsCredit() {
    return true;
  }

  /**
   * Why this device cannot be charged right now (e.g. it has no price to turn money into credit), or null when
   * it can. The device has an owner and the integration vends credit when this is asked.
   */
  default String chargeBlockedReason(Device device) {
    return null;
  }

  /**
   * What one credit unit costs (a day, a kWh), used to price a request made in credit; null when unknown.
   */
  default Double creditPrice(Device device) {
    return null;
  }

  /**
   * Charges a device for an amount of money and returns the token to enter on it.
   *
   * @throws UnsupportedManufacturerCallException when the device cannot be charged (answered 422)
   */
  ChargeResult charge(ChargeRequest request);

  /**
   * The token that unlocks a device for good once its appliance is paid off (MPM's {@code unlockDevice}).
   *
   * @throws UnsupportedManufacturerCallException when the integration cannot unlock devices
   */
  default ChargeResult unlock(Device device) {
    throw new UnsupportedManufacturerCallException("The manufacturer of this device does not support unlocking it.");
  }

  /** Whether the unit is known on the manufacturer's side; {@code supported=false} when there is no such API. */
  default DeviceMapping deviceInfo(Device device) {
    return DeviceMapping.unsupported();
  }

  /**
   * Switches a device (an e-bike's relay) on or off.
   *
   * @throws UnsupportedManufacturerCallException when the manufacturer cannot switch devices
   */
  default void switchDevice(Device device, boolean on) {
    throw new UnsupportedManufacturerCallException(
        "The manufacturer of this device does not support switching it on or off.");
  }

  /** A request to charge a device: its row, the money it is charged for and the transaction it is booked on. */
  record ChargeRequest(Device device, double amount, long transactionId) {}

  /**
   * A token: the digits, {@code time|energy|unlock}, {@code days|kWh|…|null} and the credit it carries.
   */
  record ChargeResult(String token, String tokenType, String tokenUnit, Double tokenAmount) {}

  /** MPM's DeviceMappingResource: {@code supported}, and when supported {@code mapped} and the vendor's view. */
  record DeviceMapping(boolean supported, Boolean mapped, Map<String, Object> device) {
    public static DeviceMapping unsupported() {
      return new DeviceMapping(false, null, null);
    }
  }
}
