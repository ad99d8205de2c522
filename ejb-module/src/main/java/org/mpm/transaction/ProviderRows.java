package org.mpm.transaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mpm.common.NativeSql;

/**
 * What the console may do with a payment provider's row (its {@code PUT}/{@code DELETE /transactions/{id}}): only
 * change or remove one the provider's confirmation has not reached — no {@code transactions} row refers to it, no
 * idempotency key of its references was used (accepted or refused), and its status is neither success (1) nor
 * completed (2). The caller holds the row's lock, which the provider's admission also takes.
 */
public final class ProviderRows {

  private ProviderRows() {}

  /** Whether the row was settled by the pipeline, and so may be neither changed nor deleted. */
  public static boolean settled(EntityManager em, String morph, long rowId, int status, String scope,
      String... references) {
    if (status == 1 || status == 2) {
      return true;
    }
    long booked = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM transactions WHERE original_transaction_type"
        + " = ? AND original_transaction_id = ?").setParameter(1, morph).setParameter(2, rowId).getSingleResult())
        .longValue();
    if (booked > 0) {
      return true;
    }
    List<String> keys = Arrays.stream(references).filter(Objects::nonNull).distinct().toList();
    if (keys.isEmpty()) {
      return false;
    }
    Query q = em.createNativeQuery("SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = ?"
        + " AND idempotency_key IN (" + NativeSql.in(keys.size()) + ")").setParameter(1, scope);
    NativeSql.bindIn(q, 2, keys);
    return ((Number) q.getSingleResult()).longValue() > 0;
  }
}
