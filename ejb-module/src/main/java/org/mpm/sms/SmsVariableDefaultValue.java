package org.mpm.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * A sample value of an SMS template variable, shown by the console's template editor as a preview (tenant
 * {@code sms_variable_default_values}, MPM's {@code App\Models\SmsVariableDefaultValue}).
 */
@Entity
@Table(name = "sms_variable_default_values")
public class SmsVariableDefaultValue extends Timestamped {

  @Id
  private Long id;

  @Column(nullable = false)
  private String variable;

  @Column(nullable = false)
  private String value;

  protected SmsVariableDefaultValue() {}

  public Long getId() {
    return id;
  }

  public String getVariable() {
    return variable;
  }

  public String getValue() {
    return value;
  }
}
