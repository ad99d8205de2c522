package org.mpm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.mpm.agent.AgentAppliances;
import org.mpm.agent.AgentLedger;
import org.mpm.agent.AgentSales;
import org.mpm.agent.AgentSales.AgentSale;
import org.mpm.agent.AgentTransaction;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * The demo agents' ledger beyond their energy payments (MPM's AgentSeeder charges and AgentApplianceSalesSeeder):
 * each agent is assigned two of the unsold demo solar home systems' appliances at their price and sells the first
 * through the agent app's sale (down payment 1000 TZS, 12 monthly rates); charges vary by agent as MPM's; and each
 * agent has handed in the cash of its demo payments older than 30 days, in two receipts (what it took until 90 days
 * ago, and what it took from then until 30 days ago), so it still holds the last month's cash.
 */
@Stateless
public class DemoAgentLedger {

  private static final Logger LOG = Logger.getLogger(DemoAgentLedger.class.getName());

  /** A down payment of an agent's demo sale, as MPM's seeder. */
  static final long DOWN_PAYMENT = 1000;
  /** The charges of the five demo agents (MPM: a factory charge, 500–1,500, none, a factory charge, …). */
  static final long[] CHARGES = {300_000, 1_000, 0, 500_000, 1_200};

  @Inject TenantDatabase tenantDb;
  @Inject AgentAppliances appliances;
  @Inject AgentSales sales;
  @Inject AgentLedger ledger;
  @Inject ApplianceCatalog catalog;

  /** Seeds the ledger of the agents (in mini-grid order), booked by the user. */
  public void seed(List<Long> agentIds, long userId) {
    List<?> free = tenantDb.em().createNativeQuery("SELECT d.device_serial, s.appliance_id FROM devices d"
        + " JOIN solar_home_systems s ON s.id = d.device_id WHERE d.device_type = 'solar_home_system'"
        + " AND d.person_id IS NULL ORDER BY d.id").getResultList();
    LocalDateTime now = Timestamped.nowUtc();
    for (int i = 0; i < agentIds.size(); i++) {
      long agent = agentIds.get(i);
      // the receipts first: an agent near its risk balance could not sell before handing in cash
      receipt(agent, userId, cashTaken(agent, null, now.minusDays(90)));
      receipt(agent, userId, cashTaken(agent, now.minusDays(90), now.minusDays(30)));
      long charge = CHARGES[i % CHARGES.length];
      if (charge != 0) {
        ledger.charge(agent, userId, BigDecimal.valueOf(charge));
      }
      if (free.size() >= 2 * i + 2) {
        sell(agent, userId, (Object[]) free.get(2 * i), (Object[]) free.get(2 * i + 1));
      }
    }
    LOG.info(() -> "Demo agents' sales, charges and receipts seeded");
  }

  private void sell(long agent, long userId, Object[] first, Object[] second) {
    long miniGrid = ((Number) tenantDb.em().createNativeQuery("SELECT mini_grid_id FROM agents WHERE id = ?")
        .setParameter(1, agent).getSingleResult()).longValue();
    List<Long> assigned = new ArrayList<>();
    for (Object[] device : new Object[][] {first, second}) {
      long applianceId = ((Number) device[1]).longValue();
      long price = catalog.byIds(List.of(applianceId)).get(applianceId).price();
      assigned.add(appliances.assign(agent, userId, applianceId, BigDecimal.valueOf(price)).id());
    }
    // The newest customer of the mini-grid who has no solar home system yet.
    long customer = ((Number) tenantDb.em().createNativeQuery("SELECT MAX(p.id) FROM people p JOIN addresses a"
        + " ON a.owner_type = 'person' AND a.owner_id = p.id JOIN cities c ON c.id = a.city_id"
        + " WHERE p.is_customer = 1 AND c.mini_grid_id = ? AND NOT EXISTS (SELECT 1 FROM devices d"
        + " WHERE d.person_id = p.id AND d.device_type = 'solar_home_system')").setParameter(1, miniGrid)
        .getSingleResult()).longValue();
    sales.sell(agent, miniGrid, new AgentSale(customer, assigned.get(0), "installment", "monthly", DOWN_PAYMENT, 12,
        LocalDate.now(ZoneOffset.UTC), (String) first[0], null, null, null, null));
  }

  /** The cash of the agent's demo payments taken from {@code from} (or the start) until {@code to}. */
  private BigDecimal cashTaken(long agent, LocalDateTime from, LocalDateTime to) {
    var q = tenantDb.em().createNativeQuery("SELECT COALESCE(-SUM(amount), 0) FROM agent_balance_histories"
        + " WHERE agent_id = ? AND trigger_type = ? AND created_at < ?" + (from == null ? "" : " AND created_at >= ?"))
        .setParameter(1, agent).setParameter(2, AgentTransaction.MORPH).setParameter(3, Timestamp.valueOf(to));
    if (from != null) {
      q.setParameter(4, Timestamp.valueOf(from));
    }
    return new BigDecimal(q.getSingleResult().toString());
  }

  /** A receipt of the amount, at most the cash the agent holds; none for nothing. */
  private void receipt(long agent, long userId, BigDecimal amount) {
    BigDecimal held = new BigDecimal(tenantDb.em().createNativeQuery("SELECT -balance FROM agents WHERE id = ?")
        .setParameter(1, agent).getSingleResult().toString());
    BigDecimal collected = amount.min(held);
    if (collected.signum() > 0) {
      ledger.receipt(agent, userId, collected);
    }
  }
}
