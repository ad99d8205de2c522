package org.mpm.plugins.safaricom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * The company's Daraja (M-Pesa) account (tenant {@code safaricom_credentials}); the consumer key, consumer secret
 * and passkey are stored encrypted.
 */
@Entity
@Table(name = "safaricom_credentials")
public class SafaricomCredential extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "consumer_key")
  private String consumerKey = "";

  @Column(name = "consumer_secret")
  private String consumerSecret = "";

  private String passkey = "";

  private String shortcode = "";

  @Column(nullable = false)
  private String environment = "sandbox";

  @Column(name = "validation_url")
  private String validationUrl;

  @Column(name = "confirmation_url")
  private String confirmationUrl;

  @Column(name = "timeout_url")
  private String timeoutUrl;

  @Column(name = "result_url")
  private String resultUrl;

  public Long getId() {
    return id;
  }

  public String getConsumerKey() {
    return consumerKey;
  }

  public String getConsumerSecret() {
    return consumerSecret;
  }

  public String getPasskey() {
    return passkey;
  }

  public String getShortcode() {
    return shortcode;
  }

  public String getEnvironment() {
    return environment;
  }

  public String getValidationUrl() {
    return validationUrl;
  }

  public String getConfirmationUrl() {
    return confirmationUrl;
  }

  public String getTimeoutUrl() {
    return timeoutUrl;
  }

  public String getResultUrl() {
    return resultUrl;
  }

  void setSecrets(String sealedKey, String sealedSecret, String sealedPasskey) {
    if (sealedKey != null) {
      this.consumerKey = sealedKey;
    }
    if (sealedSecret != null) {
      this.consumerSecret = sealedSecret;
    }
    if (sealedPasskey != null) {
      this.passkey = sealedPasskey;
    }
  }

  void setSettings(String shortcode, String environment, String validationUrl, String confirmationUrl,
      String timeoutUrl, String resultUrl) {
    this.shortcode = shortcode;
    this.environment = environment;
    this.validationUrl = validationUrl;
    this.confirmationUrl = confirmationUrl;
    this.timeoutUrl = timeoutUrl;
    this.resultUrl = resultUrl;
  }
}
