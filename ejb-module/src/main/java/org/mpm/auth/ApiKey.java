package org.mpm.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/** A company API key (central {@code api_keys}); only the SHA-256 of the token is stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "company_id", nullable = false)
  private long companyId;

  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "last_used_at")
  private LocalDateTime lastUsedAt;

  @Column(nullable = false)
  private boolean active = true;

  protected ApiKey() {}

  public ApiKey(long companyId, String name, String tokenHash) {
    this.companyId = companyId;
    this.name = name;
    this.tokenHash = tokenHash;
  }

  public Long getId() {
    return id;
  }

  public long getCompanyId() {
    return companyId;
  }

  public String getName() {
    return name;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public LocalDateTime getLastUsedAt() {
    return lastUsedAt;
  }

  public boolean isActive() {
    return active;
  }
}
