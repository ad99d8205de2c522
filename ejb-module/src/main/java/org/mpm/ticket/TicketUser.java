package org.mpm.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * Someone tickets are assigned to and who comments (tenant {@code ticket_users}): a user of the company
 * ({@code user_id}) or an outside person with a phone ({@code out_source} 1).
 */
@Entity
@Table(name = "ticket_users")
public class TicketUser extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_name", nullable = false)
  private String userName;

  private String phone;

  @Column(name = "out_source", nullable = false)
  private int outSource;

  @Column(name = "user_id")
  private Long userId;

  protected TicketUser() {}

  public TicketUser(String userName, String phone, boolean outSource, Long userId) {
    this.userName = userName;
    this.phone = phone;
    this.outSource = outSource ? 1 : 0;
    this.userId = userId;
  }

  public Long getId() {
    return id;
  }

  public String getUserName() {
    return userName;
  }

  public String getPhone() {
    return phone;
  }

  public int getOutSource() {
    return outSource;
  }

  public Long getUserId() {
    return userId;
  }
}
