package org.mpm.transaction;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.Timestamped;

/**
 * Carries out the pipeline's durable work of a company on this node: woken when a payment commits, when a retry
 * falls due, and by {@link PaymentSchedules}' poll (work left by a node that died, by another node, or before a
 * restart). At most one drain per company runs on a node at a time; nodes share the queue through
 * {@code FOR UPDATE SKIP LOCKED}. A wake during a drain makes the drain look again when it finishes.
 *
 * <p>A drain starts {@code mpm.payments.gather-ms} after the wake that asks for it, and goes on in rounds as far
 * apart until a round finds nothing due, so that the payments of each moment are carried out together: a round
 * of the queue costs a handful of transactions whether it carries one payment or fifty, so under load larger
 * rounds leave more of the machine to taking payments.
 */
@ApplicationScoped
public class PaymentWorker {

  private static final Logger LOG = Logger.getLogger(PaymentWorker.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PaymentDrain drain;

  @Inject
  @ConfigProperty(name = "mpm.payments.gather-ms", defaultValue = "50")
  long gatherMillis;

  /** Per company: 0 idle, 1 draining, more = woken again while draining. */
  private final Map<Long, AtomicInteger> wakes = new ConcurrentHashMap<>();

  /** Makes this node look at the company's due work soon (now, or after the drain that is running). */
  public void wake(long companyId, String database) {
    AtomicInteger w = wakes.computeIfAbsent(companyId, id -> new AtomicInteger());
    if (w.getAndIncrement() == 0) {
      start(companyId, database, w);
    }
  }

  /** A round of the company's drain, {@code gatherMillis} from now (no thread is held meanwhile). */
  private void start(long companyId, String database, AtomicInteger w) {
    if (gatherMillis > 0) {
      scheduler.schedule(() -> executor.execute(() -> run(companyId, database, w)), gatherMillis,
          TimeUnit.MILLISECONDS);
    } else {
      executor.execute(() -> run(companyId, database, w));
    }
  }

  /** Wakes the company's drain when {@code due} has come. */
  void wakeAt(long companyId, String database, LocalDateTime due) {
    long delay = Math.max(0, Duration.between(Timestamped.nowUtc(), due).toMillis());
    scheduler.schedule(() -> wake(companyId, database), delay + 5, TimeUnit.MILLISECONDS);
  }

  private void run(long companyId, String database, AtomicInteger w) {
    w.set(1);
    boolean more = false;
    try {
      PaymentDrain.Pass pass = drain.drain(companyId, database, false);
      pass.retries().forEach(due -> wakeAt(companyId, database, due));
      more = pass.more();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Payment jobs of company " + companyId + " failed; the poll takes them up again", e);
    }
    if (more || !w.compareAndSet(1, 0)) {
      // Work may be left (what the round queued, what came meanwhile) or a wake came during the round: another
      // round, gathered as the first was. A round that finds nothing ends the drain.
      start(companyId, database, w);
    }
  }
}
