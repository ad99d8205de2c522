package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.ByIds;
import org.mpm.common.Like;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.customer.Person;
import org.mpm.device.manufacturer.DemoShsManufacturerApi;
import org.mpm.device.manufacturer.OpenPaygoDevices;
import org.mpm.device.openpaygo.OpenPaygoConfig;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.Token;

/** Solar home systems and e-bikes (MPM's SolarHomeSystemService and EBikeService) with their device rows. */
@Stateless
public class SolarHomeSystemService {

  public static final String SHS_MODEL = "App\\Models\\SolarHomeSystem";
  public static final String MANUFACTURER_MODEL = "App\\Models\\Manufacturer";

  @Inject TenantDatabase tenantDb;
  @Inject OpenPaygoDevices openPaygo;

  /** An SHS or e-bike with its manufacturer and device (the device's owner is loaded by the caller). */
  public record UnitView(Object unit, Manufacturer manufacturer, Device device) {}

  /** The OpenPAYGO set-up given at registration: the factory's values, or null to generate them. */
  public record OpenPaygoSetup(OpenPaygoConfig config, Integer tokenCount) {}

  // ---- solar home systems

  public Page<UnitView> listShs(String term, int page, int perPage) {
    return units(SolarHomeSystem.MORPH, "solar_home_systems", term, page, perPage);
  }

  public List<UnitView> createShs(List<String> serials, long manufacturerId, long applianceId, Long personId,
      OpenPaygoSetup setup, BigDecimal dailyPrice) {
    Manufacturer m = requireManufacturer(manufacturerId);
    requirePerson(personId);
    requireFreeSerials(serials, "serial_numbers");
    if (setup != null && serials.size() > 1) {
      throw ValidationException.field("open_paygo",
          "An OpenPAYGO configuration can only be given for one serial number.");
    }
    boolean provision = setup != null || DemoShsManufacturerApi.API_NAME.equals(m.getApiName());
    List<UnitView> out = new ArrayList<>();
    for (String serial : serials) {
      SolarHomeSystem s = new SolarHomeSystem(applianceId, serial, manufacturerId);
      em().persist(s);
      em().flush();
      Device d = new Device(SolarHomeSystem.MORPH, s.getId(), serial);
      d.setPersonId(personId);
      em().persist(d);
      em().flush();
      if (provision) {
        openPaygo.provision(d.getId(), setup == null ? OpenPaygoDevices.randomConfig() : setup.config(),
            setup == null || setup.tokenCount() == null ? OpenPaygoDevices.DEFAULT_INITIAL_COUNT : setup.tokenCount(),
            dailyPrice);
      }
      out.add(new UnitView(s, m, d));
    }
    return out;
  }

  public UnitView showShs(long id) {
    SolarHomeSystem s = em().find(SolarHomeSystem.class, id);
    if (s == null) {
      throw NotFoundException.model(SHS_MODEL, id);
    }
    return view(s, SolarHomeSystem.MORPH, s.getId(), s.getManufacturerId());
  }

  /** Changes an SHS's manufacturer and appliance and, on OpenPAYGO devices, the price of a day. */
  public UnitView updateShs(long id, Long manufacturerId, Long applianceId, BigDecimal dailyPrice) {
    SolarHomeSystem s = em().find(SolarHomeSystem.class, id);
    if (s == null) {
      throw NotFoundException.model(SHS_MODEL, id);
    }
    if (manufacturerId != null) {
      requireManufacturer(manufacturerId);
      s.setManufacturerId(manufacturerId);
    }
    if (applianceId != null) {
      s.setApplianceId(applianceId);
    }
    em().flush();
    UnitView v = view(s, SolarHomeSystem.MORPH, s.getId(), s.getManufacturerId());
    if (dailyPrice != null && v.device() != null) {
      if (openPaygo.find(v.device().getId()).isEmpty()) {
        throw ValidationException.field("daily_price", "This solar home system has no OpenPAYGO configuration.");
      }
      openPaygo.updateDailyPrice(v.device().getId(), dailyPrice);
    }
    return v;
  }

  /** The tokens of an SHS's device, newest first. */
  public List<Token> tokens(long deviceId) {
    return em().createQuery("SELECT t FROM Token t WHERE t.deviceId = :d ORDER BY t.id DESC", Token.class)
        .setParameter("d", deviceId).getResultList();
  }

  /** The payments booked on an SHS's serial, newest first. */
  public Page<PaymentHistory> payments(long id, int page, int perPage) {
    SolarHomeSystem s = em().find(SolarHomeSystem.class, id);
    if (s == null) {
      throw NotFoundException.model(SHS_MODEL, id);
    }
    String from = " FROM payment_histories ph JOIN transactions t ON t.id = ph.transaction_id WHERE t.message = ?";
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*)" + from).setParameter(1, s.getSerialNumber())
        .getSingleResult()).longValue();
    List<?> ids = em().createNativeQuery("SELECT ph.id" + from + " ORDER BY ph.created_at DESC, ph.id DESC"
            + " LIMIT ? OFFSET ?").setParameter(1, s.getSerialNumber()).setParameter(2, perPage)
        .setParameter(3, (long) (page - 1) * perPage).getResultList();
    List<Long> idList = ids.stream().map(o -> ((Number) o).longValue()).toList();
    return new Page<>(ByIds.inOrder(em(), PaymentHistory.class, idList, PaymentHistory::getId), page, perPage,
        total);
  }

  // ---- e-bikes

  public Page<UnitView> listEBikes(String term, int page, int perPage) {
    return units(EBike.MORPH, "e_bikes", term, page, perPage);
  }

  public UnitView createEBike(String serial, long manufacturerId, long applianceId) {
    Manufacturer m = requireManufacturer(manufacturerId);
    requireFreeSerials(List.of(serial), "serial_number");
    EBike e = new EBike(serial, applianceId, manufacturerId);
    em().persist(e);
    em().flush();
    Device d = new Device(EBike.MORPH, e.getId(), serial);
    em().persist(d);
    em().flush();
    return new UnitView(e, m, d);
  }

  /** An e-bike by serial, or null. */
  public UnitView eBike(String serial) {
    List<EBike> found = em().createQuery("SELECT e FROM EBike e WHERE e.serialNumber = :s", EBike.class)
        .setParameter("s", serial).getResultList();
    if (found.isEmpty()) {
      return null;
    }
    EBike e = found.get(0);
    return view(e, EBike.MORPH, e.getId(), e.getManufacturerId());
  }

  public Manufacturer manufacturerByName(String name) {
    List<Manufacturer> found = em().createQuery("SELECT m FROM Manufacturer m WHERE m.name = :n ORDER BY m.id",
        Manufacturer.class).setParameter("n", name).getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  // ---- shared

  private Page<UnitView> units(String morph, String table, String term, int page, int perPage) {
    String where = "";
    List<Object> params = new ArrayList<>();
    if (term != null && !term.isBlank()) {
      String t = Like.contains(term.trim());
      where = " WHERE u.serial_number LIKE ? OR u.id IN (SELECT d.device_id FROM devices d JOIN people p"
          + " ON p.id = d.person_id WHERE d.device_type = ? AND (p.name LIKE ? OR p.surname LIKE ?))";
      params.addAll(List.of(t, morph, t, t));
    }
    var count = NativeSql.bind(em().createNativeQuery("SELECT COUNT(*) FROM " + table + " u" + where), params);
    var select = NativeSql.bind(em().createNativeQuery("SELECT u.id FROM " + table + " u" + where
        + " ORDER BY u.created_at DESC, u.id DESC LIMIT ? OFFSET ?"), params);
    select.setParameter(params.size() + 1, perPage).setParameter(params.size() + 2, (long) (page - 1) * perPage);
    long total = ((Number) count.getSingleResult()).longValue();
    List<Long> ids = ((List<?>) select.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
    List<UnitView> out = new ArrayList<>();
    if (ids.isEmpty()) {
      return new Page<>(out, page, perPage, total);
    }
    Map<Long, Object> rows = new HashMap<>();
    Map<Long, Long> manufacturerOf = new HashMap<>();
    if (SolarHomeSystem.MORPH.equals(morph)) {
      ByIds.load(em(), SolarHomeSystem.class, ids).forEach(s -> {
        rows.put(s.getId(), s);
        manufacturerOf.put(s.getId(), s.getManufacturerId());
      });
    } else {
      ByIds.load(em(), EBike.class, ids).forEach(e -> {
        rows.put(e.getId(), e);
        manufacturerOf.put(e.getId(), e.getManufacturerId());
      });
    }
    Map<Long, Manufacturer> manufacturers = ByIds.map(em(), Manufacturer.class, manufacturerOf.values(),
        Manufacturer::getId);
    Map<Long, Device> devices = new HashMap<>();
    em().createQuery("SELECT d FROM Device d WHERE d.deviceType = :t AND d.deviceId IN :ids", Device.class)
        .setParameter("t", morph).setParameter("ids", ids).getResultList()
        .forEach(d -> devices.put(d.getDeviceId(), d));
    for (Long id : ids) {
      out.add(new UnitView(rows.get(id), manufacturers.get(manufacturerOf.get(id)), devices.get(id)));
    }
    return new Page<>(out, page, perPage, total);
  }

  private UnitView view(Object unit, String morph, long id, long manufacturerId) {
    List<Device> d = em().createQuery("SELECT d FROM Device d WHERE d.deviceType = :t AND d.deviceId = :id",
        Device.class).setParameter("t", morph).setParameter("id", id).getResultList();
    return new UnitView(unit, em().find(Manufacturer.class, manufacturerId), d.isEmpty() ? null : d.get(0));
  }

  private Manufacturer requireManufacturer(long id) {
    Manufacturer m = em().find(Manufacturer.class, id);
    if (m == null) {
      throw ValidationException.field("manufacturer_id", "The selected manufacturer id is invalid.");
    }
    return m;
  }

  private void requirePerson(Long id) {
    if (id == null) {
      return;
    }
    Person p = em().find(Person.class, id);
    if (p == null || p.getDeletedAt() != null) {
      throw ValidationException.field("person_id", "The selected person id is invalid.");
    }
  }

  /** Serials already used by a device: MPM's {@code unique:devices,device_serial}, one error per taken serial. */
  private void requireFreeSerials(List<String> serials, String field) {
    var q = em().createNativeQuery("SELECT device_serial FROM devices WHERE device_serial IN ("
        + String.join(",", serials.stream().map(s -> "?").toList()) + ")");
    for (int i = 0; i < serials.size(); i++) {
      q.setParameter(i + 1, serials.get(i));
    }
    List<String> taken = ((List<?>) q.getResultList()).stream().map(String::valueOf).toList();
    if (taken.isEmpty()) {
      return;
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < serials.size(); i++) {
      if (taken.contains(serials.get(i))) {
        String key = field.equals("serial_number") ? field : field + "." + i;
        errors.put(key, List.of("The " + key.replace('_', ' ') + " has already been taken."));
      }
    }
    throw new ValidationException(errors);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
