package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.mpm.auth.Guard;
import org.mpm.auth.IssuedToken;
import org.mpm.auth.LoginTenant;
import org.mpm.auth.PasswordHasher;
import org.mpm.auth.TokenService;
import org.mpm.common.UnauthorizedException;
import org.mpm.tenancy.TenantDatabase;

/**
 * Agent-app login (MPM's {@code agent_api} guard): the company comes from the central login directory, the
 * agent from that company's {@code agents} table. Login tokens live one year, as MPM's.
 */
@Stateless
public class AgentAuthService {

  /** MPM's agent login TTL: 525600 minutes. */
  public static final long LOGIN_TTL_MINUTES = 525_600;

  @Inject LoginTenant loginTenant;
  @Inject TenantDatabase tenantDb;
  @Inject TokenService tokens;

  public record Session(IssuedToken token, AgentView agent) {}

  /**
   * Logs an agent in. An unknown e-mail, an e-mail of a web user and a wrong password fail the same way. A
   * non-blank {@code deviceId} (header {@code device-id}) is stored as the agent's mobile device id.
   *
   * @throws AgentLoginFailedException when the credentials do not name an agent
   */
  public Session login(String email, String password, String deviceId, String issuer) {
    long companyId;
    try {
      companyId = loginTenant.bind(email, password);
    } catch (UnauthorizedException unknown) {
      throw new AgentLoginFailedException();
    }
    EntityManager em = tenantDb.em();
    List<Agent> agents = em.createNamedQuery("Agent.findByEmail", Agent.class).setParameter("email", email)
        .getResultList();
    if (agents.isEmpty() || !PasswordHasher.verify(password, agents.get(0).getPasswordHash())) {
      throw new AgentLoginFailedException();
    }
    Agent agent = agents.get(0);
    if (deviceId != null && !deviceId.isBlank()) {
      agent.setMobileDeviceId(deviceId.length() > 191 ? deviceId.substring(0, 191) : deviceId);
      em.flush();
    }
    IssuedToken token = tokens.issue(Guard.AGENT, agent.getId(), companyId, issuer, LOGIN_TTL_MINUTES);
    return new Session(token, AgentView.of(agent, companyId));
  }

  /** The agent of a verified token, from the tenant bound by the caller; null if the agent is gone. */
  public AgentView agent(long agentId) {
    Agent agent = tenantDb.em().find(Agent.class, agentId);
    return agent == null ? null : AgentView.of(agent, tenantDb.companyId());
  }
}
