package org.mpm.demo;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.agent.AgentPaymentProvider;
import org.mpm.agent.AgentTransaction;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.CashPaymentProvider;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.PaymentDrain;
import org.mpm.transaction.PaymentEngine;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * MPM's demo payments (its TransactionSeeder), booked through the payment pipeline as real payments are:
 * {@value #COUNT} energy purchases spread over the last {@value #DAYS} days, mostly 1,000–20,000 TZS, on the
 * customers' meters and solar home systems. About a third are taken in cash by the agent of the customer's
 * mini-grid through the agent app ({@code agent_transaction}) as long as the agent's risk balance allows; the
 * others at the company's desk by the owner or the financial manager ({@code cash_transaction}). Each payment
 * is accepted by {@link PaymentEngine#ingest} at its own time, in time order within its village (two groups of
 * villages side by side); the vends and confirmation SMS are then carried out at once by {@link PaymentDrain},
 * backdated to the payments' times, so tokens, payment histories and SMS exist when the server answers its first
 * request.
 *
 * <p>The payments come from a fixed random seed: every fresh demo has the same devices, amounts, providers and
 * days (counted back from the day of seeding).
 */
@ApplicationScoped
public class DemoTransactions {

  private static final Logger LOG = Logger.getLogger(DemoTransactions.class.getName());

  public static final int COUNT = 1000;
  static final int DAYS = 365;
  static final long SEED = 20_261_126L;
  /** The share of payments an agent takes, when its risk balance allows. */
  static final double AGENT_SHARE = 0.35;
  /** Payments are made between 07:00 and 20:00. */
  static final int OPENING_HOUR = 7;
  static final int OPEN_HOURS = 13;
  /**
   * Payments are accepted on this many threads, each taking whole villages (so one customer's and one agent's
   * payments are booked in time order, and no two threads wait on the same rows).
   */
  static final int LANES = 2;
  /** Drains carrying out the vends and SMS side by side (they share the queue as nodes do). */
  static final int DRAINS = 2;

  @Inject PaymentEngine engine;
  @Inject PaymentDrain drain;
  @Inject TenantDatabase tenantDb;
  @Inject TenantContext tenant;
  @Inject Instance<RequestContextController> requestContexts;
  @Resource ManagedExecutorService executor;

  /** A device a payment can be booked on, and the index of its village (and of the village's agent). */
  record Payable(String serial, int village) {}

  /** A payment to book, and the village of its device. */
  record Planned(int village, PaymentRequest request) {}

  /**
   * Books the demo payments and carries out their vends and SMS.
   *
   * @param customers how many demo customers exist ({@link DemoCustomers}, in creation order)
   * @param agentIds the demo agents, one per village in village order
   * @param cashierIds the users who take cash at the desk
   */
  public void seed(int customers, List<Long> agentIds, List<Long> cashierIds) {
    List<Planned> payments = plan(payables(customers, agentIds.size()), agentIds, cashierIds, Timestamped.nowUtc());
    long companyId = tenantDb.companyId();
    String database = tenantDb.databaseName();
    long start = System.nanoTime();
    int refused = inParallel(LANES, lane -> acceptLane(companyId, database, lane(payments, lane)))
        .stream().mapToInt(Integer::intValue).sum();
    long accepted = System.nanoTime();
    List<LocalDateTime> retries = inParallel(DRAINS, i -> drain.drain(companyId, database, true)).stream()
        .flatMap(List::stream).toList();
    long drained = System.nanoTime();
    int count = payments.size() - refused;
    LOG.info(() -> "Demo transactions: " + count + " payments accepted in " + (accepted - start) / 1_000_000
        + " ms, their tokens and SMS in " + (drained - accepted) / 1_000_000 + " ms");
    if (refused > 0 || !retries.isEmpty()) {
      LOG.warning(refused + " demo payments were refused and " + retries.size()
          + " vends or SMS wait for a retry");
    }
  }

  /** The payments of one lane: the villages whose index modulo {@value #LANES} is {@code lane}, in time order. */
  static List<PaymentRequest> lane(List<Planned> payments, int lane) {
    return payments.stream().filter(p -> p.village() % LANES == lane).map(Planned::request).toList();
  }

  /**
   * Accepts payments one after the other in a request context bound to the company (this thread's, or one
   * opened here on a pool thread); returns how many were refused.
   */
  private int acceptLane(long companyId, String database, List<PaymentRequest> payments) {
    RequestContextController context = requestContexts.get();
    boolean opened = context.activate();
    try {
      tenant.set(companyId, database);
      int refused = 0;
      for (PaymentRequest p : payments) {
        refused += accept(p) ? 0 : 1;
      }
      return refused;
    } finally {
      if (opened) {
        context.deactivate();
      }
      requestContexts.destroy(context);
    }
  }

  /** Runs {@code work} for 0 … n-1, 0 on this thread and the others on the server's pool, and collects results. */
  private <T> List<T> inParallel(int n, IntFunction<T> work) {
    List<Future<T>> others = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      int task = i;
      others.add(executor.submit(() -> work.apply(task)));
    }
    List<T> results = new ArrayList<>();
    results.add(work.apply(0));
    for (Future<T> f : others) {
      try {
        results.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Seeding the demo payments failed", e.getCause());
      }
    }
    return results;
  }

  private boolean accept(PaymentRequest p) {
    try {
      engine.ingest(p);
      return true;
    } catch (PaymentRejectedException | EJBException e) {
      LOG.log(Level.WARNING, "Demo payment on " + p.deviceSerial() + " refused", e);
      return false;
    }
  }

  /** Every customer's meter, and the solar home system of those who have one. */
  static List<Payable> payables(int customers, int agents) {
    List<Payable> out = new ArrayList<>();
    for (int n = 0; n < customers; n++) {
      int village = Math.min(n / DemoCustomers.PER_VILLAGE, agents - 1);
      out.add(new Payable(DemoDevices.meterSerial(n), village));
      if (DemoDevices.hasShs(n)) {
        out.add(new Payable(DemoDevices.shsSerial(n), village));
      }
    }
    return out;
  }

  /**
   * The payments in time order, each with its time; an agent takes a payment only while the cash it holds stays
   * within the demo commission's risk balance.
   */
  static List<Planned> plan(List<Payable> payables, List<Long> agentIds, List<Long> cashierIds,
      LocalDateTime now) {
    Random random = new Random(SEED);
    List<LocalDateTime> times = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      times.add(time(random, now));
    }
    times.sort(null);
    double[] held = new double[agentIds.size()];
    List<Planned> out = new ArrayList<>(COUNT);
    for (LocalDateTime at : times) {
      Payable target = payables.get(random.nextInt(payables.size()));
      BigDecimal amount = amount(random);
      boolean byAgent = random.nextDouble() < AGENT_SHARE && !agentIds.isEmpty();
      long cashier = cashierIds.get(random.nextInt(cashierIds.size()));
      int village = target.village();
      if (byAgent && held[village] + amount.doubleValue() <= DemoAgents.RISK_BALANCE) {
        held[village] += amount.doubleValue();
        out.add(new Planned(village, new PaymentRequest(AgentTransaction.MORPH, target.serial(), amount, null,
            null, null, Map.of(AgentPaymentProvider.AGENT_ID, agentIds.get(village)), at)));
      } else {
        out.add(new Planned(village, new PaymentRequest(CashTransaction.MORPH, target.serial(), amount, null,
            null, null, Map.of(CashPaymentProvider.USER_ID, cashier), at)));
      }
    }
    return out;
  }

  /** Nine in ten 1,000–20,000 TZS, the others up to 50,000, in steps of 500. */
  static BigDecimal amount(Random random) {
    int steps = random.nextInt(10) < 9 ? 2 + random.nextInt(39) : 41 + random.nextInt(60);
    return BigDecimal.valueOf(steps * 500L);
  }

  /** A time during opening hours on one of the last {@value #DAYS} days, before {@code now}. */
  static LocalDateTime time(Random random, LocalDateTime now) {
    int daysAgo = random.nextInt(DAYS);
    long second = OPENING_HOUR * 3600L + random.nextInt(OPEN_HOURS * 3600);
    LocalDateTime at = now.toLocalDate().minusDays(daysAgo).atStartOfDay().plusSeconds(second);
    return at.isBefore(now) ? at : at.minusDays(1);
  }
}
