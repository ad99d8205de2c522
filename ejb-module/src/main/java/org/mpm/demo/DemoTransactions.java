package org.mpm.demo;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.agent.AgentPaymentProvider;
import org.mpm.agent.AgentTransaction;
import org.mpm.common.Timestamped;
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
 * is accepted by {@link PaymentEngine#ingest} at its own time, in time order (so transaction ids follow time);
 * the vends and confirmation SMS are then carried out at once by {@link PaymentDrain}, backdated to the payments'
 * times, so tokens, payment histories and SMS exist when the server answers its first request.
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

  @Inject PaymentEngine engine;
  @Inject PaymentDrain drain;
  @Inject TenantDatabase tenantDb;

  /** A device a payment can be booked on, and the index of its village (and of the village's agent). */
  record Payable(String serial, int village) {}

  /**
   * Books the demo payments and carries out their vends and SMS.
   *
   * @param customers how many demo customers exist ({@link DemoCustomers}, in creation order)
   * @param agentIds the demo agents, one per village in village order
   * @param cashierIds the users who take cash at the desk
   */
  public void seed(int customers, List<Long> agentIds, List<Long> cashierIds) {
    List<PaymentRequest> payments = plan(payables(customers, agentIds.size()), agentIds, cashierIds,
        Timestamped.nowUtc());
    long start = System.nanoTime();
    int refused = 0;
    for (PaymentRequest p : payments) {
      refused += accept(p) ? 0 : 1;
    }
    long accepted = System.nanoTime();
    List<LocalDateTime> retries = new ArrayList<>();
    PaymentDrain.Pass pass;
    do {
      pass = drain.drain(tenantDb.companyId(), tenantDb.databaseName(), true);
      retries.addAll(pass.retries());
    } while (pass.more());
    long drained = System.nanoTime();
    int count = payments.size() - refused;
    LOG.info(() -> "Demo transactions: " + count + " payments accepted in " + (accepted - start) / 1_000_000
        + " ms, their tokens and SMS in " + (drained - accepted) / 1_000_000 + " ms");
    if (refused > 0 || !retries.isEmpty()) {
      LOG.warning(refused + " demo payments were refused and " + retries.size()
          + " vends or SMS wait for a retry");
    }
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
  static List<PaymentRequest> plan(List<Payable> payables, List<Long> agentIds, List<Long> cashierIds,
      LocalDateTime now) {
    Random random = new Random(SEED);
    List<LocalDateTime> times = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      times.add(time(random, now));
    }
    times.sort(null);
    double[] held = new double[agentIds.size()];
    List<PaymentRequest> out = new ArrayList<>(COUNT);
    for (LocalDateTime at : times) {
      Payable target = payables.get(random.nextInt(payables.size()));
      BigDecimal amount = amount(random);
      boolean byAgent = random.nextDouble() < AGENT_SHARE && !agentIds.isEmpty();
      long cashier = cashierIds.get(random.nextInt(cashierIds.size()));
      int village = target.village();
      if (byAgent && held[village] + amount.doubleValue() <= DemoAgents.RISK_BALANCE) {
        held[village] += amount.doubleValue();
        out.add(new PaymentRequest(AgentTransaction.MORPH, target.serial(), amount, null, null, null,
            Map.of(AgentPaymentProvider.AGENT_ID, agentIds.get(village)), at));
      } else {
        out.add(new PaymentRequest(CashTransaction.MORPH, target.serial(), amount, null, null, null,
            Map.of(CashPaymentProvider.USER_ID, cashier), at));
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
