package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.appliance.SaleRows;
import org.mpm.appliance.SaleRows.Sale;
import org.mpm.common.NativeSql;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.tenancy.TenantDatabase;

/**
 * The appliances of agents (MPM's AgentAssignedApplianceService and the web list of AgentSoldApplianceService):
 * appliances assigned to an agent to sell at a cost, and the sales the agent recorded (appliance sales whose
 * creator is the agent).
 */
@Stateless
public class AgentAppliances {

  @Inject TenantDatabase tenantDb;
  @Inject ApplianceCatalog catalog;
  @Inject SaleRows sales;
  @Inject PersonViews people;

  /** An {@code agent_assigned_appliances} row with its appliance (and type) and the user who assigned it. */
  public record Assigned(long id, long agentId, long userId, long applianceId, BigDecimal cost,
      LocalDateTime createdAt, LocalDateTime updatedAt, Appliance appliance, String userName, String userEmail) {}

  /** A sale the agent recorded, with its appliance and customer. */
  public record Sold(Sale sale, Appliance appliance, PersonView person) {}

  private static final String ASSIGNED = "SELECT a.id, a.agent_id, a.user_id, a.appliance_id, a.cost, a.created_at,"
      + " a.updated_at, u.name, u.email FROM agent_assigned_appliances a LEFT JOIN users u ON u.id = a.user_id"
      + " WHERE a.agent_id = ? ORDER BY a.created_at DESC, a.id DESC";

  public List<Assigned> assigned(long agentId) {
    return assigned(em().createNativeQuery(ASSIGNED).setParameter(1, agentId).getResultList());
  }

  public Page<Assigned> assigned(long agentId, int page, int size) {
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM agent_assigned_appliances WHERE agent_id = ?")
        .setParameter(1, agentId).getSingleResult()).longValue();
    return new Page<>(assigned(em().createNativeQuery(ASSIGNED + " LIMIT ? OFFSET ?").setParameter(1, agentId)
        .setParameter(2, size).setParameter(3, (page - 1) * size).getResultList()), page, size, total);
  }

  /** Assigns an appliance to an agent at a sale cost; 422 for an unknown agent or appliance. */
  public Assigned assign(long agentId, long userId, long applianceId, BigDecimal cost) {
    if (em().find(Agent.class, agentId) == null) {
      throw ValidationException.field("agent_id", "The selected agent id is invalid.");
    }
    if (catalog.byIds(List.of(applianceId)).isEmpty()) {
      throw ValidationException.field("appliance_id", "The selected appliance id is invalid.");
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long id = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO agent_assigned_appliances (agent_id, user_id,"
        + " appliance_id, cost, created_at, updated_at)", "(?, ?, ?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {agentId, userId, applianceId, cost, now, now})).get(0);
    return new Assigned(id, agentId, userId, applianceId, cost, now.toLocalDateTime(), now.toLocalDateTime(), null,
        null, null);
  }

  /** A page of the sales the agent recorded, newest first. */
  public Page<Sold> sold(long agentId, int page, int size) {
    return sold(agentId, null, page, size);
  }

  /** A page of the sales the agent recorded (to one customer when {@code personId} is given), newest first. */
  public Page<Sold> sold(long agentId, Long personId, int page, int size) {
    List<Sale> list = sales.salesBy(Agent.MORPH, agentId, personId, page, size);
    Map<Long, Appliance> appliances = catalog.byIds(list.stream().map(Sale::applianceId).toList());
    Map<Long, PersonView> persons = list.isEmpty() ? Map.of()
        : people.viewsById(list.stream().map(Sale::personId).distinct().toList());
    return new Page<>(list.stream().map(s -> new Sold(s, appliances.get(s.applianceId()),
        persons.get(s.personId()))).toList(), page, size, sales.countBy(Agent.MORPH, agentId, personId));
  }

  private List<Assigned> assigned(List<?> rows) {
    List<Object[]> list = rows.stream().map(o -> (Object[]) o).toList();
    Map<Long, Appliance> appliances = catalog.byIds(list.stream().map(r -> ((Number) r[3]).longValue()).toList());
    return list.stream().map(r -> new Assigned(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), new BigDecimal(r[4].toString()), ts(r[5]),
        ts(r[6]), appliances.get(((Number) r[3]).longValue()), (String) r[7], (String) r[8])).toList();
  }

  private static LocalDateTime ts(Object o) {
    return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
