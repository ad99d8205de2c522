package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;
import org.mpm.st.FlutterwaveSimulator.Charge;

/**
 * The Flutterwave plugin end to end against {@link FlutterwaveSimulator}: credentials encrypted and never answered,
 * a payment link from Flutterwave's API, a webhook whose {@code verif-hash} is checked first and whose transaction is
 * verified with Flutterwave before it is credited once through the payment pipeline (token issued), twenty
 * concurrent copies crediting once, forged hashes, amounts Flutterwave does not confirm, failed payments and unknown
 * references refused and kept with their reason, a company without the plugin refused, two companies never
 * crossing, the console's transaction routes and the public payment pages.
 */
class FlutterwaveIT {

  static final String NOT_ENABLED = "{\"message\":\"The plugin is not enabled for this company.\"}";
  static final String SECRET_A = "FLWSECK_TEST-a1b2c3d4e5f60718293a4b5c6d7e8f9a-X";
  static final String SECRET_B = "FLWSECK_TEST-ffeeddccbbaa99887766554433221100-X";
  static final String HASH_A = "harbour-webhook-hash-7f3a9c";
  static final String HASH_B = "lagoon-webhook-hash-51be02";
  static final String PUBLIC = "FLWPUBK_TEST-0a1b2c3d4e5f60718293a4b5c6d7e8f9-X";
  static final String ENCRYPTION = "FLWSECK_TEST4f1c2d3e4b5a";

  static Api api;
  static FlutterwaveSimulator flw;
  static Tenant a;
  static Tenant b;
  static long customerA;
  static long customerB;

  @BeforeAll
  static void start() throws Exception {
    TestServer server = TestServer.get();
    api = new Api(server);
    PeopleIT.api = api;
    flw = server.flutterwave();
    a = api.registerCompany("flutterwave-a");
    b = api.registerCompany("flutterwave-b");
    customerA = setUp(a, SECRET_A, HASH_A, "FLW-A-001", "+2348031000001");
    customerB = setUp(b, SECRET_B, HASH_B, "FLW-B-001", "+2348031000002");
  }

  static String credential(String secret, String hash) {
    return "{\"secret_key\":\"" + secret + "\",\"public_key\":\"" + PUBLIC + "\",\"encryption_key\":\"" + ENCRYPTION
        + "\",\"webhook_secret_hash\":\"" + hash + "\",\"callback_url\":\"https://pay.example.com/flutterwave/result\","
        + "\"merchant_name\":\"Harbour Energy\",\"merchant_email\":\"pay@example.com\",\"environment\":\"test\"}";
  }

  /** Enables the plugin, saves the credential, and adds a customer with a demo meter; the customer's id. */
  static long setUp(Tenant t, String secret, String hash, String serial, String phone) throws Exception {
    assertEquals(200, api.put("/api/plugins/32", "{\"checked\":true}", t.token()).status());
    Resp cred = api.put("/api/flutterwave/credential", credential(secret, hash), t.token());
    assertEquals(200, cred.status(), cred.body());
    long tariff = GeographyIT.id(api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":"
        + "\"NGN\",\"factor\":1,\"minimum_purchase_amount\":0}", t.token()));
    long type = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        t.token()));
    long maker = GeographyIT.id(api.post("/api/manufacturers", "{\"name\":\"Demo Meter\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token()));
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Chidi", "Eze", phone, null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + type + ",\"in_use\":1,\"tariff_id\":" + tariff + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
    return person;
  }

  /** Initialises a payment through the API; its tx_ref. */
  static String initialize(Tenant t, long customer, String serial, String amount) {
    Resp r = api.post("/api/flutterwave/transaction/initialize", "{\"amount\":" + amount + ",\"device_serial\":\""
        + serial + "\",\"customer_id\":" + customer + "}", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertTrue(d.getString("redirectionUrl").startsWith("https://checkout.flutterwave.com/v3/hosted/pay/"), r.body());
    assertTrue(d.isNull("error"), r.body());
    return d.getString("reference");
  }

  static HttpResponse<String> webhook(Tenant t, String body, String hash) throws Exception {
    return FlutterwaveSimulator.sendWebhook(TestServer.get().baseUrl() + "/api/flutterwave/webhook/" + t.companyId(),
        body, hash);
  }

  static long rowId(Tenant t, String txRef) throws Exception {
    return Db.count(t, "SELECT id FROM flutterwave_transactions WHERE flutterwave_reference = '" + txRef + "'");
  }

  static long credited(Tenant t, String txRef) throws Exception {
    return Db.count(t, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'flutterwave_transaction'"
        + " AND original_transaction_id = " + rowId(t, txRef));
  }

  static long tokens(Tenant t, String txRef) throws Exception {
    return Db.count(t, "SELECT COUNT(*) FROM tokens k JOIN transactions x ON x.id = k.transaction_id"
        + " WHERE x.original_transaction_type = 'flutterwave_transaction' AND x.original_transaction_id = "
        + rowId(t, txRef));
  }

  static long status(Tenant t, String txRef) throws Exception {
    return Db.count(t, "SELECT status FROM flutterwave_transactions WHERE flutterwave_reference = '" + txRef + "'");
  }

  static long refusals(Tenant t, String reason) throws Exception {
    return Db.count(t, "SELECT COUNT(*) FROM flutterwave_callback_refusals WHERE reason LIKE '" + reason + "'");
  }

  static String text(Tenant t, String sql) throws Exception {
    try (Connection c = Db.tenant(t); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
      return out.toString();
    }
  }

  // ---- credentials

  @Test
  void credentialsAreStoredEncryptedAndNeverAnswered() throws Exception {
    Resp get = api.get("/api/flutterwave/credential", a.token());
    assertEquals(200, get.status(), get.body());
    JsonObject d = get.obj().getJsonObject("data");
    for (String f : new String[] {"public_key_set", "secret_key_set", "encryption_key_set",
        "webhook_secret_hash_set"}) {
      assertTrue(d.getBoolean(f), f + " in " + get.body());
    }
    assertEquals("pay@example.com", d.getString("merchant_email"));
    assertEquals("https://pay.example.com/flutterwave/result", d.getString("callback_url"));
    for (String secret : new String[] {SECRET_A, HASH_A, PUBLIC, ENCRYPTION, "gcm1:"}) {
      assertFalse(get.body().contains(secret), secret + " in " + get.body());
    }
    String row = text(a, "SELECT CONCAT_WS('|', secret_key, public_key, encryption_key, webhook_secret_hash,"
        + " merchant_name) FROM flutterwave_credentials");
    assertEquals(1, row.lines().count(), row);
    assertEquals(4, row.split("gcm1:", -1).length - 1, row);
    for (String secret : new String[] {SECRET_A, HASH_A, PUBLIC, ENCRYPTION}) {
      assertFalse(row.contains(secret), row);
    }
    // The console sends the secrets blank unless they are retyped: the stored ones stay.
    Resp kept = api.put("/api/flutterwave/credential", "{\"secret_key\":\"\",\"public_key\":null,"
        + "\"callback_url\":\"https://pay.example.com/flutterwave/result\",\"merchant_name\":\"Harbour Energy Ltd\","
        + "\"merchant_email\":\"pay@example.com\",\"environment\":\"test\"}", a.token());
    assertEquals(200, kept.status(), kept.body());
    assertTrue(kept.obj().getJsonObject("data").getBoolean("secret_key_set"));
    assertEquals(row.replace("|Harbour Energy\n", "|Harbour Energy Ltd\n"), text(a, "SELECT CONCAT_WS('|',"
        + " secret_key, public_key, encryption_key, webhook_secret_hash, merchant_name) FROM flutterwave_credentials"));
  }

  @Test
  void incompleteOrBadCredentialsAreRefusedAndNothingWritten() throws Exception {
    Tenant fresh = api.registerCompany("flutterwave-cred");
    assertEquals(200, api.put("/api/plugins/32", "{\"checked\":true}", fresh.token()).status());
    assertEquals(200, api.get("/api/flutterwave/credential", fresh.token()).status());
    Resp missing = api.put("/api/flutterwave/credential", "{\"secret_key\":\"" + SECRET_A + "\",\"callback_url\":"
        + "\"https://pay.example.com/r\",\"merchant_name\":\"Lagoon\",\"merchant_email\":\"pay@example.com\","
        + "\"environment\":\"live\"}", fresh.token());
    assertEquals(422, missing.status(), missing.body());
    assertTrue(missing.obj().getJsonObject("errors").containsKey("secret_key"), missing.body());
    assertEquals("|||Flutterwave\n", text(fresh, "SELECT CONCAT_WS('|', secret_key, public_key, encryption_key,"
        + " merchant_name) FROM flutterwave_credentials"));
    Resp bad = api.put("/api/flutterwave/credential", "{\"secret_key\":\"s\",\"webhook_secret_hash\":7,"
        + "\"callback_url\":\"not a url\",\"merchant_email\":\"nope\",\"environment\":\"prod\"}", fresh.token());
    assertEquals(422, bad.status(), bad.body());
    JsonObject errors = bad.obj().getJsonObject("errors");
    for (String f : new String[] {"secret_key", "webhook_secret_hash", "callback_url", "merchant_name",
        "merchant_email", "environment"}) {
      assertTrue(errors.containsKey(f), f + " in " + bad.body());
    }
    assertEquals(400, api.put("/api/flutterwave/credential", "{not json", fresh.token()).status());
    assertEquals("|||Flutterwave\n", text(fresh, "SELECT CONCAT_WS('|', secret_key, public_key, encryption_key,"
        + " merchant_name) FROM flutterwave_credentials"));
    Resp clerk = api.get("/api/flutterwave/credential", api.userWithRole(fresh, "user"));
    assertEquals(403, clerk.status(), clerk.body());
  }

  // ---- payments

  @Test
  void aVerifiedWebhookCreditsOnceAndTheTokenIsIssued() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "500");
    JsonObject sent = flw.link(ref).body();
    assertEquals(500, sent.getJsonNumber("amount").intValue());
    assertEquals("NGN", sent.getString("currency"));
    assertEquals("pay@example.com", sent.getJsonObject("customer").getString("email"));
    assertEquals("https://pay.example.com/flutterwave/result", sent.getString("redirect_url"));
    assertEquals("FLW-A-001", sent.getJsonObject("meta").getString("serial_id"));
    assertEquals(0, status(a, ref));
    assertEquals(0, credited(a, ref));
    Charge paid = flw.pay(ref);
    HttpResponse<String> r = webhook(a, flw.event(paid), HASH_A);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"status\":\"success\"}", r.body());
    assertTrue(flw.verifications().contains("id:" + paid.id()), "verified with Flutterwave before crediting");
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
    assertEquals(1, status(a, ref));
    assertEquals(paid.id(), Db.count(a, "SELECT external_transaction_id FROM flutterwave_transactions WHERE id = "
        + rowId(a, ref)));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM transactions WHERE original_transaction_id = " + rowId(a, ref)
        + " AND original_transaction_type = 'flutterwave_transaction' AND amount = 500"
        + " AND sender = '+2348031000001' AND message = 'FLW-A-001'"));
    // Delivered again, and verified through the console's route: nothing more.
    assertEquals("{\"status\":\"success\"}", webhook(a, flw.event(paid), HASH_A).body());
    Resp v = api.get("/api/flutterwave/transaction/verify/" + paid.id(), a.token());
    assertEquals(200, v.status(), v.body());
    assertEquals("{\"status\":\"successful\",\"tx_ref\":\"" + ref + "\",\"amount\":500.0,\"currency\":\"NGN\","
        + "\"error\":null}", v.body());
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
  }

  @Test
  void theVerifyRouteCreditsAPaidPaymentOnceAndAnUnknownIdIsRefused() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "300");
    Charge paid = flw.pay(ref);
    Resp v = api.get("/api/flutterwave/transaction/verify/" + paid.id(), a.token());
    assertEquals(200, v.status(), v.body());
    assertEquals("successful", v.obj().getString("status"));
    assertEquals(1, credited(a, ref));
    assertEquals("{\"status\":\"success\"}", webhook(a, flw.event(paid), HASH_A).body());
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
    Resp unknown = api.get("/api/flutterwave/transaction/verify/999", a.token());
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("{\"error\":\"Flutterwave: No transaction was found for this id\"}", unknown.body());
  }

  @Test
  void twentyConcurrentIdenticalWebhooksCreditOnce() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "700");
    String body = flw.event(flw.pay(ref));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit(() -> webhook(a, body, HASH_A)));
    }
    for (Future<HttpResponse<String>> f : answers) {
      HttpResponse<String> r = f.get();
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("{\"status\":\"success\"}", r.body());
    }
    pool.shutdown();
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = 'flutterwave'"
        + " AND idempotency_key = '" + ref + "'"));
    assertEquals(700, Db.count(a, "SELECT SUM(amount) FROM transactions WHERE original_transaction_type ="
        + " 'flutterwave_transaction' AND original_transaction_id = " + rowId(a, ref)));
  }

  @Test
  void aForgedOrMissingHashIsRefusedBeforeAnythingAndKept() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "400");
    Charge paid = flw.pay(ref);
    long before = refusals(a, "Invalid webhook signature");
    int verifications = flw.verifications().size();
    HttpResponse<String> forged = webhook(a, flw.event(paid), "guessed-hash");
    assertEquals(401, forged.statusCode(), forged.body());
    assertEquals("{\"error\":\"Invalid webhook signature\"}", forged.body());
    assertEquals(401, webhook(a, flw.event(paid), null).statusCode());
    assertEquals(401, webhook(a, flw.event(paid), HASH_A.toUpperCase()).statusCode());
    assertEquals(401, webhook(a, flw.event(paid), SECRET_A).statusCode());
    assertEquals(verifications, flw.verifications().size(), "Flutterwave is not asked about a forged webhook");
    assertEquals(0, credited(a, ref));
    assertEquals(0, status(a, ref));
    assertEquals(before + 4, refusals(a, "Invalid webhook signature"));
  }

  @Test
  void anAmountOrCurrencyFlutterwaveDoesNotConfirmIsRefusedAndRecorded() throws Exception {
    // The payer paid 5 instead of 600 (a checkout tampered with); the webhook claims 600.
    String ref = initialize(a, customerA, "FLW-A-001", "600");
    Charge tampered = flw.pay(ref, new BigDecimal("5"), "NGN");
    String claim = FlutterwaveSimulator.event(tampered.id(), ref, new BigDecimal("600"), "NGN", "successful");
    HttpResponse<String> r = webhook(a, claim, HASH_A);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"status\":\"ignored\"}", r.body());
    assertEquals(0, credited(a, ref));
    assertEquals(-1, status(a, ref));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'flutterwave_transaction' AND transaction_id = " + rowId(a, ref) + " AND state LIKE '%5%600%'"));
    // Delivered again: refused again, nothing credited.
    assertEquals("{\"status\":\"ignored\"}", webhook(a, claim, HASH_A).body());
    assertEquals(0, credited(a, ref));

    String ref2 = initialize(a, customerA, "FLW-A-001", "650");
    Charge other = flw.pay(ref2, new BigDecimal("650"), "GHS");
    assertEquals("{\"status\":\"ignored\"}", webhook(a, flw.event(other), HASH_A).body());
    assertEquals(0, credited(a, ref2));
    assertEquals(-1, status(a, ref2));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'flutterwave_transaction' AND transaction_id = " + rowId(a, ref2) + " AND state LIKE '%GHS%NGN%'"));
  }

  @Test
  void aSuccessFlutterwaveDoesNotConfirmIsRefusedAndKept() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "450");
    Charge declined = flw.fail(ref);
    // A webhook claiming success for a transaction Flutterwave reports failed.
    String claim = FlutterwaveSimulator.event(declined.id(), ref, new BigDecimal("450"), "NGN", "successful");
    assertEquals("{\"status\":\"ignored\"}", webhook(a, claim, HASH_A).body());
    assertEquals(1, refusals(a, "Flutterwave reports the transaction failed"));
    // A webhook naming a transaction id Flutterwave does not have.
    String ghost = FlutterwaveSimulator.event(42L, ref, new BigDecimal("450"), "NGN", "successful");
    assertEquals("{\"status\":\"ignored\"}", webhook(a, ghost, HASH_A).body());
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM flutterwave_callback_refusals WHERE reason LIKE"
        + " 'Not confirmed by Flutterwave%' AND reference = '" + ref + "' AND flutterwave_id = '42'"));
    // A webhook naming another payment's transaction for this tx_ref.
    String refPaid = initialize(a, customerA, "FLW-A-001", "10");
    Charge small = flw.pay(refPaid);
    String swapped = FlutterwaveSimulator.event(small.id(), ref, new BigDecimal("450"), "NGN", "successful");
    assertEquals("{\"status\":\"ignored\"}", webhook(a, swapped, HASH_A).body());
    assertEquals(1, refusals(a, "Flutterwave reports the transaction for another tx_ref"));
    assertEquals(0, credited(a, ref));
    assertEquals(0, status(a, ref));
  }

  @Test
  void aFailedPaymentFailsTheRowAndCreditsNothingAndALaterSuccessCredits() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "250");
    HttpResponse<String> r = webhook(a, flw.event(flw.fail(ref)), HASH_A);
    assertEquals("{\"status\":\"success\"}", r.body());
    assertEquals(-1, status(a, ref));
    assertEquals(0, credited(a, ref));
    // The payer tries again on the same link and pays: Flutterwave's older flat webhook.
    assertEquals("{\"status\":\"success\"}", webhook(a, flw.legacyEvent(flw.pay(ref)), HASH_A).body());
    assertEquals(1, credited(a, ref));
    assertEquals(1, status(a, ref));
    assertEquals(1, tokens(a, ref));
  }

  @Test
  void anUnknownReferenceIsRefusedAndKept() throws Exception {
    long before = Db.count(a, "SELECT COUNT(*) FROM transactions");
    String body = FlutterwaveSimulator.event(7L, "never-issued-1", new BigDecimal("100"), "NGN", "successful");
    HttpResponse<String> r = webhook(a, body, HASH_A);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"status\":\"ignored\"}", r.body());
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM flutterwave_callback_refusals WHERE reason = 'Unknown reference'"
        + " AND reference = 'never-issued-1' AND event = 'charge.completed'"));
    // Other events and bodies that are no event are ignored.
    assertEquals("{\"status\":\"ignored\"}", webhook(a, "{\"event\":\"transfer.completed\",\"data\":{\"id\":1}}",
        HASH_A).body());
    assertEquals("{\"status\":\"ignored\"}", webhook(a, "[1,2]", HASH_A).body());
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM transactions"));
  }

  @Test
  void flutterwaveUnreachableIsAnErrorFlutterwaveRetries() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "350");
    Charge paid = flw.pay(ref);
    flw.down = true;
    try {
      HttpResponse<String> r = webhook(a, flw.event(paid), HASH_A);
      assertEquals(502, r.statusCode(), r.body());
      assertTrue(r.body().startsWith("{\"error\":\"Flutterwave: "), r.body());
      assertEquals(0, credited(a, ref));
      Resp init = api.post("/api/flutterwave/transaction/initialize", "{\"amount\":100,\"device_serial\":"
          + "\"FLW-A-001\",\"customer_id\":" + customerA + "}", a.token());
      assertEquals(502, init.status(), init.body());
      assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM flutterwave_transactions WHERE status = -1 AND amount = 100"
          + " AND flutterwave_reference IS NULL"));
    } finally {
      flw.down = false;
    }
    assertEquals("{\"status\":\"success\"}", webhook(a, flw.event(paid), HASH_A).body());
    assertEquals(1, credited(a, ref));
  }

  @Test
  void aCompanyWithoutThePluginIsRefused() throws Exception {
    Tenant off = api.registerCompany("flutterwave-off");
    long person = setUp(off, SECRET_A, HASH_A, "FLW-OFF-001", "+2348031000009");
    String ref = initialize(off, person, "FLW-OFF-001", "100");
    Charge paid = flw.pay(ref);
    assertEquals(200, api.put("/api/plugins/32", "{\"checked\":false}", off.token()).status());
    HttpResponse<String> r = webhook(off, flw.event(paid), HASH_A);
    assertEquals(403, r.statusCode(), r.body());
    assertEquals(NOT_ENABLED, r.body());
    Resp init = api.post("/api/flutterwave/transaction/initialize", "{\"amount\":100,\"device_serial\":"
        + "\"FLW-OFF-001\",\"customer_id\":" + person + "}", off.token());
    assertEquals(403, init.status(), init.body());
    assertEquals(NOT_ENABLED, init.body());
    for (String path : new String[] {"/api/flutterwave/credential", "/api/flutterwave/transactions",
        "/api/flutterwave/transactions/1", "/api/flutterwave/transaction/verify/" + paid.id(),
        "/api/flutterwave/credential/public-urls"}) {
      Resp g = api.get(path, off.token());
      assertEquals(403, g.status(), path + " " + g.body());
      assertEquals(NOT_ENABLED, g.body(), path);
    }
    assertEquals(403, api.delete("/api/flutterwave/transactions/1", off.token()).status());
    assertEquals(0, credited(off, ref));
    assertEquals(1, Db.count(off, "SELECT COUNT(*) FROM flutterwave_transactions"));
  }

  @Test
  void twoCompaniesNeverCross() throws Exception {
    String refB = initialize(b, customerB, "FLW-B-001", "800");
    Charge paidB = flw.pay(refB);
    String body = flw.event(paidB);
    long aBefore = Db.count(a, "SELECT COUNT(*) FROM transactions");
    // B's webhook with B's hash to A's URL: not A's hash.
    assertEquals(401, webhook(a, body, HASH_B).statusCode());
    // B's webhook with A's hash to A's URL: A never initialised B's tx_ref.
    assertEquals("{\"status\":\"ignored\"}", webhook(a, body, HASH_A).body());
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM flutterwave_callback_refusals WHERE reason ="
        + " 'Unknown reference' AND reference = '" + refB + "'"));
    // A's user cannot verify (and so credit) B's transaction: A's Flutterwave account does not know it.
    Resp v = api.get("/api/flutterwave/transaction/verify/" + paidB.id(), a.token());
    assertEquals(400, v.status(), v.body());
    assertEquals(aBefore, Db.count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(0, credited(b, refB));
    assertEquals(0, Db.count(b, "SELECT COUNT(*) FROM flutterwave_callback_refusals"));
    // B's own webhook credits B.
    assertEquals("{\"status\":\"success\"}", webhook(b, body, HASH_B).body());
    assertEquals(1, credited(b, refB));
    assertEquals(aBefore, Db.count(a, "SELECT COUNT(*) FROM transactions"));
    // A's console does not see B's rows.
    Resp list = api.get("/api/flutterwave/transactions?per_page=500", a.token());
    assertTrue(list.obj().getJsonArray("data").stream().noneMatch(x -> x.asJsonObject().getString("serial_id")
        .startsWith("FLW-B")), list.body());
    Resp other = api.get("/api/flutterwave/transactions/" + rowId(b, refB), a.token());
    assertFalse(other.body().contains(refB), other.body());
  }

  @Test
  void badInitialisationsAreRefusedAndNothingWritten() throws Exception {
    long before = Db.count(a, "SELECT COUNT(*) FROM flutterwave_transactions");
    Resp r = api.post("/api/flutterwave/transaction/initialize", "{\"amount\":\"lots\",\"currency\":\"EUR\"}",
        a.token());
    assertEquals(422, r.status(), r.body());
    JsonObject errors = r.obj().getJsonObject("errors");
    for (String f : new String[] {"amount", "device_serial", "customer_id", "currency"}) {
      assertTrue(errors.containsKey(f), f + " in " + r.body());
    }
    assertEquals(422, api.post("/api/flutterwave/transaction/initialize", "{\"amount\":0,\"device_serial\":"
        + "\"FLW-A-001\",\"customer_id\":" + customerA + "}", a.token()).status());
    assertEquals(422, api.post("/api/flutterwave/transaction/initialize", "{\"amount\":100,\"device_serial\":"
        + "\"NOPE\",\"customer_id\":" + customerA + "}", a.token()).status());
    assertEquals(422, api.post("/api/flutterwave/transaction/initialize", "{\"amount\":100,\"device_serial\":"
        + "\"FLW-B-001\",\"customer_id\":" + customerA + "}", a.token()).status());
    Resp notJson = api.post("/api/flutterwave/transaction/initialize", "[\"amount\"]", a.token());
    assertEquals(400, notJson.status(), notJson.body());
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM flutterwave_transactions"));
    HttpResponse<String> badCompany = FlutterwaveSimulator.sendWebhook(TestServer.get().baseUrl()
        + "/api/flutterwave/webhook/abc", "{}", HASH_A);
    assertEquals(401, badCompany.statusCode(), badCompany.body());
    HttpResponse<String> noCompany = FlutterwaveSimulator.sendWebhook(TestServer.get().baseUrl()
        + "/api/flutterwave/webhook/99999999", "{}", HASH_A);
    assertEquals(401, noCompany.statusCode(), noCompany.body());
  }

  // ---- the console's transaction routes

  @Test
  void theTransactionsAreListedShownChangedAndDeletedOnlyWhileUnconfirmed() throws Exception {
    String ref = initialize(a, customerA, "FLW-A-001", "120");
    Resp list = api.get("/api/flutterwave/transactions?per_page=500", a.token());
    assertEquals(200, list.status(), list.body());
    JsonObject first = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals(ref, first.getString("flutterwave_reference"));
    assertEquals(120.0, first.getJsonNumber("amount").doubleValue());
    assertEquals("FLW-A-001", first.getJsonObject("metadata").getString("serial_id"));
    long id = first.getJsonNumber("id").longValue();
    Resp one = api.get("/api/flutterwave/transactions/" + id, a.token());
    assertEquals(200, one.status(), one.body());
    assertEquals(ref, one.obj().getJsonObject("data").getString("flutterwave_reference"));
    assertEquals("{\"error\":\"Transaction not found\"}", api.get("/api/flutterwave/transactions/99999999",
        a.token()).body());
    assertEquals(404, api.get("/api/flutterwave/transactions/x", a.token()).status());

    // Abandoned by the operator while unpaid, then paid anyway: still credited once.
    Resp abandoned = api.put("/api/flutterwave/transactions/" + id, "{\"amount\":120,\"status\":3}", a.token());
    assertEquals(200, abandoned.status(), abandoned.body());
    assertEquals(3, abandoned.obj().getJsonObject("data").getInt("status"));
    Resp paidByHand = api.put("/api/flutterwave/transactions/" + id, "{\"amount\":120,\"status\":1}", a.token());
    assertEquals(422, paidByHand.status(), paidByHand.body());
    assertTrue(paidByHand.obj().getJsonObject("errors").containsKey("status"), paidByHand.body());
    Resp otherAmount = api.put("/api/flutterwave/transactions/" + id, "{\"amount\":5}", a.token());
    assertEquals(422, otherAmount.status(), otherAmount.body());
    assertEquals(422, api.put("/api/flutterwave/transactions/" + id, "{\"status\":9}", a.token()).status());
    assertEquals(3, status(a, ref));
    assertEquals(0, credited(a, ref));
    assertEquals("{\"status\":\"success\"}", webhook(a, flw.event(flw.pay(ref)), HASH_A).body());
    assertEquals(1, credited(a, ref));
    Resp confirmed = api.put("/api/flutterwave/transactions/" + id, "{\"amount\":120,\"status\":0}", a.token());
    assertEquals(409, confirmed.status(), confirmed.body());
    Resp gone = api.delete("/api/flutterwave/transactions/" + id, a.token());
    assertEquals(409, gone.status(), gone.body());
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM flutterwave_transactions WHERE id = " + id));

    String unpaid = initialize(a, customerA, "FLW-A-001", "130");
    long unpaidId = rowId(a, unpaid);
    Resp deleted = api.delete("/api/flutterwave/transactions/" + unpaidId, a.token());
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("{\"message\":\"Transaction deleted successfully\"}", deleted.body());
    assertEquals(0, Db.count(a, "SELECT COUNT(*) FROM flutterwave_transactions WHERE id = " + unpaidId));
    assertEquals(404, api.delete("/api/flutterwave/transactions/" + unpaidId, a.token()).status());
    // Its payment arriving later names no payment: refused and kept.
    assertEquals("{\"status\":\"ignored\"}", webhook(a, flw.event(flw.pay(unpaid)), HASH_A).body());
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM flutterwave_callback_refusals WHERE reference = '" + unpaid
        + "'"));
  }

  // ---- public pages

  @Test
  void thePublicPagesTakeAPaymentToItsToken() throws Exception {
    Resp urls = api.get("/api/flutterwave/credential/public-urls", a.token());
    assertEquals(200, urls.status(), urls.body());
    JsonObject u = urls.obj();
    assertEquals(a.companyId(), u.getJsonNumber("company_id").longValue());
    assertTrue(u.getString("webhook_url").endsWith("/api/flutterwave/webhook/" + a.companyId()), urls.body());
    String permanent = u.getString("permanent_payment_url");
    assertTrue(permanent.startsWith("/flutterwave/public/payment/"), permanent);
    Resp form = api.get("/api" + permanent, null);
    assertEquals(200, form.status(), form.body());
    assertEquals(a.name(), form.obj().getJsonObject("company").getString("name"));
    assertEquals("NGN", form.obj().getString("default_currency"));
    assertEquals(5, form.obj().getJsonArray("supported_currencies").size());
    assertEquals(200, api.get("/api" + u.getString("time_based_payment_url"), null).status());

    String query = permanent.substring(permanent.indexOf('?'));
    String hash = permanent.substring("/flutterwave/public/payment/".length(), permanent.indexOf('?'));
    assertEquals("{\"valid\":true,\"device_serial\":\"FLW-A-001\",\"device_type\":\"meter\"}",
        api.post("/api/flutterwave/public/validate-meter/" + hash + query, "{\"device_serial\":\"FLW-A-001\"}",
            null).body());
    assertFalse(api.post("/api/flutterwave/public/validate-meter/" + hash + query, "{\"meter_serial\":"
        + "\"FLW-B-001\"}", null).obj().getBoolean("valid"));
    assertEquals("{\"error\":\"Device serial required\"}", api.post("/api/flutterwave/public/validate-meter/" + hash
        + query, "{}", null).body());
    Resp badStart = api.post("/api/flutterwave/public/payment/" + hash + query, "{\"device_serial\":\"FLW-A-001\","
        + "\"amount\":0.5,\"currency\":\"EUR\"}", null);
    assertEquals(422, badStart.status(), badStart.body());

    Resp started = api.post("/api/flutterwave/public/payment/" + hash + query, "{\"device_serial\":\"FLW-A-001\","
        + "\"amount\":900,\"currency\":\"NGN\"}", null);
    assertEquals(200, started.status(), started.body());
    String ref = started.obj().getString("reference");
    assertTrue(started.obj().getBoolean("success"));
    assertEquals(rowId(a, ref), started.obj().getJsonNumber("transaction_id").longValue());
    assertEquals("true", flw.link(ref).body().getJsonObject("meta").getString("public_payment"));

    // Before the payer pays: Flutterwave knows no transaction for the tx_ref yet.
    Resp before = api.get("/api/flutterwave/public/result/" + hash + query + "&tx_ref=" + ref
        + "&transaction_id=null", null);
    assertEquals(200, before.status(), before.body());
    assertEquals("pending", before.obj().getString("token_status"));
    assertFalse(before.obj().getBoolean("success"));
    assertTrue(before.obj().getJsonObject("verification").getString("error").startsWith("Flutterwave: "));
    // Flutterwave's redirect brings the payer back with tx_ref and transaction_id: the result page credits it.
    Charge paid = flw.pay(ref);
    Resp after = api.get("/api/flutterwave/public/result/" + hash + query + "&tx_ref=" + ref + "&transaction_id="
        + paid.id(), null);
    assertEquals(200, after.status(), after.body());
    assertEquals("generated", after.obj().getString("token_status"), after.body());
    assertTrue(after.obj().getBoolean("success"));
    assertEquals("successful", after.obj().getJsonObject("verification").getString("status"));
    assertTrue(after.obj().getJsonObject("token").getString("token").length() > 0, after.body());
    assertEquals("energy", after.obj().getJsonObject("transaction").getString("payment_type"));
    Resp verify = api.get("/api/flutterwave/public/verify/" + hash + query + "&transaction_id=" + paid.id(), null);
    assertTrue(verify.obj().getBoolean("success"), verify.body());
    assertEquals("{\"error\":\"Flutterwave transaction id required\"}", api.get("/api/flutterwave/public/verify/"
        + hash + query, null).body());
    assertEquals("{\"status\":\"success\"}", webhook(a, flw.event(paid), HASH_A).body());
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
    Resp unknown = api.get("/api/flutterwave/public/result/" + hash + query + "&reference=nope", null);
    assertEquals(404, unknown.status(), unknown.body());
    assertEquals("{\"error\":\"Transaction reference required\"}", api.get("/api/flutterwave/public/result/" + hash
        + query, null).body());
  }

  @Test
  void aPaymentWhoseWebhookWasLostIsCreditedByTheResultPageByItsReference() throws Exception {
    String permanent = api.get("/api/flutterwave/credential/public-urls", a.token()).obj()
        .getString("permanent_payment_url");
    String query = permanent.substring(permanent.indexOf('?'));
    String hash = permanent.substring("/flutterwave/public/payment/".length(), permanent.indexOf('?'));
    String ref = initialize(a, customerA, "FLW-A-001", "220");
    flw.pay(ref);
    Resp result = api.get("/api/flutterwave/public/result/" + hash + query + "&reference=" + ref, null);
    assertEquals(200, result.status(), result.body());
    assertTrue(flw.verifications().contains("ref:" + ref));
    assertEquals("generated", result.obj().getString("token_status"), result.body());
    assertTrue(result.obj().getJsonObject("verification").isNull("error"), result.body());
    assertEquals(1, credited(a, ref));
  }

  @Test
  void aPublicLinkOfAnotherCompanyOrAForgedOneIsRefused() {
    String linkA = api.get("/api/flutterwave/credential/public-urls", a.token()).obj()
        .getString("permanent_payment_url");
    String linkB = api.get("/api/flutterwave/credential/public-urls", b.token()).obj()
        .getString("permanent_payment_url");
    String hashA = linkA.substring("/flutterwave/public/payment/".length(), linkA.indexOf('?'));
    String queryB = linkB.substring(linkB.indexOf('?'));
    String invalid = "{\"error\":\"Invalid company identifier\"}";
    Resp crossed = api.get("/api/flutterwave/public/payment/" + hashA + queryB, null);
    assertEquals(400, crossed.status(), crossed.body());
    assertEquals(invalid, crossed.body());
    assertEquals(invalid, api.get("/api/flutterwave/public/payment/" + hashA + "?ct=abcdefgh", null).body());
    assertEquals(invalid, api.get("/api/flutterwave/public/payment/" + hashA, null).body());
    Resp pay = api.post("/api/flutterwave/public/payment/" + hashA + queryB, "{\"device_serial\":\"FLW-B-001\","
        + "\"amount\":100,\"currency\":\"NGN\"}", null);
    assertEquals(400, pay.status(), pay.body());
    assertEquals(invalid, api.get("/api/flutterwave/public/result/" + hashA + queryB + "&reference=x", null).body());
  }
}
