package org.mpm.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/** A comment on a ticket by a ticket user (tenant {@code ticket_comments}). */
@Entity
@Table(name = "ticket_comments")
public class TicketComment extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ticket_id", nullable = false)
  private Long ticketId;

  @Column(name = "ticket_user_id", nullable = false)
  private Long ticketUserId;

  @Column(nullable = false)
  private String comment;

  protected TicketComment() {}

  public TicketComment(long ticketId, long ticketUserId, String comment) {
    this.ticketId = ticketId;
    this.ticketUserId = ticketUserId;
    this.comment = comment;
  }

  /** Backdates the comment (demo data). */
  public void setCreatedAt(LocalDateTime at) {
    this.createdAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getTicketId() {
    return ticketId;
  }

  public Long getTicketUserId() {
    return ticketUserId;
  }

  public String getComment() {
    return comment;
  }
}
