package org.mpm.transaction;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentEngine.Outcome;

/**
 * Where every payment enters (agent app, cash desk, provider callbacks): answers a replay of an idempotency key
 * with what the key was first answered (its transaction or its refusal), accepts a new payment — together with
 * those that arrive with it ({@link PaymentBatcher}), or alone through {@link PaymentEngine#ingest} — keeps a
 * refused attempt as a rejected record, and wakes the worker when the acceptance left work in the queue (a vend
 * for a remote integration, an SMS for a gateway that sends outside the transaction).
 * Concurrent requests with one key: each is processed, and the key is written last in its transaction; the first
 * to commit wins, the others wait on its key row, fail on the unique key, roll back and are answered with its
 * transaction.
 *
 * <p>A plain bean without a transaction of its own: every step it calls is its own transaction.
 */
@ApplicationScoped
public class PaymentIngress {

  /** Attempts of a payment that lost a deadlock or a lock wait to a concurrent one. */
  private static final int ATTEMPTS = 4;

  @EJB PaymentEngine engine;
  @EJB InstallmentEngine installments;
  @Inject PaymentWorker worker;
  @Inject PaymentBatcher batcher;
  @Inject TenantDatabase tenantDb;

  public Accepted receive(PaymentRequest r) {
    if (r.attributes().containsKey(InstallmentBooking.SALE_ID)) {
      return installment(r);
    }
    Outcome together = batcher.submit(r);
    if (together != null && together.accepted() != null) {
      wakeFor(together.accepted());
      return together.accepted();
    }
    if (together != null) {
      return refused(r, together.rejected());
    }
    for (int attempt = 1; ; attempt++) {
      // A new key is the common case: its replay is looked up only after the insert of the key found it taken.
      if (r.keyed() && attempt > 1) {
        Optional<Long> prior = engine.replayOf(r);
        if (prior.isPresent()) {
          return new Accepted(prior.get(), true, false);
        }
      }
      try {
        Accepted a = engine.ingest(r);
        wakeFor(a);
        return a;
      } catch (PaymentRejectedException e) {
        return refused(r, e);
      } catch (RuntimeException e) {
        int code = sqlErrorCode(e);
        boolean duplicateKey = code == 1062 && r.keyed();
        boolean lostRace = code == 1213 || code == 1205;
        if ((duplicateKey || lostRace) && attempt < ATTEMPTS) {
          continue; // the key's payment committed meanwhile (replayed above), or try once more
        }
        throw e;
      }
    }
  }

  /**
   * A payment on an appliance sale ({@link InstallmentEngine}): taken on its own, retried when it lost a deadlock or
   * a lock wait to a concurrent payment of the same customer. A keyed one (a provider's confirmation) is answered
   * as its key was first answered when the key was taken meanwhile, and a refusal of it is kept as a rejected
   * record with its key.
   */
  private Accepted installment(PaymentRequest r) {
    for (int attempt = 1; ; attempt++) {
      if (r.keyed() && attempt > 1) {
        Optional<Long> prior = engine.replayOf(r);
        if (prior.isPresent()) {
          return new Accepted(prior.get(), true, false);
        }
      }
      try {
        Accepted a = installments.ingest(r);
        wakeFor(a);
        return a;
      } catch (PaymentRejectedException e) {
        if (!r.keyed()) {
          throw e;
        }
        return refused(r, e);
      } catch (RuntimeException e) {
        int code = sqlErrorCode(e);
        boolean duplicateKey = code == 1062 && r.keyed();
        if ((duplicateKey || code == 1213 || code == 1205) && attempt < ATTEMPTS) {
          continue;
        }
        throw e;
      }
    }
  }

  /** Wakes this node's worker when the payment left work in the queue (the poll finds it all the same). */
  private void wakeFor(Accepted a) {
    if (a.queued()) {
      worker.wake(tenantDb.companyId(), tenantDb.databaseName());
    }
  }

  /**
   * A refused payment. A retry of a key is answered as the key was answered first: with its transaction, or with
   * its refusal (checks that passed then may fail now, e.g. an agent's risk balance). A new refusal is kept as a
   * rejected record with its key, unless it is a replay conflict or a failed authorization, and thrown.
   */
  private Accepted refused(PaymentRequest r, PaymentRejectedException refusal) {
    if (refusal.status() == 409 || refusal.status() == 401) {
      throw refusal;
    }
    for (int attempt = 1; ; attempt++) {
      if (r.keyed()) {
        Optional<Long> prior = engine.replayOf(r);
        if (prior.isPresent()) {
          return new Accepted(prior.get(), true, false);
        }
      }
      try {
        engine.recordRejection(r, refusal);
        throw refusal;
      } catch (PaymentRejectedException same) {
        throw same;
      } catch (RuntimeException e) {
        // a concurrent request with the key was answered meanwhile: answer as it was answered
        if (!(r.keyed() && sqlErrorCode(e) == 1062 && attempt < ATTEMPTS)) {
          throw e;
        }
      }
    }
  }

  /**
   * Keeps a payment a provider's callback refused before it reached the pipeline (an unknown order or payer, an
   * amount other than the one requested) as a rejected record, once however often the callback is delivered: the
   * attempt is keyed by its fingerprint in the provider's refusal scope ({@code <morph>:refused}), so a repeated
   * delivery finds the first refusal and adds nothing. Throws nothing: the caller answers the vendor its own way.
   */
  public void recordRefusal(PaymentRequest r, PaymentRejectedException refusal) {
    PaymentRequest keyed = new PaymentRequest(r.provider(), r.deviceSerial(), r.amount(), r.rawAmount(),
        r.provider() + REFUSAL_SCOPE, r.fingerprint(), r.attributes(), r.receivedAt());
    try {
      refused(keyed, refusal);
    } catch (PaymentRejectedException answered) {
      // recorded now, or found recorded by an earlier delivery
    }
  }

  /** The suffix of the idempotency scope of refusals recorded by {@link #recordRefusal}. */
  static final String REFUSAL_SCOPE = ":refused";

  /** The MySQL/MariaDB error code of the SQL failure inside an exception, or 0. */
  static int sqlErrorCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() != 0) {
        return s.getErrorCode();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return 0;
  }
}
