package org.mpm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A web-console account of one company (tenant {@code users}). */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.findByEmail", query = "SELECT u FROM User u WHERE u.email = :email")
public class User extends Timestamped {

  /** The morph alias MPM stores in {@code model_has_roles.model_type} for users. */
  public static final String MORPH = "users";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "company_id", nullable = false)
  private long companyId;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String password;

  @Column(name = "remember_token")
  private String rememberToken;

  protected User() {}

  public User(String name, String email, String passwordHash, long companyId) {
    this.name = name;
    this.email = email;
    this.password = passwordHash;
    this.companyId = companyId;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public long getCompanyId() {
    return companyId;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return password;
  }

  public void setPasswordHash(String hash) {
    this.password = hash;
  }
}
