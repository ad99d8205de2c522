package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.storage.FileStorage;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's weekly and monthly village reports ({@code reports:city-revenue}): per village an Excel file under
 * {@code reports/<company>/village_report_<type>/} in the storage, recorded in {@code reports} (path with MPM's
 * {@code *<company>} suffix, the range as {@code date}), listed 15 a page and downloaded.
 */
@Stateless
public class VillageReports {

  static final String MODEL = "App\\Models\\Report";
  private static final long MAX_FILE = 1024L * 1024 * 1024;

  @Inject TenantDatabase tenantDb;
  @Inject FileStorage storage;
  @Inject ReportSheets sheets;

  /** A report row. */
  public record Report(long id, String name, String path, String type, String date, LocalDateTime createdAt,
      LocalDateTime updatedAt) {}

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A page of the reports, of one type ({@code weekly}, {@code monthly}) or all when {@code type} is null. */
  @SuppressWarnings("unchecked")
  public Page<Report> page(String type, int page, int perPage) {
    String where = type == null ? "" : " WHERE type = ?3";
    var count = em().createNativeQuery("SELECT COUNT(*) FROM reports" + where.replace("?3", "?1"));
    var q = em().createNativeQuery("SELECT id, name, path, type, date, created_at, updated_at FROM reports" + where
        + " ORDER BY id LIMIT ?1 OFFSET ?2").setParameter(1, perPage).setParameter(2, (long) (page - 1) * perPage);
    if (type != null) {
      count.setParameter(1, type);
      q.setParameter(3, type);
    }
    List<Report> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      out.add(new Report(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
          Targets.time(r[5]), Targets.time(r[6])));
    }
    return new Page<>(out, page, perPage, ((Number) count.getSingleResult()).longValue());
  }

  /** The report's file; 404 for an unknown report, MPM's "Report file not found." when the file is missing. */
  public Path file(long id) {
    List<?> found = em().createNativeQuery("SELECT path FROM reports WHERE id = ?1").setParameter(1, id)
        .getResultList();
    if (found.isEmpty()) {
      throw NotFoundException.model(MODEL, id);
    }
    String path = ((String) found.get(0)).split("\\*")[0];
    int slash = path.lastIndexOf('/');
    Path p = slash < 0 ? null : storage.find(path.substring(0, slash), path.substring(slash + 1));
    if (p == null) {
      throw new NotFoundException("Report file not found.");
    }
    return p;
  }

  /** The range MPM's scheduled run reports on for {@code day} (the day before the run). */
  public static LocalDate[] rangeOf(String type, LocalDate day) {
    LocalDate start = "weekly".equals(type) ? day.minusDays(1).with(DayOfWeek.MONDAY) : day.withDayOfMonth(1);
    return new LocalDate[] {start, day};
  }

  /**
   * The scheduled run: the reports of {@code from..to} for every village that has none yet. The company's main
   * settings row is locked meanwhile, so nodes running the schedule together write each report once.
   *
   * @return the number of reports written
   */
  public int generateOnce(long companyId, String type, LocalDate from, LocalDate to) {
    em().createNativeQuery("SELECT id FROM main_settings ORDER BY id LIMIT 1 FOR UPDATE").getResultList();
    String date = from + "---" + to;
    int written = 0;
    for (Object o : em().createNativeQuery("SELECT c.id, c.name FROM cities c WHERE c.deleted_at IS NULL"
        + " AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.type = ?1 AND r.date = ?2 AND r.name = c.name)"
        + " ORDER BY c.id").setParameter(1, type).setParameter(2, date).getResultList()) {
      Object[] city = (Object[]) o;
      generate(companyId, ((Number) city[0]).longValue(), (String) city[1], type, from, to);
      written++;
    }
    return written;
  }

  /** Writes one village's report of {@code from..to} and records it. */
  public void generate(long companyId, long cityId, String cityName, String type, LocalDate from, LocalDate to) {
    String range = from + "-" + to;
    String name = slug(type + "-" + cityName + "-" + range) + ".xlsx";
    String dir = "reports/" + companyId + "/village_report_" + type;
    Path tmp = null;
    try {
      tmp = Files.createTempFile("village_report_", ".xlsx");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        sheets.write(out, cityId, type, from, to);
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
    em().createNativeQuery("INSERT INTO reports (name, path, type, date, created_at, updated_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)").setParameter(1, cityName)
        .setParameter(2, dir + "/" + name + "*" + companyId).setParameter(3, type)
        .setParameter(4, from + "---" + to).setParameter(5, now).executeUpdate();
  }

  /** Laravel's {@code Str::slug}: lower case ASCII words joined by dashes. */
  static String slug(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
