package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mpm.common.NativeSql;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/**
 * One message to many customers (MPM's storeBulk): the phones given, or the primary phones of the owners of the
 * meters of connection groups, of connection types or of all meters, in one mini-grid or all. Each phone gets one
 * message, queued through {@link SmsOutbox} in this transaction: all of them are written, or none.
 */
@Stateless
public class SmsBulk {

  public static final List<String> TYPES = List.of("person", "group", "type", "all");

  @Inject TenantDatabase tenantDb;
  @Inject SmsOutbox outbox;

  /** What was queued: MPM's {@code queued}, {@code failed}, {@code failed_receivers}. */
  public record Queued(int queued, int failed, List<String> failedReceivers) {}

  /**
   * Queues {@code message} to the receivers of {@code type}: phones for {@code person}, connection group or type
   * ids for {@code group}/{@code type}, nothing for {@code all}; {@code miniGrid} 0 or null for every mini-grid.
   * No receiver at all is a 422 and writes nothing.
   */
  public Queued send(String type, List<String> phones, List<Long> ids, String message, Long senderId,
      Long miniGrid) {
    Set<String> receivers = new LinkedHashSet<>();
    if ("person".equals(type)) {
      for (String p : phones) {
        if (p != null && !p.isBlank()) {
          receivers.add(p.trim());
        }
      }
    } else {
      receivers.addAll(meterOwnerPhones(type, ids, miniGrid));
    }
    if (receivers.isEmpty()) {
      throw ValidationException.field("receivers", "No customer with a phone matches the receivers.");
    }
    List<SmsOutbox.Outgoing> out = new ArrayList<>(receivers.size());
    for (String r : receivers) {
      out.add(new SmsOutbox.Outgoing(r, message, senderId, null, null));
    }
    outbox.queue(out);
    return new Queued(out.size(), 0, List.of());
  }

  private List<String> meterOwnerPhones(String type, List<Long> ids, Long miniGrid) {
    StringBuilder sql = new StringBuilder("SELECT DISTINCT a.phone FROM meters m JOIN devices d ON d.device_type ="
        + " 'meter' AND d.device_id = m.id JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL"
        + " JOIN addresses a ON a.owner_type = 'person' AND a.owner_id = p.id AND a.is_primary = 1"
        + " AND a.phone IS NOT NULL AND a.phone <> ''");
    List<Object> params = new ArrayList<>();
    if (miniGrid != null && miniGrid != 0) {
      sql.append(" JOIN cities c ON c.id = a.city_id AND c.mini_grid_id = ?");
      params.add(miniGrid);
    }
    if (!"all".equals(type)) {
      if (ids.isEmpty()) {
        return List.of();
      }
      sql.append(" WHERE m.").append("group".equals(type) ? "connection_group_id" : "connection_type_id")
          .append(" IN (").append(NativeSql.in(ids.size())).append(")");
    }
    sql.append(" ORDER BY a.phone");
    Query q = NativeSql.bind(tenantDb.em().createNativeQuery(sql.toString()), params);
    if (!"all".equals(type)) {
      NativeSql.bindIn(q, params.size() + 1, ids);
    }
    List<String> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      out.add((String) o);
    }
    return out;
  }
}
