package org.mpm.plugins.vodacommz;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mpm.common.ApiException;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.manufacturer.MeterTariffs;
import org.mpm.plugin.PluginGate;
import org.mpm.tariff.TariffPricing.Terms;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.InstallmentBooking;
import org.mpm.transaction.PaymentEngine;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.engine.PaymentChecks;

/**
 * The company's side of Vodacom M-Pesa Mozambique: its credentials (one row, the API key encrypted), the payments
 * of appliance sales asked of Vodacom (their rows), Vodacom's validation of a payment for a device, and the status
 * of a payment by its reference, as stored.
 */
@Stateless
public class VodacomMzService {

  /** {@code mpm_plugins.id} of VodacomMzPaymentProvider. */
  public static final long PLUGIN_ID = 19;

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;
  @Inject DeviceService devices;
  @Inject MeterTariffs meterTariffs;
  @Inject InstallmentBooking installments;
  @Inject VodacomMzPaymentProvider provider;

  private static final String REFERENCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The credential row, the API key in clear. */
  public record Credential(long id, String apiKey, String publicKey, String serviceProviderCode, boolean live,
      LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** A payment asked of Vodacom: its pending row, reference, what it is for, its payer, the credential. */
  public record Requested(long rowId, String referenceId, String transactionReference, String serial, String payer,
      Credential credential) {}

  /** A payment as stored: its device, amount, status, and Vodacom's transaction id. */
  public record Payment(String serial, BigDecimal amount, int status, String transactionId) {}

  public Credential credential() {
    return gate.oneRow(PLUGIN_ID, this::stored, () -> {
      Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
      NativeSql.insertAll(tenantDb.connection(), "INSERT INTO vodacom_mz_credentials (live, created_at, updated_at)",
          "(?, ?, ?)", List.<Object[]>of(new Object[] {0, now, now}));
      return stored().orElseThrow();
    });
  }

  private Optional<Credential> stored() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, api_key, public_key, service_provider_code, live,"
        + " created_at, updated_at FROM vodacom_mz_credentials ORDER BY id LIMIT 1").getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new Credential(((Number) r[0]).longValue(), gate.cipher().decrypt((String) r[1]),
        (String) r[2], (String) r[3], r[4] instanceof Boolean b ? b : ((Number) r[4]).intValue() != 0, time(r[5]),
        time(r[6])));
  }

  public Credential update(String apiKey, String publicKey, String serviceProviderCode, boolean live) {
    Credential c = credential();
    NativeSql.execute(tenantDb.connection(), "UPDATE vodacom_mz_credentials SET api_key = ?, public_key = ?,"
        + " service_provider_code = ?, live = ?, updated_at = ? WHERE id = ?", Arrays.asList(
            gate.cipher().encrypt(apiKey), publicKey, serviceProviderCode, live ? 1 : 0,
            Timestamp.valueOf(Timestamped.nowUtc()), c.id()));
    return credential();
  }

  /**
   * A payment of an appliance sale to be asked of Vodacom: the sale can take the amount (404, 422 otherwise), the
   * company's credential is set (422 otherwise); then its row, pending, with a reference of its own. The payer is
   * the phone given, else the customer's primary phone.
   */
  public Requested request(long saleId, BigDecimal amount, String payerPhone) {
    InstallmentBooking.Sale sale = installments.payable(saleId, amount);
    Credential c = credential();
    if (blank(c.apiKey()) || blank(c.publicKey()) || c.live() && blank(c.serviceProviderCode())) {
      throw new ApiException(422, "Vodacom M-Pesa is not set up for this company.");
    }
    String payer = payerPhone == null || payerPhone.isBlank() ? installments.phone(sale.personId()) : payerPhone;
    String reference = reference(sale.message());
    long id = provider.request(sale.deviceSerial(), amount, payer, reference);
    return new Requested(id, reference, sale.message(), sale.deviceSerial(), payer, c);
  }

  /**
   * The end of a payment asked of Vodacom that no confirmation booked: its row with this status (failed, or still
   * pending when Vodacom's outcome is unknown), Vodacom's ids, and a conflict saying why.
   */
  public void unbooked(long rowId, int status, String conversationId, String transactionId, String reason) {
    LocalDateTime now = Timestamped.nowUtc();
    NativeSql.execute(tenantDb.connection(), "UPDATE vodacom_mz_transactions SET status = ?, conversationId ="
        + " COALESCE(?, conversationId), transactionId = COALESCE(?, transactionId), updated_at = ? WHERE id = ?"
        + " AND status = ?", Arrays.asList(status, conversationId, transactionId, Timestamp.valueOf(now), rowId,
            PaymentProvider.STATUS_PENDING));
    PaymentEngine.addConflict(tenantDb.em(), VodacomMzPaymentProvider.MORPH, rowId,
        reason.length() <= 1000 ? reason : reason.substring(0, 1000), now);
  }

  /**
   * Vodacom's {@code input_ThirdPartyReference}: letters and digits only (Vodacom refuses others), at most 20 — the
   * first letters and digits of what is paid for, then random ones; unique with the row's key.
   */
  static String reference(String paidFor) {
    String clean = paidFor.replaceAll("[^A-Za-z0-9]", "");
    String prefix = clean.substring(0, Math.min(8, clean.length()));
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < 20) {
      b.append(REFERENCE_CHARS.charAt(RANDOM.nextInt(REFERENCE_CHARS.length())));
    }
    return b.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Vodacom's validation of a payment: the device exists and has an owner, the amount buys at least the tariff's
   * minimum purchase. Nothing is written.
   *
   * @return the name of the device's customer
   * @throws ApiException 422 {@code {"message", "success": false}} when the payment could not be taken
   */
  public String validate(String serial, BigDecimal amount) {
    gate.requireEnabled(PLUGIN_ID);
    try {
      Device device = PaymentChecks.payableDevice(serial, devices.bySerials(List.of(serial)).devices());
      PaymentChecks.minimumPurchase(amount, meterTariffs.terms(device).map(Terms::minimumPurchaseAmount)
          .orElse(null));
      List<?> names = tenantDb.em().createNativeQuery("SELECT CONCAT_WS(' ', name, surname) FROM people WHERE id = ?")
          .setParameter(1, device.getPersonId()).getResultList();
      return names.isEmpty() ? "" : (String) names.get(0);
    } catch (PaymentRejectedException e) {
      throw VodacomMzRefusal.of(422, e.getMessage());
    }
  }

  /**
   * A payment by its reference, as stored.
   *
   * @throws ApiException 404 when the company has no payment with this reference
   */
  public Payment payment(String referenceId) {
    gate.requireEnabled(PLUGIN_ID);
    List<?> rows = tenantDb.em().createNativeQuery("SELECT serialNumber, amount, status, transactionId FROM"
        + " vodacom_mz_transactions WHERE referenceId = ?").setParameter(1, referenceId).getResultList();
    if (rows.isEmpty()) {
      throw VodacomMzRefusal.of(404, "No Vodacom M-Pesa transaction with the reference " + referenceId + " exists.");
    }
    Object[] r = (Object[]) rows.get(0);
    return new Payment((String) r[0], new BigDecimal(r[1].toString()), ((Number) r[2]).intValue(), (String) r[3]);
  }

  private static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
