package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.ByIds;
import org.mpm.common.Like;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;
import org.mpm.tariff.AccessRate;
import org.mpm.tariff.AccessRatePayment;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tariff.ConnectionType;
import org.mpm.tariff.TariffService;
import org.mpm.tariff.TariffView;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.SettledTransactions;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;

/**
 * Meters as MPM's MeterController and the meter sub-routes show them: listing, search, detail with its relations,
 * payments, consumption readings, revenue and the located meters of a mini-grid. Relations are loaded in batches
 * by id.
 */
@Stateless
public class MeterQueries {

  @Inject TenantDatabase tenantDb;
  @Inject TariffService tariffService;
  @Inject PersonViews people;
  @Inject GeographyService geography;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A meter with its type and tariff, as the list and search show it. */
  public record MeterRow(Meter meter, MeterType meterType, TariffView tariff) {}

  /** A token of the meter's device with its transaction. */
  public record TokenView(Token token, Transaction transaction) {}

  /** A meter with every relation MPM's detail loads (and, for {@code /all}, the device's location). */
  public record MeterDetail(Meter meter, TariffView tariff, Device device, PersonView person, MeterType meterType,
      ConnectionType connectionType, ConnectionGroup connectionGroup, Manufacturer manufacturer,
      List<TokenView> tokens, GeographicalInformation geo, AccessRatePayment accessRatePayment) {}

  /** A payment for a meter's serial with its transaction and what it paid for (a token or an access rate). */
  public record PaymentView(PaymentHistory payment, Transaction transaction, Object paidFor) {}

  /** A meter in use with its device, the device's location and its access-rate payment row. */
  public record LocatedMeter(Meter meter, Device device, GeographicalInformation geo, AccessRatePayment payment) {}

  // ---- lists

  public Page<MeterRow> list(Boolean inUse, int page, int perPage) {
    String where = inUse == null ? "" : " WHERE m.inUse = :u";
    var count = em().createQuery("SELECT COUNT(m) FROM Meter m" + where, Long.class);
    var rows = em().createQuery("SELECT m FROM Meter m" + where + " ORDER BY m.id", Meter.class);
    if (inUse != null) {
      count.setParameter("u", inUse);
      rows.setParameter("u", inUse);
    }
    long total = count.getSingleResult();
    List<Meter> meters = rows.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(rows(meters), page, perPage, total);
  }

  /** Meters whose serial or tariff name contains the term. */
  public Page<MeterRow> search(String term, int page, int perPage) {
    String t = Like.contains(term == null ? "" : term.trim());
    String matches = "SELECT m.id FROM meters m WHERE m.serial_number LIKE ?1"
        + " UNION SELECT m.id FROM meters m JOIN tariffs t ON t.id = m.tariff_id AND t.deleted_at IS NULL"
        + " WHERE t.name LIKE ?1";
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM (" + matches + ") x").setParameter(1, t)
        .getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT x.id FROM (" + matches + ") x ORDER BY x.id LIMIT " + perPage
        + " OFFSET " + (long) (page - 1) * perPage).setParameter(1, t).getResultList();
    return new Page<>(rows(byIds(ids.stream().map(Number::longValue).toList())), page, perPage, total);
  }

  /** The number of meters of each connection type that exists. */
  public List<long[]> connectionTypeCounts() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT m.connection_type_id, COUNT(*) FROM meters m"
        + " JOIN connection_types c ON c.id = m.connection_type_id GROUP BY m.connection_type_id"
        + " ORDER BY m.connection_type_id").getResultList();
    return rows.stream().map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()}).toList();
  }

  public List<Meter> ofType(long meterTypeId) {
    return em().createQuery("SELECT m FROM Meter m WHERE m.meterTypeId = :t ORDER BY m.id", Meter.class)
        .setParameter("t", meterTypeId).getResultList();
  }

  private List<Meter> byIds(List<Long> ids) {
    return ByIds.inOrder(em(), Meter.class, ids, Meter::getId);
  }

  private List<MeterRow> rows(List<Meter> meters) {
    Map<Long, MeterType> types = ByIds.map(em(), MeterType.class, meters.stream().map(Meter::getMeterTypeId).toList(),
        MeterType::getId);
    Map<Long, TariffView> tariffs = tariffService.viewsById(meters.stream().map(Meter::getTariffId).distinct()
        .toList());
    return meters.stream().map(m -> new MeterRow(m, types.get(m.getMeterTypeId()), tariffs.get(m.getTariffId())))
        .toList();
  }

  // ---- single meters

  public Meter find(long id) {
    Meter m = em().find(Meter.class, id);
    if (m == null) {
      throw NotFoundException.model(MeterService.MODEL, id);
    }
    return m;
  }

  public Meter bySerial(String serial) {
    return em().createQuery("SELECT m FROM Meter m WHERE m.serialNumber = :s", Meter.class).setParameter("s", serial)
        .getResultList().stream().findFirst()
        .orElseThrow(() -> NotFoundException.model(MeterService.MODEL, serial));
  }

  public MeterDetail detailBySerial(String serial) {
    return detail(bySerial(serial), false);
  }

  public MeterDetail detailById(long id) {
    return detail(find(id), true);
  }

  private MeterDetail detail(Meter m, boolean all) {
    Device device = deviceOf(m.getId());
    PersonView person = device == null || device.getPersonId() == null ? null
        : people.viewsById(List.of(device.getPersonId())).get(device.getPersonId());
    List<TokenView> tokens = List.of();
    if (device != null) {
      List<Token> rows = em().createQuery("SELECT t FROM Token t WHERE t.deviceId = :d ORDER BY t.id", Token.class)
          .setParameter("d", device.getId()).getResultList();
      Map<Long, Transaction> txs = ByIds.map(em(), Transaction.class,
          rows.stream().map(Token::getTransactionId).toList(), Transaction::getId);
      tokens = rows.stream().map(t -> new TokenView(t, txs.get(t.getTransactionId()))).toList();
    }
    // deleted tariffs are not found (soft delete)
    TariffView tariff = tariffService.viewsById(List.of(m.getTariffId())).get(m.getTariffId());
    GeographicalInformation geo = all && device != null
        ? geography.location(Device.MORPH, device.getId()).orElse(null) : null;
    AccessRatePayment arp = all ? accessRatePayments(List.of(m.getId())).get(m.getId()) : null;
    return new MeterDetail(m, tariff, device, person, em().find(MeterType.class, m.getMeterTypeId()),
        em().find(ConnectionType.class, m.getConnectionTypeId()),
        em().find(ConnectionGroup.class, m.getConnectionGroupId()),
        em().find(Manufacturer.class, m.getManufacturerId()), tokens, geo, arp);
  }

  /** The device of a meter (its owner's), or null when it has none. */
  public Device deviceOf(long meterId) {
    return em().createQuery("SELECT d FROM Device d WHERE d.deviceType = :t AND d.deviceId = :id ORDER BY d.id",
            Device.class).setParameter("t", Meter.MORPH).setParameter("id", meterId).setMaxResults(1)
        .getResultList().stream().findFirst().orElse(null);
  }

  private Map<Long, AccessRatePayment> accessRatePayments(List<Long> meterIds) {
    Map<Long, AccessRatePayment> out = new HashMap<>();
    if (!meterIds.isEmpty()) {
      em().createQuery("SELECT a FROM AccessRatePayment a WHERE a.meterId IN :ids ORDER BY a.id",
              AccessRatePayment.class).setParameter("ids", meterIds).getResultList()
          .forEach(a -> out.putIfAbsent(a.getMeterId(), a));
    }
    return out;
  }

  // ---- payments, readings, revenue, located meters

  /** Payments whose transaction names the serial, newest first. */
  public Page<PaymentView> payments(String serial, int page, int perPage) {
    bySerial(serial);
    String from = " FROM payment_histories ph JOIN transactions t ON t.id = ph.transaction_id WHERE t.message = ?1";
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*)" + from).setParameter(1, serial)
        .getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT ph.id" + from + " ORDER BY ph.created_at DESC, ph.id DESC"
        + " LIMIT " + perPage + " OFFSET " + (long) (page - 1) * perPage).setParameter(1, serial).getResultList();
    List<Long> phIds = ids.stream().map(Number::longValue).toList();
    List<PaymentHistory> rows = ByIds.inOrder(em(), PaymentHistory.class, phIds, PaymentHistory::getId);
    Map<Long, Transaction> txs = ByIds.map(em(), Transaction.class,
        rows.stream().map(PaymentHistory::getTransactionId).toList(), Transaction::getId);
    Map<Long, Token> tokens = ByIds.map(em(), Token.class, rows.stream()
        .filter(p -> isToken(p.getPaidForType())).map(PaymentHistory::getPaidForId).toList(), Token::getId);
    Map<Long, AccessRate> rates = ByIds.map(em(), AccessRate.class, rows.stream()
        .filter(p -> AccessRate.MORPH.equals(p.getPaidForType())).map(PaymentHistory::getPaidForId).toList(),
        AccessRate::getId);
    List<PaymentView> out = new ArrayList<>();
    for (PaymentHistory p : rows) {
      Object paidFor = isToken(p.getPaidForType()) ? tokens.get(p.getPaidForId())
          : AccessRate.MORPH.equals(p.getPaidForType()) ? rates.get(p.getPaidForId()) : null;
      out.add(new PaymentView(p, txs.get(p.getTransactionId()), paidFor));
    }
    return new Page<>(out, page, perPage, total);
  }

  private static boolean isToken(String type) {
    return Token.MORPH.equals(type) || "App\\Models\\Token".equals(type);
  }

  /** Readings of the meter from the start day to the end day (both whole days), oldest first. */
  public List<MeterConsumption> consumptions(String serial, LocalDate start, LocalDate end) {
    Meter m = bySerial(serial);
    return em().createQuery("SELECT c FROM MeterConsumption c WHERE c.meterId = :m AND c.readingDate >= :s"
            + " AND c.readingDate < :e ORDER BY c.readingDate, c.id", MeterConsumption.class)
        .setParameter("m", m.getId()).setParameter("s", start.atStartOfDay())
        .setParameter("e", end.plusDays(1).atStartOfDay()).getResultList();
  }

  /** The sum of the settled transactions naming the serial. */
  public double revenue(String serial) {
    bySerial(serial);
    Object sum = em().createNativeQuery("SELECT COALESCE(SUM(t.amount), 0) FROM transactions t WHERE t.message = ?1"
        + " AND " + SettledTransactions.condition(em(), "t")).setParameter(1, serial).getSingleResult();
    return ((Number) sum).doubleValue();
  }

  /**
   * Meters in use whose owner's primary address is in a village of the mini-grid, with the device's location
   * and the meter's access-rate payment row.
   */
  public List<LocatedMeter> locatedInMiniGrid(long miniGridId) {
    geography.miniGrid(miniGridId);
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT DISTINCT m.id FROM meters m"
        + " JOIN devices d ON d.device_type = 'meter' AND d.device_id = m.id"
        + " JOIN addresses a ON a.owner_type = 'person' AND a.owner_id = d.person_id AND a.is_primary = 1"
        + " JOIN cities c ON c.id = a.city_id AND c.deleted_at IS NULL"
        + " WHERE m.in_use = 1 AND c.mini_grid_id = ?1 ORDER BY m.id").setParameter(1, miniGridId).getResultList();
    List<Meter> meters = byIds(ids.stream().map(Number::longValue).toList());
    if (meters.isEmpty()) {
      return List.of();
    }
    List<Long> meterIds = meters.stream().map(Meter::getId).toList();
    Map<Long, Device> devices = new HashMap<>();
    em().createQuery("SELECT d FROM Device d WHERE d.deviceType = 'meter' AND d.deviceId IN :ids ORDER BY d.id",
        Device.class).setParameter("ids", meterIds).getResultList()
        .forEach(d -> devices.putIfAbsent(d.getDeviceId(), d));
    Map<Long, GeographicalInformation> geo = geography.locations(Device.MORPH,
        devices.values().stream().map(Device::getId).toList());
    Map<Long, AccessRatePayment> arps = accessRatePayments(meterIds);
    return meters.stream().map(m -> {
      Device d = devices.get(m.getId());
      return new LocatedMeter(m, d, d == null ? null : geo.get(d.getId()), arps.get(m.getId()));
    }).toList();
  }
}
