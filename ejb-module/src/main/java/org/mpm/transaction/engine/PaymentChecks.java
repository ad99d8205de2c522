package org.mpm.transaction.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.mpm.device.Device;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * What a payment must be before it is accepted: an amount that is a positive number of at most two decimals and at
 * most the maximum; a device that exists and has an owner, whose integration vends credit and can charge it now;
 * and, once the debts are paid, enough left for the tariff's minimum purchase. Each refusal is a
 * {@link PaymentRejectedException} with MPM's status and message.
 */
public final class PaymentChecks {

  /** Decimals a payment amount may have (a currency's minor unit). */
  public static final int AMOUNT_SCALE = 2;
  /** The largest amount one payment may carry. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

  private PaymentChecks() {}

  /** The payment's amount with {@value #AMOUNT_SCALE} decimals. */
  public static BigDecimal amount(PaymentRequest r) {
    BigDecimal amount = r.amount();
    if (amount == null && r.rawAmount() == null) {
      throw new PaymentRejectedException(422, null, "Transaction amount not found");
    }
    if (amount == null) {
      throw PaymentRejectedException.invalid("amount", "The amount must be a number.");
    }
    if (amount.signum() <= 0) {
      throw PaymentRejectedException.invalid("amount", "The amount must be greater than 0.");
    }
    if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
      throw PaymentRejectedException.invalid("amount", "The amount may have at most " + AMOUNT_SCALE
          + " decimal places.");
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw PaymentRejectedException.invalid("amount", "The amount may not be greater than "
          + MAX_AMOUNT.toPlainString() + ".");
    }
    return amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
  }

  /** The device with the payment's serial, among those found by serial; it must have an owner. */
  public static Device payableDevice(String serial, Map<String, Device> bySerial) {
    if (serial == null || serial.isBlank()) {
      throw PaymentRejectedException.invalid("device_serial", "The device serial field is required.");
    }
    Device d = bySerial.get(serial);
    if (d == null) {
      throw PaymentRejectedException.invalid("device_serial", "No device with serial " + serial + " exists.");
    }
    if (d.getPersonId() == null) {
      throw PaymentRejectedException.invalid("device_serial", "Device " + serial
          + " is not assigned to a customer, so a payment cannot be booked for it.");
    }
    return d;
  }

  /** The device's integration (null when its manufacturer has none) must vend credit and be able to charge it. */
  public static ManufacturerApi vendingApi(Device device, ManufacturerApi api) {
    if (api == null || !api.vendsCredit()) {
      throw PaymentRejectedException.invalid("device_serial", "The manufacturer of device "
          + device.getDeviceSerial() + " does not support token generation.");
    }
    String blocked = api.chargeBlockedReason(device);
    if (blocked != null) {
      throw PaymentRejectedException.invalid("device_serial", blocked);
    }
    return api;
  }

  /**
   * What is left for energy must reach the tariff's minimum purchase (null: the tariff has none); nothing left is
   * fine (the payment paid debts only).
   */
  public static void minimumPurchase(BigDecimal residual, BigDecimal minimum) {
    if (residual.signum() > 0 && minimum != null && residual.compareTo(minimum) < 0) {
      throw PaymentRejectedException.invalid("amount", "After debts of the customer, "
          + residual.toPlainString() + " is left for energy, below the minimum purchase amount of "
          + minimum.stripTrailingZeros().toPlainString() + " of this tariff.");
    }
  }
}
