package org.mpm.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * The word a customer texts to have the last transaction's information sent again (tenant
 * {@code sms_resend_information_keys}, MPM's {@code App\Models\SmsResendInformationKey}; {@code Resend} by default).
 */
@Entity
@Table(name = "sms_resend_information_keys")
public class SmsResendInformationKey extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "\"key\"", nullable = false)
  private String key;

  protected SmsResendInformationKey() {}

  public Long getId() {
    return id;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
