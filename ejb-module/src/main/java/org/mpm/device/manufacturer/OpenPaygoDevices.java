package org.mpm.device.manufacturer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.device.openpaygo.OpenPaygoConfig;
import org.mpm.tenancy.TenantDatabase;

/**
 * The OpenPAYGO set-up and token count of each device of the built-in demo SHS manufacturer (tenant table
 * {@code open_paygo_devices}, not in MPM). Call it inside a tenant transaction.
 */
@ApplicationScoped
public class OpenPaygoDevices {

  /** The count a device starts with when none is given (the device's factory count). */
  public static final int DEFAULT_INITIAL_COUNT = 1;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject TenantDatabase tenantDb;

  /** A device's set-up, its current count and the price of a day of credit (null when not set). */
  public record Row(long deviceId, OpenPaygoConfig config, int tokenCount, BigDecimal dailyPrice) {}

  /** A fresh set-up: a random 16-byte key and starting code, time divider 1, all digits, standard tokens. */
  public static OpenPaygoConfig randomConfig() {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    return OpenPaygoConfig.standard(HexFormat.of().formatHex(key), RANDOM.nextInt(1_000_000_000));
  }

  public void provision(long deviceId, OpenPaygoConfig config, int initialCount, BigDecimal dailyPrice) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    em().createNativeQuery("INSERT INTO open_paygo_devices (device_id, secret_key, starting_code, time_divider,"
            + " restricted_digit_set, extended_token, token_count, daily_price, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, deviceId).setParameter(2, config.secretKeyHex()).setParameter(3, config.startingCode())
        .setParameter(4, config.timeDivider()).setParameter(5, config.restrictedDigitSet() ? 1 : 0)
        .setParameter(6, config.extendedToken() ? 1 : 0).setParameter(7, initialCount)
        .setParameter(8, dailyPrice).setParameter(9, now).setParameter(10, now).executeUpdate();
  }

  public Optional<Row> find(long deviceId) {
    return read(deviceId, false);
  }

  /** The row locked until the transaction ends ({@code SELECT … FOR UPDATE}): one token at a time per device. */
  public Optional<Row> lock(long deviceId) {
    return read(deviceId, true);
  }

  public void updateCount(long deviceId, int count) {
    em().createNativeQuery("UPDATE open_paygo_devices SET token_count = ?, updated_at = ? WHERE device_id = ?")
        .setParameter(1, count).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(3, deviceId)
        .executeUpdate();
  }

  public void updateDailyPrice(long deviceId, BigDecimal dailyPrice) {
    em().createNativeQuery("UPDATE open_paygo_devices SET daily_price = ?, updated_at = ? WHERE device_id = ?")
        .setParameter(1, dailyPrice).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(3, deviceId).executeUpdate();
  }

  private Optional<Row> read(long deviceId, boolean forUpdate) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT device_id, secret_key, starting_code, time_divider,"
            + " restricted_digit_set, extended_token, token_count, daily_price FROM open_paygo_devices"
            + " WHERE device_id = ?" + (forUpdate ? " FOR UPDATE" : ""))
        .setParameter(1, deviceId).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    OpenPaygoConfig config = new OpenPaygoConfig((String) r[1], ((Number) r[2]).longValue(),
        ((Number) r[3]).intValue(), flag(r[4]), flag(r[5]));
    BigDecimal price = r[7] == null ? null : new BigDecimal(r[7].toString());
    return Optional.of(new Row(((Number) r[0]).longValue(), config, ((Number) r[6]).intValue(), price));
  }

  private static boolean flag(Object o) {
    return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
