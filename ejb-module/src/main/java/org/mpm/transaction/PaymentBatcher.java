package org.mpm.transaction;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentEngine.Outcome;

/**
 * Group commit of the ingress: payments of one company and provider that arrive while an earlier set is being
 * written are accepted together, in one transaction ({@link PaymentEngine#ingestAll}), by whichever of their
 * request threads gets to them first; the others wait for their outcome. A payment that finds nothing else
 * waiting is taken on its own, at once. On this node at most one set per company and provider is written at a
 * time, so sets do not wait on each other's locks.
 *
 * <p>When a set fails as a whole (a deadlock with another node, a key taken meanwhile …), each of its payments
 * is taken on its own, as if it had arrived alone.
 */
@ApplicationScoped
public class PaymentBatcher {

  private static final Logger LOG = Logger.getLogger(PaymentBatcher.class.getName());

  @EJB PaymentEngine engine;
  @Inject TenantDatabase tenantDb;

  @Inject
  @ConfigProperty(name = "mpm.payments.batch-size", defaultValue = "32")
  int maxBatch;

  /** A payment waiting for its set; {@code outcome} null and {@code done} true: to be taken on its own. */
  private static final class Waiting {
    final PaymentRequest request;
    volatile Outcome outcome;
    volatile boolean done;

    Waiting(PaymentRequest request) {
      this.request = request;
    }
  }

  /** The payments of one company and provider waiting to be written, and the right to write them. */
  private static final class Lane {
    final ReentrantLock writing = new ReentrantLock();
    final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  }

  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

  /**
   * The outcome of the payment accepted with others that arrived with it, or null when it is to be taken on its
   * own (nothing else was waiting, its key is a replay, or its set failed).
   */
  public Outcome submit(PaymentRequest r) {
    if (maxBatch <= 1) {
      return null;
    }
    Lane lane = lanes.computeIfAbsent(tenantDb.databaseName() + '/' + r.provider(), k -> new Lane());
    Waiting me = new Waiting(r);
    lane.waiting.add(me);
    lane.writing.lock();
    try {
      while (!me.done) {
        List<Waiting> set = new ArrayList<>();
        for (Waiting w; set.size() < maxBatch && (w = lane.waiting.poll()) != null; ) {
          set.add(w);
        }
        write(set);
      }
    } finally {
      lane.writing.unlock();
    }
    return me.outcome;
  }

  private void write(List<Waiting> set) {
    if (set.size() > 1) {
      try {
        List<Outcome> outcomes = engine.ingestAll(set.stream().map(w -> w.request).toList());
        for (int i = 0; i < set.size(); i++) {
          Outcome o = outcomes.get(i);
          set.get(i).outcome = o.alone() ? null : o;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A set of " + set.size() + " payments failed; each is taken on its own", e);
      }
    }
    for (Waiting w : set) {
      w.done = true;
    }
  }
}
