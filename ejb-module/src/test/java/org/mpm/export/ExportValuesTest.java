package org.mpm.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Values as MPM's exports write them, and the CSV and Excel writers. */
class ExportValuesTest {

  @Test
  void amountsHaveThousandsSeparatorsAndTwoTruncatedDecimals() {
    assertEquals("0", ExportValues.readable(null));
    assertEquals("100", ExportValues.readable(100.0));
    assertEquals("1,234", ExportValues.readable(1234.0));
    assertEquals("1,250.50", ExportValues.readable(1250.5));
    assertEquals("12.34", ExportValues.readable(12.345));
    assertEquals("1,000,000.05", ExportValues.readable(1000000.05));
    assertEquals("-2,500.25", ExportValues.readable(-2500.25));
    assertEquals("-0.50", ExportValues.readable(-0.5));
  }

  @Test
  void datesAsMpmWritesThem() {
    LocalDateTime t = LocalDateTime.of(2026, 3, 2, 10, 30, 5);
    assertEquals("2026-03-02 10:30:05", ExportValues.dateTime(t));
    assertEquals("02/03/2026", ExportValues.day(t));
    assertEquals("", ExportValues.dateTime(null));
  }

  @Test
  void csvFieldsAreQuotedAsFputcsvDoes() throws Exception {
    assertEquals("plain", CsvTableWriter.field("plain"));
    assertEquals("\"two words\"", CsvTableWriter.field("two words"));
    assertEquals("\"1,250.50€\"", CsvTableWriter.field("1,250.50€"));
    assertEquals("\"say \"\"hi\"\"\"", CsvTableWriter.field("say \"hi\""));
    assertEquals("", CsvTableWriter.field(null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvTableWriter w = new CsvTableWriter(out)) {
      w.row(List.of("Status", "Device Type"));
      w.row(Arrays.asList("Success", null));
      w.finish();
    }
    assertEquals("Status,\"Device Type\"\nSuccess,\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void excelIsAWorkbookWithOneSheet() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExcelTableWriter w = new ExcelTableWriter(out)) {
      w.row(List.of("Status", "Amount"));
      for (int i = 0; i < 1000; i++) {
        w.row(List.of("Success", i));
      }
      w.finish();
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(1, book.getNumberOfSheets());
      assertEquals("Sheet1", book.getSheetName(0));
      assertEquals(1000, book.getSheetAt(0).getLastRowNum());
      assertEquals("Amount", book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue());
      assertEquals(999.0, book.getSheetAt(0).getRow(1000).getCell(1).getNumericCellValue());
    }
  }

  @Test
  void aCustomersPointIsLatitudeThenLongitude() {
    assertEquals("-2.5164, 32.9175", ExportValues.latitudeLongitude(
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[32.9175,-2.5164]}}"));
    assertEquals("0, 35", ExportValues.latitudeLongitude("{\"geometry\":{\"coordinates\":[35.0,0.0]}}"));
    assertNull(ExportValues.latitudeLongitude("{\"geometry\":{\"coordinates\":[35]}}"));
    assertNull(ExportValues.latitudeLongitude("{}"));
    assertNull(ExportValues.latitudeLongitude("not json"));
    assertNull(ExportValues.latitudeLongitude(null));
  }
}
