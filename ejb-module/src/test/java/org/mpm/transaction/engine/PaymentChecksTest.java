package org.mpm.transaction.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mpm.device.Device;
import org.mpm.device.Meter;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/** Every refusal of a payment before it is allocated, with MPM's status, field and message. */
class PaymentChecksTest {

  private static PaymentRequest paying(BigDecimal amount, String raw) {
    return new PaymentRequest("agent_transaction", "SN-1", amount, raw, null, null, Map.of(), null);
  }

  private static PaymentRejectedException refused(Executable check, String field, String message) {
    PaymentRejectedException e = assertThrows(PaymentRejectedException.class, check);
    assertEquals(422, e.status());
    assertEquals(field, e.field());
    assertEquals(message, e.getMessage());
    return e;
  }

  private static Device device(String serial, Long owner) {
    Device d = new Device(Meter.MORPH, 1, serial);
    d.setPersonId(owner);
    return d;
  }

  // ---- amount

  @Test
  void anAmountThatWasNotSentIsNotFound() {
    refused(() -> PaymentChecks.amount(paying(null, null)), null, "Transaction amount not found");
  }

  @Test
  void anAmountThatIsNotANumberIsRefused() {
    refused(() -> PaymentChecks.amount(paying(null, "ten")), "amount", "The amount must be a number.");
  }

  @Test
  void zeroAndNegativeAmountsAreRefused() {
    refused(() -> PaymentChecks.amount(paying(BigDecimal.ZERO, "0")), "amount", "The amount must be greater than 0.");
    refused(() -> PaymentChecks.amount(paying(new BigDecimal("-5"), "-5")), "amount",
        "The amount must be greater than 0.");
  }

  @Test
  void moreThanTwoDecimalsAreRefused() {
    refused(() -> PaymentChecks.amount(paying(new BigDecimal("1.005"), "1.005")), "amount",
        "The amount may have at most 2 decimal places.");
  }

  @Test
  void anAmountOverTheMaximumIsRefused() {
    refused(() -> PaymentChecks.amount(paying(new BigDecimal("1000000000.01"), "1000000000.01")), "amount",
        "The amount may not be greater than 1000000000.");
  }

  @Test
  void aValidAmountHasTwoDecimals() {
    assertEquals(new BigDecimal("12.50"), PaymentChecks.amount(paying(new BigDecimal("12.5"), "12.5")));
    assertEquals(new BigDecimal("3.00"), PaymentChecks.amount(paying(new BigDecimal("3.000"), "3.000")));
    assertEquals(new BigDecimal("1000000000.00"), PaymentChecks.amount(paying(PaymentChecks.MAX_AMOUNT, "1e9")));
  }

  // ---- device

  @Test
  void aMissingSerialIsRefused() {
    refused(() -> PaymentChecks.payableDevice(null, Map.of()), "device_serial", "The device serial field is required.");
    refused(() -> PaymentChecks.payableDevice("  ", Map.of()), "device_serial", "The device serial field is required.");
  }

  @Test
  void anUnknownSerialIsRefused() {
    refused(() -> PaymentChecks.payableDevice("SN-9", Map.of("SN-1", device("SN-1", 4L))), "device_serial",
        "No device with serial SN-9 exists.");
  }

  @Test
  void aDeviceWithoutOwnerIsRefused() {
    refused(() -> PaymentChecks.payableDevice("SN-1", Map.of("SN-1", device("SN-1", null))), "device_serial",
        "Device SN-1 is not assigned to a customer, so a payment cannot be booked for it.");
  }

  @Test
  void anOwnedDeviceIsPayable() {
    Device d = device("SN-1", 4L);
    assertSame(d, PaymentChecks.payableDevice("SN-1", Map.of("SN-1", d)));
  }

  // ---- integration

  /** An integration that vends credit or not, and may refuse to charge now. */
  private static ManufacturerApi api(boolean vends, String blocked) {
    return new ManufacturerApi() {
      @Override
      public String apiName() {
        return "Test";
      }

      @Override
      public boolean vendsCredit() {
        return vends;
      }

      @Override
      public String chargeBlockedReason(Device device) {
        return blocked;
      }

      @Override
      public ChargeResult charge(ChargeRequest request) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void aDeviceWithoutIntegrationIsRefused() {
    refused(() -> PaymentChecks.vendingApi(device("SN-1", 4L), null), "device_serial",
        "The manufacturer of device SN-1 does not support token generation.");
  }

  @Test
  void anIntegrationThatVendsNoCreditIsRefused() {
    refused(() -> PaymentChecks.vendingApi(device("SN-1", 4L), api(false, null)), "device_serial",
        "The manufacturer of device SN-1 does not support token generation.");
  }

  @Test
  void anIntegrationThatCannotChargeTheDeviceNowGivesItsReason() {
    refused(() -> PaymentChecks.vendingApi(device("SN-1", 4L), api(true, "No price for this device.")),
        "device_serial", "No price for this device.");
  }

  @Test
  void aVendingIntegrationIsTaken() {
    ManufacturerApi api = api(true, null);
    assertSame(api, PaymentChecks.vendingApi(device("SN-1", 4L), api));
  }

  // ---- minimum purchase

  @Test
  void whatIsLeftForEnergyMustReachTheMinimumPurchase() {
    refused(() -> PaymentChecks.minimumPurchase(new BigDecimal("4.50"), new BigDecimal("5.000")), "amount",
        "After debts of the customer, 4.50 is left for energy, below the minimum purchase amount of 5 of this"
            + " tariff.");
  }

  @Test
  void reachingTheMinimumOrHavingNoneIsFine() {
    assertDoesNotThrow(() -> PaymentChecks.minimumPurchase(new BigDecimal("5.00"), new BigDecimal("5")));
    assertDoesNotThrow(() -> PaymentChecks.minimumPurchase(new BigDecimal("7.00"), new BigDecimal("5")));
    assertDoesNotThrow(() -> PaymentChecks.minimumPurchase(new BigDecimal("0.10"), null));
  }

  @Test
  void aPaymentThatOnlyPaidDebtsNeedsNoMinimum() {
    assertDoesNotThrow(() -> PaymentChecks.minimumPurchase(new BigDecimal("0.00"), new BigDecimal("5")));
  }

  @Test
  void theRefusalWithoutFieldHasNoErrors() {
    PaymentRejectedException e = assertThrows(PaymentRejectedException.class,
        () -> PaymentChecks.amount(paying(null, null)));
    assertNull(e.field());
    assertEquals(Map.of(), e.errors());
  }
}
