package org.mpm.plugins.smsparser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

  @Test
  void aTemplateBecomesThePatternMpmStores() {
    assertEquals("/Confirmed\\s+(?P<transaction_ref>[A-Za-z0-9.]+)\\.[\\s\\S]*?amount\\s+of\\s+"
        + "(?P<amount>[\\d,]+(?:\\.\\d{1,2})?)MT[\\s\\S]*?reference\\s+(?P<device_serial>[A-Za-z0-9]+)[\\s\\S]*?/si",
        SmsTemplates.toPattern("Confirmed [transaction_ref].[*]amount of [amount]MT[*]reference [device_serial][*]"));
  }

  @Test
  void mpmsDefaultMpesaRuleReadsAConfirmation() {
    SmsParsingRules.Form mpesa = SmsParsingRules.DEFAULTS.get(0);
    Pattern p = SmsTemplates.compile(SmsTemplates.toPattern(mpesa.template())).orElseThrow();
    String sms = "Confirmado DL41ABC7X9. Registamos uma operacao de compra no valor de 1,500.00 e a taxa foi de"
        + " 10.00MT na entidade 900100 com referencia 47000123 aos 4/12/26 as 10:15. O teu novo saldo M-Pesa e de"
        + " 2,340.00MT. Em caso de dúvida, liga 100. M-Pesa e facil!";
    Matcher m = p.matcher(sms);
    assertTrue(m.find());
    Map<String, String> g = SmsTemplates.groups(m);
    assertEquals("DL41ABC7X9", g.get("transaction_ref"));
    SmsParsingRules.Parsed parsed = SmsParsingRules.parsed("M-Pesa", sms, g).orElseThrow();
    assertEquals(0, new BigDecimal("1500.00").compareTo(parsed.amount()));
    assertEquals("47000123", parsed.deviceSerial());
    assertTrue(SmsTemplates.compile(mpesa.senderPattern()).orElseThrow().matcher("m-pesa").find());
    assertFalse(SmsTemplates.compile(mpesa.senderPattern()).orElseThrow().matcher("+255716000101").find());
    assertFalse(p.matcher("Hello, is the power back?").find());
  }

  @Test
  void theSenderPhoneKeepsDigitsAndPlusAndAZeroAmountIsNoPayment() {
    assertEquals("+258841234567", SmsParsingRules.parsed("e-Mola", "x", Map.of("transaction_ref", "R1",
        "amount", "20", "device_serial", "S1", "sender_phone", "+258 84 123-4567")).orElseThrow().senderPhone());
    assertEquals(Optional.empty(), SmsParsingRules.parsed("e-Mola", "x", Map.of("transaction_ref", "R1",
        "amount", "0.00", "device_serial", "S1")));
    assertEquals(Optional.empty(), SmsParsingRules.parsed("e-Mola", "x", Map.of("amount", "5", "device_serial",
        "S1")));
  }

  @Test
  void storedPatternsThatAreNoRegularExpressionAreRefused() {
    assertTrue(SmsTemplates.compile("M-Pesa").isEmpty());
    assertTrue(SmsTemplates.compile("/unclosed(/i").isEmpty());
    assertTrue(SmsTemplates.compile("/x/q").isEmpty());
    assertTrue(SmsTemplates.compile("#M-?Pesa#i").orElseThrow().matcher("MPESA").find());
  }
}
