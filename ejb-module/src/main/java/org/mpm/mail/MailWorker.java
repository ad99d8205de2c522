package org.mpm.mail;

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
import org.mpm.common.Timestamped;

/**
 * Delivers a company's waiting mails on this node: woken when a transaction that wrote a mail commits, when a
 * retry falls due, and by {@link MailSchedules}' poll (mails left by a restart or another node). At most one drain
 * per company runs on a node at a time; a wake during a drain makes the drain look again when it finishes. Nodes
 * share the queue through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class MailWorker {

  private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject MailDrain drain;

  /** Per company: 0 idle, 1 draining, more = woken again while draining. */
  private final Map<Long, AtomicInteger> wakes = new ConcurrentHashMap<>();

  /** Makes this node deliver the company's due mails now (or after the drain that is running). */
  public void wake(long companyId, String database) {
    AtomicInteger w = wakes.computeIfAbsent(companyId, id -> new AtomicInteger());
    if (w.getAndIncrement() == 0) {
      executor.execute(() -> run(companyId, database, w));
    }
  }

  private void run(long companyId, String database, AtomicInteger w) {
    w.set(1);
    try {
      for (LocalDateTime due : drain.drain(companyId, database)) {
        long delay = Math.max(0, Duration.between(Timestamped.nowUtc(), due).toMillis());
        scheduler.schedule(() -> wake(companyId, database), delay + 5, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Mails of company " + companyId + " failed; the poll takes them up again", e);
    }
    if (!w.compareAndSet(1, 0)) {
      executor.execute(() -> run(companyId, database, w));
    }
  }
}
