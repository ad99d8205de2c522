package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.mpm.geography.GridRevenueService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.SettledTransactions;

/**
 * The workbook of a village report, written as a stream (POI SXSSF, 100 rows in memory): a sheet
 * {@code graphs<from>-<to>} with MPM's header (the range in F1; receipt number, meter, amount, customer, connection
 * type and running balance per settled transaction of the village's devices), and a second sheet: for a weekly
 * report the range, for a monthly report {@code monthly}, each with the sold amount, customers and target revenue
 * per connection group (summed in SQL).
 */
@Stateless
public class ReportSheets {

  private static final int CHUNK = 2000;

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  public void write(OutputStream out, long cityId, String type, LocalDate from, LocalDate to) {
    SXSSFWorkbook book = new SXSSFWorkbook(100);
    try {
      String range = from + "-" + to;
      Sheet sheet = book.createSheet(("graphs" + range).substring(0, Math.min(31, 6 + range.length())));
      header(sheet, range);
      transactions(sheet, cityId, from, to);
      Sheet second = book.createSheet("weekly".equals(type) ? range : "monthly");
      summary(second, cityId, from, to);
      book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      book.dispose();
    }
  }

  private static void header(Sheet sheet, String range) {
    cells(sheet.createRow(0), 5, range);
    cells(sheet.createRow(1), 0, "First Receipt Nr", null, null, null, "Report Balance from previous period", null,
        null, null, null, null, "Balance");
    cells(sheet.createRow(2), 0, "Nr. Receipt", "Date dd/mm/yy", "EFD Receipt Date", "EFD Receipt Number",
        "Description", "In", "Out", null, "Customer", "Comments", null, "Date dd/m");
    cells(sheet.createRow(4), 4, "Unit Sales");
    cells(sheet.createRow(5), 4, "Meter", "Amount-Made in a week", null, null, "Customer name", "Connection Type");
  }

  /** One row per settled transaction of the village's devices in the range, oldest first, read in chunks. */
  @SuppressWarnings("unchecked")
  private void transactions(Sheet sheet, long cityId, LocalDate from, LocalDate to) {
    String settled = SettledTransactions.condition(em(), "t");
    long after = 0;
    int rowIndex = 6;
    int nr = 0;
    double balance = 0;
    while (true) {
      List<Object[]> rows = em().createNativeQuery("SELECT t.id, t.created_at, t.message, t.amount, p.name,"
              + " p.surname, tf.name, ct.name FROM transactions t JOIN devices d ON d.device_serial = t.message"
              + GridRevenueService.DEVICE_PLACE
              + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id"
              + " LEFT JOIN tariffs tf ON tf.id = m.tariff_id"
              + " LEFT JOIN connection_types ct ON ct.id = m.connection_type_id"
              + " WHERE c.id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND t.id > ?4 AND " + settled
              + " ORDER BY t.id LIMIT " + CHUNK)
          .setParameter(1, cityId).setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay())
          .setParameter(4, after).getResultList();
      for (Object[] r : rows) {
        after = ((Number) r[0]).longValue();
        double amount = ((Number) r[3]).doubleValue();
        balance += amount;
        Row row = sheet.createRow(rowIndex++);
        row.createCell(0).setCellValue(++nr);
        row.createCell(1).setCellValue(String.valueOf(Targets.time(r[1])).replace('T', ' '));
        row.createCell(4).setCellValue((String) r[2]);
        row.createCell(5).setCellValue(amount);
        if (r[4] != null) {
          row.createCell(8).setCellValue(r[4] + " " + r[5]);
        }
        if (r[6] != null && r[7] != null) {
          row.createCell(9).setCellValue(r[6] + "-" + r[7]);
        }
        row.createCell(10).setCellValue(balance);
      }
      if (rows.size() < CHUNK) {
        return;
      }
    }
  }

  /** Per connection group: sold amount in the range, customers up to its end, target revenue in force. */
  @SuppressWarnings("unchecked")
  private void summary(Sheet sheet, long cityId, LocalDate from, LocalDate to) {
    cells(sheet.createRow(0), 0, "Connection Group", "Sold", "Customers", "Target Revenue");
    List<Object[]> rows = em().createNativeQuery("SELECT cg.name,"
            + " (SELECT SUM(t.amount) FROM transactions t JOIN devices d ON d.device_serial = t.message"
            + " JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id" + GridRevenueService.DEVICE_PLACE
            + " WHERE c.id = ?1 AND m.connection_group_id = cg.id AND t.created_at >= ?2 AND t.created_at < ?3 AND "
            + SettledTransactions.condition(em(), "t") + "),"
            + " (SELECT COUNT(DISTINCT d.person_id) FROM meters m JOIN devices d ON d.device_type = 'meter'"
            + " AND d.device_id = m.id" + GridRevenueService.DEVICE_PLACE
            + " WHERE c.id = ?1 AND m.connection_group_id = cg.id AND m.created_at < ?3),"
            + " (SELECT st.revenue FROM sub_targets st JOIN targets tg ON tg.id = st.target_id"
            + " JOIN cities tc ON tc.id = ?1 WHERE tg.owner_type = 'mini-grid' AND tg.owner_id = tc.mini_grid_id"
            + " AND tg.target_date >= ?4 AND st.connection_id = cg.id ORDER BY tg.target_date LIMIT 1)"
            + " FROM connection_groups cg ORDER BY cg.id")
        .setParameter(1, cityId).setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay())
        .setParameter(4, to).getResultList();
    int i = 1;
    for (Object[] r : rows) {
      Row row = sheet.createRow(i++);
      row.createCell(0).setCellValue((String) r[0]);
      row.createCell(1).setCellValue(r[1] == null ? 0 : ((Number) r[1]).doubleValue());
      row.createCell(2).setCellValue(r[2] == null ? 0 : ((Number) r[2]).doubleValue());
      if (r[3] != null) {
        row.createCell(3).setCellValue(((Number) r[3]).doubleValue());
      }
    }
  }

  private static void cells(Row row, int first, String... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        row.createCell(first + i).setCellValue(values[i]);
      }
    }
  }
}
