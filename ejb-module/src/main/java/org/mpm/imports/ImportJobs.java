package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * The import jobs of a company ({@code import_jobs}), each step its own transaction: a job is written pending with
 * its rows, claimed by a node ({@code FOR UPDATE SKIP LOCKED}, a lease of {@link #LEASE}), and finished with its
 * result. A job whose node died is claimed again when its lease has run out; after {@link #MAX_ATTEMPTS} it is
 * failed. The imports are safe to repeat: customers by name, devices by serial, transactions by their key.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportJobs {

  static final Duration LEASE = Duration.ofMinutes(10);
  static final int MAX_ATTEMPTS = 3;

  /** A job as its status route shows it; {@code result} is JSON text. */
  public record Status(String jobId, String status, String type, int total, String result, String error,
      LocalDateTime createdAt, LocalDateTime completedAt) {}

  /** A claimed job: its row id, type and rows (JSON text). */
  public record Claimed(long id, String type, String payload) {}

  @Inject TenantDatabase tenantDb;

  public String create(String type, int total, String payload) {
    String jobId = UUID.randomUUID().toString();
    Timestamp now = ImportSql.now();
    new ImportSql(tenantDb.connection()).insert("INSERT INTO import_jobs (job_id, type, status, total, payload,"
        + " created_at, updated_at)", "(?, ?, 'pending', ?, ?, ?, ?)", jobId, type, total, payload, now, now);
    return jobId;
  }

  /** Claims the oldest job that is pending or whose lease ran out; empty when there is none. */
  public Optional<Claimed> claim() {
    ImportSql sql = new ImportSql(tenantDb.connection());
    LocalDateTime now = Timestamped.nowUtc();
    Object[] r = sql.row("SELECT id, type, payload, attempts FROM import_jobs WHERE status IN ('pending',"
        + " 'processing') AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
        Timestamp.valueOf(now));
    if (r == null) {
      return Optional.empty();
    }
    long id = ((Number) r[0]).longValue();
    if (((Number) r[3]).intValue() >= MAX_ATTEMPTS) {
      sql.execute("UPDATE import_jobs SET status = 'failed', error = ?, payload = NULL, completed_at = ?,"
          + " updated_at = ? WHERE id = ?", "The import was interrupted " + MAX_ATTEMPTS + " times",
          Timestamp.valueOf(now), Timestamp.valueOf(now), id);
      return claim();
    }
    sql.execute("UPDATE import_jobs SET status = 'processing', attempts = attempts + 1, lease_until = ?,"
        + " updated_at = ? WHERE id = ?", Timestamp.valueOf(now.plus(LEASE)), Timestamp.valueOf(now), id);
    return Optional.of(new Claimed(id, (String) r[1], (String) r[2]));
  }

  /** Records the end of a job: completed with its result, or failed with its result or error. */
  public void finish(long id, boolean completed, String result, String error) {
    Timestamp now = ImportSql.now();
    new ImportSql(tenantDb.connection()).execute("UPDATE import_jobs SET status = ?, result = ?, error = ?,"
        + " payload = NULL, lease_until = NULL, completed_at = ?, updated_at = ? WHERE id = ?",
        completed ? "completed" : "failed", result, error, now, now, id);
  }

  public Optional<Status> status(String jobId) {
    Object[] r = new ImportSql(tenantDb.connection()).row("SELECT job_id, status, type, total, result, error,"
        + " created_at, completed_at FROM import_jobs WHERE job_id = ?", jobId);
    if (r == null) {
      return Optional.empty();
    }
    return Optional.of(new Status((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
        (String) r[4], (String) r[5], time(r[6]), time(r[7])));
  }

  private static LocalDateTime time(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l : null;
  }
}
