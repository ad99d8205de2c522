package org.mpm.appliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/**
 * The appliance catalogue (MPM's ApplianceService and ApplianceTypeService): appliance types ({@code appliance_types},
 * {@code paygo_enabled} for those sold with a PAYG device) and appliances ({@code appliances}: a name, a type and a
 * list price). A type or an appliance still in use is not deleted (MPM deletes it and leaves its users pointing at
 * nothing).
 */
@Stateless
public class ApplianceCatalog {

  @Inject TenantDatabase tenantDb;

  /** An appliance type. */
  public record ApplianceType(long id, String name, boolean paygoEnabled, LocalDateTime createdAt,
      LocalDateTime updatedAt) {}

  /** An appliance of the catalogue with its type (null when the type is gone). */
  public record Appliance(long id, String name, long applianceTypeId, long price, LocalDateTime createdAt,
      LocalDateTime updatedAt, ApplianceType type) {}

  private static final String TYPE_COLUMNS = "id, name, paygo_enabled, created_at, updated_at";
  private static final String COLUMNS = "id, name, appliance_type_id, price, created_at, updated_at";

  public List<ApplianceType> types() {
    return typeRows("SELECT " + TYPE_COLUMNS + " FROM appliance_types ORDER BY id", List.of());
  }

  public Page<ApplianceType> types(int page, int size) {
    long total = count("SELECT COUNT(*) FROM appliance_types");
    return new Page<>(typeRows("SELECT " + TYPE_COLUMNS + " FROM appliance_types ORDER BY id LIMIT ? OFFSET ?",
        List.of(size, (long) (page - 1) * size)), page, size, total);
  }

  public ApplianceType type(long id) {
    List<ApplianceType> found = typeRows("SELECT " + TYPE_COLUMNS + " FROM appliance_types WHERE id = ?",
        List.of(id));
    if (found.isEmpty()) {
      throw new NotFoundException("No query results for model [App\\Models\\ApplianceType] " + id);
    }
    return found.get(0);
  }

  public ApplianceType createType(String name) {
    Timestamp now = now();
    return type(NativeSql.insertAll(tenantDb.connection(), "INSERT INTO appliance_types (name, paygo_enabled,"
        + " created_at, updated_at)", "(?, 0, ?, ?)", List.<Object[]>of(new Object[] {name, now, now})).get(0));
  }

  /** Renames a type; a name left out changes nothing. */
  public ApplianceType updateType(long id, String name) {
    type(id);
    if (name != null) {
      em().createNativeQuery("UPDATE appliance_types SET name = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, name).setParameter(2, now()).setParameter(3, id).executeUpdate();
    }
    return type(id);
  }

  public void deleteType(long id) {
    type(id);
    if (count("SELECT COUNT(*) FROM appliances WHERE appliance_type_id = ?", id) > 0) {
      throw ValidationException.message("The appliance type is used by appliances of the catalogue and cannot be"
          + " deleted.");
    }
    em().createNativeQuery("DELETE FROM appliance_types WHERE id = ?").setParameter(1, id).executeUpdate();
  }

  public List<Appliance> appliances() {
    return withTypes(rows("SELECT " + COLUMNS + " FROM appliances ORDER BY id", List.of()));
  }

  public Page<Appliance> appliances(int page, int size) {
    long total = count("SELECT COUNT(*) FROM appliances");
    return new Page<>(withTypes(rows("SELECT " + COLUMNS + " FROM appliances ORDER BY id LIMIT ? OFFSET ?",
        List.of(size, (long) (page - 1) * size))), page, size, total);
  }

  /** An appliance with its type; 404 (MPM's model binding) when there is none. */
  public Appliance appliance(long id) {
    List<Appliance> found = withTypes(rows("SELECT " + COLUMNS + " FROM appliances WHERE id = ?", List.of(id)));
    if (found.isEmpty()) {
      throw new NotFoundException("No query results for model [App\\Models\\Appliance] " + id);
    }
    return found.get(0);
  }

  public Appliance create(long typeId, String name, long price) {
    checkType(typeId);
    Timestamp now = now();
    return appliance(NativeSql.insertAll(tenantDb.connection(), "INSERT INTO appliances (name, appliance_type_id,"
        + " price, created_at, updated_at)", "(?, ?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {name, typeId, price, now, now})).get(0));
  }

  /** Changes what is given (null: unchanged). */
  public Appliance update(long id, Long typeId, String name, Long price) {
    Appliance a = appliance(id);
    if (typeId != null) {
      checkType(typeId);
    }
    em().createNativeQuery("UPDATE appliances SET name = ?, appliance_type_id = ?, price = ?, updated_at = ?"
            + " WHERE id = ?").setParameter(1, name == null ? a.name() : name)
        .setParameter(2, typeId == null ? a.applianceTypeId() : typeId)
        .setParameter(3, price == null ? a.price() : price).setParameter(4, now()).setParameter(5, id)
        .executeUpdate();
    return appliance(id);
  }

  /** Deletes an appliance nothing was sold of; answers it as it was. */
  public Appliance delete(long id) {
    Appliance a = appliance(id);
    if (count("SELECT COUNT(*) FROM appliance_people WHERE appliance_id = ?", id) > 0) {
      throw ValidationException.message("The appliance has been sold and cannot be deleted.");
    }
    em().createNativeQuery("DELETE FROM appliances WHERE id = ?").setParameter(1, id).executeUpdate();
    return a;
  }

  /** Appliances by id, with their types (for sales). */
  public Map<Long, Appliance> byIds(List<Long> ids) {
    Map<Long, Appliance> out = new HashMap<>();
    List<Long> distinct = ids.stream().distinct().sorted().toList();
    if (distinct.isEmpty()) {
      return out;
    }
    Query q = em().createNativeQuery("SELECT " + COLUMNS + " FROM appliances WHERE id IN ("
        + NativeSql.in(distinct.size()) + ")");
    NativeSql.bindIn(q, 1, distinct);
    withTypes(appliances(q.getResultList())).forEach(a -> out.put(a.id(), a));
    return out;
  }

  private void checkType(long typeId) {
    if (count("SELECT COUNT(*) FROM appliance_types WHERE id = ?", typeId) == 0) {
      throw ValidationException.field("appliance_type_id", "The selected appliance type id is invalid.");
    }
  }

  private List<Appliance> withTypes(List<Appliance> appliances) {
    Map<Long, ApplianceType> types = new HashMap<>();
    types().forEach(t -> types.put(t.id(), t));
    List<Appliance> out = new ArrayList<>();
    for (Appliance a : appliances) {
      out.add(new Appliance(a.id(), a.name(), a.applianceTypeId(), a.price(), a.createdAt(), a.updatedAt(),
          types.get(a.applianceTypeId())));
    }
    return out;
  }

  private List<ApplianceType> typeRows(String sql, List<?> params) {
    List<ApplianceType> out = new ArrayList<>();
    for (Object o : query(sql, params)) {
      Object[] r = (Object[]) o;
      out.add(new ApplianceType(((Number) r[0]).longValue(), (String) r[1], flag(r[2]), SaleRows.time(r[3]),
          SaleRows.time(r[4])));
    }
    return out;
  }

  private List<Appliance> rows(String sql, List<?> params) {
    return appliances(query(sql, params));
  }

  private static List<Appliance> appliances(List<?> rows) {
    List<Appliance> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(new Appliance(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
          ((Number) r[3]).longValue(), SaleRows.time(r[4]), SaleRows.time(r[5]), null));
    }
    return out;
  }

  private List<?> query(String sql, List<?> params) {
    var q = em().createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    return q.getResultList();
  }

  private long count(String sql, Object... params) {
    var q = em().createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  static boolean flag(Object o) {
    return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
  }

  private static Timestamp now() {
    return Timestamp.valueOf(Timestamped.nowUtc());
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
