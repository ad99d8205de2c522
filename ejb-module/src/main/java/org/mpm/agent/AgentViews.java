package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.tenancy.TenantDatabase;

/**
 * What the console's agent pages read (MPM's AgentService, AgentReceiptService, AgentBalanceHistoryService and
 * AgentCommissionService lists): agents with their person, mini-grid, commission plan and figures; an agent's
 * balance history; receipts; commission plans.
 */
@Stateless
public class AgentViews {

  /** An agent counts as active with a balance-history row in this many days (MPM's ACTIVE_WINDOW_DAYS). */
  static final int ACTIVE_DAYS = 30;

  @Inject TenantDatabase tenantDb;
  @Inject PersonViews people;

  /** An agent as the console's list and detail show it. */
  public record AgentRow(AgentView agent, PersonView person, MiniGridRef miniGrid, AgentCommission commission,
      long customerCount, long salesCount, boolean active) {}

  /** An agent's mini-grid, as far as the agent pages show it. */
  public record MiniGridRef(long id, String name, long clusterId, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** A receipt with its user, agent, balance-history row and details. */
  public record ReceiptRow(long id, long agentId, long userId, double amount, long lastControlledBalanceHistoryId,
      LocalDateTime createdAt, LocalDateTime updatedAt, UserRef user, AgentView agent, AgentBalanceHistory history,
      ReceiptDetail detail) {}

  /** The web user who booked a receipt. */
  public record UserRef(long id, String name, String email) {}

  /** MPM's {@code agent_receipt_details} row. */
  public record ReceiptDetail(long id, long receiptId, double due, double sinceLastVisit, double earlier,
      double collected, double summary, Double commissionCredited, LocalDateTime createdAt,
      LocalDateTime updatedAt) {}

  public List<AgentRow> agents() {
    return rows(em().createQuery("SELECT a FROM Agent a ORDER BY a.id", Agent.class).getResultList());
  }

  public Page<AgentRow> agents(int page, int size) {
    long total = em().createQuery("SELECT COUNT(a) FROM Agent a", Long.class).getSingleResult();
    List<Agent> list = em().createQuery("SELECT a FROM Agent a ORDER BY a.id", Agent.class)
        .setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    return new Page<>(rows(list), page, size, total);
  }

  /** One agent; 404 for an unknown id. */
  public AgentRow agent(long id) {
    return rows(List.of(find(id))).get(0);
  }

  /** The agent entity; 404 for an unknown id. */
  public Agent find(long id) {
    Agent a = em().find(Agent.class, id);
    if (a == null) {
      throw NotFoundException.model(Agent.MODEL, id);
    }
    return a;
  }

  /** Newest first; {@code type} {@code balance} or {@code commission} narrows to that ledger. */
  public List<AgentBalanceHistory> history(long agentId, String type) {
    return historyQuery(agentId, type, "SELECT h").getResultList();
  }

  public Page<AgentBalanceHistory> history(long agentId, String type, int page, int size) {
    long total = em().createQuery("SELECT COUNT(h) FROM AgentBalanceHistory h WHERE h.agentId = :agent"
        + typeFilter(type), Long.class).setParameter("agent", agentId).getSingleResult();
    List<AgentBalanceHistory> list = historyQuery(agentId, type, "SELECT h").setFirstResult((page - 1) * size)
        .setMaxResults(size).getResultList();
    return new Page<>(list, page, size, total);
  }

  private TypedQuery<AgentBalanceHistory> historyQuery(long agentId, String type, String select) {
    return em().createQuery(select + " FROM AgentBalanceHistory h WHERE h.agentId = :agent" + typeFilter(type)
        + " ORDER BY h.createdAt DESC, h.id DESC", AgentBalanceHistory.class).setParameter("agent", agentId);
  }

  private static String typeFilter(String type) {
    if ("commission".equals(type)) {
      return " AND h.triggerType = 'agent_commission'";
    }
    if ("balance".equals(type)) {
      return " AND h.triggerType IN ('agent_transaction', 'agent_appliance', 'agent_charge', 'agent_receipt')";
    }
    return "";
  }

  /** Receipts, newest first; of one agent when {@code agentId} is not null. */
  public Page<ReceiptRow> receipts(Long agentId, int page, int size) {
    String where = agentId == null ? "" : " WHERE r.agent_id = " + agentId;
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM agent_receipts r" + where)
        .getSingleResult()).longValue();
    List<?> rows = em().createNativeQuery("SELECT r.id, r.agent_id, r.user_id, r.amount,"
        + " r.last_controlled_balance_history_id, r.created_at, r.updated_at, u.name, u.email,"
        + " d.id, d.due, d.since_last_visit, d.earlier, d.collected, d.summary, d.commission_credited,"
        + " d.created_at, d.updated_at FROM agent_receipts r LEFT JOIN users u ON u.id = r.user_id"
        + " LEFT JOIN agent_receipt_details d ON d.agent_receipt_id = r.id" + where
        + " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?").setParameter(1, size)
        .setParameter(2, (page - 1) * size).getResultList();
    List<Object[]> list = rows.stream().map(o -> (Object[]) o).toList();
    List<Long> ids = list.stream().map(r -> num(r[0])).toList();
    Map<Long, AgentBalanceHistory> histories = new HashMap<>();
    if (!ids.isEmpty()) {
      em().createQuery("SELECT h FROM AgentBalanceHistory h WHERE h.triggerType = 'agent_receipt'"
          + " AND h.triggerId IN :ids", AgentBalanceHistory.class).setParameter("ids", ids).getResultList()
          .forEach(h -> histories.put(h.getTriggerId(), h));
    }
    Map<Long, AgentView> agents = new HashMap<>();
    List<Long> agentIds = list.stream().map(r -> num(r[1])).distinct().toList();
    if (!agentIds.isEmpty()) {
      em().createQuery("SELECT a FROM Agent a WHERE a.id IN :ids", Agent.class).setParameter("ids", agentIds)
          .getResultList().forEach(a -> agents.put(a.getId(), AgentView.of(a, tenantDb.companyId())));
    }
    return new Page<>(list.stream().map(r -> new ReceiptRow(num(r[0]), num(r[1]), num(r[2]), dbl(r[3]), num(r[4]),
        ts(r[5]), ts(r[6]), r[7] == null ? null : new UserRef(num(r[2]), (String) r[7], (String) r[8]),
        agents.get(num(r[1])), histories.get(num(r[0])), r[9] == null ? null : new ReceiptDetail(num(r[9]),
            num(r[0]), dbl(r[10]), dbl(r[11]), dbl(r[12]), dbl(r[13]), dbl(r[14]),
            r[15] == null ? null : dbl(r[15]), ts(r[16]), ts(r[17])))).toList(), page, size, total);
  }

  /** Commission plans, by id. */
  public List<AgentCommission> commissions() {
    return em().createQuery("SELECT c FROM AgentCommission c ORDER BY c.id", AgentCommission.class)
        .getResultList();
  }

  public Page<AgentCommission> commissions(int page, int size) {
    long total = em().createQuery("SELECT COUNT(c) FROM AgentCommission c", Long.class).getSingleResult();
    return new Page<>(em().createQuery("SELECT c FROM AgentCommission c ORDER BY c.id", AgentCommission.class)
        .setFirstResult((page - 1) * size).setMaxResults(size).getResultList(), page, size, total);
  }

  private List<AgentRow> rows(List<Agent> agents) {
    if (agents.isEmpty()) {
      return List.of();
    }
    List<Long> ids = agents.stream().map(Agent::getId).toList();
    Map<Long, PersonView> persons = people.viewsById(agents.stream().map(Agent::getPersonId).distinct().toList());
    Map<Long, MiniGridRef> grids = new HashMap<>();
    List<Long> gridIds = agents.stream().map(Agent::getMiniGridId).distinct().toList();
    for (Object o : NativeSql.bind(em().createNativeQuery("SELECT id, name, cluster_id, created_at, updated_at"
        + " FROM mini_grids WHERE id IN (" + NativeSql.in(gridIds.size()) + ")"), NativeSql.inValues(gridIds))
        .getResultList()) {
      Object[] r = (Object[]) o;
      grids.put(num(r[0]), new MiniGridRef(num(r[0]), (String) r[1], num(r[2]), ts(r[3]), ts(r[4])));
    }
    Map<Long, AgentCommission> plans = new HashMap<>();
    commissions().forEach(c -> plans.put(c.getId(), c));
    Map<Long, long[]> figures = figures(ids);
    return agents.stream().map(a -> {
      long[] f = figures.getOrDefault(a.getId(), new long[3]);
      return new AgentRow(AgentView.of(a, tenantDb.companyId()), persons.get(a.getPersonId()),
          grids.get(a.getMiniGridId()), plans.get(a.getAgentCommissionId()), f[0], f[1], f[2] > 0);
    }).toList();
  }

  /** Per agent: customers it sold to, its sales (both from appliance sales it created), recent history rows. */
  private Map<Long, long[]> figures(List<Long> ids) {
    Map<Long, long[]> out = new HashMap<>();
    ids.forEach(id -> out.put(id, new long[3]));
    List<Object> params = NativeSql.inValues(ids);
    for (Object o : NativeSql.bind(em().createNativeQuery("SELECT creator_id, COUNT(DISTINCT person_id), COUNT(*)"
        + " FROM appliance_people WHERE creator_type = 'agent' AND creator_id IN (" + NativeSql.in(ids.size())
        + ") GROUP BY creator_id"), params).getResultList()) {
      Object[] r = (Object[]) o;
      long[] f = out.get(num(r[0]));
      f[0] = num(r[1]);
      f[1] = num(r[2]);
    }
    List<Object> recent = new ArrayList<>(params);
    recent.add(0, Timestamp.valueOf(Timestamped.nowUtc().minusDays(ACTIVE_DAYS)));
    for (Object o : NativeSql.bind(em().createNativeQuery("SELECT agent_id, COUNT(*) FROM agent_balance_histories"
        + " WHERE created_at >= ? AND agent_id IN (" + NativeSql.in(ids.size()) + ") GROUP BY agent_id"), recent)
        .getResultList()) {
      Object[] r = (Object[]) o;
      out.get(num(r[0]))[2] = num(r[1]);
    }
    return out;
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }

  private static double dbl(Object o) {
    return ((Number) o).doubleValue();
  }

  private static LocalDateTime ts(Object o) {
    return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
