package org.mpm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
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

  @Inject AgentService agents;
  @Inject TenantDatabase tenantDb;

  public void seed() {
    AgentCommission commission = agents.createCommission("Demo Commission", 0.05, 0.03, 1_000_000);
    @SuppressWarnings("unchecked")
    List<Object[]> grids = tenantDb.em()
        .createNativeQuery("SELECT id, name FROM mini_grids WHERE deleted_at IS NULL ORDER BY id").getResultList();
    int n = 0;
    for (Object[] grid : grids) {
      n++;
      String email = n == 1 ? AGENT : "demo_company_agent_" + n + "@example.com";
      agents.create("Agent", String.valueOf(grid[1]), email, DemoSeeder.PASSWORD, ((Number) grid[0]).longValue(),
          commission.getId());
    }
  }
}
