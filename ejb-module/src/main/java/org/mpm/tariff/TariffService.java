package org.mpm.tariff;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mpm.common.ByIds;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.device.Meter;
import org.mpm.tariff.TariffForm.ComponentInput;
import org.mpm.tariff.TariffForm.TimeOfUseInput;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * Tariffs with their access rate, social tariff, pricing components and time-of-use slots (MPM's TariffService and
 * TariffPriceCalculator), and moving meters between tariffs.
 */
@Stateless
public class TariffService {

  public static final String TARIFF_MODEL = "App\\Models\\Tariff";
  public static final String TIME_OF_USAGE_MODEL = "App\\Models\\TimeOfUsage";
  public static final String METER_MODEL = "App\\Models\\Meter\\Meter";

  @Inject TenantDatabase tenantDb;
  @Inject TenantMemo memo;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A tariff that is not soft-deleted, or 404. */
  /** Pricing remembered for the company's tariffs is forgotten once this transaction commits. */
  private void tariffsChanged() {
    memo.changed(TenantMemo.TARIFFS, tenantDb.databaseName());
  }

  public Tariff tariff(long id) {
    Tariff t = em().find(Tariff.class, id);
    if (t == null || t.getDeletedAt() != null) {
      throw NotFoundException.model(TARIFF_MODEL, id);
    }
    return t;
  }

  public boolean exists(long id) {
    Tariff t = em().find(Tariff.class, id);
    return t != null && t.getDeletedAt() == null;
  }

  public TariffView view(long id) {
    return views(List.of(tariff(id))).get(0);
  }

  /** MPM lists only energy tariffs ({@code factor = 1}); SHS tariffs (factor 2) are not listed. */
  public List<Tariff> energyTariffs() {
    return em().createQuery("SELECT t FROM Tariff t WHERE t.factor = 1 ORDER BY t.id", Tariff.class)
        .getResultList();
  }

  public Page<Tariff> energyTariffsPage(int page, int perPage) {
    long total = em().createQuery("SELECT COUNT(t) FROM Tariff t WHERE t.factor = 1", Long.class)
        .getSingleResult();
    List<Tariff> items = em().createQuery("SELECT t FROM Tariff t WHERE t.factor = 1 ORDER BY t.id", Tariff.class)
        .setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(items, page, perPage, total);
  }

  /** The tariffs with their relations, four queries whatever the number of tariffs. */
  public List<TariffView> views(List<Tariff> tariffs) {
    if (tariffs.isEmpty()) {
      return List.of();
    }
    List<Long> ids = tariffs.stream().map(Tariff::getId).toList();
    Map<Long, AccessRate> rates = new HashMap<>();
    for (AccessRate a : em().createQuery("SELECT a FROM AccessRate a WHERE a.tariffId IN :ids ORDER BY a.id DESC",
        AccessRate.class).setParameter("ids", ids).getResultList()) {
      rates.putIfAbsent(a.getTariffId(), a);
    }
    Map<Long, SocialTariff> socials = new HashMap<>();
    for (SocialTariff s : em().createQuery(
        "SELECT s FROM SocialTariff s WHERE s.tariffId IN :ids ORDER BY s.id DESC", SocialTariff.class)
        .setParameter("ids", ids).getResultList()) {
      socials.putIfAbsent(s.getTariffId(), s);
    }
    Map<Long, List<TariffPricingComponent>> components = new HashMap<>();
    for (TariffPricingComponent c : em().createQuery("SELECT c FROM TariffPricingComponent c"
        + " WHERE c.ownerType = :type AND c.ownerId IN :ids ORDER BY c.id", TariffPricingComponent.class)
        .setParameter("type", Tariff.MORPH).setParameter("ids", ids).getResultList()) {
      components.computeIfAbsent(c.getOwnerId(), k -> new ArrayList<>()).add(c);
    }
    Map<Long, List<TimeOfUsage>> tous = new HashMap<>();
    for (TimeOfUsage t : em().createQuery("SELECT t FROM TimeOfUsage t WHERE t.tariffId IN :ids ORDER BY t.id",
        TimeOfUsage.class).setParameter("ids", ids).getResultList()) {
      tous.computeIfAbsent(t.getTariffId(), k -> new ArrayList<>()).add(t);
    }
    List<TariffView> out = new ArrayList<>();
    for (Tariff t : tariffs) {
      out.add(new TariffView(t, rates.get(t.getId()), components.getOrDefault(t.getId(), List.of()),
          socials.get(t.getId()), tous.getOrDefault(t.getId(), List.of())));
    }
    return out;
  }

  /** Views by tariff id, for callers that show the tariffs of other rows (meters, devices). */
  public Map<Long, TariffView> viewsById(List<Long> ids) {
    Map<Long, TariffView> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<Tariff> tariffs = ByIds.inOrder(em(), Tariff.class,
        ids.stream().filter(Objects::nonNull).distinct().sorted().toList(), Tariff::getId);
    for (TariffView v : views(tariffs)) {
      out.put(v.tariff().getId(), v);
    }
    return out;
  }

  public TariffView create(TariffForm f) {
    tariffsChanged();
    Tariff t = new Tariff(f.name(), f.price().doubleValue(), f.currency());
    t.setFactor(f.factor() == null ? Tariff.DEFAULT_FACTOR : f.factor());
    if (f.minimumPurchaseAmount() != null) {
      t.setMinimumPurchaseAmount(f.minimumPurchaseAmount().doubleValue());
    }
    em().persist(t);
    em().flush();
    applyRelations(t, f);
    return view(t.getId());
  }

  public TariffView update(long id, TariffForm f) {
    tariffsChanged();
    Tariff t = tariff(id);
    t.setName(f.name());
    t.setPrice(f.price().doubleValue());
    t.setCurrency(f.currency());
    if (f.factor() != null) {
      t.setFactor(f.factor());
    }
    if (f.minimumPurchaseAmount() != null) {
      t.setMinimumPurchaseAmount(f.minimumPurchaseAmount().doubleValue());
    }
    em().flush();
    applyRelations(t, f);
    return view(id);
  }

  private void applyRelations(Tariff t, TariffForm f) {
    long id = t.getId();
    List<AccessRate> rates = em().createQuery("SELECT a FROM AccessRate a WHERE a.tariffId = :id ORDER BY a.id",
        AccessRate.class).setParameter("id", id).getResultList();
    if (f.accessRate() == null) {
      rates.forEach(em()::remove);
    } else if (rates.isEmpty()) {
      em().persist(new AccessRate(id, f.accessRate().amount().doubleValue(), f.accessRate().period()));
    } else {
      AccessRate a = rates.get(0);
      a.setAmount(f.accessRate().amount().doubleValue());
      a.setPeriod(f.accessRate().period());
    }
    List<SocialTariff> socials = em().createQuery(
        "SELECT s FROM SocialTariff s WHERE s.tariffId = :id ORDER BY s.id", SocialTariff.class)
        .setParameter("id", id).getResultList();
    var st = f.socialTariff();
    if (st == null) {
      socials.forEach(em()::remove);
    } else if (socials.isEmpty()) {
      em().persist(new SocialTariff(id, st.dailyAllowance(), st.price().doubleValue(),
          st.initialEnergyBudget().doubleValue(), st.maximumStackedEnergy()));
    } else {
      SocialTariff s = socials.get(0);
      s.setDailyAllowance(st.dailyAllowance());
      s.setPrice(st.price().doubleValue());
      s.setInitialEnergyBudget(st.initialEnergyBudget().doubleValue());
      s.setMaximumStackedEnergy(st.maximumStackedEnergy());
    }
    if (f.timesOfUse() != null) {
      for (TimeOfUseInput in : f.timesOfUse()) {
        TimeOfUsage existing = in.id() == null ? null : em().find(TimeOfUsage.class, in.id());
        if (existing != null && existing.getTariffId() == id) {
          existing.setStart(in.start());
          existing.setEnd(in.end());
          existing.setValue(in.value().doubleValue());
        } else {
          em().persist(new TimeOfUsage(id, in.start(), in.end(), in.value().doubleValue()));
          em().flush(); // one at a time: EclipseLink does not insert new rows in the order they were persisted
        }
      }
    }
    em().createQuery("DELETE FROM TariffPricingComponent c WHERE c.ownerType = :type AND c.ownerId = :id")
        .setParameter("type", Tariff.MORPH).setParameter("id", id).executeUpdate();
    if (f.components() != null) {
      for (ComponentInput c : f.components()) {
        em().persist(new TariffPricingComponent(c.name(), c.price().doubleValue(), Tariff.MORPH, id));
        em().flush(); // keeps the ids in the order of the body
      }
    }
    em().flush();
  }

  /** Soft-deletes a tariff; its meters keep pointing at it, as in MPM. */
  public void delete(long id) {
    tariffsChanged();
    Tariff t = tariff(id);
    t.softDelete();
    em().flush();
  }

  public long usageCount(long id) {
    tariff(id);
    return em().createQuery("SELECT COUNT(m) FROM Meter m WHERE m.tariffId = :id", Long.class)
        .setParameter("id", id).getSingleResult();
  }

  /** Moves every meter of one tariff to another in one UPDATE; the number of meters moved. */
  public int changeMetersTariff(long fromId, long toId) {
    tariff(fromId);
    tariff(toId);
    return em().createNativeQuery("UPDATE meters SET tariff_id = ?, updated_at = UTC_TIMESTAMP() WHERE tariff_id = ?")
        .setParameter(1, toId).setParameter(2, fromId).executeUpdate();
  }

  public Meter changeMeterTariff(String serial, long tariffId) {
    List<Meter> meters = em().createQuery("SELECT m FROM Meter m WHERE m.serialNumber = :s ORDER BY m.id", Meter.class)
        .setParameter("s", serial).setMaxResults(1).getResultList();
    if (meters.isEmpty()) {
      throw new NotFoundException("No query results for model [" + METER_MODEL + "].");
    }
    tariff(tariffId);
    Meter m = meters.get(0);
    m.setTariffId(tariffId);
    em().flush();
    return m;
  }

  public void deleteTimeOfUsage(long id) {
    tariffsChanged();
    TimeOfUsage t = em().find(TimeOfUsage.class, id);
    if (t == null) {
      throw NotFoundException.model(TIME_OF_USAGE_MODEL, id);
    }
    em().remove(t);
    em().flush();
  }
}
