package org.mpm.ticket;

import java.util.List;
import org.mpm.customer.Person;

/**
 * A ticket with what its routes show of it: the category, the owner (null when the person is gone), the ticket user
 * it is assigned to (or null) and its comments with their authors (null when not loaded).
 */
public record TicketView(Ticket ticket, TicketCategory category, Person owner, TicketUser assignedTo,
    List<CommentView> comments) {

  /** A comment with its author (null when the ticket user is gone). */
  public record CommentView(TicketComment comment, TicketUser author) {}
}
