package org.mpm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** Which database holds a company's data (central table {@code company_databases}). */
@Entity
@Table(name = "company_databases")
public class CompanyDatabase extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "company_id", nullable = false)
  private long companyId;

  @Column(name = "database_name", nullable = false)
  private String databaseName;

  protected CompanyDatabase() {}

  public CompanyDatabase(long companyId, String databaseName) {
    this.companyId = companyId;
    this.databaseName = databaseName;
  }

  public Long getId() {
    return id;
  }

  public long getCompanyId() {
    return companyId;
  }

  public String getDatabaseName() {
    return databaseName;
  }
}
