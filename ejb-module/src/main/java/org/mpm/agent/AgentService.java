package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import org.mpm.auth.PasswordHasher;
import org.mpm.common.NotFoundException;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.company.LoginDirectory;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * Agents of the current company. An agent is a person of type {@code agent}; its e-mail is also in the central
 * login directory, committed together with the agent row.
 */
@Stateless
public class AgentService {

  @Inject TenantDatabase tenantDb;
  @Inject LoginDirectory directory;
  @Inject TenantMemo memo;

  public AgentCommission createCommission(String name, double energy, double appliance, double riskBalance) {
    AgentCommission c = new AgentCommission(name, energy, appliance, riskBalance);
    tenantDb.em().persist(c);
    tenantDb.em().flush();
    return c;
  }

  /** Changes a commission plan; 404 for an unknown id. */
  public AgentCommission updateCommission(long id, String name, double energy, double appliance,
      double riskBalance) {
    AgentCommission c = commission(id);
    c.setName(name);
    c.setEnergyCommission(energy);
    c.setApplianceCommission(appliance);
    c.setRiskBalance(riskBalance);
    tenantDb.em().flush();
    memo.changed(TenantMemo.AGENT_COMMISSIONS, tenantDb.databaseName());
    return c;
  }

  /** Deletes a commission plan; 404 for an unknown id. */
  public void deleteCommission(long id) {
    tenantDb.em().remove(commission(id));
    memo.changed(TenantMemo.AGENT_COMMISSIONS, tenantDb.databaseName());
  }

  private AgentCommission commission(long id) {
    AgentCommission c = tenantDb.em().find(AgentCommission.class, id);
    if (c == null) {
      throw NotFoundException.model(AgentCommission.MODEL, id);
    }
    return c;
  }

  /** Creates the agent's person, the agent and its login directory entry. */
  public AgentView create(String name, String surname, String email, String password, long miniGridId,
      long commissionId) {
    EntityManager em = tenantDb.em();
    if (directory.exists(email)
        || !em.createNamedQuery("Agent.findByEmail", Agent.class).setParameter("email", email).getResultList()
            .isEmpty()) {
      throw ValidationException.field("email", "The email has already been taken.");
    }
    LocalDateTime now = Timestamped.nowUtc();
    em.createNativeQuery("INSERT INTO people (name, surname, is_customer, type, mini_grid_id, created_at,"
            + " updated_at) VALUES (?, ?, 0, 'agent', ?, ?, ?)")
        .setParameter(1, name).setParameter(2, surname).setParameter(3, miniGridId).setParameter(4, now)
        .setParameter(5, now).executeUpdate();
    long personId = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    Agent agent = new Agent(personId, miniGridId, commissionId, email, PasswordHasher.hash(password));
    em.persist(agent);
    em.flush();
    directory.add(email, tenantDb.companyId());
    return AgentView.of(agent, tenantDb.companyId());
  }
}
