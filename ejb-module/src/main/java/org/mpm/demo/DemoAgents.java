package org.mpm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.mpm.agent.AgentAccounts;
import org.mpm.agent.AgentAccounts.NewAgent;
import org.mpm.agent.AgentCommission;
import org.mpm.agent.AgentService;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's demo agents (its AgentSeeder): one commission plan and one agent per mini-grid, each with a person of
 * type agent; the first is {@value #AGENT} with the demo password. Unlike MPM's, the other agents have
 * predictable e-mails ({@code demo_company_agent_<n>@example.com}) and can log in too.
 */
@Stateless
public class DemoAgents {

  public static final String AGENT = "demo_company_agent@example.com";
  /** The demo commission plan's risk balance: the most cash an agent may hold for the company. */
  public static final double RISK_BALANCE = 1_000_000;

  @Inject AgentService agents;
  @Inject AgentAccounts accounts;
  @Inject TenantDatabase tenantDb;

  /** Creates the commission plan and the agents; returns the agents' ids in mini-grid order. */
  public List<Long> seed() {
    AgentCommission commission = agents.createCommission("Demo Commission", 0.05, 0.03, RISK_BALANCE);
    @SuppressWarnings("unchecked")
    List<Object[]> grids = tenantDb.em()
        .createNativeQuery("SELECT id, name FROM mini_grids WHERE deleted_at IS NULL ORDER BY id").getResultList();
    List<Long> ids = new ArrayList<>();
    int n = 0;
    for (Object[] grid : grids) {
      n++;
      String email = n == 1 ? AGENT : "demo_company_agent_" + n + "@example.com";
      // In the first village of its mini-grid, with a phone, as MPM's demo agents (the console reads the phone).
      long city = ((Number) tenantDb.em().createNativeQuery("SELECT MIN(id) FROM cities WHERE mini_grid_id = ?")
          .setParameter(1, grid[0]).getSingleResult()).longValue();
      ids.add(accounts.create(new NewAgent("Agent", String.valueOf(grid[1]), email, DemoSeeder.PASSWORD, city,
          commission.getId(), String.format("+2556500000%02d", n), null)).id());
    }
    return ids;
  }
}
