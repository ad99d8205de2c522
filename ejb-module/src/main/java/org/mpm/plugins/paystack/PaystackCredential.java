package org.mpm.plugins.paystack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** The company's Paystack account (tenant {@code paystack_credentials}); both keys are stored encrypted. */
@Entity
@Table(name = "paystack_credentials")
public class PaystackCredential extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "secret_key", nullable = false)
  private String secretKey = "";

  @Column(name = "public_key", nullable = false)
  private String publicKey = "";

  @Column(name = "callback_url")
  private String callbackUrl = "";

  @Column(name = "merchant_name", nullable = false)
  private String merchantName = "Paystack";

  @Column(name = "merchant_email")
  private String merchantEmail;

  @Column(nullable = false)
  private String environment = "test";

  public Long getId() {
    return id;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public String getPublicKey() {
    return publicKey;
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

  void update(String sealedSecret, String sealedPublic, String callback, String name, String email, String env) {
    this.secretKey = sealedSecret;
    this.publicKey = sealedPublic;
    this.callbackUrl = callback;
    this.merchantName = name;
    this.merchantEmail = email;
    this.environment = env;
  }
}
