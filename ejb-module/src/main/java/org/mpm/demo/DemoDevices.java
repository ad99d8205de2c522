package org.mpm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.Timestamped;
import org.mpm.device.Device;
import org.mpm.device.Manufacturer;
import org.mpm.device.ManufacturerService;
import org.mpm.device.ManufacturerService.ManufacturerForm;
import org.mpm.device.Meter;
import org.mpm.device.MeterType;
import org.mpm.device.MeterTypeService;
import org.mpm.device.SolarHomeSystemService;
import org.mpm.device.SolarHomeSystemService.UnitView;
import org.mpm.geography.GeographicalInformation;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tariff.ConnectionService;
import org.mpm.tariff.ConnectionType;
import org.mpm.tariff.SubConnectionType;
import org.mpm.tariff.TariffForm;
import org.mpm.tariff.TariffService;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's demo devices and tariffs (its ConnectionTypeGroupSeeder, MeterSeeder, SolarHomeSystemSeeder and
 * EbikeSeeder), made deterministic: the same rows on every fresh demo, except the OpenPAYGO keys of the solar home
 * systems.
 *
 * <ul>
 *   <li>connection types Household, Institutional, Commercial, Productive Use / Industrial, Not Specified with
 *       MPM's 27 sub-types, and MPM's 8 connection groups (the migration defaults are renamed into the first of
 *       each, as MPM truncates them, so ids start at 1);
 *   <li>the manufacturers Demo Meter / Demo SHS / Demo E-bike Manufacturer;
 *   <li>tariffs "Simple Tariff" (250 TZS) and "Tariff with monthly Access Rate" (150 TZS, 1000 every 30 days);
 *   <li>meter types offline 1-phase 5 A, online 1-phase 60 A, online 2-phase 60 A;
 *   <li>one in-use meter per customer (serials 4700000001…) with its device, a location in the customer's
 *       household and one consumption reading;
 *   <li>a solar home system (serials 4800000001…) for every 3rd customer plus 10 unsold ones, each with its
 *       OpenPAYGO set-up and a daily price of 500 TZS;
 *   <li>an e-bike (serials 4900000001…) for every 4th customer plus 5 unassigned ones.
 * </ul>
 *
 * Each SHS and e-bike is an item of MPM's demo appliance catalogue ({@link DemoAppliances}).
 */
@Stateless
public class DemoDevices {

  public static final String CURRENCY = "TZS";
  public static final long METER_SERIAL_BASE = 4_700_000_000L;
  public static final long SHS_SERIAL_BASE = 4_800_000_000L;
  public static final long EBIKE_SERIAL_BASE = 4_900_000_000L;
  public static final BigDecimal SHS_DAILY_PRICE = BigDecimal.valueOf(500);
  public static final int UNSOLD_SHS = 10;
  public static final int UNASSIGNED_EBIKES = 5;

  static final List<String> CONNECTION_TYPES = List.of("Household", "Institutional", "Commercial",
      "Productive Use / Industrial", "Not Specified");
  static final List<String> INSTITUTIONAL = List.of("Primary school", "Secondary school", "Health clinic",
      "Rural health post", "Community center", "Religious facility", "Government office", "Police post",
      "Water pumping station", "Agricultural extension office");
  static final List<String> COMMERCIAL = List.of("Retail shop / kiosk", "Bar / restaurant / café",
      "Guesthouse / lodge", "Workshop (e.g., carpentry, metalwork)", "Tailoring / sewing business",
      "Barber shop / beauty salon", "Cold store / fish preservation unit", "Milling business (grain or cassava mill)",
      "Phone charging station", "Small manufacturing unit", "Agro-processing center", "Market stall");
  static final List<String> INDUSTRIAL = List.of("Ice-making plant", "Welding workshop", "Water purification plant",
      "Brick making operation", "Irrigation pumping system");
  static final List<String> CONNECTION_GROUPS = List.of("Pilot Mini-grid A (Lakeview)", "Pilot Mini-grid B (Hilltop)",
      "Institutional Electrification Program 2025", "Commercial Productive Use Initiative",
      "Solar Village Cluster North", "Solar Village Cluster South", "Donor-Funded Expansion Project",
      "Private Concession Area 3");

  /** A customer and the [latitude, longitude] of its home. */
  public record Home(long personId, double lat, double lng) {}

  @Inject TenantDatabase tenantDb;
  @Inject ConnectionService connections;
  @Inject ManufacturerService manufacturers;
  @Inject TariffService tariffs;
  @Inject MeterTypeService meterTypes;
  @Inject SolarHomeSystemService units;

  /** Seeds everything in one transaction. */
  public void seed(List<Home> homes, DemoAppliances.Catalogue catalogue) {
    long[] types = connectionTypes();
    long[] groups = connectionGroups();
    long simple = tariffs.create(new TariffForm("Simple Tariff", BigDecimal.valueOf(250), CURRENCY, null, null,
        null, null, null, null)).tariff().getId();
    long withAccessRate = tariffs.create(new TariffForm("Tariff with monthly Access Rate", BigDecimal.valueOf(150),
        CURRENCY, null, null, new TariffForm.AccessRateInput(BigDecimal.valueOf(1000), 30), null, null, null))
        .tariff().getId();
    subConnectionTypes(types, simple);
    long meterMaker = manufacturer("Demo Meter Manufacturer", "meter", "DemoMeterManufacturerApi");
    long shsMaker = manufacturer("Demo SHS Manufacturer", "shs", "DemoShsManufacturerApi");
    long ebikeMaker = manufacturer("Demo E-bike Manufacturer", "e-bike", "DemoEbikeManufacturerApi");
    MeterType[] meterTypeRows = {meterTypes.create(false, 1, 5), meterTypes.create(true, 1, 60),
        meterTypes.create(true, 2, 60)};
    meters(homes, types, groups, new long[] {simple, withAccessRate}, meterTypeRows, meterMaker);
    solarHomeSystems(homes, shsMaker, catalogue);
    eBikes(homes, ebikeMaker, catalogue);
  }

  // ---- connection types and groups

  private long[] connectionTypes() {
    List<ConnectionType> existing = connections.types();
    long[] ids = new long[CONNECTION_TYPES.size()];
    for (int i = 0; i < ids.length; i++) {
      String name = CONNECTION_TYPES.get(i);
      ids[i] = i == 0 && isOnlyDefault(existing.stream().map(ConnectionType::getName).toList())
          ? connections.updateType(existing.get(0).getId(), name).getId()
          : connections.createType(name).getId();
    }
    return ids;
  }

  private long[] connectionGroups() {
    List<ConnectionGroup> existing = connections.groups();
    long[] ids = new long[CONNECTION_GROUPS.size()];
    for (int i = 0; i < ids.length; i++) {
      String name = CONNECTION_GROUPS.get(i);
      ids[i] = i == 0 && isOnlyDefault(existing.stream().map(ConnectionGroup::getName).toList())
          ? connections.updateGroup(existing.get(0).getId(), name).getId()
          : connections.createGroup(name).getId();
    }
    return ids;
  }

  /** Institutional, commercial and industrial sub-types (Household and Not Specified have none). */
  private void subConnectionTypes(long[] types, long tariffId) {
    List<SubConnectionType> existing = connections.subTypes(null);
    SubConnectionType reuse = isOnlyDefault(existing.stream().map(SubConnectionType::getName).toList())
        ? existing.get(0) : null;
    List<List<String>> names = List.of(INSTITUTIONAL, COMMERCIAL, INDUSTRIAL);
    for (int t = 0; t < names.size(); t++) {
      for (String name : names.get(t)) {
        if (reuse != null) {
          reuse.setName(name);
          reuse.setConnectionTypeId(types[t + 1]);
          reuse.setTariffId(tariffId);
          reuse = null;
        } else {
          connections.createSubType(name, types[t + 1], tariffId);
        }
      }
    }
    em().flush();
  }

  private static boolean isOnlyDefault(List<String> names) {
    return names.size() == 1 && names.get(0).startsWith("default ");
  }

  private long manufacturer(String name, String type, String apiName) {
    Manufacturer m = units.manufacturerByName(name);
    if (m != null) {
      return m.getId();
    }
    return manufacturers.create(new ManufacturerForm(name, type, "Demo Person", "https://demo.micropowermanager.io/",
        apiName, null, null, null, null, null)).getId();
  }

  // ---- meters

  /** Connection type by customer: 60 % households, then one each of the others in ten. */
  static int connectionTypeIndex(int n) {
    int r = n % 10;
    return r < 6 ? 0 : r - 5;
  }

  /**
   * The customers' meters, their devices, readings and locations, each written with one multi-row insert in
   * customer order (so meter n and its device get id n on a fresh company).
   */
  private void meters(List<Home> homes, long[] types, long[] groups, long[] tariffIds, MeterType[] meterTypeRows,
      long manufacturerId) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    List<Object[]> rows = new ArrayList<>();
    for (int n = 0; n < homes.size(); n++) {
      rows.add(new Object[] {meterSerial(n), meterTypeRows[n % 3].getId(), 1, manufacturerId,
          types[connectionTypeIndex(n)], groups[n % groups.length], tariffIds[n % 2], now, now});
    }
    insert("meters (serial_number, meter_type_id, in_use, manufacturer_id, connection_type_id,"
        + " connection_group_id, tariff_id, created_at, updated_at)", rows);
    Map<String, Long> meterIds = idsBySerial(
        "SELECT id, serial_number FROM meters WHERE serial_number BETWEEN ?1 AND ?2",
        homes.size());
    rows.clear();
    List<Object[]> readings = new ArrayList<>();
    for (int n = 0; n < homes.size(); n++) {
      long meterId = meterIds.get(meterSerial(n));
      rows.add(new Object[] {homes.get(n).personId(), Meter.MORPH, meterId, meterSerial(n), now, now});
      readings.add(new Object[] {meterId, 10 + n % 40, 5 + n % 17,
          Timestamp.valueOf(Timestamped.nowUtc().toLocalDate().minusDays(1 + n % 7).atTime(6, 0)), now, now});
    }
    insert("devices (person_id, device_type, device_id, device_serial, created_at, updated_at)", rows);
    insert("meter_consumptions (meter_id, total_consumption, credit_on_meter, reading_date, created_at, updated_at)",
        readings);
    Map<String, Long> deviceIds = idsBySerial(
        "SELECT id, device_serial FROM devices WHERE device_serial BETWEEN ?1 AND ?2", homes.size());
    rows.clear();
    for (int n = 0; n < homes.size(); n++) {
      rows.add(new Object[] {deviceIds.get(meterSerial(n)), Device.MORPH, geo(homes.get(n), n, 0), now, now});
    }
    insert("geographical_informations (owner_id, owner_type, geo_json, created_at, updated_at)", rows);
  }

  /** The serial of the meter of customer n (0-based, in creation order). */
  static String meterSerial(int n) {
    return String.valueOf(METER_SERIAL_BASE + n + 1);
  }

  /** Whether customer n (0-based) has a solar home system: every 3rd customer. */
  static boolean hasShs(int n) {
    return n % 3 == 0;
  }

  /** The serial of the solar home system of customer n, who {@link #hasShs has one}. */
  static String shsSerial(int n) {
    return String.valueOf(SHS_SERIAL_BASE + n / 3 + 1);
  }

  /** The serial of the e-bike of customer n, who has one (every 4th customer). */
  static String eBikeSerial(int n) {
    return String.valueOf(EBIKE_SERIAL_BASE + n / 4 + 1);
  }

  private Map<String, Long> idsBySerial(String sql, int count) {
    Map<String, Long> out = new HashMap<>();
    for (Object r : em().createNativeQuery(sql).setParameter(1, meterSerial(0)).setParameter(2, meterSerial(count - 1))
        .getResultList()) {
      Object[] row = (Object[]) r;
      out.put(String.valueOf(row[1]), ((Number) row[0]).longValue());
    }
    return out;
  }

  /** One multi-row INSERT: rows keep their order, so auto-increment ids follow it. */
  private void insert(String tableAndColumns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String one = "(" + String.join(", ", Collections.nCopies(rows.get(0).length, "?")) + ")";
    Query q = em().createNativeQuery("INSERT INTO " + tableAndColumns + " VALUES "
        + String.join(", ", Collections.nCopies(rows.size(), one)));
    int p = 1;
    for (Object[] row : rows) {
      for (Object v : row) {
        q.setParameter(p++, v);
      }
    }
    q.executeUpdate();
  }

  // ---- solar home systems and e-bikes

  private void solarHomeSystems(List<Home> homes, long manufacturerId, DemoAppliances.Catalogue catalogue) {
    long serial = SHS_SERIAL_BASE;
    for (int n = 0; n < homes.size(); n++) {
      if (!hasShs(n)) {
        continue;
      }
      Home h = homes.get(n);
      UnitView v = units.createShs(List.of(shsSerial(n)), manufacturerId,
          DemoAppliances.shsAppliance(catalogue, n).id(), h.personId(), null, SHS_DAILY_PRICE).get(0);
      locate(v.device(), h, n, 1);
      serial++;
    }
    List<String> unsold = new ArrayList<>();
    for (int i = 0; i < UNSOLD_SHS; i++) {
      unsold.add(String.valueOf(++serial));
    }
    units.createShs(unsold, manufacturerId, catalogue.shs().get(0).id(), null, null, SHS_DAILY_PRICE);
    em().flush();
  }

  private void eBikes(List<Home> homes, long manufacturerId, DemoAppliances.Catalogue catalogue) {
    long serial = EBIKE_SERIAL_BASE;
    for (int n = 0; n < homes.size(); n += 4) {
      Home h = homes.get(n);
      Device d = units.createEBike(String.valueOf(++serial), manufacturerId,
          DemoAppliances.eBikeAppliance(catalogue, n).id()).device();
      d.setPersonId(h.personId());
      locate(d, h, n, 2);
    }
    for (int i = 0; i < UNASSIGNED_EBIKES; i++) {
      units.createEBike(String.valueOf(++serial), manufacturerId, catalogue.eBikes().get(0).id());
    }
    em().flush();
  }

  /** A point within about 20 m of the customer's home, fixed by customer and device kind. */
  private void locate(Device d, Home h, int n, int kind) {
    em().persist(new GeographicalInformation(Device.MORPH, d.getId(), geo(h, n, kind)));
  }

  private static String geo(Home h, int n, int kind) {
    double lat = h.lat() + (((n * 7 + kind * 3) % 5) - 2) * 0.00005;
    double lng = h.lng() + (((n * 3 + kind * 5) % 5) - 2) * 0.00005;
    return DemoGeography.point(lat, lng);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
