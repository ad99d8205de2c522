package org.mpm.plugins.flutterwave;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * The company's Flutterwave account (tenant {@code flutterwave_credentials}): the secret, public and encryption
 * keys and the webhook's secret hash are stored encrypted and never answered.
 */
@Entity
@Table(name = "flutterwave_credentials")
public class FlutterwaveCredential extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "public_key", nullable = false)
  private String publicKey = "";

  @Column(name = "secret_key", nullable = false)
  private String secretKey = "";

  @Column(name = "encryption_key", nullable = false)
  private String encryptionKey = "";

  @Column(name = "webhook_secret_hash")
  private String webhookSecretHash = "";

  @Column(name = "callback_url")
  private String callbackUrl = "";

  @Column(name = "merchant_name", nullable = false)
  private String merchantName = "Flutterwave";

  @Column(name = "merchant_email")
  private String merchantEmail;

  @Column(nullable = false)
  private String environment = "test";

  public Long getId() {
    return id;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public String getEncryptionKey() {
    return encryptionKey;
  }

  public String getWebhookSecretHash() {
    return webhookSecretHash;
  }

  public String getCallbackUrl() {
    return callbackUrl;
  }

  public String getMerchantName() {
    return merchantName;
  }

  public String getMerchantEmail() {
    return merchantEmail;
  }

  public String getEnvironment() {
    return environment;
  }

  /** Replaces the sealed secrets given (null: keep the stored one). */
  void setSecrets(String sealedSecret, String sealedPublic, String sealedEncryption, String sealedHash) {
    if (sealedSecret != null) {
      this.secretKey = sealedSecret;
    }
    if (sealedPublic != null) {
      this.publicKey = sealedPublic;
    }
    if (sealedEncryption != null) {
      this.encryptionKey = sealedEncryption;
    }
    if (sealedHash != null) {
      this.webhookSecretHash = sealedHash;
    }
  }

  void setSettings(String callback, String name, String email, String env) {
    this.callbackUrl = callback;
    this.merchantName = name;
    this.merchantEmail = email;
    this.environment = env;
  }
}
