package org.mpm.plugin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.mpm.common.NotFoundException;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's plugin switches (tenant {@code plugins}) and onboarding checklist ({@code registration_tail}).
 * Enabling a plugin the first time adds its onboarding step; disabling removes the step and keeps the data.
 */
@Stateless
public class PluginService {

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject TenantDatabase tenantDb;

  /** The catalogue entries of the company's enabled plugins among these ids, in the order of its plugin rows. */
  public List<MpmPlugin> enabled(Collection<Long> mpmPluginIds) {
    if (mpmPluginIds.isEmpty()) {
      return List.of();
    }
    return tenantDb.em().createQuery("SELECT p.mpmPluginId FROM Plugin p WHERE p.status = TRUE AND p.mpmPluginId"
            + " IN :ids ORDER BY p.id", Long.class).setParameter("ids", mpmPluginIds).getResultList().stream()
        .distinct().map(id -> central.find(MpmPlugin.class, id)).filter(Objects::nonNull).toList();
  }

  public List<Plugin> plugins() {
    return tenantDb.em().createQuery("SELECT p FROM Plugin p ORDER BY p.id", Plugin.class).getResultList();
  }

  public Plugin update(long mpmPluginId, boolean checked) {
    MpmPlugin catalogue = central.find(MpmPlugin.class, mpmPluginId);
    if (catalogue == null) {
      throw NotFoundException.model("App\\Models\\MpmPlugin", mpmPluginId);
    }
    EntityManager em = tenantDb.em();
    List<Plugin> rows = em.createQuery("SELECT p FROM Plugin p WHERE p.mpmPluginId = :id", Plugin.class)
        .setParameter("id", mpmPluginId).getResultList();
    Plugin plugin;
    if (rows.isEmpty()) {
      plugin = new Plugin(mpmPluginId, checked);
      em.persist(plugin);
    } else {
      plugin = rows.get(0);
      plugin.setStatus(checked);
    }
    List<RegistrationTail> steps = em.createQuery(
            "SELECT t FROM RegistrationTail t WHERE t.component = :c", RegistrationTail.class)
        .setParameter("c", catalogue.getName()).getResultList();
    if (checked && steps.isEmpty()) {
      em.persist(new RegistrationTail(catalogue.getName()));
    } else if (!checked) {
      steps.forEach(em::remove);
    }
    em.flush();
    return plugin;
  }

  public List<RegistrationTail> registrationTails() {
    return tenantDb.em().createQuery("SELECT t FROM RegistrationTail t ORDER BY t.id", RegistrationTail.class)
        .getResultList();
  }

  public RegistrationTail adjust(long id, boolean adjusted, long byUser) {
    RegistrationTail tail = tenantDb.em().find(RegistrationTail.class, id);
    if (tail == null) {
      throw NotFoundException.model("App\\Models\\RegistrationTail", id);
    }
    tail.adjust(adjusted, byUser);
    tenantDb.em().flush();
    return tail;
  }
}
