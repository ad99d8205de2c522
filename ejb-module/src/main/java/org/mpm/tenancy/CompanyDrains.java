package org.mpm.tenancy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.Timestamped;

/**
 * One kind of queued per-company work on this node (payment jobs, mails, imports), each company's carried out by a
 * "drain" that claims what is due from the company's database:
 *
 * <ul>
 *   <li>at most one drain per company runs at a time; a wake during its drain makes it run again afterwards;
 *   <li>at most {@code limit} drains of the kind run at once, however many companies are woken together (a poll
 *       wakes every company): the others wait their turn, so the managed executor is never flooded;
 *   <li>a company woken by new work or a retry ({@link #wake}, {@link #wakeAt}) goes before companies woken by a
 *       poll ({@link #poll}), which only looks for work left by a restart or another node;
 *   <li>a drain the executor refuses waits and is tried again a second later: a wake is never lost (a company
 *       whose drain was refused once would otherwise never be drained again on this node).
 * </ul>
 *
 * <p>A drain starts {@code gatherMillis} after the wake that asks for it, so that the work of that moment is carried
 * out together.
 */
public final class CompanyDrains {

  private static final Logger LOG = Logger.getLogger(CompanyDrains.class.getName());

  /** The work of one company; true when more may be due at once (another round follows, gathered as the first). */
  @FunctionalInterface
  public interface Drain {
    boolean run(long companyId, String database);
  }

  private static final int IDLE = 0;
  private static final int WAITING = 1;
  private static final int RUNNING = 2;
  private static final int RUNNING_AGAIN = 3;

  /** A company's place in the queue. */
  private static final class Lane {
    final long companyId;
    final String database;
    final AtomicInteger state = new AtomicInteger(IDLE);
    /** In the urgent queue (an entry whose lane was claimed meanwhile is skipped). */
    final AtomicBoolean inUrgent = new AtomicBoolean();
    /** Woken by new work while running: the next round goes first. */
    final AtomicBoolean urgentAgain = new AtomicBoolean();

    Lane(long companyId, String database) {
      this.companyId = companyId;
      this.database = database;
    }
  }

  private final String what;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final long gatherMillis;
  private final Drain drain;
  private final Semaphore slots;
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
  private final Queue<Lane> urgent = new ConcurrentLinkedQueue<>();
  private final Queue<Lane> background = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean retryArmed = new AtomicBoolean();

  /**
   * @param what the work's name in the log
   * @param limit the most drains of this kind that run at once on this node
   */
  public CompanyDrains(String what, int limit, long gatherMillis, Executor executor,
      ScheduledExecutorService scheduler, Drain drain) {
    this.what = what;
    this.slots = new Semaphore(Math.max(1, limit));
    this.gatherMillis = Math.max(0, gatherMillis);
    this.executor = executor;
    this.scheduler = scheduler;
    this.drain = drain;
  }

  /** The company has new or retried work due: its drain runs soon (or again after the one running). */
  public void wake(long companyId, String database) {
    wake(lane(companyId, database), true);
  }

  /** The company may have work left by a restart or another node: its drain runs after the companies with new work. */
  public void poll(long companyId, String database) {
    wake(lane(companyId, database), false);
  }

  /** Wakes the company's drain when {@code due} has come. */
  public void wakeAt(long companyId, String database, LocalDateTime due) {
    long delay = Math.max(0, Duration.between(Timestamped.nowUtc(), due).toMillis());
    scheduler.schedule(() -> wake(companyId, database), delay + 5, TimeUnit.MILLISECONDS);
  }

  private Lane lane(long companyId, String database) {
    return lanes.computeIfAbsent(companyId, id -> new Lane(companyId, database));
  }

  private void wake(Lane lane, boolean isUrgent) {
    while (true) {
      int s = lane.state.get();
      if (s == IDLE) {
        if (lane.state.compareAndSet(IDLE, WAITING)) {
          enqueueAfterGather(lane, isUrgent);
          return;
        }
      } else if (s == WAITING) {
        if (isUrgent) {
          toUrgent(lane);
          pump();
        }
        return;
      } else if (s == RUNNING) {
        if (isUrgent) {
          lane.urgentAgain.set(true);
        }
        if (lane.state.compareAndSet(RUNNING, RUNNING_AGAIN)) {
          return;
        }
      } else {
        if (isUrgent) {
          lane.urgentAgain.set(true);
        }
        return;
      }
    }
  }

  private void enqueueAfterGather(Lane lane, boolean isUrgent) {
    if (gatherMillis == 0) {
      enqueue(lane, isUrgent);
      return;
    }
    try {
      scheduler.schedule(() -> enqueue(lane, isUrgent), gatherMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      enqueue(lane, isUrgent);
    }
  }

  private void enqueue(Lane lane, boolean isUrgent) {
    if (isUrgent) {
      toUrgent(lane);
    } else {
      background.add(lane);
    }
    pump();
  }

  private void toUrgent(Lane lane) {
    if (lane.inUrgent.compareAndSet(false, true)) {
      urgent.add(lane);
    }
  }

  /** Starts waiting drains while slots are free. */
  private void pump() {
    while ((!urgent.isEmpty() || !background.isEmpty()) && slots.tryAcquire()) {
      Lane lane = next();
      if (lane == null) {
        slots.release();
        continue;
      }
      try {
        executor.execute(() -> run(lane));
      } catch (RejectedExecutionException e) {
        // Given back, first in line, and tried again in a second (or when a running drain ends).
        lane.state.set(WAITING);
        toUrgent(lane);
        slots.release();
        retryLater(e);
        return;
      }
    }
  }

  /** The next waiting company (new work first), claimed; null when none waits. */
  private Lane next() {
    Lane lane;
    while ((lane = urgent.poll()) != null) {
      lane.inUrgent.set(false);
      if (lane.state.compareAndSet(WAITING, RUNNING)) {
        return lane;
      }
    }
    while ((lane = background.poll()) != null) {
      if (lane.state.compareAndSet(WAITING, RUNNING)) {
        return lane;
      }
    }
    return null;
  }

  private void retryLater(RejectedExecutionException cause) {
    if (retryArmed.compareAndSet(false, true)) {
      LOG.warning(() -> what + ": the executor is full (" + cause.getMessage()
          + "); the waiting companies are tried again in a second");
      try {
        scheduler.schedule(() -> {
          retryArmed.set(false);
          pump();
        }, 1, TimeUnit.SECONDS);
      } catch (RejectedExecutionException e) {
        retryArmed.set(false);
      }
    }
  }

  private void run(Lane lane) {
    boolean more = false;
    try {
      more = drain.run(lane.companyId, lane.database);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + " of company " + lane.companyId + " failed; the poll takes it up again", e);
    } finally {
      slots.release();
    }
    if (more || !lane.state.compareAndSet(RUNNING, IDLE)) {
      // Work may be left, or a wake came during the round: another round, gathered as the first was.
      lane.state.set(WAITING);
      enqueueAfterGather(lane, lane.urgentAgain.getAndSet(false) || more);
    }
    pump();
  }
}
