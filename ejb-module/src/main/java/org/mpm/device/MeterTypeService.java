package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.tenancy.TenantDatabase;

/** Meter types (MPM's MeterTypeController and MeterTypeMeterController). */
@Stateless
public class MeterTypeService {

  public static final String MODEL = "App\\Models\\Meter\\MeterType";

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  public List<MeterType> all() {
    return em().createQuery("SELECT t FROM MeterType t ORDER BY t.id", MeterType.class).getResultList();
  }

  public Page<MeterType> page(int page, int perPage) {
    long total = em().createQuery("SELECT COUNT(t) FROM MeterType t", Long.class).getSingleResult();
    List<MeterType> items = em().createQuery("SELECT t FROM MeterType t ORDER BY t.id", MeterType.class)
        .setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(items, page, perPage, total);
  }

  public MeterType find(long id) {
    MeterType t = em().find(MeterType.class, id);
    if (t == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return t;
  }

  public MeterType create(boolean online, int phase, int maxCurrent) {
    MeterType t = new MeterType(online, phase, maxCurrent);
    em().persist(t);
    em().flush();
    return t;
  }

  public MeterType update(long id, boolean online, int phase, int maxCurrent) {
    MeterType t = find(id);
    t.setOnline(online);
    t.setPhase(phase);
    t.setMaxCurrent(maxCurrent);
    em().flush();
    return t;
  }
}
