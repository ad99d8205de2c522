package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.device.manufacturer.DemoShsManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.device.manufacturer.OpenPaygoDevices;
import org.mpm.device.manufacturer.UnsupportedManufacturerCallException;
import org.mpm.device.openpaygo.GeneratedToken;
import org.mpm.device.openpaygo.OpenPaygoTokenType;
import org.mpm.tariff.TariffPricing.PricingException;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;

/**
 * Tokens issued for a device outside a payment (MPM's DeviceControlService): whether the device can have one, an
 * ad-hoc token booked as a cash transaction of the user, and the administrative OpenPAYGO codes of the demo SHS
 * manufacturer's devices.
 */
@Stateless
public class DeviceTokenService {

  @Inject TenantDatabase tenantDb;
  @Inject DeviceService devices;
  @Inject OpenPaygoDevices openPaygo;
  @Inject DemoShsManufacturerApi demoShs;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** MPM's DeviceCapabilities. */
  public record Capabilities(boolean tokenGeneration, String creditUnit, String blockedReason) {}

  /** The unit a device's credit is counted in: kWh for meters, days for solar home systems and e-bikes. */
  static String creditUnit(Device d) {
    return Meter.MORPH.equals(d.getDeviceType()) ? "kWh" : "days";
  }

  public Capabilities capabilities(long id) {
    Device d = devices.device(id);
    String reason = null;
    try {
      assertTokenPossible(d);
    } catch (ValidationException e) {
      reason = e.getMessage();
    }
    return new Capabilities(reason == null, creditUnit(d), reason);
  }

  /**
   * Issues a token on demand: an {@code ad_hoc} cash transaction of the current user, the manufacturer's token and
   * (for OpenPAYGO devices) the new count, all in this one transaction.
   *
   * @param unit {@code currency}, or the device's credit unit ({@code days} / {@code kWh})
   */
  public Token generateToken(long id, double amount, String unit, long userId) {
    Device d = devices.device(id);
    ManufacturerApi api = assertTokenPossible(d);
    double money;
    if ("currency".equals(unit)) {
      money = amount;
    } else {
      if (!unit.equals(creditUnit(d))) {
        throw ValidationException.message("A " + d.getDeviceType() + " issues its credit in " + creditUnit(d)
            + ", not in " + unit + ".");
      }
      money = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(api.creditPrice(d))).doubleValue();
    }
    if (money > PaymentRequest.MAX_AMOUNT.doubleValue()) {
      throw ValidationException.field("amount", "The token would cost " + BigDecimal.valueOf(money).toPlainString()
          + ", more than the largest payment of " + PaymentRequest.MAX_AMOUNT.toPlainString() + ".");
    }
    CashTransaction cash = new CashTransaction(userId);
    cash.setStatus(1);
    em().persist(cash);
    em().flush();
    Transaction tx = new Transaction(cash.getId(), CashTransaction.MORPH, money, senderPhone(d), d.getDeviceSerial());
    tx.setType("ad_hoc");
    em().persist(tx);
    em().flush();
    ChargeResult r;
    try {
      r = api.charge(new ChargeRequest(d, money, tx.getId()));
    } catch (UnsupportedManufacturerCallException | PricingException e) {
      // rolls back the cash transaction and the transaction written above
      throw ValidationException.message(e.getMessage());
    }
    Token t = new Token(tx.getId(), r.token());
    t.setDeviceId(d.getId());
    t.setTokenType(r.tokenType());
    t.setTokenUnit(r.tokenUnit());
    t.setTokenAmount(r.tokenAmount());
    em().persist(t);
    em().flush();
    return t;
  }

  private ManufacturerApi assertTokenPossible(Device d) {
    Optional<ManufacturerApi> api = devices.api(d);
    if (api.isEmpty() || !api.get().vendsCredit()) {
      throw ValidationException.message("The manufacturer of this device does not support token generation.");
    }
    if (d.getPersonId() == null) {
      throw ValidationException.message("Device " + d.getDeviceSerial()
          + " is not assigned to a customer, so credit cannot be issued for it.");
    }
    String reason = api.get().chargeBlockedReason(d);
    if (reason != null) {
      throw ValidationException.message(reason);
    }
    return api.get();
  }

  private String senderPhone(Device d) {
    List<?> phones = em().createNativeQuery("SELECT phone FROM addresses WHERE owner_type = 'person' AND owner_id = ?"
            + " AND phone IS NOT NULL ORDER BY is_primary DESC, id LIMIT 1")
        .setParameter(1, d.getPersonId()).getResultList();
    return phones.isEmpty() ? "" : String.valueOf(phones.get(0));
  }

  /** The OpenPAYGO set-up of a device; 404 when it has none. */
  public OpenPaygoDevices.Row openPaygo(long id) {
    Device d = devices.device(id);
    return openPaygo.find(d.getId()).orElseThrow(() -> new NotFoundException(
        "Device " + d.getDeviceSerial() + " has no OpenPAYGO configuration."));
  }

  /**
   * An administrative OpenPAYGO code for a device of the demo SHS manufacturer, outside any payment: SET_TIME
   * (the device's remaining time becomes {@code days}), DISABLE_PAYG (paid off for good) or COUNTER_SYNC (the
   * device catches up with the server's count). The count advances with the code; no payment is booked.
   */
  public GeneratedToken openPaygoCode(long id, OpenPaygoTokenType type, Long days) {
    Device d = devices.device(id);
    if (openPaygo.find(d.getId()).isEmpty()) {
      throw new NotFoundException("Device " + d.getDeviceSerial() + " has no OpenPAYGO configuration.");
    }
    try {
      return switch (type) {
        case SET_TIME -> demoShs.setTime(d, days == null ? 0 : days);
        case DISABLE_PAYG -> demoShs.disablePayg(d);
        case COUNTER_SYNC -> demoShs.counterSync(d);
        case ADD_TIME -> throw ValidationException.field("type",
            "Add Time codes are sold: use POST /api/devices/{device}/token.");
      };
    } catch (UnsupportedManufacturerCallException | IllegalArgumentException e) {
      throw ValidationException.field("days", e.getMessage());
    }
  }
}
