package org.mpm.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

  private static final String METER =
      "Dear [name] [surname], your transaction is confirmed. Meter Serial: [meter_serial]. Token: [token],"
          + " Energy: [energy] kWh.";
  private static final String SHS =
      "Dear [name] [surname], your transaction is confirmed. Device Serial: [device_serial]. Token: [token],"
          + " Duration: [duration] [unit]. Amount: [amount].";

  @Test
  void meterTokenConfirmationSubstitutesEveryVariable() {
    String out = SmsTemplates.render(SmsTemplates.TOKEN_CONFIRMATION_METER, METER,
        SmsTemplates.meterTokenValues("Jane", "Doe", "1234-5678", 12.5, "47000123"));
    assertEquals("Dear Jane Doe, your transaction is confirmed. Meter Serial: 47000123. Token: 1234-5678,"
        + " Energy: 12.500 kWh.", out);
  }

  @Test
  void shsTokenConfirmationFormatsDurationUnitAndAmount() {
    String out = SmsTemplates.render(SmsTemplates.TOKEN_CONFIRMATION_SHS, SHS,
        SmsTemplates.shsTokenValues("Ali", "Juma", "777", 30.0, null, "SHS-1", 1500.0));
    assertEquals("Dear Ali Juma, your transaction is confirmed. Device Serial: SHS-1. Token: 777,"
        + " Duration: 30 days. Amount: 1500.", out);
    String half = SmsTemplates.render(SmsTemplates.TOKEN_CONFIRMATION_SHS, SHS,
        SmsTemplates.shsTokenValues("Ali", "Juma", "777", 2.25, "weeks", "", 12.75));
    assertTrue(half.contains("Device Serial: -."), half);
    assertTrue(half.contains("Duration: 2.3 weeks. Amount: 12.75."), half);
  }

  @Test
  void noTokenConfirmation() {
    assertEquals("Dear A B, your transaction of 250 is confirmed.",
        SmsTemplates.render(SmsTemplates.TRANSACTION_CONFIRMATION_NO_TOKEN,
            "Dear [name] [surname], your transaction of [amount] is confirmed.",
            SmsTemplates.noTokenValues("A", "B", 250.0)));
  }

  @Test
  void unknownPlaceholdersStayLiteralAndRepeatedOnesAreAllReplaced() {
    String out = SmsTemplates.render("[name] [name] [nickname] [Name] [token]", List.of("name", "token"),
        Map.of("name", "X", "token", "T"));
    assertEquals("X X [nickname] [Name] T", out);
  }

  @Test
  void aVariableOfAnotherKindIsNotSubstituted() {
    // EnergyConfirmation knows meter, token and energy, not name.
    String out = SmsTemplates.render("EnergyConfirmation", "Meter: [meter] , [token]  Unit [energy] . [name]",
        Map.of("meter", "M1", "token", "T1", "energy", "3.5", "name", "X"));
    assertEquals("Meter: M1 , T1  Unit 3.5 . [name]", out);
  }

  @Test
  void missingValuesBecomeEmptyAndNullBodyIsEmpty() {
    Map<String, Object> values = new HashMap<>();
    values.put("surname", null);
    assertEquals("Dear  !", SmsTemplates.render("Dear [name] [surname]!", List.of("name", "surname"), values));
    assertEquals("", SmsTemplates.render(null, List.of("name"), Map.of()));
    assertEquals("[name]", SmsTemplates.render("NoSuchReference", "[name]", Map.of("name", "X")));
  }

  @Test
  void valuesAreInsertedVerbatim() {
    assertEquals("a [surname] $1 \\",
        SmsTemplates.render("a [name]", List.of("name"), Map.of("name", "[surname] $1 \\")));
  }

  @Test
  void numbersPrintLikePhpFloats() {
    assertEquals("500", SmsTemplates.number(500.0));
    assertEquals("12.5", SmsTemplates.number(12.5));
    assertEquals("0.1", SmsTemplates.number(0.1));
    assertEquals("-3", SmsTemplates.number(-3.0));
  }

  @Test
  void receiversGetALeadingPlus() {
    assertEquals("+255700000001", SmsTemplates.e164("255700000001"));
    assertEquals("+255700000001", SmsTemplates.e164("+255700000001"));
  }

  @Test
  void recordingGatewayAcceptsWithAReferenceAndRefusesAnEmptyReceiver() {
    RecordingSmsGateway g = new RecordingSmsGateway();
    SmsGateway.Result ok = g.send("+1", "hi", "u-1");
    assertTrue(ok.accepted());
    assertEquals("u-1", ok.reference());
    assertEquals(36, g.send("+2", "x", null).reference().length());
    assertEquals(new RecordingSmsGateway.Recorded("+1", "hi", "u-1"), g.recent().get(0));
    SmsGateway.Result bad = g.send(" ", "hi", "u-3");
    assertFalse(bad.accepted());
    assertEquals(2, g.recent().size());
  }

  @Test
  void errorMessagesAreCutLikeStrLimit() {
    assertEquals("short", SmsService.limit("short"));
    String cut = SmsService.limit("x".repeat(1001));
    assertEquals(1003, cut.length());
    assertTrue(cut.endsWith("x..."));
  }

  @Test
  void smsBodyVariableList() {
    assertEquals(List.of("name", "surname", "amount"),
        new SmsBody("R", "t", "b", "name, surname,,amount").variableList());
    assertEquals(List.of(), new SmsBody("R", "t", "b", "").variableList());
  }
}
