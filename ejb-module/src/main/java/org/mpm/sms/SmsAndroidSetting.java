package org.mpm.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * A phone of MPM's legacy Android SMS gateway (tenant {@code sms_android_settings}, MPM's
 * {@code App\Models\SmsAndroidSetting}): the push endpoint {@code url}, the phone's push {@code token}, the sender's
 * server {@code key} and the {@code callback} the phone reports delivery to ({@code %s} is the message's uuid).
 * Stored for the console; this backend sends through its own gateway ({@link SmsGateway}).
 */
@Entity
@Table(name = "sms_android_settings")
public class SmsAndroidSetting extends Timestamped {

  /** The column's default push endpoint. */
  public static final String FCM_URL = "https://fcm.googleapis.com/fcm/send";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String url = FCM_URL;

  private String token;

  @Column(name = "\"key\"")
  private String key;

  @Column(nullable = false)
  private String callback;

  protected SmsAndroidSetting() {}

  public SmsAndroidSetting(String token, String callback) {
    this.token = token;
    this.callback = callback;
  }

  public Long getId() {
    return id;
  }

  public String getUrl() {
    return url;
  }

  public String getToken() {
    return token;
  }

  public String getKey() {
    return key;
  }

  public String getCallback() {
    return callback;
  }

  public void set(String token, String callback) {
    this.token = token;
    this.callback = callback;
  }
}
