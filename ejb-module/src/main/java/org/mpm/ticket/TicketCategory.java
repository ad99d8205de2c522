package org.mpm.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A ticket category, the console's label (tenant {@code ticket_categories}); outsourced work has a payout. */
@Entity
@Table(name = "ticket_categories")
public class TicketCategory extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "label_name", nullable = false)
  private String labelName;

  @Column(name = "label_color", nullable = false)
  private String labelColor;

  @Column(name = "out_source", nullable = false)
  private boolean outSource;

  protected TicketCategory() {}

  public TicketCategory(String labelName, String labelColor, boolean outSource) {
    this.labelName = labelName;
    this.labelColor = labelColor;
    this.outSource = outSource;
  }

  public Long getId() {
    return id;
  }

  public String getLabelName() {
    return labelName;
  }

  public String getLabelColor() {
    return labelColor;
  }

  public boolean isOutSource() {
    return outSource;
  }
}
