package org.mpm.agent;

import java.time.LocalDateTime;

/** An agent as MPM serialises it (password, remember token and mobile device id hidden). */
public record AgentView(long id, long personId, long miniGridId, long agentCommissionId, String email,
    String fireBaseToken, double balance, double commissionRevenue, LocalDateTime createdAt,
    LocalDateTime updatedAt, String connection, long companyId) {

  static AgentView of(Agent a, long companyId) {
    return new AgentView(a.getId(), a.getPersonId(), a.getMiniGridId(), a.getAgentCommissionId(), a.getEmail(),
        a.getFireBaseToken(), a.getBalance(), a.getCommissionRevenue(), a.getCreatedAt(), a.getUpdatedAt(),
        a.getConnection(), companyId);
  }
}
