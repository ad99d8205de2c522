package org.mpm.ticket;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.customer.Person;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.User;

/**
 * Changing the service desk: tickets opened for a customer by a user, closed, commented; categories; outside
 * people tickets are assigned to. Every id a request names is checked to be the company's before anything is
 * written.
 */
@Stateless
public class TicketService {

  @Inject TenantDatabase tenantDb;
  @Inject TicketQueries queries;

  /** What a user fills in to open a ticket. */
  public record NewTicket(String title, String content, long categoryId, Long assignedId, LocalDateTime dueDate,
      long ownerId, Long outsourcing) {}

  /** A ticket as just opened, with its creator (a user; null for an agent) and owner. */
  public record Opened(Ticket ticket, User creator, Person owner) {}

  /**
   * Opens a ticket for the customer {@code ownerId} by the user {@code userId} (MPM's TicketCustomerController):
   * status opened, and for an outsourced category the payout ({@code ticket_outsources}). An unknown category,
   * ticket user or person is a 422 and writes nothing.
   */
  public Opened open(long userId, NewTicket f) {
    return open(Ticket.CREATOR_USER, userId, f);
  }

  /** Opens a ticket for a customer by an agent of the agent app (creator {@code agent}). */
  public Opened openByAgent(long agentId, NewTicket f) {
    return open(Ticket.CREATOR_AGENT, agentId, f);
  }

  private Opened open(String creatorType, long creatorId, NewTicket f) {
    EntityManager em = tenantDb.em();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    TicketCategory category = em.find(TicketCategory.class, f.categoryId());
    if (category == null) {
      errors.put("label", List.of("The selected label is invalid."));
    }
    if (f.assignedId() != null && em.find(TicketUser.class, f.assignedId()) == null) {
      errors.put("assignedPerson", List.of("The selected assigned person is invalid."));
    }
    Person owner = em.find(Person.class, f.ownerId());
    if (owner == null || owner.getDeletedAt() != null) {
      errors.put("owner_id", List.of("The selected owner id is invalid."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    User creator = Ticket.CREATOR_USER.equals(creatorType) ? em.find(User.class, creatorId) : null;
    Ticket t = new Ticket(f.title(), f.content(), f.categoryId(), f.assignedId(), f.dueDate());
    t.setCreator(creatorType, creatorId);
    t.setOwner(Person.MORPH, f.ownerId());
    em.persist(t);
    em.flush();
    if (category.isOutSource()) {
      LocalDateTime now = Timestamped.nowUtc();
      em.createNativeQuery("INSERT INTO ticket_outsources (ticket_id, amount, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?)")
          .setParameter(1, t.getId()).setParameter(2, f.outsourcing() == null ? 0 : f.outsourcing())
          .setParameter(3, now).setParameter(4, now).executeUpdate();
    }
    return new Opened(t, creator, owner);
  }

  /** Closes a ticket (status 1); the ticket with its category and owner. */
  public TicketView close(long id) {
    Ticket t = tenantDb.em().find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (t == null) {
      throw NotFoundException.model(TicketQueries.TICKET_MODEL, id);
    }
    t.setStatus(Ticket.CLOSED);
    tenantDb.em().flush();
    return queries.views(List.of(t), false).get(0);
  }

  /**
   * A comment of the user {@code userId} on a ticket, under the user's ticketing account (made on first use, as
   * MPM's findOrCreateByUser). An unknown ticket is a 422.
   */
  public TicketComment comment(long userId, long ticketId, String text) {
    EntityManager em = tenantDb.em();
    if (em.find(Ticket.class, ticketId) == null) {
      throw ValidationException.field("cardId", "The selected card id is invalid.");
    }
    TicketUser author = ticketUserOf(em.find(User.class, userId));
    TicketComment c = new TicketComment(ticketId, author.getId(), text);
    em.persist(c);
    em.flush();
    return c;
  }

  /** The ticketing account of a user, made when it has none (named after the user, made unique when taken). */
  public TicketUser ticketUserOf(User user) {
    EntityManager em = tenantDb.em();
    List<TicketUser> found = em.createQuery("SELECT t FROM TicketUser t WHERE t.userId = :u ORDER BY t.id",
        TicketUser.class).setParameter("u", user.getId()).setMaxResults(1).getResultList();
    if (!found.isEmpty()) {
      return found.get(0);
    }
    String name = nameTaken(user.getName()) ? user.getName() + " #" + user.getId() : user.getName();
    TicketUser tu = new TicketUser(name, null, false, user.getId());
    em.persist(tu);
    em.flush();
    return tu;
  }

  /** A new category ({@code ticket_categories}). */
  public TicketCategory createCategory(String name, String color, boolean outsourced) {
    TicketCategory c = new TicketCategory(name, color, outsourced);
    tenantDb.em().persist(c);
    tenantDb.em().flush();
    return c;
  }

  /** An outside person tickets can be assigned to; a name already used is a 422. */
  public TicketUser createExternal(String name, String phone) {
    if (nameTaken(name)) {
      throw ValidationException.field("username", "The username has already been taken.");
    }
    TicketUser tu = new TicketUser(name, phone, true, null);
    tenantDb.em().persist(tu);
    tenantDb.em().flush();
    return tu;
  }

  private boolean nameTaken(String name) {
    return !tenantDb.em().createQuery("SELECT t.id FROM TicketUser t WHERE t.userName = :n", Long.class)
        .setParameter("n", name).setMaxResults(1).getResultList().isEmpty();
  }
}
