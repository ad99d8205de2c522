package org.mpm.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentEngine.Outcome;

/** The group commit's hand-over: each waiting request thread gets its own payment's outcome, whoever wrote it. */
class PaymentBatcherTest {

  /** An engine that accepts a set as transaction id = amount, refuses amounts ending in 7, or fails whole sets. */
  static final class SetEngine extends PaymentEngine {
    final ConcurrentLinkedQueue<Integer> setSizes = new ConcurrentLinkedQueue<>();
    final boolean failSets;

    SetEngine(boolean failSets) {
      this.failSets = failSets;
    }

    @Override
    public List<Outcome> ingestAll(List<PaymentRequest> requests) {
      setSizes.add(requests.size());
      try {
        Thread.sleep(20); // a set takes a while, so that others queue behind it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failSets) {
        throw new IllegalStateException("deadlock");
      }
      List<Outcome> out = new ArrayList<>();
      for (PaymentRequest r : requests) {
        long amount = r.amount().longValueExact();
        out.add(amount % 10 == 7 ? new Outcome(null, new PaymentRejectedException(403, null, "no " + amount))
            : new Outcome(new Accepted(amount, false, true), null));
      }
      return out;
    }
  }

  static PaymentBatcher batcher(PaymentEngine engine) {
    PaymentBatcher b = new PaymentBatcher();
    b.engine = engine;
    b.maxBatch = 8;
    b.tenantDb = new TenantDatabase() {
      @Override
      public String databaseName() {
        return "Company_1";
      }
    };
    return b;
  }

  static PaymentRequest payment(long amount) {
    return new PaymentRequest("agent_transaction", "M-1", BigDecimal.valueOf(amount), null, null, null,
        Map.of("agent_id", 1L), null);
  }

  /** Submits 40 payments at once; returns each one's outcome (null: to be taken alone), by amount. */
  static List<Outcome> submitTogether(PaymentBatcher b) throws Exception {
    int n = 40;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long amount = 1000 + i;
      futures.add(pool.submit(() -> {
        go.await();
        return b.submit(payment(amount));
      }));
    }
    go.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    return outcomes;
  }

  /**
   * {@link #submitTogether} until at least one set was written: when the threads happen to arrive one after the
   * other, each payment is taken alone (which is right, but tests nothing here).
   */
  static List<Outcome> untilASetForms(SetEngine engine) throws Exception {
    List<Outcome> outcomes = submitTogether(batcher(engine));
    for (int round = 0; round < 100 && engine.setSizes.isEmpty(); round++) {
      outcomes = submitTogether(batcher(engine));
    }
    return outcomes;
  }

  @Test
  void everyThreadGetsItsOwnPaymentsOutcome() throws Exception {
    SetEngine engine = new SetEngine(false);
    List<Outcome> outcomes = untilASetForms(engine);
    int together = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      long amount = 1000 + i;
      Outcome o = outcomes.get(i);
      if (o == null) {
        continue; // nothing else was waiting: taken alone
      }
      together++;
      if (amount % 10 == 7) {
        assertEquals("no " + amount, o.rejected().getMessage());
      } else {
        assertEquals(amount, o.accepted().transactionId());
      }
    }
    assertEquals(together, engine.setSizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(engine.setSizes.stream().allMatch(s -> s > 1 && s <= 8), "sets of 2 to 8: " + engine.setSizes);
    assertTrue(together > 0, "40 payments at once form sets");
  }

  @Test
  void aSetThatFailsLeavesEachPaymentToBeTakenAlone() throws Exception {
    SetEngine engine = new SetEngine(true);
    for (Outcome o : untilASetForms(engine)) {
      assertNull(o);
    }
    assertTrue(!engine.setSizes.isEmpty(), "sets were tried");
  }
}
