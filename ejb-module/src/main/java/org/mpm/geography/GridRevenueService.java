package org.mpm.geography;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mpm.common.ByIds;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.device.Device;
import org.mpm.device.EBike;
import org.mpm.device.Meter;
import org.mpm.device.SolarHomeSystem;
import org.mpm.geography.GeographyService.ClusterView;
import org.mpm.geography.GeographyService.MiniGridView;
import org.mpm.tariff.ConnectionType;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.SettledTransactions;

/**
 * The figures of clusters and mini-grids, computed as MPM computes them: a device belongs where its owner lives
 * (the person's primary address → village → mini-grid → cluster); revenue is the sum of the settled
 * {@code transactions} (provider status 1) paid for those devices ({@code transactions.message} = device serial);
 * sold energy is the kWh of the energy tokens of the mini-grid's meters. Everything is summed and grouped in SQL.
 * Date ranges are whole days, both ends included.
 */
@Stateless
public class GridRevenueService {

  /**
   * Where the device {@code d} is: the village {@code c} and mini-grid {@code g} of its owner's primary address
   * (the first one, should there be several). Leaves out devices without owner, owners that are deleted or live
   * nowhere, and deleted villages and mini-grids.
   */
  public static final String DEVICE_PLACE = " JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL"
      + " JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
      + " AND a2.owner_id = p.id AND a2.is_primary = 1)"
      + " JOIN cities c ON c.id = a.city_id AND c.deleted_at IS NULL"
      + " JOIN mini_grids g ON g.id = c.mini_grid_id AND g.deleted_at IS NULL";

  /** The people living in the villages {@code c} of the mini-grids {@code g} (primary address). */
  private static final String RESIDENTS = " FROM mini_grids g"
      + " JOIN cities c ON c.mini_grid_id = g.id AND c.deleted_at IS NULL"
      + " JOIN addresses a ON a.city_id = c.id AND a.owner_type = 'person' AND a.is_primary = 1"
      + " JOIN people p ON p.id = a.owner_id AND p.deleted_at IS NULL";

  @Inject TenantDatabase tenantDb;
  @Inject GeographyService geography;
  @Inject PersonViews people;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** Whole days {@code from..to}, both included. */
  public record DateRange(LocalDate from, LocalDate to) {
    LocalDateTime start() {
      return from.atStartOfDay();
    }

    LocalDateTime endExclusive() {
      return to.plusDays(1).atStartOfDay();
    }
  }

  /** The counts and revenue of a cluster. */
  public record ClusterFigures(long deviceCount, long meterCount, double revenue, long population) {}

  /** A cluster with its mini-grids (and their locations) and its villages. */
  public record ClusterDetail(Cluster cluster, List<MiniGridView> miniGrids, List<City> cities) {}

  /**
   * Revenue per period: slot key → amount, or for {@code weekMonth} month → (week → amount); amounts are
   * {@link Double}.
   */
  public record Periodic(Map<String, Object> slots, double total) {}

  public record ClusterRevenue(ClusterView cluster, Periodic revenue) {}

  public record MiniGridRevenue(MiniGrid miniGrid, Periodic revenue) {}

  /** Number and sum of payments. */
  public record Sales(long count, double revenue) {}

  /** A device with its meter, solar home system or e-bike, its location and its owner. */
  public record LocatedDevice(Device device, Object hardware, GeographicalInformation geo, PersonView owner) {}

  // ---- clusters

  public ClusterDetail clusterDetail(long clusterId) {
    Cluster cluster = geography.cluster(clusterId);
    List<MiniGrid> grids = geography.miniGridsOf(clusterId);
    List<Long> gridIds = grids.stream().map(MiniGrid::getId).toList();
    List<City> cities = gridIds.isEmpty() ? List.of()
        : em().createQuery("SELECT c FROM City c WHERE c.miniGridId IN :ids ORDER BY c.id", City.class)
            .setParameter("ids", gridIds).getResultList();
    return new ClusterDetail(cluster, geography.miniGridViews(grids), cities);
  }

  /** Devices, meters and customers living in the cluster, and the revenue of its devices in the range. */
  public ClusterFigures clusterFigures(long clusterId, DateRange range) {
    geography.cluster(clusterId);
    Object[] devices = (Object[]) em().createNativeQuery("SELECT COUNT(DISTINCT d.id), COUNT(DISTINCT m.id)"
            + RESIDENTS + " JOIN devices d ON d.person_id = p.id"
            + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id"
            + " WHERE g.cluster_id = ?1 AND g.deleted_at IS NULL")
        .setParameter(1, clusterId).getSingleResult();
    Number population = (Number) em().createNativeQuery("SELECT COUNT(DISTINCT p.id)" + RESIDENTS
            + " WHERE g.cluster_id = ?1 AND g.deleted_at IS NULL AND p.is_customer = 1")
        .setParameter(1, clusterId).getSingleResult();
    Number revenue = (Number) em().createNativeQuery("SELECT SUM(t.amount) FROM transactions t"
            + " JOIN devices d ON d.device_serial = t.message" + DEVICE_PLACE
            + " WHERE g.cluster_id = ?3 AND t.created_at >= ?1 AND t.created_at < ?2 AND "
            + SettledTransactions.condition(em(), "t"))
        .setParameter(1, range.start()).setParameter(2, range.endExclusive()).setParameter(3, clusterId)
        .getSingleResult();
    return new ClusterFigures(count(devices[0]), count(devices[1]), amount(revenue), population.longValue());
  }

  /** Every cluster (with its mini-grids) and its revenue per period. */
  public List<ClusterRevenue> clustersRevenue(DateRange range, RevenuePeriod period) {
    Map<Long, Periodic> byCluster = periodic(range, period, "g.cluster_id", "", null, false);
    return geography.clusterViews().stream().map(v -> new ClusterRevenue(v,
        byCluster.getOrDefault(v.cluster().getId(), empty(range, period)))).toList();
  }

  /** The cluster's mini-grids, each with its own revenue per period. */
  public List<MiniGridRevenue> miniGridsRevenue(long clusterId, DateRange range, RevenuePeriod period) {
    geography.cluster(clusterId);
    Map<Long, Periodic> byGrid = periodic(range, period, "g.id", " AND g.cluster_id = ?3", clusterId, false);
    return geography.miniGridsOf(clusterId).stream().map(m -> new MiniGridRevenue(m,
        byGrid.getOrDefault(m.getId(), empty(range, period)))).toList();
  }

  /**
   * The revenue of the cluster's meters per connection type (by name) and period, plus {@code "Total"}, ordered
   * as MPM orders them (PHP's {@code asort}: ascending by the periods' amounts, ties in insertion order). Empty
   * when the company has no connection types.
   */
  public Map<String, Map<String, Object>> connectionTypeRevenue(long clusterId, DateRange range,
      RevenuePeriod period) {
    geography.cluster(clusterId);
    List<ConnectionType> types = em().createQuery("SELECT c FROM ConnectionType c ORDER BY c.id",
        ConnectionType.class).getResultList();
    Map<String, Map<String, Object>> analysis = new LinkedHashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ConnectionType type : types) {
      names.put(type.getId(), type.getName());
      analysis.computeIfAbsent(type.getName(), k -> slots(range, period));
      analysis.computeIfAbsent("Total", k -> slots(range, period));
    }
    if (types.isEmpty()) {
      return analysis;
    }
    for (Object[] row : revenueRows(range, "m.connection_type_id", " AND g.cluster_id = ?3", clusterId, true)) {
      String name = names.get(((Number) row[0]).longValue());
      if (name == null) {
        continue;
      }
      String[] slot = period.slotOf(text(row[1]), ((Number) row[2]).longValue());
      double amount = amount(row[3]);
      add(analysis.get(name), slot, amount);
      add(analysis.get("Total"), slot, amount);
    }
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>(analysis.entrySet());
    entries.sort((x, y) -> phpCompare(x.getValue(), y.getValue()));
    Map<String, Map<String, Object>> sorted = new LinkedHashMap<>();
    entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  // ---- mini-grids

  /** Number and sum of the settled payments for the mini-grid's meters in the range. */
  public Sales miniGridSales(long miniGridId, DateRange range) {
    geography.miniGrid(miniGridId);
    Object[] row = (Object[]) em().createNativeQuery("SELECT COUNT(t.id), SUM(t.amount) FROM transactions t"
            + " JOIN devices d ON d.device_serial = t.message AND d.device_type = 'meter'"
            + " JOIN meters m ON m.id = d.device_id" + DEVICE_PLACE
            + " WHERE g.id = ?3 AND t.created_at >= ?1 AND t.created_at < ?2 AND "
            + SettledTransactions.condition(em(), "t"))
        .setParameter(1, range.start()).setParameter(2, range.endExclusive()).setParameter(3, miniGridId)
        .getSingleResult();
    return new Sales(count(row[0]), amount(row[1]));
  }

  /** The kWh of the energy tokens issued for the mini-grid's meters in the range, rounded to 3 decimals. */
  public double miniGridEnergy(long miniGridId, DateRange range) {
    geography.miniGrid(miniGridId);
    Number kwh = (Number) em().createNativeQuery("SELECT SUM(k.token_amount) FROM tokens k"
            + " JOIN devices d ON d.id = k.device_id AND d.device_type = 'meter'"
            + " JOIN meters m ON m.id = d.device_id" + DEVICE_PLACE
            + " WHERE g.id = ?3 AND k.created_at >= ?1 AND k.created_at < ?2 AND k.token_type = 'energy'")
        .setParameter(1, range.start()).setParameter(2, range.endExclusive()).setParameter(3, miniGridId)
        .getSingleResult();
    return BigDecimal.valueOf(amount(kwh)).setScale(3, RoundingMode.HALF_UP).doubleValue();
  }

  /** The devices whose owner lives in the mini-grid, with their hardware, location and owner, by device id. */
  public List<LocatedDevice> miniGridDevices(long miniGridId) {
    geography.miniGrid(miniGridId);
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT d.id FROM devices d" + DEVICE_PLACE + " WHERE g.id = ?1 AND ("
            + "(d.device_type = 'meter' AND EXISTS (SELECT 1 FROM meters x WHERE x.id = d.device_id))"
            + " OR (d.device_type = 'solar_home_system'"
            + " AND EXISTS (SELECT 1 FROM solar_home_systems x WHERE x.id = d.device_id))"
            + " OR (d.device_type = 'e_bike' AND EXISTS (SELECT 1 FROM e_bikes x WHERE x.id = d.device_id)))"
            + " ORDER BY d.id")
        .setParameter(1, miniGridId).getResultList();
    List<Long> deviceIds = ids.stream().map(Number::longValue).toList();
    Map<Long, Device> devices = ByIds.map(em(), Device.class, deviceIds, Device::getId);
    Map<String, Map<Long, Object>> hardware = hardware(devices.values());
    Map<Long, GeographicalInformation> geos = new HashMap<>();
    for (GeographicalInformation g : ByIds.chunked(deviceIds, part -> em().createQuery(
        "SELECT g FROM GeographicalInformation g WHERE g.ownerType = :t AND g.ownerId IN :ids ORDER BY g.id",
        GeographicalInformation.class).setParameter("t", Device.MORPH).setParameter("ids", part).getResultList())) {
      geos.putIfAbsent(g.getOwnerId(), g);
    }
    Map<Long, PersonView> owners = people.viewsById(devices.values().stream().map(Device::getPersonId)
        .filter(Objects::nonNull).distinct().toList());
    List<LocatedDevice> out = new ArrayList<>();
    for (Long id : deviceIds) {
      Device d = devices.get(id);
      if (d != null) {
        out.add(new LocatedDevice(d, hardware.getOrDefault(d.getDeviceType(), Map.of()).get(d.getDeviceId()),
            geos.get(d.getId()), owners.get(d.getPersonId())));
      }
    }
    return out;
  }

  private Map<String, Map<Long, Object>> hardware(Collection<Device> devices) {
    Map<String, List<Long>> idsByType = new HashMap<>();
    for (Device d : devices) {
      idsByType.computeIfAbsent(d.getDeviceType(), k -> new ArrayList<>()).add(d.getDeviceId());
    }
    Map<String, Map<Long, Object>> out = new HashMap<>();
    out.put(Meter.MORPH, new HashMap<>(ByIds.map(em(), Meter.class,
        idsByType.getOrDefault(Meter.MORPH, List.of()), Meter::getId)));
    out.put(SolarHomeSystem.MORPH, new HashMap<>(ByIds.map(em(), SolarHomeSystem.class,
        idsByType.getOrDefault(SolarHomeSystem.MORPH, List.of()), SolarHomeSystem::getId)));
    out.put(EBike.MORPH, new HashMap<>(ByIds.map(em(), EBike.class,
        idsByType.getOrDefault(EBike.MORPH, List.of()), EBike::getId)));
    return out;
  }

  // ---- revenue grouped in SQL

  /**
   * Settled revenue of located devices in the range, summed per {@code key}, month and ISO week. {@code filter}
   * may use parameter {@code ?3} ({@code filterId}); {@code metersOnly} joins the meter as {@code m}.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> revenueRows(DateRange range, String key, String filter, Long filterId, boolean metersOnly) {
    var q = em().createNativeQuery("SELECT " + key + ", DATE_FORMAT(t.created_at, '%Y-%m'),"
            + " YEARWEEK(t.created_at, 3), SUM(t.amount) FROM transactions t"
            + " JOIN devices d ON d.device_serial = t.message"
            + (metersOnly ? " JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id" : "")
            + DEVICE_PLACE + " WHERE t.created_at >= ?1 AND t.created_at < ?2" + filter
            + " AND " + SettledTransactions.condition(em(), "t") + " GROUP BY 1, 2, 3")
        .setParameter(1, range.start()).setParameter(2, range.endExclusive());
    if (filterId != null) {
      q.setParameter(3, filterId);
    }
    return q.getResultList();
  }

  private Map<Long, Periodic> periodic(DateRange range, RevenuePeriod period, String key, String filter,
      Long filterId, boolean metersOnly) {
    Map<Long, Map<String, Object>> slots = new HashMap<>();
    Map<Long, Double> totals = new HashMap<>();
    for (Object[] row : revenueRows(range, key, filter, filterId, metersOnly)) {
      long id = ((Number) row[0]).longValue();
      double amount = amount(row[3]);
      add(slots.computeIfAbsent(id, k -> slots(range, period)),
          period.slotOf(text(row[1]), ((Number) row[2]).longValue()), amount);
      totals.merge(id, amount, Double::sum);
    }
    Map<Long, Periodic> out = new HashMap<>();
    slots.forEach((id, s) -> out.put(id, new Periodic(s, totals.get(id))));
    return out;
  }

  private static Periodic empty(DateRange range, RevenuePeriod period) {
    return new Periodic(slots(range, period), 0);
  }

  private static Map<String, Object> slots(DateRange range, RevenuePeriod period) {
    return period.slots(range.from(), range.to(), () -> 0.0);
  }

  /** Adds an amount to the slot at {@code path} (creating it if the range did not). */
  @SuppressWarnings("unchecked")
  private static void add(Map<String, Object> slots, String[] path, double amount) {
    Map<String, Object> level = slots;
    for (int i = 0; i < path.length - 1; i++) {
      level = (Map<String, Object>) level.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
    }
    level.merge(path[path.length - 1], amount, (x, y) -> (Double) x + (Double) y);
  }

  /** PHP 8's comparison of arrays and numbers ({@code <=>}), as {@code asort} uses it. */
  @SuppressWarnings("unchecked")
  public static int phpCompare(Object a, Object b) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return Integer.compare(x.size(), y.size());
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) x).entrySet()) {
        if (!y.containsKey(e.getKey())) {
          return 1;
        }
        int c = phpCompare(e.getValue(), y.get(e.getKey()));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
    return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
  }

  // ---- helpers

  /** A string column (MySQL may hand computed strings over as bytes). */
  private static String text(Object v) {
    return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
  }

  private static long count(Object n) {
    return n == null ? 0 : ((Number) n).longValue();
  }

  private static double amount(Object n) {
    return n == null ? 0 : ((Number) n).doubleValue();
  }
}
