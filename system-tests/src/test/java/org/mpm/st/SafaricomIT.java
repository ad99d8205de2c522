package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The M-Pesa (Safaricom Daraja) plugin against a simulator of Daraja: credentials kept encrypted and never
 * answered, the STK push (OAuth token, password), and Daraja's unsigned result callback, which credits a payment
 * once — also when it arrives twenty times at once — only for a push the company started and for its amount; a
 * failed or cancelled push credits nothing; a company that has not enabled the plugin is refused; two companies'
 * callbacks never cross.
 */
class SafaricomIT {

  static final String ACK = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";
  static final String NOT_ENABLED = "{\"message\":\"The plugin is not enabled for this company.\"}";

  static Api api;
  static SafaricomSimulator daraja;
  static Company a;
  static Company b;
  static Tenant off;
  static final ExecutorService POOL = Executors.newFixedThreadPool(20);

  /** A company with the plugin on, its Daraja account and a customer with a meter. */
  record Company(Tenant t, SafaricomSimulator.Account account, String serial) {}

  @BeforeAll
  static void start() throws Exception {
    TestServer server = TestServer.get();
    api = new Api(server);
    PeopleIT.api = api;
    daraja = server.daraja();
    a = company("mpesa-a", "A");
    b = company("mpesa-b", "B");
    off = api.registerCompany("mpesa-off");
  }

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  static Company company(String prefix, String tag) throws Exception {
    Tenant t = api.registerCompany(prefix);
    assertEquals(200, api.put("/api/plugins/31", "{\"checked\":true}", t.token()).status());
    SafaricomSimulator.Account acc = new SafaricomSimulator.Account("ck" + tag + t.companyId() + "x7Qz",
        "cs" + tag + t.companyId() + "Lm9P", "17" + (4000 + t.companyId()),
        "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919");
    daraja.register(acc);
    Resp saved = api.put("/api/safaricom/credential", credentialBody(acc), t.token());
    assertEquals(200, saved.status(), saved.body());
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":100,\"currency\":\"KES\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    assertEquals(201, maker.status(), maker.body());
    String serial = "MP" + tag + t.companyId();
    long person = GeographyIT.id(PeopleIT.create(t, "Wanjiru", "Kamau" + tag, "+254712" + (100000 + t.companyId()),
        null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":"
        + GeographyIT.id(maker) + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":1,\"tariff_id\":"
        + GeographyIT.id(tariff) + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
    return new Company(t, acc, serial);
  }

  static String credentialBody(SafaricomSimulator.Account acc) {
    return "{\"consumer_key\":\"" + acc.consumerKey() + "\",\"consumer_secret\":\"" + acc.consumerSecret()
        + "\",\"passkey\":\"" + acc.passkey() + "\",\"shortcode\":\"" + acc.shortcode()
        + "\",\"environment\":\"sandbox\"}";
  }

  /** Starts a push of {@code amount} for the company's meter; returns its data. */
  static JsonObject push(Company c, int amount) {
    Resp r = api.post("/api/safaricom/stk-push", "{\"amount\":" + amount + ",\"phone_number\":\"0712345678\","
        + "\"device_type\":\"meter\",\"device_serial\":\"" + c.serial() + "\"}", c.t().token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertNotNull(daraja.push(d.getString("checkout_request_id")), r.body());
    return d;
  }

  static long count(Company c, String sql) throws Exception {
    return Db.count(c.t(), sql);
  }

  static long rowId(Company c, String checkout) throws Exception {
    try (Connection conn = Db.tenant(c.t())) {
      return Db.count(conn, "SELECT id FROM safaricom_transactions WHERE checkout_request_id = ?", checkout);
    }
  }

  static long credited(Company c, long row) throws Exception {
    return count(c, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'safaricom_transaction'"
        + " AND original_transaction_id = " + row);
  }

  static long conflicts(Company c, long row) throws Exception {
    return count(c, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type = 'safaricom_transaction'"
        + " AND transaction_id = " + row);
  }

  static long status(Company c, long row) throws Exception {
    return count(c, "SELECT status FROM safaricom_transactions WHERE id = " + row);
  }

  /** Waits until the row is settled (status 1) or 20 s passed; returns its status. */
  static long settled(Company c, long row) throws Exception {
    long end = System.nanoTime() + 20_000_000_000L;
    long s;
    while ((s = status(c, row)) == 0 && System.nanoTime() < end) {
      Thread.sleep(200);
    }
    return s;
  }

  @Test
  void credentialsAreEncryptedAtRestAndNeverAnswered() throws Exception {
    Resp get = api.get("/api/safaricom/credential", a.t().token());
    assertEquals(200, get.status(), get.body());
    JsonObject d = get.obj().getJsonObject("data");
    assertTrue(d.getBoolean("consumer_key_set") && d.getBoolean("consumer_secret_set") && d.getBoolean("passkey_set"));
    assertEquals(a.account().shortcode(), d.getString("shortcode"));
    assertEquals("sandbox", d.getString("environment"));
    assertFalse(get.body().contains(a.account().consumerSecret()) || get.body().contains(a.account().passkey())
        || get.body().contains(a.account().consumerKey()), get.body());
    String stored;
    try (Connection c = Db.tenant(a.t()); var s = c.createStatement();
        var rs = s.executeQuery("SELECT CONCAT_WS('|', consumer_key, consumer_secret, passkey)"
            + " FROM safaricom_credentials")) {
      assertTrue(rs.next());
      stored = rs.getString(1);
      assertFalse(rs.next());
    }
    assertTrue(stored.startsWith("gcm1:"), stored);
    assertFalse(stored.contains(a.account().consumerSecret()) || stored.contains(a.account().passkey()), stored);
    Resp bad = api.put("/api/safaricom/credential", "{\"consumer_key\":\"x\",\"environment\":\"production\","
        + "\"result_url\":\"not a url\"}", a.t().token());
    assertEquals(422, bad.status(), bad.body());
    for (String f : new String[] {"consumer_key", "passkey", "shortcode", "result_url"}) {
      assertTrue(bad.obj().getJsonObject("errors").containsKey(f), f + " in " + bad.body());
    }
    assertEquals(200, api.get("/api/safaricom/credential", a.t().token()).status());
  }

  @Test
  void aCallbackCreditsOnceAndTheTokenIsIssued() throws Exception {
    int oauthBefore = daraja.oauthCalls().size();
    JsonObject d = push(a, 150);
    String checkout = d.getString("checkout_request_id");
    JsonObject sent = daraja.push(checkout);
    assertEquals(a.account().shortcode(), sent.getString("BusinessShortCode"));
    assertEquals(150, sent.getInt("Amount"));
    assertEquals("254712345678", sent.getString("PhoneNumber"));
    assertEquals(TestServer.get().baseUrl() + "/api/safaricom/webhook/stk-push-result/" + a.t().companyId(),
        sent.getString("CallBackURL"));
    assertTrue(daraja.oauthCalls().size() <= oauthBefore + 1);
    assertTrue(daraja.oauthCalls().contains(a.account().consumerKey()));
    long row = rowId(a, checkout);
    assertEquals(0, credited(a, row));

    HttpResponse<String> r = daraja.callback(checkout, 0, "150.00", "NLJ7RT61SV");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(ACK, r.body());
    assertEquals(1, credited(a, row));
    assertEquals(1, settled(a, row));
    long tx = count(a, "SELECT id FROM transactions WHERE original_transaction_type = 'safaricom_transaction'"
        + " AND original_transaction_id = " + row);
    assertEquals(150, count(a, "SELECT amount FROM transactions WHERE id = " + tx));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + tx));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM safaricom_transactions WHERE id = " + row
        + " AND mpesa_receipt_number = 'NLJ7RT61SV' AND phone_number = '+254712345678'"));
    // Daraja repeats itself: nothing more.
    assertEquals(ACK, daraja.callback(checkout, 0, "150.00", "NLJ7RT61SV").body());
    assertEquals(1, credited(a, row));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + tx));
    assertEquals(0, conflicts(a, row));
    Resp status = api.get("/api/safaricom/transaction/" + d.getString("reference_id") + "/status", a.t().token());
    assertEquals(200, status.status(), status.body());
    assertTrue(status.obj().getJsonObject("data").getBoolean("resolved"), status.body());
    assertEquals("NLJ7RT61SV", status.obj().getJsonObject("data").getString("mpesa_receipt_number"));
  }

  @Test
  void twentyConcurrentCallbacksCreditOnce() throws Exception {
    JsonObject d = push(a, 200);
    String checkout = d.getString("checkout_request_id");
    long row = rowId(a, checkout);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(POOL.submit(() -> {
        go.await();
        return daraja.callback(checkout, 0, "200", "QKL9XY12AB");
      }));
    }
    go.countDown();
    for (Future<HttpResponse<String>> f : calls) {
      HttpResponse<String> r = f.get();
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(ACK, r.body());
    }
    assertEquals(1, credited(a, row));
    assertEquals(0, conflicts(a, row));
    assertEquals(1, settled(a, row));
    long tx = count(a, "SELECT id FROM transactions WHERE original_transaction_type = 'safaricom_transaction'"
        + " AND original_transaction_id = " + row);
    assertEquals(1, count(a, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + tx));
    assertEquals(200, count(a, "SELECT CAST(SUM(amount) AS SIGNED) FROM payment_histories WHERE transaction_id = "
        + tx));
  }

  @Test
  void anUnknownCheckoutRequestIdCreditsNothingAndIsRecordedOnce() throws Exception {
    long before = count(a, "SELECT COUNT(*) FROM transactions");
    String url = TestServer.get().baseUrl() + "/api/safaricom/webhook/stk-push-result/" + a.t().companyId();
    String body = SafaricomSimulator.callbackBody("29115-1-1", "ws_CO_FORGED42", 0, "500", "FAKE000001",
        "254712345678");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = daraja.post(url, body);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(ACK, r.body());
    }
    assertEquals(before, count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM safaricom_transactions WHERE checkout_request_id ="
        + " 'ws_CO_FORGED42' AND status = -1"));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM transaction_conflicts c JOIN safaricom_transactions s ON"
        + " s.id = c.transaction_id WHERE c.transaction_type = 'safaricom_transaction' AND s.checkout_request_id ="
        + " 'ws_CO_FORGED42' AND c.state LIKE '%unknown CheckoutRequestID%'"));
  }

  @Test
  void aWrongAmountCreditsNothingAndIsRecorded() throws Exception {
    JsonObject d = push(a, 300);
    String checkout = d.getString("checkout_request_id");
    long row = rowId(a, checkout);
    assertEquals(ACK, daraja.callback(checkout, 0, "30", "WRNG0AMT01").body());
    assertEquals(0, credited(a, row));
    assertEquals(1, conflicts(a, row));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'safaricom_transaction' AND transaction_id = " + row + " AND state LIKE '%amount mismatch%'"));
    assertEquals(-1, status(a, row));
    // The same callback delivered again, then five times at once, is answered alike and recorded no more.
    assertEquals(ACK, daraja.callback(checkout, 0, "30", "WRNG0AMT01").body());
    for (Resp each : PayingCustomers.concurrently(5, () -> {
      HttpResponse<String> h = daraja.callback(checkout, 0, "30", "WRNG0AMT01");
      return new Resp(h.statusCode(), h.body(), h.headers());
    })) {
      assertEquals(ACK, each.body());
    }
    assertEquals(1, conflicts(a, row));
    assertEquals(0, credited(a, row));
    // The right amount afterwards is not taken either: the push was settled by the refusal.
    assertEquals(200, daraja.callback(checkout, 0, "300", "WRNG0AMT01").statusCode());
    assertEquals(0, credited(a, row));
  }

  @Test
  void aFailedOrCancelledPushCreditsNothing() throws Exception {
    JsonObject cancelled = push(a, 120);
    long c1 = rowId(a, cancelled.getString("checkout_request_id"));
    assertEquals(ACK, daraja.callback(cancelled.getString("checkout_request_id"), 1032, null, null).body());
    assertEquals(3, status(a, c1));
    assertEquals(0, credited(a, c1));
    JsonObject broke = push(a, 130);
    long c2 = rowId(a, broke.getString("checkout_request_id"));
    assertEquals(ACK, daraja.callback(broke.getString("checkout_request_id"), 1, null, null).body());
    assertEquals(-1, status(a, c2));
    assertEquals(0, credited(a, c2));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM safaricom_transactions WHERE id = " + c2
        + " AND response_data LIKE '%insufficient%'"));
    // A success reported after the failure is refused and recorded.
    assertEquals(ACK, daraja.callback(broke.getString("checkout_request_id"), 0, "130", "LATE000001").body());
    assertEquals(0, credited(a, c2));
    assertEquals(1, conflicts(a, c2));
  }

  @Test
  void theStatusRouteAsksDarajaAndCreditsOnceWithTheCallback() throws Exception {
    JsonObject d = push(a, 140);
    String checkout = d.getString("checkout_request_id");
    long row = rowId(a, checkout);
    String path = "/api/safaricom/transaction/" + d.getString("reference_id") + "/status";
    Resp waiting = api.get(path, a.t().token());
    assertEquals(200, waiting.status(), waiting.body());
    assertFalse(waiting.obj().getJsonObject("data").getBoolean("resolved"), waiting.body());
    assertEquals(0, credited(a, row));
    daraja.complete(checkout, 0);
    Resp done = api.get(path, a.t().token());
    assertEquals(200, done.status(), done.body());
    assertTrue(done.obj().getJsonObject("data").getBoolean("resolved"), done.body());
    assertEquals(0, done.obj().getJsonObject("data").getInt("result_code"));
    assertEquals(1, credited(a, row));
    assertEquals(ACK, daraja.callback(checkout, 0, "140", "STAT000001").body());
    assertEquals(1, credited(a, row));
    assertEquals(0, conflicts(a, row));
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefused() throws Exception {
    Resp get = api.get("/api/safaricom/credential", off.token());
    assertEquals(403, get.status(), get.body());
    assertEquals(NOT_ENABLED, get.body());
    Resp pushed = api.post("/api/safaricom/stk-push", "{\"amount\":100,\"phone_number\":\"0712345678\","
        + "\"device_type\":\"meter\",\"device_serial\":\"ABC123\"}", off.token());
    assertEquals(403, pushed.status(), pushed.body());
    assertEquals(NOT_ENABLED, pushed.body());
    assertEquals(403, api.get("/api/safaricom/transactions", off.token()).status());
    HttpResponse<String> r = daraja.post(TestServer.get().baseUrl() + "/api/safaricom/webhook/stk-push-result/"
        + off.companyId(), SafaricomSimulator.callbackBody("1-1-1", "ws_CO_OFF1", 0, "100", "OFF0000001",
        "254712345678"));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(0, Db.count(off, "SELECT COUNT(*) FROM safaricom_transactions"));
    assertEquals(0, Db.count(off, "SELECT COUNT(*) FROM safaricom_credentials"));
  }

  @Test
  void twoCompaniesCallbacksNeverCross() throws Exception {
    JsonObject pa = push(a, 110);
    JsonObject pb = push(b, 110);
    String ca = pa.getString("checkout_request_id");
    String cb = pb.getString("checkout_request_id");
    long rowA = rowId(a, ca);
    long rowB = rowId(b, cb);
    assertEquals(b.account().shortcode(), daraja.push(cb).getString("BusinessShortCode"));
    assertTrue(daraja.oauthCalls().contains(b.account().consumerKey()));
    // A's result sent to B's address: unknown to B, nothing credited anywhere.
    String toB = TestServer.get().baseUrl() + "/api/safaricom/webhook/stk-push-result/" + b.t().companyId();
    assertEquals(ACK, daraja.post(toB, SafaricomSimulator.callbackBody("x", ca, 0, "110", "CROSS00001",
        "254712345678")).body());
    assertEquals(0, credited(a, rowA));
    assertEquals(0, credited(b, rowB));
    assertEquals(1, Db.count(b.t(), "SELECT COUNT(*) FROM safaricom_transactions WHERE checkout_request_id = '"
        + ca + "' AND order_id LIKE 'callback-%'"));
    assertEquals(ACK, daraja.callback(ca, 0, "110", "RIGHTA0001").body());
    assertEquals(ACK, daraja.callback(cb, 0, "110", "RIGHTB0001").body());
    assertEquals(1, credited(a, rowA));
    assertEquals(1, credited(b, rowB));
    Resp listB = api.get("/api/safaricom/transactions?per_page=100", b.t().token());
    assertEquals(200, listB.status(), listB.body());
    // B's list holds its own pushes and its record of the stray callback, nothing of A's.
    assertFalse(listB.body().contains("RIGHTA0001") || listB.body().contains(a.serial()), listB.body());
    for (JsonValue v : listB.obj().getJsonArray("data")) {
      JsonObject row = v.asJsonObject();
      if (ca.equals(row.getString("checkout_request_id", ""))) {
        assertEquals(-1, row.getInt("status"), row.toString());
        assertEquals(0, row.getInt("customer_id"), row.toString());
      }
    }
  }

  @Test
  void badInputIsRefusedAndNothingWritten() throws Exception {
    long before = count(a, "SELECT COUNT(*) FROM safaricom_transactions");
    Resp r = api.post("/api/safaricom/stk-push", "{\"amount\":0,\"phone_number\":\"07\",\"device_type\":\"car\"}",
        a.t().token());
    assertEquals(422, r.status(), r.body());
    for (String f : new String[] {"amount", "phone_number", "device_type", "device_serial"}) {
      assertTrue(r.obj().getJsonObject("errors").containsKey(f), f + " in " + r.body());
    }
    Resp unknown = api.post("/api/safaricom/stk-push", "{\"amount\":100,\"phone_number\":\"0712345678\","
        + "\"device_type\":\"meter\",\"device_serial\":\"NOPE-404\"}", a.t().token());
    assertEquals(422, unknown.status(), unknown.body());
    assertTrue(unknown.obj().getString("error").startsWith("Unknown device serial"), unknown.body());
    Resp phone = api.post("/api/safaricom/stk-push", "{\"amount\":100,\"phone_number\":\"+255712345678\","
        + "\"device_type\":\"meter\",\"device_serial\":\"" + a.serial() + "\"}", a.t().token());
    assertEquals(422, phone.status(), phone.body());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM safaricom_transactions"));
    HttpResponse<String> malformed = daraja.post(TestServer.get().baseUrl()
        + "/api/safaricom/webhook/stk-push-result/" + a.t().companyId(), "{\"Body\":{}}");
    assertEquals(422, malformed.statusCode(), malformed.body());
    HttpResponse<String> notJson = daraja.post(TestServer.get().baseUrl()
        + "/api/safaricom/webhook/stk-push-result/" + a.t().companyId(), "<xml/>");
    assertTrue(notJson.statusCode() / 100 == 4, notJson.body());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM safaricom_transactions"));
  }

  @Test
  void aRefusedConsumerSecretWritesNothing() throws Exception {
    Company c = company("mpesa-c", "C");
    Resp wrong = api.put("/api/safaricom/credential", "{\"consumer_key\":\"" + c.account().consumerKey()
        + "\",\"consumer_secret\":\"not-the-secret\",\"environment\":\"sandbox\",\"shortcode\":\""
        + c.account().shortcode() + "\"}", c.t().token());
    assertEquals(200, wrong.status(), wrong.body());
    Resp r = api.post("/api/safaricom/stk-push", "{\"amount\":100,\"phone_number\":\"0712345678\","
        + "\"device_type\":\"meter\",\"device_serial\":\"" + c.serial() + "\"}", c.t().token());
    assertEquals(422, r.status(), r.body());
    assertTrue(r.obj().getString("error").contains("consumer key/secret"), r.body());
    assertEquals(0, Db.count(c.t(), "SELECT COUNT(*) FROM safaricom_transactions"));
  }
}
