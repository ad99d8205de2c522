package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.mpm.auth.PasswordHasher;
import org.mpm.common.Like;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.company.LoginDirectory;
import org.mpm.tenancy.TenantDatabase;

/**
 * Agents as the web console manages them (MPM's AgentWebController store, update, destroy, changePassword and
 * search): the agent with its person, primary address and login directory entry.
 */
@Stateless
public class AgentAccounts {

  @Inject TenantDatabase tenantDb;
  @Inject AgentService agents;
  @Inject AgentViews views;
  @Inject LoginDirectory directory;

  /** A new agent as the console's form gives it. */
  public record NewAgent(String name, String surname, String email, String password, long cityId,
      long commissionId, String phone, String nationality) {}

  /** The changes of an agent's update; null fields stay as they are. */
  public record Changes(String name, String surname, String gender, LocalDate birthday, String phone,
      Long commissionId, Long miniGridId) {}

  /**
   * Creates the agent in the mini-grid of its city, with its person, primary address and login entry; 422 for an
   * unknown city or commission plan or an e-mail already taken.
   */
  public AgentView create(NewAgent a) {
    List<?> city = em().createNativeQuery("SELECT mini_grid_id FROM cities WHERE id = ?").setParameter(1, a.cityId())
        .getResultList();
    if (city.isEmpty()) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
    plan(a.commissionId(), "agent_commission_id", "agent commission id");
    AgentView created = agents.create(a.name(), a.surname(), a.email(), a.password(),
        ((Number) city.get(0)).longValue(), a.commissionId());
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    em().createNativeQuery("INSERT INTO addresses (owner_type, owner_id, email, phone, city_id, is_primary,"
        + " created_at, updated_at) VALUES ('person', ?, ?, ?, ?, 1, ?, ?)").setParameter(1, created.personId())
        .setParameter(2, a.email()).setParameter(3, a.phone()).setParameter(4, a.cityId()).setParameter(5, now)
        .setParameter(6, now).executeUpdate();
    if (a.nationality() != null) {
      em().createNativeQuery("UPDATE people SET nationality = ? WHERE id = ?").setParameter(1, a.nationality())
          .setParameter(2, created.personId()).executeUpdate();
    }
    return created;
  }

  /** Changes the agent's person, primary phone, plan or mini-grid; 404 unknown, 422 unknown plan or mini-grid. */
  public AgentViews.AgentRow update(long id, Changes c) {
    Agent agent = views.find(id);
    if (c.miniGridId() != null) {
      if (em().createNativeQuery("SELECT id FROM mini_grids WHERE id = ?").setParameter(1, c.miniGridId())
          .getResultList().isEmpty()) {
        throw ValidationException.field("miniGridId", "The selected mini grid id is invalid.");
      }
      agent.setMiniGridId(c.miniGridId());
    }
    if (c.commissionId() != null) {
      plan(c.commissionId(), "commissionTypeId", "commission type id");
      agent.setAgentCommissionId(c.commissionId());
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    em().createNativeQuery("UPDATE people SET name = COALESCE(?, name), surname = COALESCE(?, surname),"
        + " gender = COALESCE(?, gender), birth_date = COALESCE(?, birth_date), updated_at = ? WHERE id = ?")
        .setParameter(1, c.name()).setParameter(2, c.surname()).setParameter(3, c.gender())
        .setParameter(4, c.birthday()).setParameter(5, now).setParameter(6, agent.getPersonId()).executeUpdate();
    if (c.phone() != null) {
      em().createNativeQuery("UPDATE addresses SET phone = ?, updated_at = ? WHERE owner_type = 'person'"
          + " AND owner_id = ? AND is_primary = 1").setParameter(1, c.phone()).setParameter(2, now)
          .setParameter(3, agent.getPersonId()).executeUpdate();
    }
    em().flush();
    return views.agent(id);
  }

  /** Deletes the agent and its login entry (its person and ledger rows stay); 404 for an unknown id. */
  public void delete(long id) {
    Agent agent = views.find(id);
    directory.remove(agent.getEmail());
    em().remove(agent);
  }

  /** Sets the agent's password; 404 for an unknown id. */
  public void changePassword(long id, String password) {
    views.find(id).setPasswordHash(PasswordHasher.hash(password));
  }

  /** Agents whose mini-grid name, person's name or e-mail contains the term, by id; a page of them or all. */
  public Page<AgentViews.AgentRow> search(String term, int page, int size) {
    String where = " FROM agents a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN mini_grids g"
        + " ON g.id = a.mini_grid_id WHERE g.name LIKE ? OR p.name LIKE ? OR a.email LIKE ?";
    String like = Like.contains(term == null ? "" : term);
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*)" + where).setParameter(1, like)
        .setParameter(2, like).setParameter(3, like).getSingleResult()).longValue();
    List<Long> ids = em().createNativeQuery("SELECT a.id" + where + " ORDER BY a.id LIMIT ? OFFSET ?")
        .setParameter(1, like).setParameter(2, like).setParameter(3, like).setParameter(4, size)
        .setParameter(5, (page - 1) * size).getResultList().stream().map(o -> ((Number) o).longValue()).toList();
    return new Page<>(ids.stream().map(views::agent).toList(), page, size, total);
  }

  private void plan(long id, String field, String label) {
    if (em().find(AgentCommission.class, id) == null) {
      throw ValidationException.field(field, "The selected " + label + " is invalid.");
    }
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
