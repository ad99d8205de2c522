package org.mpm.agent.rest;

import java.util.Map;
import org.mpm.agent.AgentAppliances.Assigned;
import org.mpm.agent.AgentAppliances.Sold;
import org.mpm.agent.AgentBalanceHistory;
import org.mpm.agent.AgentCommission;
import org.mpm.agent.AgentViews.AgentRow;
import org.mpm.agent.AgentViews.MiniGridRef;
import org.mpm.agent.AgentViews.ReceiptDetail;
import org.mpm.agent.AgentViews.ReceiptRow;
import org.mpm.appliance.rest.ApplianceJson;
import org.mpm.customer.rest.PersonJson;
import org.mpm.rest.Json;

/** Agents, their plans, balance histories and receipts as MPM's Eloquent JSON. */
final class AgentJson {

  private AgentJson() {}

  /** An agent with its figures, person (with addresses), mini-grid and commission plan. */
  static Map<String, Object> agent(AgentRow r) {
    Map<String, Object> m = AgentAuthResource.agent(r.agent());
    m.put("customer_count", r.customerCount());
    m.put("sales_count", r.salesCount());
    m.put("is_active", r.active());
    m.put("person", r.person() == null ? null : PersonJson.person(r.person()));
    MiniGridRef g = r.miniGrid();
    m.put("mini_grid", g == null ? null : Json.obj("id", g.id(), "cluster_id", g.clusterId(), "name", g.name(),
        "created_at", Json.ts(g.createdAt()), "updated_at", Json.ts(g.updatedAt())));
    m.put("commission", r.commission() == null ? null : commission(r.commission()));
    return m;
  }

  /** An assigned appliance with its user and appliance (with the appliance's type). */
  static Map<String, Object> assigned(Assigned a) {
    Map<String, Object> m = Json.obj("id", a.id(), "agent_id", a.agentId(), "user_id", a.userId(),
        "appliance_id", a.applianceId(), "cost", a.cost().toPlainString(), "created_at", Json.ts(a.createdAt()),
        "updated_at", Json.ts(a.updatedAt()));
    m.put("user", a.userName() == null ? null : Json.obj("id", a.userId(), "name", a.userName(),
        "email", a.userEmail()));
    m.put("appliance", ApplianceJson.appliance(a.appliance()));
    return m;
  }

  /** A sale the agent recorded, with its appliance and person. */
  static Map<String, Object> sold(Sold s) {
    Map<String, Object> m = ApplianceJson.sale(s.sale());
    m.put("appliance", ApplianceJson.appliance(s.appliance()));
    m.put("person", s.person() == null ? null : PersonJson.person(s.person()));
    return m;
  }

  static Map<String, Object> commission(AgentCommission c) {
    return Json.obj("id", c.getId(), "name", c.getName(), "energy_commission", c.getEnergyCommission(),
        "appliance_commission", c.getApplianceCommission(), "risk_balance", c.getRiskBalance(),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }

  static Map<String, Object> history(AgentBalanceHistory h) {
    return Json.obj("id", h.getId(), "agent_id", h.getAgentId(), "amount", h.getAmount(),
        "transaction_id", h.getTransactionId(), "available_balance", h.getAvailableBalance(),
        "trigger_type", h.getTriggerType(), "trigger_id", h.getTriggerId(),
        "created_at", Json.ts(h.getCreatedAt()), "updated_at", Json.ts(h.getUpdatedAt()));
  }

  /** A receipt with its user, agent, balance-history row ({@code history}) and figures ({@code detail}). */
  static Map<String, Object> receipt(ReceiptRow r) {
    Map<String, Object> m = Json.obj("id", r.id(), "agent_id", r.agentId(), "user_id", r.userId(),
        "amount", r.amount(), "last_controlled_balance_history_id", r.lastControlledBalanceHistoryId(),
        "created_at", Json.ts(r.createdAt()), "updated_at", Json.ts(r.updatedAt()));
    m.put("user", r.user() == null ? null : Json.obj("id", r.user().id(), "name", r.user().name(),
        "email", r.user().email()));
    m.put("agent", r.agent() == null ? null : AgentAuthResource.agent(r.agent()));
    m.put("history", r.history() == null ? null : history(r.history()));
    ReceiptDetail d = r.detail();
    m.put("detail", d == null ? null : Json.obj("id", d.id(), "agent_receipt_id", d.receiptId(), "due", d.due(),
        "since_last_visit", d.sinceLastVisit(), "earlier", d.earlier(), "collected", d.collected(),
        "summary", d.summary(), "commission_credited", d.commissionCredited(),
        "created_at", Json.ts(d.createdAt()), "updated_at", Json.ts(d.updatedAt())));
    return m;
  }
}
