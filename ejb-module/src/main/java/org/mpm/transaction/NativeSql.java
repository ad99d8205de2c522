package org.mpm.transaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** SQL helpers of the payment pipeline, on the tenant transaction's connection. */
public final class NativeSql {

  private NativeSql() {}

  /**
   * Runs an INSERT in the current transaction and returns the generated id, read with {@code LAST_INSERT_ID()}
   * on the same connection (the tenant EntityManager holds one connection per transaction). Not through
   * {@code unwrap(Connection.class)}: before the manager's first statement that hands out a connection of the
   * unit's default data source, not the tenant's.
   */
  public static long insert(EntityManager em, String sql, Object... params) {
    Query q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    q.executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  /** Ids as the inside of an SQL {@code IN (…)} list (numbers only, so nothing can be injected). */
  public static String idList(List<Long> ids) {
    StringBuilder sb = new StringBuilder();
    for (Long id : ids) {
      sb.append(sb.length() == 0 ? "" : ",").append(id.longValue());
    }
    return sb.toString();
  }
}
