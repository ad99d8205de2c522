package org.mpm.ticket;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.storage.FileStorage;
import org.mpm.tenancy.TenantDatabase;

/**
 * The payout reports of outsourced tickets ({@code ticket_outsource_payout_reports}): MPM's monthly
 * {@code reports:ticket-outsource-payout}, an Excel file under
 * {@code reports/<company>/ticket_outsource_payout/} in the storage, listed and downloaded.
 */
@Stateless
public class TicketPayoutReports {

  static final String MODEL = "App\\Models\\Ticket\\TicketOutsourcePayoutReport";
  private static final long MAX_FILE = 512L * 1024 * 1024;

  @Inject TenantDatabase tenantDb;
  @Inject FileStorage storage;

  /** A report row. */
  public record Report(long id, String date, String path, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  public List<Report> all() {
    return rows(null, null);
  }

  public Page<Report> page(int page, int perPage) {
    long total = ((Number) tenantDb.em().createNativeQuery("SELECT COUNT(*) FROM ticket_outsource_payout_reports")
        .getSingleResult()).longValue();
    return new Page<>(rows((page - 1) * perPage, perPage), page, perPage, total);
  }

  private List<Report> rows(Integer offset, Integer limit) {
    var q = tenantDb.em().createNativeQuery("SELECT id, date, path, created_at, updated_at"
        + " FROM ticket_outsource_payout_reports ORDER BY id" + (limit == null ? "" : " LIMIT ? OFFSET ?"));
    if (limit != null) {
      q.setParameter(1, limit).setParameter(2, offset);
    }
    List<Report> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new Report(((Number) r[0]).longValue(), (String) r[1], (String) r[2], time(r[3]), time(r[4])));
    }
    return out;
  }

  private static LocalDateTime time(Object o) {
    return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
  }

  /** The report's file; 404 for an unknown report, MPM's "Report file not found." when the file is missing. */
  public Path file(long id) {
    Report r = rows(null, null).stream().filter(x -> x.id() == id).findFirst()
        .orElseThrow(() -> NotFoundException.model(MODEL, id));
    int slash = r.path().lastIndexOf('/');
    Path p = slash < 0 ? null : storage.find(r.path().substring(0, slash), r.path().substring(slash + 1));
    if (p == null) {
      throw new NotFoundException("Report file not found.");
    }
    return p;
  }

  /**
   * The monthly run (MPM's {@code reports:ticket-outsource-payout} on the 1st): the report of the month up to
   * {@code day}, unless the company has it already. The company's main settings row is locked meanwhile, so nodes
   * running the schedule together write it once.
   */
  public void generateOnce(long companyId, LocalDate day) {
    tenantDb.em().createNativeQuery("SELECT id FROM main_settings ORDER BY id LIMIT 1 FOR UPDATE").getResultList();
    String date = day.withDayOfMonth(1) + "---" + day;
    if (tenantDb.em().createNativeQuery("SELECT id FROM ticket_outsource_payout_reports WHERE date = ?")
        .setParameter(1, date).getResultList().isEmpty()) {
      generate(companyId, day);
    }
  }

  /**
   * Writes the report of the month up to {@code day} (MPM: the tickets of outsourced categories created from the
   * first of the month to that day, each with its owner, date, payout and category) and records it.
   */
  public Report generate(long companyId, LocalDate day) {
    LocalDate start = day.withDayOfMonth(1);
    String name = "ticket_outsource_payout_report-" + start + "-" + day + ".xlsx";
    String dir = "reports/" + companyId + "/ticket_outsource_payout";
    List<PayoutSheet.Row> rows = new ArrayList<>();
    List<?> found = tenantDb.em().createNativeQuery("SELECT p.name, p.surname, t.created_at, o.amount, c.label_name"
            + " FROM tickets t JOIN ticket_categories c ON c.id = t.category_id AND c.out_source = 1"
            + " LEFT JOIN ticket_outsources o ON o.ticket_id = t.id"
            + " LEFT JOIN people p ON t.owner_type = 'person' AND p.id = t.owner_id"
            + " WHERE t.created_at BETWEEN ? AND ? ORDER BY t.id")
        .setParameter(1, Timestamp.valueOf(start.atStartOfDay()))
        .setParameter(2, Timestamp.valueOf(day.atStartOfDay())).getResultList();
    for (Object o : found) {
      Object[] r = (Object[]) o;
      String owner = r[0] == null ? "No assigned user found, please check your history reports" : r[0] + " " + r[1];
      LocalDateTime at = time(r[2]);
      rows.add(new PayoutSheet.Row(owner, at == null ? "" : at.toString().replace('T', ' '),
          r[3] == null ? 0 : ((Number) r[3]).longValue(), (String) r[4]));
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("outsource_", ".xlsx");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        PayoutSheet.write(out, "payments - " + start.toString().substring(0, 7), rows);
      }
      FileStorage.Staged staged;
      try (InputStream in = Files.newInputStream(tmp)) {
        staged = storage.stage(in, MAX_FILE);
      }
      storage.place(staged, dir, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
    LocalDateTime now = Timestamped.nowUtc();
    tenantDb.em().createNativeQuery("INSERT INTO ticket_outsource_payout_reports (date, path, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?)").setParameter(1, start + "---" + day).setParameter(2, dir + "/" + name)
        .setParameter(3, now).setParameter(4, now).executeUpdate();
    List<Report> all = all();
    return all.get(all.size() - 1);
  }
}
