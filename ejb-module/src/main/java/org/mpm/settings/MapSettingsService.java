package org.mpm.settings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.tenancy.TenantDatabase;

/** The company's map defaults (MPM's MapSettingsController). */
@Stateless
public class MapSettingsService {

  public static final String MODEL = "App\\Models\\MapSettings";

  @Inject TenantDatabase tenantDb;

  /** Every row (one in practice), by id. */
  public List<MapSettings> all() {
    return tenantDb.em().createQuery("SELECT m FROM MapSettings m ORDER BY m.id", MapSettings.class)
        .getResultList();
  }

  /**
   * MPM's {@code updateOrCreate} by id: the row is changed, or created with this id when the company has no map
   * settings at all. Another id while a row exists is that model's 404, so the company keeps one row (MPM would add
   * a second one, which the console never reads).
   */
  public MapSettings save(long id, int zoom, double latitude, double longitude, String provider) {
    EntityManager em = tenantDb.em();
    MapSettings m = em.find(MapSettings.class, id);
    if (m == null) {
      Long rows = em.createQuery("SELECT COUNT(m) FROM MapSettings m", Long.class).getSingleResult();
      if (rows > 0) {
        throw NotFoundException.model(MODEL, id);
      }
      m = new MapSettings(id);
      m.set(zoom, latitude, longitude, provider);
      em.persist(m);
    } else {
      m.set(zoom, latitude, longitude, provider);
    }
    em.flush();
    return m;
  }
}
