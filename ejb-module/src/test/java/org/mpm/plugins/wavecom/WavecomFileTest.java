package org.mpm.plugins.wavecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WavecomFileTest {

  @Test
  void readsRowsInAnyColumnOrderWithQuotesAndCrlf() {
    WavecomFile f = WavecomFile.parse("\uFEFFamount,message,sender,transaction_id\r\n"
        + "500,MTR-1,\"+221 77, Dakar\",WC-1\r\n\r\n\"1000\",MTR-2,221770000002,\"WC-\"\"2\"\"\"\r\n");
    assertEquals(List.of(), f.problems());
    assertEquals(2, f.rows().size());
    WavecomFile.Row first = f.rows().get(0);
    assertEquals("WC-1", first.transactionId());
    assertEquals("+221 77, Dakar", first.sender());
    assertEquals("MTR-1", first.serial());
    assertEquals(new BigDecimal("500"), first.amount());
    assertEquals(2, first.line());
    assertEquals("WC-\"2\"", f.rows().get(1).transactionId());
    assertEquals(4, f.rows().get(1).line());
  }

  @Test
  void takesSemicolons() {
    WavecomFile f = WavecomFile.parse("transaction_id;sender;message;amount\nWC-1;221;MTR-1;700");
    assertEquals(List.of(), f.problems());
    assertEquals(new BigDecimal("700"), f.rows().get(0).amount());
  }

  @Test
  void namesEveryMalformedRowByLine() {
    WavecomFile f = WavecomFile.parse("transaction_id,sender,message,amount\n"
        + "WC-1,221,MTR-1,500\n"
        + ",221,MTR-1,abc\n"
        + "WC-3,221,MTR-1,-5\n"
        + "WC-1,221,MTR-1,12.5\n");
    assertEquals(3, f.problems().size(), f.problems().toString());
    assertTrue(f.problems().get(0).startsWith("Line 3: the transaction_id is required, the amount must be a number"));
    assertTrue(f.problems().get(1).startsWith("Line 4: the amount must be a whole number"));
    assertTrue(f.problems().get(2).contains("the transaction_id WC-1 is on line 2 already"));
  }

  @Test
  void refusesAMissingColumnOrAnEmptyFile() {
    assertTrue(WavecomFile.parse("transaction_id,sender,amount\nWC-1,221,5").problems().get(0)
        .endsWith("missing: message."));
    assertEquals(List.of("The file is empty."), WavecomFile.parse("").problems());
    assertEquals(List.of("The file holds no transactions."),
        WavecomFile.parse("transaction_id,sender,message,amount\n").problems());
  }
}
