package org.mpm.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/**
 * A service-desk ticket (tenant {@code tickets}, MPM's {@code App\Models\Ticket\Ticket}): its creator (a user or an
 * agent) and owner (a person) as morph pairs, the ticket user it is assigned to, its category and status.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends Timestamped {

  public static final int OPENED = 0;
  public static final int CLOSED = 1;
  /** The morph aliases MPM writes. */
  public static final String CREATOR_USER = "users";
  public static final String CREATOR_AGENT = "agent";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "creator_type", nullable = false)
  private String creatorType;

  @Column(name = "creator_id", nullable = false)
  private Long creatorId;

  @Column(name = "assigned_id")
  private Long assignedId;

  @Column(name = "owner_type", nullable = false)
  private String ownerType;

  @Column(name = "owner_id", nullable = false)
  private Long ownerId;

  @Column(nullable = false)
  private int status;

  @Column(name = "due_date")
  private LocalDateTime dueDate;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String content;

  @Column(name = "category_id", nullable = false)
  private Long categoryId;

  protected Ticket() {}

  public Ticket(String title, String content, long categoryId, Long assignedId, LocalDateTime dueDate) {
    this.title = title;
    this.content = content;
    this.categoryId = categoryId;
    this.assignedId = assignedId;
    this.dueDate = dueDate;
    this.status = OPENED;
  }

  public void setCreator(String type, long id) {
    this.creatorType = type;
    this.creatorId = id;
  }

  public void setOwner(String type, long id) {
    this.ownerType = type;
    this.ownerId = id;
  }

  /** Backdates the ticket (demo data). */
  public void setCreatedAt(LocalDateTime at) {
    this.createdAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getCreatorType() {
    return creatorType;
  }

  public Long getCreatorId() {
    return creatorId;
  }

  public Long getAssignedId() {
    return assignedId;
  }

  public String getOwnerType() {
    return ownerType;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public int getStatus() {
    return status;
  }

  public void setStatus(int status) {
    this.status = status;
  }

  public LocalDateTime getDueDate() {
    return dueDate;
  }

  public String getTitle() {
    return title;
  }

  public String getContent() {
    return content;
  }

  public Long getCategoryId() {
    return categoryId;
  }
}
