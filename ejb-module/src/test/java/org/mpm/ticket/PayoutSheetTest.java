package org.mpm.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class PayoutSheetTest {

  private static Map<String, String> entries(byte[] xlsx) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void aWorkbookWithMpmsHeaderAndOneRowPerTicket() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PayoutSheet.write(out, "payments - 2026-01", List.of(
        new PayoutSheet.Row("Neema Desk", "2026-01-03 10:00:00", 2500, "In-door wiring"),
        new PayoutSheet.Row("A & B <Ltd>", "2026-01-04 11:00:00", 0, "Meter Replacement")));
    Map<String, String> parts = entries(out.toByteArray());
    assertTrue(parts.keySet().containsAll(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml")), parts.keySet().toString());
    assertTrue(parts.get("xl/workbook.xml").contains("<sheet name=\"payments - 2026-01\""));
    String sheet = parts.get("xl/worksheets/sheet1.xml");
    assertTrue(sheet.contains("<c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c>"), sheet);
    assertTrue(sheet.contains("<c r=\"D1\" t=\"inlineStr\"><is><t>Category</t></is></c>"), sheet);
    assertTrue(sheet.contains("<c r=\"C2\"><v>2500</v></c>"), sheet);
    assertTrue(sheet.contains("<t>A &amp; B &lt;Ltd&gt;</t>"), sheet);
    assertEquals(3, sheet.split("<row ").length - 1);
  }

  @Test
  void controlCharactersAreLeftOutOfTheXml() {
    assertEquals("ab\tc", PayoutSheet.escape("a\u0001b\tc"));
    assertEquals("&quot;x&quot;", PayoutSheet.escape("\"x\""));
  }
}
