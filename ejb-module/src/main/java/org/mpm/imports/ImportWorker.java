package org.mpm.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out a company's import jobs on this node: woken when a job is submitted and by {@link ImportSchedules}'
 * poll (jobs left by a restart or a dead node). At most one drain per company runs on a node at a time; a wake
 * during a drain makes it look again when it finishes. Nodes share the jobs through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ImportWorker {

  private static final Logger LOG = Logger.getLogger(ImportWorker.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject ImportDrain drain;

  private final Map<Long, AtomicInteger> wakes = new ConcurrentHashMap<>();

  public void wake(long companyId, String database) {
    AtomicInteger w = wakes.computeIfAbsent(companyId, id -> new AtomicInteger());
    if (w.getAndIncrement() == 0) {
      executor.execute(() -> run(companyId, database, w));
    }
  }

  private void run(long companyId, String database, AtomicInteger w) {
    w.set(1);
    try {
      drain.drain(companyId, database);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Imports of company " + companyId + " failed; the poll takes them up again", e);
    }
    if (!w.compareAndSet(1, 0)) {
      executor.execute(() -> run(companyId, database, w));
    }
  }
}
