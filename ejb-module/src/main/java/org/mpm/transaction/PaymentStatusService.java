package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.tenancy.TenantDatabase;

/**
 * Where a payment stands, for the client that polls it: {@code completed} once its provider row says success
 * (the token is there when credit was vended), {@code failed} when it was rejected or the vend gave up (the
 * conflicts say why), otherwise {@code pending} with the vend's attempts so far.
 */
@Stateless
public class PaymentStatusService {

  @Inject TenantDatabase tenantDb;
  @Inject PaymentProviders providers;

  /** The vend job of a transaction. */
  public record Vend(String state, int attempts, LocalDateTime nextAttemptAt, String lastError, BigDecimal amount) {}

  /** A transaction's state, with the agent that took it (null for other providers). */
  public record PaymentStatus(Transaction transaction, Integer providerStatus, Long agentId, Token token,
      List<PaymentHistory> allocations, List<TransactionConflict> conflicts, Vend vend) {

    public String state() {
      if (providerStatus == null) {
        return "pending";
      }
      return providerStatus == PaymentProvider.STATUS_SUCCESS || providerStatus == 2 ? "completed"
          : providerStatus < 0 ? "failed" : "pending";
    }
  }

  /** The status of a transaction; 404 when there is none. */
  public PaymentStatus status(long transactionId) {
    EntityManager em = tenantDb.em();
    Transaction tx = em.find(Transaction.class, transactionId);
    if (tx == null) {
      throw new NotFoundException("Transaction not found.");
    }
    Integer providerStatus = null;
    Long agentId = null;
    var provider = providers.find(tx.getOriginalTransactionType());
    if (provider.isPresent()) {
      boolean agent = "agent_transactions".equals(provider.get().table());
      List<?> rows = em.createNativeQuery("SELECT status" + (agent ? ", agent_id" : "") + " FROM "
              + provider.get().table() + " WHERE id = ?")
          .setParameter(1, tx.getOriginalTransactionId()).getResultList();
      if (!rows.isEmpty()) {
        Object row = rows.get(0);
        Object status = agent ? ((Object[]) row)[0] : row;
        providerStatus = ((Number) status).intValue();
        agentId = agent ? ((Number) ((Object[]) row)[1]).longValue() : null;
      }
    }
    Token token = em.createQuery("SELECT t FROM Token t WHERE t.transactionId = :id", Token.class)
        .setParameter("id", transactionId).getResultStream().findFirst().orElse(null);
    List<PaymentHistory> allocations = em.createQuery(
            "SELECT p FROM PaymentHistory p WHERE p.transactionId = :id ORDER BY p.id", PaymentHistory.class)
        .setParameter("id", transactionId).getResultList();
    List<TransactionConflict> conflicts = em.createQuery("SELECT c FROM TransactionConflict c"
            + " WHERE c.transactionType = :type AND c.transactionId = :id ORDER BY c.id", TransactionConflict.class)
        .setParameter("type", tx.getOriginalTransactionType()).setParameter("id", tx.getOriginalTransactionId())
        .getResultList();
    List<?> jobs = em.createNativeQuery("SELECT state, attempts, next_attempt_at, last_error, amount FROM payment_jobs"
            + " WHERE kind = ? AND ref_id = ?").setParameter(1, PaymentJobs.VEND).setParameter(2, transactionId)
        .getResultList();
    Vend vend = null;
    if (!jobs.isEmpty()) {
      Object[] j = (Object[]) jobs.get(0);
      vend = new Vend((String) j[0], ((Number) j[1]).intValue(), toLocal(j[2]), (String) j[3],
          j[4] == null ? null : new BigDecimal(j[4].toString()));
    }
    return new PaymentStatus(tx, providerStatus, agentId, token, allocations, conflicts, vend);
  }

  private static LocalDateTime toLocal(Object v) {
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    return v instanceof LocalDateTime l ? l : null;
  }
}
