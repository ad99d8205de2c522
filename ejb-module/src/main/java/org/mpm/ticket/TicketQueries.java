package org.mpm.ticket;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mpm.common.ByIds;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.customer.Person;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.ticket.TicketView.CommentView;
import org.mpm.user.User;

/** Reading the service desk: ticket lists and details with their relations, categories, ticket users. */
@Stateless
public class TicketQueries {

  static final String TICKET_MODEL = "App\\Models\\Ticket\\Ticket";

  @Inject TenantDatabase tenantDb;

  /** Which tickets a list shows; a null criterion does not filter. */
  public record Filter(Integer status, Long agentId, Long ownerId, Long assignedId, Long categoryId) {}

  /** A page of tickets, newest first, each with category, owner, assignee and comments. */
  public Page<TicketView> page(Filter f, int page, int perPage) {
    EntityManager em = tenantDb.em();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (f.status() != null) {
      where.append(" AND t.status = :status");
      params.put("status", f.status());
    }
    if (f.agentId() != null) {
      where.append(" AND t.creatorType = :agentType AND t.creatorId = :agent");
      params.put("agentType", Ticket.CREATOR_AGENT);
      params.put("agent", f.agentId());
    }
    if (f.ownerId() != null) {
      where.append(" AND t.ownerId = :owner");
      params.put("owner", f.ownerId());
    }
    if (f.assignedId() != null) {
      where.append(" AND t.assignedId = :assigned");
      params.put("assigned", f.assignedId());
    }
    if (f.categoryId() != null) {
      where.append(" AND t.categoryId = :category");
      params.put("category", f.categoryId());
    }
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM Ticket t" + where, Long.class);
    TypedQuery<Ticket> rows = em.createQuery("SELECT t FROM Ticket t" + where
        + " ORDER BY t.createdAt DESC, t.id DESC", Ticket.class);
    params.forEach((k, v) -> {
      count.setParameter(k, v);
      rows.setParameter(k, v);
    });
    long total = count.getSingleResult();
    List<Ticket> tickets = rows.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(views(tickets, true), page, perPage, total);
  }

  /** A ticket with its category and owner; 404 when the company has no such ticket. */
  public TicketView view(long id) {
    Ticket t = tenantDb.em().find(Ticket.class, id);
    if (t == null) {
      throw NotFoundException.model(TICKET_MODEL, id);
    }
    return views(List.of(t), false).get(0);
  }

  /** Tickets with their relations, a query per relation for the whole list. */
  public List<TicketView> views(List<Ticket> tickets, boolean withComments) {
    EntityManager em = tenantDb.em();
    Map<Long, TicketCategory> categories = ByIds.map(em, TicketCategory.class,
        tickets.stream().map(Ticket::getCategoryId).toList(), TicketCategory::getId);
    Map<Long, Person> owners = ByIds.map(em, Person.class,
        tickets.stream().filter(t -> Person.MORPH.equals(t.getOwnerType())).map(Ticket::getOwnerId).toList(),
        Person::getId);
    List<Long> ids = tickets.stream().map(Ticket::getId).toList();
    Map<Long, List<TicketComment>> comments = new HashMap<>();
    List<Long> userIds = new ArrayList<>(tickets.stream().map(Ticket::getAssignedId).filter(Objects::nonNull)
        .toList());
    if (withComments && !ids.isEmpty()) {
      List<TicketComment> all = ByIds.chunked(ids, chunk -> em.createQuery("SELECT c FROM TicketComment c"
          + " WHERE c.ticketId IN :ids ORDER BY c.id", TicketComment.class).setParameter("ids", chunk)
          .getResultList());
      for (TicketComment c : all) {
        comments.computeIfAbsent(c.getTicketId(), k -> new ArrayList<>()).add(c);
        userIds.add(c.getTicketUserId());
      }
    }
    Map<Long, TicketUser> users = ByIds.map(em, TicketUser.class, userIds, TicketUser::getId);
    List<TicketView> views = new ArrayList<>(tickets.size());
    for (Ticket t : tickets) {
      List<CommentView> cs = null;
      if (withComments) {
        cs = comments.getOrDefault(t.getId(), List.of()).stream()
            .map(c -> new CommentView(c, users.get(c.getTicketUserId()))).toList();
      }
      views.add(new TicketView(t, categories.get(t.getCategoryId()),
          Person.MORPH.equals(t.getOwnerType()) ? owners.get(t.getOwnerId()) : null,
          t.getAssignedId() == null ? null : users.get(t.getAssignedId()), cs));
    }
    return views;
  }

  /** The categories, by id; only the outsourced ones when asked. */
  public List<TicketCategory> categories(boolean outsourced) {
    return tenantDb.em().createQuery("SELECT c FROM TicketCategory c" + (outsourced ? " WHERE c.outSource = TRUE" : "")
        + " ORDER BY c.id", TicketCategory.class).getResultList();
  }

  /** A page of the categories. */
  public Page<TicketCategory> categoriesPage(boolean outsourced, int page, int perPage) {
    List<TicketCategory> all = categories(outsourced);
    int from = Math.min(all.size(), (page - 1) * perPage);
    return new Page<>(all.subList(from, Math.min(all.size(), from + perPage)), page, perPage, all.size());
  }

  /** A user of the company with its ticketing account, or null when it has none. */
  public record UserWithTicketUser(User user, TicketUser ticketUser) {}

  /**
   * The company's users, each with its ticketing account (MPM's {@code User::with('relationTicketUser')}); only
   * those whose account is outsourced when asked.
   */
  public List<UserWithTicketUser> users(boolean outsourced) {
    EntityManager em = tenantDb.em();
    List<User> users = em.createQuery("SELECT u FROM User u ORDER BY u.id", User.class).getResultList();
    Map<Long, TicketUser> byUser = new HashMap<>();
    for (TicketUser tu : em.createQuery("SELECT t FROM TicketUser t WHERE t.userId IS NOT NULL ORDER BY t.id DESC",
        TicketUser.class).getResultList()) {
      byUser.put(tu.getUserId(), tu);
    }
    List<UserWithTicketUser> out = new ArrayList<>();
    for (User u : users) {
      TicketUser tu = byUser.get(u.getId());
      if (!outsourced || tu != null && tu.getOutSource() == 1) {
        out.add(new UserWithTicketUser(u, tu));
      }
    }
    return out;
  }

  /** A page of {@link #users}. */
  public Page<UserWithTicketUser> usersPage(boolean outsourced, int page, int perPage) {
    List<UserWithTicketUser> all = users(outsourced);
    int from = Math.min(all.size(), (page - 1) * perPage);
    return new Page<>(all.subList(from, Math.min(all.size(), from + perPage)), page, perPage, all.size());
  }
}
