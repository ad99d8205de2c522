package org.mpm.plugins.swifta;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.mpm.auth.ApiKeyService;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
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
 * The company's side of Swifta: its token (a company API key named "Swifta", kept encrypted in
 * {@code swifta_authentication} so that the Swifta routes can tell it from the company's other keys), and the
 * payments Swifta requests at its validation.
 */
@Stateless
public class SwiftaService {

  /** {@code mpm_plugins.id} of SwiftaPaymentProvider. */
  public static final long PLUGIN_ID = 7;
  /** How long a Swifta token is valid, as MPM's install command issues it. */
  static final int TOKEN_YEARS = 3;

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;
  @Inject ApiKeyService apiKeys;
  @Inject DeviceService devices;
  @Inject MeterTariffs meterTariffs;
  @Inject SwiftaPaymentProvider provider;

  /** A payment requested at validation: its row, device, amount and status. */
  public record Requested(long id, String deviceSerial, BigDecimal amount, int status) {}

  /** A requested payment's row id and the customer's name, for the validation's answer. */
  public record Validated(long id, String customer) {}

  /** The company's Swifta token; the first call creates it and is the only one that answers it in clear. */
  public SwiftaAuthentication authentication() {
    CredentialCipher cipher = gate.cipher();
    return gate.oneRow(PLUGIN_ID, () -> storedAuthentication().stream().findFirst().map(row -> {
      Object[] r = (Object[]) row;
      return new SwiftaAuthentication(((Number) r[0]).longValue(), CredentialCipher.mask(cipher.decrypt((String) r[1])),
          r[2] == null ? null : ((Number) r[2]).longValue(), time(r[3]), time(r[4]));
    }), () -> {
      String token = apiKeys.create(tenantDb.companyId(), "Swifta").token();
      LocalDateTime now = Timestamped.nowUtc();
      long expires = now.plusYears(TOKEN_YEARS).toEpochSecond(ZoneOffset.UTC);
      long id = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO swifta_authentication (token, expire_date,"
          + " created_at, updated_at)", "(?, ?, ?, ?)", List.<Object[]>of(new Object[] {cipher.encrypt(token),
              expires, Timestamp.valueOf(now), Timestamp.valueOf(now)})).get(0);
      return new SwiftaAuthentication(id, token, expires, now, now);
    });
  }

  private List<?> storedAuthentication() {
    return tenantDb.em().createNativeQuery("SELECT id, token, expire_date, created_at, updated_at FROM"
        + " swifta_authentication ORDER BY id LIMIT 1").getResultList();
  }

  /**
   * 401 {@code {"success":0,"message":"Authentication field."}} unless the bearer is the company's Swifta token (the
   * route's API-key check found the company; another key of the company is not Swifta's).
   */
  public void requireToken(String bearer) {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT token, expire_date FROM swifta_authentication ORDER BY id"
        + " LIMIT 1").getResultList();
    boolean valid = false;
    if (!rows.isEmpty() && bearer != null) {
      Object[] r = (Object[]) rows.get(0);
      String stored = gate.cipher().decrypt((String) r[0]);
      long now = Timestamped.nowUtc().toEpochSecond(ZoneOffset.UTC);
      valid = stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
          bearer.getBytes(StandardCharsets.UTF_8)) && (r[1] == null || ((Number) r[1]).longValue() > now);
    }
    if (!valid) {
      throw new SwiftaException(401, "Authentication field.");
    }
  }

  /**
   * Swifta's validation: the device exists and has an owner, the amount buys at least the tariff's minimum
   * purchase; then the payment is requested (a row with status -2).
   *
   * @throws SwiftaException 400 with the reason when the payment could not be taken
   */
  public Validated request(String serial, BigDecimal amount, String cipher, String timestamp) {
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
      throw new SwiftaException(400, e.getMessage());
    }
    long id = provider.insert(amount, SwiftaPaymentProvider.STATUS_REQUESTED, null, cipher, timestamp,
        Timestamped.nowUtc());
    NativeSql.execute(tenantDb.connection(), "UPDATE swifta_transactions SET device_serial = ? WHERE id = ?",
        List.of(serial, id));
    List<?> names = tenantDb.em().createNativeQuery("SELECT CONCAT_WS(' ', name, surname) FROM people WHERE id = ?")
        .setParameter(1, device.getPersonId()).getResultList();
    return new Validated(id, names.isEmpty() ? "" : (String) names.get(0));
  }

  /** A requested payment by its row id; null when there is none. */
  public Requested requested(long id) {
    gate.requireEnabled(PLUGIN_ID);
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, device_serial, amount, status FROM swifta_transactions"
        + " WHERE id = ? AND device_serial IS NOT NULL").setParameter(1, id).getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = (Object[]) rows.get(0);
    return new Requested(((Number) r[0]).longValue(), (String) r[1], new BigDecimal(r[2].toString()),
        ((Number) r[3]).intValue());
  }

  /** The phone the customer of a device is reached at (the payment's sender), or null. */
  public String payerPhone(String serial) {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT a.phone FROM devices d JOIN addresses a ON"
        + " a.owner_type = 'person' AND a.owner_id = d.person_id AND a.phone IS NOT NULL AND a.phone <> ''"
        + " WHERE d.device_serial = ? ORDER BY a.is_primary DESC, a.id LIMIT 1").setParameter(1, serial)
        .getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }

  private static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
