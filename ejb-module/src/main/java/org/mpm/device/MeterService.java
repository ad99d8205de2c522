package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.ValidationException;
import org.mpm.geography.GeographyService;
import org.mpm.tenancy.TenantDatabase;

/**
 * Meters registered, changed and deleted (MPM's MeterController): serial numbers unique among meters and devices,
 * references checked, deletion only of a meter never used; and the locations of meters. What is shown of meters is
 * {@link MeterQueries}.
 */
@Stateless
public class MeterService {

  public static final String MODEL = "App\\Models\\Meter\\Meter";
  public static final String SERIAL_TAKEN = "The serial number has already been taken.";

  @Inject TenantDatabase tenantDb;
  @Inject MeterQueries queries;
  @Inject GeographyService geography;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** The fields of a new or changed meter; null means "not given". */
  public record MeterForm(String serialNumber, Long meterTypeId, Long manufacturerId, Boolean inUse,
      Long connectionTypeId, Long connectionGroupId, Long tariffId) {}

  /** Registers a meter (no device, no owner). The serial must not be used by any meter or device. */
  public Meter create(MeterForm f) {
    checkReferences(f);
    if (serialUsed(f.serialNumber(), null)) {
      throw ValidationException.field("serial_number", SERIAL_TAKEN);
    }
    Meter m = new Meter(f.serialNumber(), f.meterTypeId(), f.manufacturerId(), orZero(f.connectionTypeId()),
        orZero(f.connectionGroupId()), orZero(f.tariffId()));
    m.setInUse(f.inUse() != null && f.inUse());
    em().persist(m);
    flushUnique();
    return m;
  }

  /** Changes the given fields; a new serial is checked as on registration and carried to the meter's device. */
  public Meter update(long id, MeterForm f) {
    Meter m = queries.find(id);
    checkReferences(f);
    if (f.serialNumber() != null && !f.serialNumber().equals(m.getSerialNumber())) {
      Device device = queries.deviceOf(m.getId());
      if (serialUsed(f.serialNumber(), device == null ? null : device.getId())) {
        throw ValidationException.field("serial_number", SERIAL_TAKEN);
      }
      m.setSerialNumber(f.serialNumber());
      if (device != null) {
        device.setDeviceSerial(f.serialNumber());
      }
    }
    if (f.meterTypeId() != null) {
      m.setMeterTypeId(f.meterTypeId());
    }
    if (f.manufacturerId() != null) {
      m.setManufacturerId(f.manufacturerId());
    }
    if (f.inUse() != null) {
      m.setInUse(f.inUse());
    }
    if (f.connectionTypeId() != null) {
      m.setConnectionTypeId(f.connectionTypeId());
    }
    if (f.connectionGroupId() != null) {
      m.setConnectionGroupId(f.connectionGroupId());
    }
    if (f.tariffId() != null) {
      m.setTariffId(f.tariffId());
    }
    flushUnique();
    return m;
  }

  /**
   * Deletes a meter that was never used: no device (owner), no payments and no consumption readings; its
   * left-over access-rate rows go with it. Anything else is refused with a 422.
   */
  public void delete(long id) {
    Meter m = queries.find(id);
    em().lock(m, LockModeType.PESSIMISTIC_WRITE);
    boolean used = count("SELECT COUNT(*) FROM devices WHERE device_type = 'meter' AND device_id = ?1", m.getId()) > 0
        || count("SELECT COUNT(*) FROM devices WHERE device_serial = ?1", m.getSerialNumber()) > 0
        || count("SELECT COUNT(*) FROM transactions WHERE message = ?1", m.getSerialNumber()) > 0
        || count("SELECT COUNT(*) FROM meter_consumptions WHERE meter_id = ?1", m.getId()) > 0;
    if (used) {
      throw ValidationException.message("The meter cannot be deleted: it is assigned to a customer or has payments"
          + " or readings.");
    }
    em().createNativeQuery("DELETE FROM access_rate_payments WHERE meter_id = ?1").setParameter(1, m.getId())
        .executeUpdate();
    em().remove(m);
    em().flush();
  }

  private long count(String sql, Object param) {
    return ((Number) em().createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue();
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }

  private boolean serialUsed(String serial, Long exceptDeviceId) {
    if (count("SELECT COUNT(*) FROM meters WHERE serial_number = ?1", serial) > 0) {
      return true;
    }
    String sql = "SELECT COUNT(*) FROM devices WHERE device_serial = ?1"
        + (exceptDeviceId == null ? "" : " AND id <> " + exceptDeviceId);
    return count(sql, serial) > 0;
  }

  /** Writes now; a serial taken meanwhile by a concurrent registration is the same 422 as one taken before. */
  private void flushUnique() {
    try {
      em().flush();
    } catch (PersistenceException e) {
      if (duplicateKey(e)) {
        throw ValidationException.field("serial_number", SERIAL_TAKEN);
      }
      throw e;
    }
  }

  private static boolean duplicateKey(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && (s.getErrorCode() == 1062 || "23000".equals(s.getSQLState()))) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /** Each given reference must name a row of the company, else 422 "The selected … is invalid." */
  private void checkReferences(MeterForm f) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    check(errors, "manufacturer_id", f.manufacturerId(), "SELECT COUNT(*) FROM manufacturers WHERE id = ?1");
    check(errors, "meter_type_id", f.meterTypeId(), "SELECT COUNT(*) FROM meter_types WHERE id = ?1");
    check(errors, "tariff_id", f.tariffId(), "SELECT COUNT(*) FROM tariffs WHERE id = ?1 AND deleted_at IS NULL");
    check(errors, "connection_type_id", f.connectionTypeId(), "SELECT COUNT(*) FROM connection_types WHERE id = ?1");
    check(errors, "connection_group_id", f.connectionGroupId(),
        "SELECT COUNT(*) FROM connection_groups WHERE id = ?1");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private void check(Map<String, List<String>> errors, String field, Long id, String sql) {
    if (id != null && (id <= 0 || count(sql, id) == 0)) {
      errors.put(field, List.of("The selected " + field.replace('_', ' ') + " is invalid."));
    }
  }

  /** Sets the locations of meters (through their devices) from {id, lat, lng} items; unknown ids are 422. */
  public void locate(Map<Long, double[]> latLngByMeter) {
    Map<Long, String> geo = new LinkedHashMap<>();
    for (Map.Entry<Long, double[]> e : latLngByMeter.entrySet()) {
      Meter m = em().find(Meter.class, e.getKey());
      Device d = m == null ? null : queries.deviceOf(m.getId());
      if (m == null) {
        throw ValidationException.field("id", "The selected id is invalid.");
      }
      if (d == null) {
        throw ValidationException.field("id", "The meter " + m.getSerialNumber()
            + " is not assigned to a customer, so it has no location.");
      }
      double lat = e.getValue()[0];
      double lng = e.getValue()[1];
      geo.put(d.getId(), "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lng + ","
          + lat + "]},\"properties\":{}}");
    }
    geography.setLocations(Device.MORPH, geo);
  }
}
