package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The SMS transaction parser: a company's parsing rules (MPM's routes, 403 while the plugin is not enabled), and an
 * incoming mobile-money confirmation that a rule reads becoming one payment through the payment pipeline — once,
 * whether the same confirmation arrives again or twenty times at once; a refused one recorded once however often it
 * arrives; a booking the database failed booked once by the sweep; a message no rule reads books nothing, and one
 * company's rules and messages never book for another.
 */
class SmsTransactionParserIT {

  static final String RULES = "/api/sms-transaction-parser/parsing-rules";
  static final String TEMPLATE = "Confirmed [transaction_ref]. You paid [amount] TZS from [sender_phone] for meter"
      + " [device_serial]. Thank you.";

  static Api api;
  static Tenant t;
  static Tenant other;
  static String serial;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("smsparser");
    other = api.registerCompany("smsparser-b");
    for (Tenant c : List.of(t, other)) {
      Resp on = api.put("/api/plugins/29", "{\"checked\":true}", c.token());
      assertEquals(200, on.status(), on.body());
    }
    serial = "SP" + System.nanoTime();
    meter(t, serial);
    meter(other, serial);
    assertEquals(201, api.post(RULES, rule("Harbour Money", "/HMONEY/i"), t.token()).status());
    assertEquals(201, api.post(RULES, rule("Harbour Money", "/HMONEY/i"), other.token()).status());
  }

  /** A customer with a meter of this serial, priced by a tariff, in the company. */
  static void meter(Tenant c, String serial) throws Exception {
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0,\"components\":[{\"name\":\"Service\",\"price\":50}]}", c.token());
    assertEquals(201, tariff.status(), tariff.body());
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", c.token());
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", c.token());
    assertEquals(201, maker.status(), maker.body());
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(c, "Neema", "Parser", "+255716300101", null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":"
        + GeographyIT.id(maker) + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":1,\"tariff_id\":"
        + GeographyIT.id(tariff) + "}", c.token());
    assertEquals(201, meter.status(), meter.body());
    Db.exec(c, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
  }

  static String rule(String name, String senderPattern) {
    return "{\"provider_name\":\"" + name + "\",\"template\":\"" + TEMPLATE + "\",\"sender_pattern\":"
        + (senderPattern == null ? "null" : "\"" + senderPattern + "\"") + ",\"enabled\":true}";
  }

  static String confirmation(String reference, String amount, String serial) {
    return "Confirmed " + reference + ". You paid " + amount + " TZS from +255 716 300 101 for meter " + serial
        + ". Thank you.";
  }

  static Resp incoming(Tenant c, String sender, String message) {
    return api.post("/api/sms", "{\"sender\":\"" + sender + "\",\"message\":\"" + message + "\"}", c.token());
  }

  static long booked(Tenant c, String reference) throws Exception {
    return count(c, "SELECT COUNT(*) FROM transactions tr JOIN sms_transactions s ON s.id ="
        + " tr.original_transaction_id AND tr.original_transaction_type = 'sms_transaction'"
        + " WHERE s.transaction_reference = '" + reference + "'");
  }

  @Test
  void aConfirmationBecomesOnePaymentHoweverOftenItArrives() throws Exception {
    String reference = "RX" + System.nanoTime();
    String sms = confirmation(reference, "1,500.00", serial);
    Resp first = incoming(t, "HMONEY", sms);
    assertEquals(200, first.status(), first.body());
    assertEquals(1, booked(t, reference));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'sms_transaction'"
        + " AND message = '" + serial + "' AND amount = 1500 AND sender = '+255716300101'"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms_transactions WHERE transaction_reference = '" + reference
        + "' AND provider_name = 'Harbour Money' AND amount = 1500 AND device_serial = '" + serial + "'"));
    // The same confirmation again, then twenty times at once: still one payment; every message is kept.
    assertEquals(200, incoming(t, "HMONEY", sms).status());
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Resp>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(pool.submit(() -> incoming(t, "HMONEY", sms)));
      }
      for (Future<Resp> f : all) {
        assertEquals(200, f.get().status(), f.get().body());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, booked(t, reference));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms_transactions WHERE transaction_reference = '" + reference
        + "'"));
    assertEquals(22, count(t, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND body LIKE '%" + reference + "%'"));
    // Nothing of it in the other company, which has the same rule and a meter of the same serial.
    assertEquals(0, booked(other, reference));
    JsonObject list = api.get("/api/sms-transaction-parser/transactions", t.token()).obj();
    assertTrue(list.getJsonArray("data").stream().anyMatch(o -> reference.equals(
        o.asJsonObject().getString("transaction_reference"))), list.toString());
    assertEquals(0, api.get("/api/sms-transaction-parser/transactions", other.token()).obj().getInt("total"));
  }

  @Test
  void messagesNoRuleReadsBookNothing() throws Exception {
    long before = count(t, "SELECT COUNT(*) FROM sms_transactions");
    String reference = "NX" + System.nanoTime();
    // Not a confirmation; a confirmation from a sender the rule does not name; a zero amount.
    assertEquals(200, incoming(t, "HMONEY", "Is the power back in Kilindoni?").status());
    assertEquals(200, incoming(t, "+255716300999", confirmation(reference, "1000", serial)).status());
    assertEquals(200, incoming(t, "HMONEY", confirmation(reference, "0", serial)).status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM sms_transactions"));
    assertEquals(0, booked(t, reference));
  }

  @Test
  void rulesAreManagedAsMpmsRoutesDo() throws Exception {
    Tenant off = api.registerCompany("smsparser-off");
    Resp refused = api.get(RULES, off.token());
    assertEquals(403, refused.status(), refused.body());
    assertEquals(403, api.post("/api/sms-transaction-parser/install", "", off.token()).status());

    Tenant c = api.registerCompany("smsparser-rules");
    assertEquals(200, api.put("/api/plugins/29", "{\"checked\":true}", c.token()).status());
    Resp installed = api.post("/api/sms-transaction-parser/install", "", c.token());
    assertEquals(200, installed.status(), installed.body());
    JsonArray defaults = installed.obj().getJsonArray("data");
    assertEquals(2, defaults.size());
    assertEquals("M-Pesa (Vodacom MZ)", defaults.getJsonObject(0).getString("provider_name"));
    assertEquals("/M-?Pesa/i", defaults.getJsonObject(0).getString("sender_pattern"));
    assertTrue(defaults.getJsonObject(0).getString("pattern").startsWith("/Confirmado\\s+(?P<transaction_ref>"));
    assertEquals(2, api.post("/api/sms-transaction-parser/install", "", c.token()).obj().getJsonArray("data").size());

    Resp created = api.post(RULES, rule("Kilimo Pay", null), c.token());
    assertEquals(201, created.status(), created.body());
    long id = created.obj().getJsonObject("data").getJsonNumber("id").longValue();
    assertTrue(created.obj().getJsonObject("data").getBoolean("enabled"));
    Resp duplicate = api.post(RULES, rule("Kilimo Pay", null), c.token());
    assertEquals(422, duplicate.status(), duplicate.body());
    assertTrue(duplicate.body().contains("provider_name"), duplicate.body());
    Resp badPattern = api.post(RULES, rule("Broken", "M-Pesa"), c.token());
    assertEquals(422, badPattern.status(), badPattern.body());
    assertTrue(badPattern.body().contains("sender_pattern"), badPattern.body());
    Resp missing = api.post(RULES, "{\"provider_name\":\"No template\"}", c.token());
    assertEquals(422, missing.status(), missing.body());
    assertEquals(3, api.get(RULES, c.token()).obj().getJsonArray("data").size());

    Resp updated = api.put(RULES + "/" + id, "{\"provider_name\":\"Kilimo Pay 2\",\"template\":\"Paid [amount] ref"
        + " [transaction_ref] meter [device_serial]\",\"enabled\":false}", c.token());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Kilimo Pay 2", updated.obj().getJsonObject("data").getString("provider_name"));
    assertEquals(false, updated.obj().getJsonObject("data").getBoolean("enabled"));
    Resp messages = api.get(RULES + "/" + id + "/messages", c.token());
    assertEquals(200, messages.status(), messages.body());
    assertEquals(15, messages.obj().getInt("per_page"));
    assertEquals(404, api.put(RULES + "/999999", rule("X", null), c.token()).status());
    // Another company's rule is not found.
    assertEquals(404, api.send("DELETE", RULES + "/" + id, null, t.token()).status());
    assertEquals(204, api.send("DELETE", RULES + "/" + id, null, c.token()).status());
    assertEquals(404, api.send("DELETE", RULES + "/" + id, null, c.token()).status());
    assertEquals(2, api.get(RULES, c.token()).obj().getJsonArray("data").size());
  }

  @Test
  void aRefusedConfirmationIsRecordedOnceHoweverOftenItArrives() throws Exception {
    String reference = "UX" + System.nanoTime();
    String sms = confirmation(reference, "800", "NOSUCH" + reference);
    assertEquals(200, incoming(t, "HMONEY", sms).status());
    assertEquals(200, incoming(t, "HMONEY", sms).status());
    for (Resp r : PayingCustomers.concurrently(5, () -> incoming(t, "HMONEY", sms))) {
      assertEquals(200, r.status(), r.body());
    }
    assertEquals(0, booked(t, reference));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms_transactions WHERE transaction_reference = '" + reference
        + "' AND status = -1"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transaction_conflicts c JOIN sms_transactions s ON s.id ="
        + " c.transaction_id AND c.transaction_type = 'sms_transaction' WHERE s.transaction_reference = '"
        + reference + "'"));
    // Each message's booking is done with the refusal as its outcome: none is tried again.
    assertEquals(7, count(t, "SELECT COUNT(*) FROM sms_parser_bookings WHERE transaction_reference = '" + reference
        + "' AND booked_at IS NOT NULL AND outcome LIKE 'Refused%'"));
  }

  @Test
  void aBookingThatFailedIsBookedOnceByTheSweep() throws Exception {
    String reference = "DL" + System.nanoTime();
    // The database answers every write of this payment with a deadlock (more often than the pipeline retries).
    Db.exec(t, "CREATE TRIGGER sms_parser_it_deadlock BEFORE INSERT ON sms_transactions FOR EACH ROW"
        + " IF NEW.transaction_reference = '" + reference + "' THEN SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213,"
        + " MESSAGE_TEXT = 'Deadlock found when trying to get lock; try restarting transaction'; END IF");
    try {
      Resp r = incoming(t, "HMONEY", confirmation(reference, "2,000", serial));
      assertEquals(200, r.status(), r.body());
      assertEquals(0, booked(t, reference));
      assertEquals(1, count(t, "SELECT COUNT(*) FROM sms_parser_bookings WHERE transaction_reference = '"
          + reference + "' AND booked_at IS NULL AND attempts >= 1 AND outcome LIKE 'Failed%'"));
    } finally {
      Db.exec(t, "DROP TRIGGER sms_parser_it_deadlock");
    }
    // The sweep (every MPM_SMS_PARSER_RETRY_SECONDS, 2 s in the tests, with backoff) books it once.
    long end = System.nanoTime() + 60_000_000_000L;
    while (booked(t, reference) == 0 && System.nanoTime() < end) {
      Thread.sleep(250);
    }
    assertEquals(1, booked(t, reference));
    Thread.sleep(5_000);
    assertEquals(1, booked(t, reference));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'sms_transaction'"
        + " AND message = '" + serial + "' AND amount = 2000"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms_parser_bookings WHERE transaction_reference = '" + reference
        + "' AND booked_at IS NOT NULL AND outcome = 'Booked'"));
  }
}
