package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpm.common.ByIds;
import org.mpm.common.Like;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.customer.Person;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.DeviceMapping;
import org.mpm.device.manufacturer.ManufacturerApis;
import org.mpm.device.manufacturer.UnsupportedManufacturerCallException;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;
import org.mpm.tenancy.TenantDatabase;

/**
 * The device registry (MPM's DeviceController, DeviceService and DeviceControlService): lists, owners, locations,
 * manufacturer mapping and switching, and the manufacturer integration of each device. Tokens issued outside a
 * payment are {@link DeviceTokenService}.
 */
@Stateless
public class DeviceService {

  public static final String MODEL = "App\\Models\\Device";
  public static final List<String> TYPES = List.of(Meter.MORPH, SolarHomeSystem.MORPH, EBike.MORPH);
  public static final List<String> MAPPING_STATUSES = List.of("unknown", "mapped", "not_mapped", "unsupported");

  @Inject TenantDatabase tenantDb;
  @Inject ManufacturerApis apis;
  @Inject GeographyService geography;

  /** A device with the meter, SHS or e-bike row behind it. */
  public record DeviceRow(Device device, Object concrete) {}

  /** MPM's DeviceListRequest. */
  public record ListQuery(String deviceType, Long applianceId, boolean unassigned, String serial,
      String mappingStatus, int page, int perPage) {}

  public Page<DeviceRow> list(ListQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> params = new ArrayList<>();
    if (q.deviceType() != null) {
      where.append(" AND d.device_type = ?");
      params.add(q.deviceType());
    }
    if (q.serial() != null) {
      where.append(" AND d.device_serial LIKE ?");
      params.add(Like.contains(q.serial()));
    }
    if (q.applianceId() != null) {
      where.append(" AND ((d.device_type = 'solar_home_system' AND d.device_id IN (SELECT id FROM solar_home_systems"
          + " WHERE appliance_id = ?)) OR (d.device_type = 'e_bike' AND d.device_id IN (SELECT id FROM e_bikes"
          + " WHERE appliance_id = ?)))");
      params.add(q.applianceId());
      params.add(q.applianceId());
    }
    if (q.unassigned()) {
      where.append(" AND d.person_id IS NULL");
    }
    if (q.mappingStatus() != null) {
      where.append(" AND d.manufacturer_mapping_status = ?");
      params.add(q.mappingStatus());
    }
    long total = ((Number) NativeSql.bind(em().createNativeQuery("SELECT COUNT(*) FROM devices d" + where), params)
        .getSingleResult()).longValue();
    Query ids = NativeSql.bind(em().createNativeQuery("SELECT d.id FROM devices d" + where
        + " ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?"), params);
    ids.setParameter(params.size() + 1, q.perPage());
    ids.setParameter(params.size() + 2, (long) (q.page() - 1) * q.perPage());
    List<Long> idList = ((List<?>) ids.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
    return new Page<>(rows(idList), q.page(), q.perPage(), total);
  }

  /** Devices by id, in the order of the ids, each with its concrete row. */
  public List<DeviceRow> rows(List<Long> ids) {
    List<Device> devices = ByIds.inOrder(em(), Device.class, ids, Device::getId);
    Map<String, Object> concrete = concretes(devices);
    return devices.stream().map(d -> new DeviceRow(d, concrete.get(d.getDeviceType() + ":" + d.getDeviceId())))
        .toList();
  }

  /** The meter, SHS and e-bike rows behind devices, keyed {@code type:id}. */
  public Map<String, Object> concretes(List<Device> devices) {
    Map<String, Object> out = new HashMap<>();
    Map<String, List<Long>> byType = new HashMap<>();
    devices.forEach(d -> byType.computeIfAbsent(d.getDeviceType(), t -> new ArrayList<>()).add(d.getDeviceId()));
    ByIds.load(em(), Meter.class, byType.getOrDefault(Meter.MORPH, List.of()))
        .forEach(m -> out.put(Meter.MORPH + ":" + m.getId(), m));
    ByIds.load(em(), SolarHomeSystem.class, byType.getOrDefault(SolarHomeSystem.MORPH, List.of()))
        .forEach(s -> out.put(SolarHomeSystem.MORPH + ":" + s.getId(), s));
    ByIds.load(em(), EBike.class, byType.getOrDefault(EBike.MORPH, List.of()))
        .forEach(e -> out.put(EBike.MORPH + ":" + e.getId(), e));
    return out;
  }

  public Device device(long id) {
    Device d = em().find(Device.class, id);
    if (d == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return d;
  }

  public DeviceRow row(long id) {
    device(id);
    return rows(List.of(id)).get(0);
  }

  /** Gives a device to another customer (MPM's UpdateDeviceRequest: person_id required, an existing person). */
  public DeviceRow updateOwner(long id, long personId) {
    Device d = device(id);
    Person p = em().find(Person.class, personId);
    if (p == null || p.getDeletedAt() != null) {
      throw ValidationException.field("person_id", "The selected person id is invalid.");
    }
    d.setPersonId(personId);
    em().flush();
    return rows(List.of(id)).get(0);
  }

  /** Asks the manufacturer whether it knows the unit and stores the outcome on the device. */
  public DeviceMapping refreshMapping(long id) {
    Device d = device(id);
    Optional<ManufacturerApi> api = api(d);
    DeviceMapping m = api.map(a -> a.deviceInfo(d)).orElse(DeviceMapping.unsupported());
    d.setManufacturerMappingStatus(!m.supported() ? "unsupported" : Boolean.TRUE.equals(m.mapped()) ? "mapped"
        : "not_mapped");
    d.setManufacturerMappingCheckedAt(Timestamped.nowUtc());
    return m;
  }

  /** Devices by serial and the integrations of their manufacturers by device id. */
  public record BySerial(Map<String, Device> devices, Map<Long, ManufacturerApi> apis) {}

  /**
   * The devices with these serials and their integrations, a few queries for all (payments and vends); their
   * meters are loaded into the transaction's persistence context, where the meter integrations and tariff terms
   * look them up.
   */
  public BySerial bySerials(List<String> serials) {
    Map<String, Device> found = new HashMap<>();
    if (!serials.isEmpty()) {
      em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial IN :s", Device.class).setParameter("s", serials)
          .getResultList().forEach(d -> found.put(d.getDeviceSerial(), d));
    }
    ByIds.load(em(), Meter.class, found.values().stream().filter(d -> Meter.MORPH.equals(d.getDeviceType()))
        .map(Device::getDeviceId).toList());
    return new BySerial(found, apis(List.copyOf(found.values())));
  }

  /** The integration bound to the manufacturer of the device's meter, SHS or e-bike (one query). */
  public Optional<ManufacturerApi> api(Device d) {
    return Optional.ofNullable(apis(List.of(d)).get(d.getId()));
  }

  /** The integrations of several devices, by device id (one query); a device without one is absent. */
  public Map<Long, ManufacturerApi> apis(List<Device> devices) {
    Map<Long, ManufacturerApi> out = new HashMap<>();
    if (devices.isEmpty()) {
      return out;
    }
    Query q = em().createNativeQuery("SELECT d.id, mf.api_name FROM devices d"
            + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id"
            + " LEFT JOIN solar_home_systems s ON d.device_type = 'solar_home_system' AND s.id = d.device_id"
            + " LEFT JOIN e_bikes e ON d.device_type = 'e_bike' AND e.id = d.device_id"
            + " JOIN manufacturers mf ON mf.id = COALESCE(m.manufacturer_id, s.manufacturer_id, e.manufacturer_id)"
            + " WHERE d.id IN (" + NativeSql.in(devices.size()) + ")");
    NativeSql.bindIn(q, 1, devices.stream().map(Device::getId).toList());
    List<?> rows = q.getResultList();
    for (Object o : rows) {
      Object[] row = (Object[]) o;
      apis.find((String) row[1]).ifPresent(api -> out.put(((Number) row[0]).longValue(), api));
    }
    return out;
  }

  /** Switches a device on or off through its manufacturer; 422 when the manufacturer cannot. */
  public void switchDevice(Device d, boolean on) {
    ManufacturerApi api = api(d).orElseThrow(() -> ValidationException.message(
        "The manufacturer of this device has no integration to switch it on or off."));
    try {
      api.switchDevice(d, on);
    } catch (UnsupportedManufacturerCallException e) {
      throw ValidationException.message(e.getMessage());
    }
  }

  /** A device location to set: the serial and latitude / longitude. */
  public record GeoUpdate(String serial, double lat, double lon) {}

  /** Sets the locations of devices by serial; an unknown serial is a 422 and nothing is written. */
  public void updateGeoInformation(List<GeoUpdate> updates) {
    Map<Long, String> byDevice = new LinkedHashMap<>();
    for (int i = 0; i < updates.size(); i++) {
      GeoUpdate u = updates.get(i);
      List<Device> found = em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial = :s", Device.class)
          .setParameter("s", u.serial()).getResultList();
      if (found.isEmpty()) {
        throw ValidationException.field(i + ".serial_number", "The selected " + i + ".serial_number is invalid.");
      }
      byDevice.put(found.get(0).getId(), "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
          + u.lon() + "," + u.lat() + "]},\"properties\":{}}");
    }
    geography.setLocations(Device.MORPH, byDevice);
  }

  public Optional<GeographicalInformation> location(long deviceId) {
    return geography.location(Device.MORPH, deviceId);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
