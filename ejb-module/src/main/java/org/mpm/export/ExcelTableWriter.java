package org.mpm.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook (one sheet, {@code Sheet1}) written with POI's streaming SXSSF: only the last
 * {@value #WINDOW} rows are in memory, the others go to a compressed temporary file that is removed on close. A
 * sheet holds at most {@value #SHEET_ROWS} rows (Excel's limit); past that the rows go on in {@code Sheet2} and on,
 * each starting with the first row written (the header).
 */
public final class ExcelTableWriter implements TableWriter {

  static final int WINDOW = 200;
  static final int SHEET_ROWS = 1_048_576;

  private final OutputStream out;
  private final SXSSFWorkbook workbook;
  private Sheet sheet;
  private List<?> header;
  private int next;

  public ExcelTableWriter(OutputStream out) {
    this.out = out;
    this.workbook = new SXSSFWorkbook(WINDOW);
    this.workbook.setCompressTempFiles(true);
    this.sheet = workbook.createSheet("Sheet1");
  }

  @Override
  public void row(List<?> values) {
    if (header == null) {
      header = values;
    } else if (next == SHEET_ROWS) {
      sheet = workbook.createSheet("Sheet" + (workbook.getNumberOfSheets() + 1));
      next = 0;
      write(header);
    }
    write(values);
  }

  private void write(List<?> values) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof Number n) {
        row.createCell(i).setCellValue(n.doubleValue());
      } else if (v != null) {
        row.createCell(i).setCellValue(String.valueOf(v));
      }
    }
  }

  @Override
  public void finish() throws IOException {
    workbook.write(out);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }
}
