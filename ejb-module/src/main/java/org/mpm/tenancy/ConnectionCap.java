package org.mpm.tenancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cap on the connections this node's company pools keep open, however many companies are active: each company
 * has a pool of its own, which keeps what it opened until its idle timeout, so a thousand companies that each
 * served a request within a minute would hold a thousand connections. Every transaction on a company's database
 * is counted here ({@link #enter}, {@link #leave}); when a pool is about to open a connection and the pools hold
 * {@code cap} already, the pools of the companies least recently served are emptied first, as many as it takes.
 *
 * <p>A pool opens a connection only when all its connections are taken (one per transaction: the container shares
 * it within a transaction), so the connections a pool holds are at most the most transactions it ran at once since
 * it was last emptied; that is what is counted. A pool whose last transaction ended two idle timeouts ago has closed
 * them itself. Only a pool with no transaction, idle for {@code graceMillis}, is ever emptied, and a transaction
 * that wants it meanwhile waits until it is done (milliseconds); connections in use are never taken away, so in a
 * moment when more transactions run at once than the cap, the pools hold that many until they end.
 */
public final class ConnectionCap {

  private static final Logger LOG = Logger.getLogger(ConnectionCap.class.getName());

  /** One company database's pool as this node uses it. */
  private static final class Pool {
    final String database;
    int inUse;
    /** Connections the pool may hold: the most transactions at once since it was last emptied. */
    int held;
    long lastUsed;
    boolean emptying;

    Pool(String database) {
      this.database = database;
    }
  }

  private final int cap;
  private final long graceMillis;
  private final long closedByItselfMillis;
  private final Consumer<String> emptier;
  private final LongSupplier clock;
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();
  /** One room-making at a time, so that two threads do not empty more than is needed. */
  private final Object making = new Object();
  private long emptied;
  private long emptyingNanos;
  private long reportedEmptied;
  private long reportedNanos;

  /**
   * @param cap the connections the pools may keep (0: no cap)
   * @param graceMillis how long a pool must have been idle before it is emptied
   * @param idleTimeoutMillis the pools' own idle timeout
   * @param emptier closes the connections of a database's pool (none of them in use)
   * @param clock milliseconds
   */
  public ConnectionCap(int cap, long graceMillis, long idleTimeoutMillis, Consumer<String> emptier,
      LongSupplier clock) {
    this.cap = cap;
    this.graceMillis = graceMillis;
    this.closedByItselfMillis = 2 * idleTimeoutMillis;
    this.emptier = emptier;
    this.clock = clock;
  }

  /**
   * A transaction starts on a company's database: waits while its pool is being emptied, and, when the pool may
   * open a connection for it, makes room under the cap first.
   */
  public void enter(String database) {
    Pool p = pools.computeIfAbsent(database, Pool::new);
    boolean opens;
    synchronized (p) {
      while (p.emptying) {
        try {
          p.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while the pool of " + database + " was being emptied", e);
        }
      }
      long now = clock.getAsLong();
      if (p.inUse == 0 && now - p.lastUsed >= closedByItselfMillis) {
        p.held = 0;
      }
      p.inUse++;
      p.lastUsed = now;
      opens = p.inUse > p.held;
      if (opens) {
        p.held = p.inUse;
      }
    }
    if (opens && cap > 0) {
      makeRoom();
    }
  }

  /** The transaction that {@link #enter} counted has ended. */
  public void leave(String database) {
    Pool p = pools.get(database);
    if (p == null) {
      return;
    }
    synchronized (p) {
      p.inUse = Math.max(0, p.inUse - 1);
      p.lastUsed = clock.getAsLong();
    }
  }

  /**
   * Empties the least recently used idle pools while the pools hold more than the cap (called when a pool may open
   * a connection, and now and then, for the room left over once a busy moment ends).
   */
  public void makeRoom() {
    if (cap <= 0) {
      return;
    }
    synchronized (making) {
      long now = clock.getAsLong();
      int held = 0;
      List<Pool> idle = new ArrayList<>();
      for (Pool p : pools.values()) {
        synchronized (p) {
          if (p.inUse == 0 && now - p.lastUsed >= closedByItselfMillis) {
            p.held = 0;
          }
          held += p.held;
          if (p.held > 0 && p.inUse == 0 && !p.emptying && now - p.lastUsed >= graceMillis) {
            idle.add(p);
          }
        }
      }
      if (held <= cap) {
        return;
      }
      idle.sort(Comparator.comparingLong(p -> p.lastUsed));
      for (Pool p : idle) {
        if (held <= cap) {
          break;
        }
        held -= empty(p, now);
      }
    }
  }

  /** Empties an idle pool; the connections it held, or 0 when it was taken meanwhile. */
  private int empty(Pool p, long now) {
    int freed;
    synchronized (p) {
      if (p.inUse > 0 || p.emptying || p.held == 0 || now - p.lastUsed < graceMillis) {
        return 0;
      }
      p.emptying = true;
      freed = p.held;
    }
    long start = System.nanoTime();
    try {
      emptier.accept(p.database);
      emptied++;
      emptyingNanos += System.nanoTime() - start;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The pool of " + p.database + " could not be emptied", e);
      freed = 0;
    } finally {
      synchronized (p) {
        if (freed > 0) {
          p.held = 0;
        }
        p.emptying = false;
        p.notifyAll();
      }
    }
    return freed;
  }

  /** The connections the pools may hold now (as counted here). */
  public int held() {
    long now = clock.getAsLong();
    int held = 0;
    for (Pool p : pools.values()) {
      synchronized (p) {
        held += p.inUse == 0 && now - p.lastUsed >= closedByItselfMillis ? 0 : p.held;
      }
    }
    return held;
  }

  /** How many times a pool was emptied to keep under the cap. */
  public long emptied() {
    synchronized (making) {
      return emptied;
    }
  }

  /**
   * What was emptied since the last call, for the log ("12 pools emptied, 3.1 ms each"), or null when nothing was:
   * many pools emptied a minute means more companies are busy at once than the cap lets keep their connections.
   */
  public String report() {
    synchronized (making) {
      long count = emptied - reportedEmptied;
      long nanos = emptyingNanos - reportedNanos;
      reportedEmptied = emptied;
      reportedNanos = emptyingNanos;
      return count == 0 ? null
          : String.format("%d pools emptied, %.1f ms each, to keep their connections under %d", count,
              nanos / 1e6 / count, cap);
    }
  }
}
