package org.mpm.plugins.wavemoney;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.company.Company;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.manufacturer.MeterTariffs;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tariff.TariffPricing.Terms;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.engine.PaymentChecks;

/**
 * The company's side of Wave Money: its merchant credentials (one row, the merchant id and secret key encrypted),
 * the payments its customers start, and the reads and status changes of Wave Money's callbacks.
 */
@Stateless
public class WaveMoneyService {

  /** {@code mpm_plugins.id} of WaveMoneyPaymentProvider. */
  public static final long PLUGIN_ID = 11;
  static final String CURRENCY = "MMK";

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;
  @Inject DeviceService devices;
  @Inject MeterTariffs meterTariffs;
  @Inject WaveMoneyPaymentProvider provider;

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject
  @ConfigProperty(name = "mpm.frontend.url", defaultValue = "http://localhost:8001")
  String consoleUrl;

  /** The credential row in clear (merchant id and secret key decrypted). */
  public record Credential(long id, String merchantId, String merchantName, String secretKey, String callbackUrl,
      String paymentUrl, String resultUrl, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** A payment started: its row, ids, amount and what the payment request to Wave Money needs. */
  public record Started(long id, String orderId, String referenceId, BigDecimal amount, Credential credential) {}

  /** A requested payment as a callback finds it. */
  public record Requested(long id, BigDecimal amount, String currency, String serial, int status) {}

  /** The credential, created empty on first read as MPM's install does. */
  public Credential credential() {
    return gate.oneRow(PLUGIN_ID, this::read, () -> {
      Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
      NativeSql.insertAll(tenantDb.connection(), "INSERT INTO wave_money_credentials (created_at, updated_at)",
          "(?, ?)", List.<Object[]>of(new Object[] {now, now}));
      return read().orElseThrow();
    });
  }

  /**
   * Saves the merchant id and secret key; the callback, payment and result URLs and the merchant name are the
   * company's, as MPM derives them.
   *
   * @param apiUrl this server's {@code /api} URL the callback is made to
   */
  public Credential update(String merchantId, String secretKey, String apiUrl) {
    Credential c = credential();
    long companyId = tenantDb.companyId();
    Company company = central.find(Company.class, companyId);
    String name = company == null ? "" : company.getName().split("_1", 2)[0];
    String console = consoleUrl.replaceAll("/+$", "");
    CredentialCipher cipher = gate.cipher();
    NativeSql.execute(tenantDb.connection(), "UPDATE wave_money_credentials SET merchant_id = ?, secret_key = ?,"
        + " merchant_name = ?, callback_url = ?, payment_url = ?, result_url = ?, updated_at = ? WHERE id = ?",
        Arrays.asList(cipher.encrypt(merchantId), cipher.encrypt(secretKey), name,
            apiUrl.replaceAll("/+$", "") + "/wave-money/wave-money-transaction/callback/" + companyId,
            console + "/#/wave-money/payment/" + name + "/" + companyId,
            console + "/#/wave-money/result/" + name + "/" + companyId,
            Timestamp.valueOf(Timestamped.nowUtc()), c.id()));
    return read().orElseThrow();
  }

  /**
   * A payment a customer starts: the device exists and has an owner, the amount buys at least the tariff's
   * minimum purchase, and the company has its merchant credentials; then the payment is requested.
   *
   * @throws WaveMoneyException 400 with the reason otherwise
   */
  public Started start(String serial, BigDecimal amount) {
    gate.requireEnabled(PLUGIN_ID);
    Device device;
    try {
      device = PaymentChecks.payableDevice(serial, devices.bySerials(List.of(serial)).devices());
      if (amount.signum() <= 0) {
        throw new PaymentRejectedException(400, "amount", "The amount must be greater than 0.");
      }
      PaymentChecks.minimumPurchase(amount, meterTariffs.terms(device).map(Terms::minimumPurchaseAmount)
          .orElse(null));
    } catch (PaymentRejectedException e) {
      throw new WaveMoneyException(400, e.getMessage());
    }
    Credential c = credential();
    if (blank(c.merchantId()) || blank(c.secretKey())) {
      throw new WaveMoneyException(400, "Wave Money is not set up for this company.");
    }
    String orderId = UUID.randomUUID().toString();
    String referenceId = UUID.randomUUID().toString();
    long id = provider.request(amount, orderId, referenceId, CURRENCY, device.getPersonId(), serial);
    return new Started(id, orderId, referenceId, amount, c);
  }

  /** Wave Money took the payment request: its transaction id. */
  public void started(long id, String externalId) {
    NativeSql.execute(tenantDb.connection(), "UPDATE wave_money_transactions SET external_transaction_id = ?,"
        + " updated_at = ? WHERE id = ?", Arrays.asList(externalId, Timestamp.valueOf(Timestamped.nowUtc()), id));
  }

  /** The payment is failed (Wave Money refused the request, or reported the payment failed); a success stays. */
  public void failed(long id) {
    NativeSql.execute(tenantDb.connection(), "UPDATE wave_money_transactions SET status = -1, updated_at = ?"
        + " WHERE id = ? AND status = ?", Arrays.asList(Timestamp.valueOf(Timestamped.nowUtc()), id,
            WaveMoneyPaymentProvider.STATUS_REQUESTED));
  }

  /** The company's hash secret key in clear, for checking a callback; null when there is none. */
  public String secretKey() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT secret_key FROM wave_money_credentials ORDER BY id LIMIT 1")
        .getResultList();
    return rows.isEmpty() || rows.get(0) == null ? null : gate.cipher().decrypt((String) rows.get(0));
  }

  /** The requested payment of an order, counting the callback as an attempt; null when there is none. */
  public Requested requested(String orderId) {
    gate.requireEnabled(PLUGIN_ID);
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, amount, currency, meter_serial, status FROM"
        + " wave_money_transactions WHERE order_id = ? AND customer_id <> 0 ORDER BY id LIMIT 1")
        .setParameter(1, orderId).getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = (Object[]) rows.get(0);
    long id = ((Number) r[0]).longValue();
    NativeSql.execute(tenantDb.connection(), "UPDATE wave_money_transactions SET attempts = attempts + 1 WHERE id = ?",
        List.of(id));
    return new Requested(id, new BigDecimal(r[1].toString()), (String) r[2], (String) r[3],
        ((Number) r[4]).intValue());
  }

  private Optional<Credential> read() {
    EntityManager em = tenantDb.em();
    List<?> rows = em.createNativeQuery("SELECT id, merchant_id, merchant_name, secret_key, callback_url, payment_url,"
        + " result_url, created_at, updated_at FROM wave_money_credentials ORDER BY id LIMIT 1").getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    CredentialCipher cipher = gate.cipher();
    return Optional.of(new Credential(((Number) r[0]).longValue(), cipher.decrypt((String) r[1]), (String) r[2],
        cipher.decrypt((String) r[3]), (String) r[4], (String) r[5], (String) r[6], time(r[7]), time(r[8])));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
