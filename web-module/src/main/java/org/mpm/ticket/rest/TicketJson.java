package org.mpm.ticket.rest;

import java.util.Map;
import org.mpm.customer.Person;
import org.mpm.rest.Json;
import org.mpm.ticket.Ticket;
import org.mpm.ticket.TicketCategory;
import org.mpm.ticket.TicketComment;
import org.mpm.ticket.TicketPayoutReports.Report;
import org.mpm.ticket.TicketQueries.UserWithTicketUser;
import org.mpm.ticket.TicketService.Opened;
import org.mpm.ticket.TicketUser;
import org.mpm.ticket.TicketView;
import org.mpm.user.User;

/** The service desk's rows as MPM's Eloquent JSON (columns in table order, then the loaded relations). */
public final class TicketJson {

  private TicketJson() {}

  /** A ticket of a list: with category, owner, assigned_to and comments (each with its ticket_user). */
  static Map<String, Object> listed(TicketView v) {
    Map<String, Object> m = columns(v.ticket());
    m.put("category", category(v.category()));
    m.put("owner", person(v.owner()));
    m.put("assigned_to", user(v.assignedTo()));
    m.put("comments", v.comments().stream().map(c -> {
      Map<String, Object> cm = comment(c.comment());
      cm.put("ticket_user", user(c.author()));
      return cm;
    }).toList());
    return m;
  }

  /** A ticket with its category and owner (detail, close). */
  static Map<String, Object> detail(TicketView v) {
    Map<String, Object> m = columns(v.ticket());
    m.put("category", category(v.category()));
    m.put("owner", person(v.owner()));
    return m;
  }

  /** A ticket as just created: the attributes in the order MPM sets them, then creator and owner. */
  static Map<String, Object> opened(Opened o) {
    Ticket t = o.ticket();
    return Json.obj("title", t.getTitle(), "assigned_id", t.getAssignedId(), "due_date", Json.ts(t.getDueDate()),
        "content", t.getContent(), "category_id", t.getCategoryId(), "status", t.getStatus(),
        "creator_type", t.getCreatorType(), "creator_id", t.getCreatorId(), "owner_type", t.getOwnerType(),
        "owner_id", t.getOwnerId(), "updated_at", Json.ts(t.getUpdatedAt()), "created_at", Json.ts(t.getCreatedAt()),
        "id", t.getId(), "creator", creator(o.creator()), "owner", person(o.owner()));
  }

  private static Map<String, Object> columns(Ticket t) {
    return Json.obj("id", t.getId(), "creator_type", t.getCreatorType(), "creator_id", t.getCreatorId(),
        "assigned_id", t.getAssignedId(), "owner_type", t.getOwnerType(), "owner_id", t.getOwnerId(),
        "status", t.getStatus(), "due_date", Json.ts(t.getDueDate()), "title", t.getTitle(),
        "content", t.getContent(), "category_id", t.getCategoryId(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }

  public static Map<String, Object> category(TicketCategory c) {
    if (c == null) {
      return null;
    }
    return Json.obj("id", c.getId(), "label_name", c.getLabelName(), "label_color", c.getLabelColor(),
        "out_source", c.isOutSource() ? 1 : 0, "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }

  /** A category as just created (the attributes as set, then the timestamps and id). */
  static Map<String, Object> createdCategory(TicketCategory c) {
    return Json.obj("label_name", c.getLabelName(), "label_color", c.getLabelColor(),
        "out_source", c.isOutSource(), "updated_at", Json.ts(c.getUpdatedAt()),
        "created_at", Json.ts(c.getCreatedAt()), "id", c.getId());
  }

  static Map<String, Object> user(TicketUser u) {
    if (u == null) {
      return null;
    }
    return Json.obj("id", u.getId(), "user_name", u.getUserName(), "phone", u.getPhone(),
        "out_source", u.getOutSource(), "user_id", u.getUserId(), "created_at", Json.ts(u.getCreatedAt()),
        "updated_at", Json.ts(u.getUpdatedAt()));
  }

  static Map<String, Object> comment(TicketComment c) {
    return Json.obj("id", c.getId(), "ticket_id", c.getTicketId(), "ticket_user_id", c.getTicketUserId(),
        "comment", c.getComment(), "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }

  /** A user with its ticketing account ({@code relation_ticket_user}, null when it has none). */
  static Map<String, Object> userWithTicketUser(UserWithTicketUser u) {
    Map<String, Object> m = creator(u.user());
    m.put("relation_ticket_user", user(u.ticketUser()));
    return m;
  }

  private static Map<String, Object> creator(User u) {
    if (u == null) {
      return null;
    }
    return Json.obj("id", u.getId(), "name", u.getName(), "email", u.getEmail(), "company_id", u.getCompanyId(),
        "created_at", Json.ts(u.getCreatedAt()), "updated_at", Json.ts(u.getUpdatedAt()));
  }

  /** A person's columns (a ticket's owner). */
  static Map<String, Object> person(Person p) {
    if (p == null) {
      return null;
    }
    return Json.obj("id", p.getId(), "title", p.getTitle(), "education", p.getEducation(), "name", p.getName(),
        "surname", p.getSurname(), "birth_date", p.getBirthDate() == null ? null : p.getBirthDate().toString(),
        "gender", p.getGender(), "nationality", p.getNationality(), "is_customer", p.getIsCustomer(),
        "type", p.getType(), "mini_grid_id", p.getMiniGridId(), "deleted_at", Json.ts(p.getDeletedAt()),
        "created_at", Json.ts(p.getCreatedAt()), "updated_at", Json.ts(p.getUpdatedAt()));
  }

  static Map<String, Object> report(Report r) {
    return Json.obj("id", r.id(), "date", r.date(), "path", r.path(), "created_at", Json.ts(r.createdAt()),
        "updated_at", Json.ts(r.updatedAt()));
  }
}
