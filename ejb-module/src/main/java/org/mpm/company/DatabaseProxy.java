package org.mpm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * The login directory: every user's and agent's e-mail with its company (central {@code database_proxies}).
 * The unique e-mail key makes one e-mail belong to at most one company.
 */
@Entity
@Table(name = "database_proxies")
@NamedQuery(name = "DatabaseProxy.findByEmail", query = "SELECT p FROM DatabaseProxy p WHERE p.email = :email")
public class DatabaseProxy extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String email;

  @Column(name = "fk_company_id", nullable = false)
  private long companyId;

  @Column(name = "fk_company_database_id", nullable = false)
  private long companyDatabaseId;

  protected DatabaseProxy() {}

  public DatabaseProxy(String email, long companyId, long companyDatabaseId) {
    this.email = email;
    this.companyId = companyId;
    this.companyDatabaseId = companyDatabaseId;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public long getCompanyId() {
    return companyId;
  }

  public long getCompanyDatabaseId() {
    return companyDatabaseId;
  }
}
