package org.mpm.ticket;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The outsourced tickets' payout report as MPM writes it (PhpSpreadsheet's Xlsx): one sheet titled
 * {@code payments - <yyyy-mm>}, a header row Name, Date, Amount, Category and a row per ticket. A minimal
 * Office Open XML workbook (inline strings), written row by row to the stream.
 */
public final class PayoutSheet {

  private PayoutSheet() {}

  /** A row: the owner's name, the ticket's date, the payout and the category. */
  public record Row(String name, String date, long amount, String category) {}

  public static void write(OutputStream out, String title, List<Row> rows) {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
          + "officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          + "<sheets><sheet name=\"" + escape(title) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      sheet.append(row(1, text("A1", "Name") + text("B1", "Date") + text("C1", "Amount") + text("D1", "Category")));
      zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
      int r = 2;
      for (Row row : rows) {
        String cells = text("A" + r, row.name()) + text("B" + r, row.date())
            + "<c r=\"C" + r + "\"><v>" + row.amount() + "</v></c>" + text("D" + r, row.category());
        zip.write(row(r++, cells).getBytes(StandardCharsets.UTF_8));
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String row(int n, String cells) {
    return "<row r=\"" + n + "\">" + cells + "</row>";
  }

  private static String text(String ref, String value) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escape(value == null ? "" : value) + "</t></is></c>";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
