package org.mpm.tariff;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/** Connection groups, connection types and their sub-types (MPM's Connection*Service). */
@Stateless
public class ConnectionService {

  public static final String GROUP_MODEL = "App\\Models\\ConnectionGroup";
  public static final String TYPE_MODEL = "App\\Models\\ConnectionType";
  public static final String SUB_TYPE_MODEL = "App\\Models\\SubConnectionType";

  @Inject TenantDatabase tenantDb;
  @Inject TariffService tariffs;

  private EntityManager em() {
    return tenantDb.em();
  }

  private <T> List<T> all(Class<T> type, String entity) {
    return em().createQuery("SELECT x FROM " + entity + " x ORDER BY x.id", type).getResultList();
  }

  private <T> Page<T> page(Class<T> type, String entity, String where, Object param, int page, int perPage) {
    String filter = where == null ? "" : " WHERE " + where;
    var count = em().createQuery("SELECT COUNT(x) FROM " + entity + " x" + filter, Long.class);
    var list = em().createQuery("SELECT x FROM " + entity + " x" + filter + " ORDER BY x.id", type);
    if (where != null) {
      count.setParameter("p", param);
      list.setParameter("p", param);
    }
    return new Page<>(list.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList(), page,
        perPage, count.getSingleResult());
  }

  // ---- connection groups

  public List<ConnectionGroup> groups() {
    return all(ConnectionGroup.class, "ConnectionGroup");
  }

  public Page<ConnectionGroup> groupsPage(int page, int perPage) {
    return page(ConnectionGroup.class, "ConnectionGroup", null, null, page, perPage);
  }

  public ConnectionGroup group(long id) {
    ConnectionGroup g = em().find(ConnectionGroup.class, id);
    if (g == null) {
      throw NotFoundException.model(GROUP_MODEL, id);
    }
    return g;
  }

  public ConnectionGroup createGroup(String name) {
    ConnectionGroup g = new ConnectionGroup(name);
    em().persist(g);
    em().flush();
    return g;
  }

  public ConnectionGroup updateGroup(long id, String name) {
    ConnectionGroup g = group(id);
    g.setName(name);
    em().flush();
    return g;
  }

  // ---- connection types

  public List<ConnectionType> types() {
    return all(ConnectionType.class, "ConnectionType");
  }

  public Page<ConnectionType> typesPage(int page, int perPage) {
    return page(ConnectionType.class, "ConnectionType", null, null, page, perPage);
  }

  public ConnectionType type(long id) {
    ConnectionType t = em().find(ConnectionType.class, id);
    if (t == null) {
      throw NotFoundException.model(TYPE_MODEL, id);
    }
    return t;
  }

  /** The number of meters of a connection type. */
  public long meterCount(long typeId) {
    return em().createQuery("SELECT COUNT(m) FROM Meter m WHERE m.connectionTypeId = :id", Long.class)
        .setParameter("id", typeId).getSingleResult();
  }

  public ConnectionType createType(String name) {
    ConnectionType t = new ConnectionType(name);
    em().persist(t);
    em().flush();
    return t;
  }

  public ConnectionType updateType(long id, String name) {
    ConnectionType t = type(id);
    if (name != null) {
      t.setName(name);
    }
    em().flush();
    return t;
  }

  // ---- sub-connection types

  public List<SubConnectionType> subTypes(Long typeId) {
    if (typeId == null) {
      return all(SubConnectionType.class, "SubConnectionType");
    }
    return em().createQuery("SELECT x FROM SubConnectionType x WHERE x.connectionTypeId = :p ORDER BY x.id",
        SubConnectionType.class).setParameter("p", typeId).getResultList();
  }

  public Page<SubConnectionType> subTypesPage(Long typeId, int page, int perPage) {
    return typeId == null ? page(SubConnectionType.class, "SubConnectionType", null, null, page, perPage)
        : page(SubConnectionType.class, "SubConnectionType", "x.connectionTypeId = :p", typeId, page, perPage);
  }

  public SubConnectionType subType(long id) {
    SubConnectionType s = em().find(SubConnectionType.class, id);
    if (s == null) {
      throw NotFoundException.model(SUB_TYPE_MODEL, id);
    }
    return s;
  }

  public SubConnectionType createSubType(String name, long typeId, long tariffId) {
    if (em().find(ConnectionType.class, typeId) == null) {
      throw ValidationException.field("connection_type_id", "The selected connection type id is invalid.");
    }
    requireTariff(tariffId);
    SubConnectionType s = new SubConnectionType(name, typeId, tariffId);
    em().persist(s);
    em().flush();
    return s;
  }

  public SubConnectionType updateSubType(long id, String name, Long tariffId) {
    SubConnectionType s = subType(id);
    if (tariffId != null) {
      requireTariff(tariffId);
      s.setTariffId(tariffId);
    }
    if (name != null) {
      s.setName(name);
    }
    em().flush();
    return s;
  }

  private void requireTariff(long tariffId) {
    if (!tariffs.exists(tariffId)) {
      throw ValidationException.field("tariff_id", "The selected tariff id is invalid.");
    }
  }
}
