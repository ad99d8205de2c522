package org.mpm.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import org.mpm.common.Timestamped;

/**
 * An SMS template (tenant {@code sms_bodies}, MPM's {@code App\Models\SmsBody}): {@code body} is the text with
 * {@code [variable]} placeholders, {@code place_holder} the editor hint and {@code variables} the comma-separated
 * placeholder names the editor offers.
 */
@Entity
@Table(name = "sms_bodies")
public class SmsBody extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 50)
  private String reference;

  private String title;

  private String body;

  @Column(name = "place_holder", nullable = false)
  private String placeHolder;

  @Column(nullable = false)
  private String variables;

  protected SmsBody() {}

  public SmsBody(String reference, String title, String body, String variables) {
    this.reference = reference;
    this.title = title;
    this.body = body;
    this.placeHolder = body;
    this.variables = variables;
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getPlaceHolder() {
    return placeHolder;
  }

  public String getVariables() {
    return variables;
  }

  /** The variable names of {@link #getVariables()}, without empty entries. */
  public List<String> variableList() {
    if (variables == null || variables.isBlank()) {
      return List.of();
    }
    return Arrays.stream(variables.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
