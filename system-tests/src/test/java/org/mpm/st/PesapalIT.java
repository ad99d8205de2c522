package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
 * The Pesapal plugin against a simulator of Pesapal's API 3.0: credentials kept encrypted and never answered, the
 * company's IPN URL registered when they are saved, orders submitted with a bearer token, and Pesapal's unsigned IPN,
 * which is only a pointer: the order is re-queried with the company's credentials and credited once — also when the
 * IPN arrives twenty times at once — only when Pesapal reports it COMPLETED for its amount, currency and reference.
 * A forged or misrouted IPN, a wrong amount and a failed payment credit nothing and are recorded; a company that has
 * not enabled the plugin is refused; two companies never cross.
 */
class PesapalIT {

  static final String NOT_ENABLED = "{\"message\":\"The plugin is not enabled for this company.\"}";

  static Api api;
  static PesapalSimulator pesapal;
  static Company a;
  static Company b;
  static Tenant off;
  static final ExecutorService POOL = Executors.newFixedThreadPool(20);

  /** A company with the plugin on, its Pesapal account and a customer with a meter. */
  record Company(Tenant t, PesapalSimulator.Account account, long customer, String serial) {}

  @BeforeAll
  static void start() throws Exception {
    TestServer server = TestServer.get();
    api = new Api(server);
    PeopleIT.api = api;
    pesapal = server.pesapal();
    a = company("pesapal-a", "A");
    b = company("pesapal-b", "B");
    off = api.registerCompany("pesapal-off");
  }

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  static Company company(String prefix, String tag) throws Exception {
    Tenant t = api.registerCompany(prefix);
    assertEquals(200, api.put("/api/plugins/30", "{\"checked\":true}", t.token()).status());
    PesapalSimulator.Account acc = new PesapalSimulator.Account("qkio1BGGYAXTu2JOfm7XSXNruoZsrqEW" + tag
        + t.companyId(), "osGQ364R49cXKeOYSpaOnT++rHs=" + tag + t.companyId());
    pesapal.register(acc);
    Resp saved = api.put("/api/pesapal/credential", credentialBody(acc.consumerKey(), acc.consumerSecret()),
        t.token());
    assertEquals(200, saved.status(), saved.body());
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":100,\"currency\":\"KES\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    assertEquals(201, maker.status(), maker.body());
    String serial = "PP" + tag + t.companyId();
    long person = GeographyIT.id(PeopleIT.create(t, "Achieng", "Otieno" + tag, "+254722" + (100000 + t.companyId()),
        null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":"
        + GeographyIT.id(maker) + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":1,\"tariff_id\":"
        + GeographyIT.id(tariff) + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
    return new Company(t, acc, person, serial);
  }

  static String credentialBody(String key, String secret) {
    return "{\"consumer_key\":\"" + key + "\",\"consumer_secret\":\"" + secret + "\",\"callback_url\":"
        + "\"https://pay.example.com/pesapal/result\",\"merchant_name\":\"Lakeside Power\",\"merchant_email\":"
        + "\"pay@lakeside.example\",\"environment\":\"test\",\"currency\":\"KES\"}";
  }

  /** Submits an order of {@code amount} for the company's meter; its data. */
  static JsonObject order(Company c, int amount) {
    Resp r = api.post("/api/pesapal/transaction/initialize", "{\"amount\":" + amount + ",\"device_serial\":\""
        + c.serial() + "\",\"customer_id\":" + c.customer() + "}", c.t().token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertNotNull(pesapal.order(d.getString("order_tracking_id")), r.body());
    assertTrue(d.getString("redirect_url").contains(d.getString("order_tracking_id")), r.body());
    return d;
  }

  static String ipnUrl(Company c) {
    return TestServer.get().baseUrl() + "/api/pesapal/ipn/" + c.t().companyId();
  }

  static String ack(String tracking, String reference, int status) {
    return "{\"orderNotificationType\":\"IPNCHANGE\",\"orderTrackingId\":\"" + tracking
        + "\",\"orderMerchantReference\":\"" + reference + "\",\"status\":" + status + "}";
  }

  static long count(Company c, String sql) throws Exception {
    return Db.count(c.t(), sql);
  }

  static long rowId(Company c, String tracking) throws Exception {
    try (Connection conn = Db.tenant(c.t())) {
      return Db.count(conn, "SELECT id FROM pesapal_transactions WHERE order_tracking_id = ?", tracking);
    }
  }

  static long credited(Company c, long row) throws Exception {
    return count(c, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'pesapal_transaction'"
        + " AND original_transaction_id = " + row);
  }

  static long status(Company c, long row) throws Exception {
    return count(c, "SELECT status FROM pesapal_transactions WHERE id = " + row);
  }

  static long refusals(Company c, String tracking) throws Exception {
    try (Connection conn = Db.tenant(c.t())) {
      return Db.count(conn, "SELECT COUNT(*) FROM pesapal_ipn_refusals WHERE order_tracking_id = ?", tracking);
    }
  }

  @Test
  void credentialsAreEncryptedNeverAnsweredAndTheIpnIsRegistered() throws Exception {
    Resp get = api.get("/api/pesapal/credential", a.t().token());
    assertEquals(200, get.status(), get.body());
    JsonObject d = get.obj().getJsonObject("data");
    assertTrue(d.getBoolean("consumer_key_set") && d.getBoolean("consumer_secret_set"), get.body());
    assertEquals("KES", d.getString("currency"));
    assertFalse(get.body().contains(a.account().consumerKey()) || get.body().contains(a.account().consumerSecret()),
        get.body());
    String[] ipn = pesapal.ipn(d.getString("ipn_id"));
    assertNotNull(ipn, get.body());
    assertEquals(ipnUrl(a), ipn[0]);
    assertEquals("GET", ipn[1]);
    assertEquals(a.account().consumerKey(), ipn[2]);
    String stored;
    try (Connection c = Db.tenant(a.t()); var s = c.createStatement();
        var rs = s.executeQuery("SELECT CONCAT_WS('|', consumer_key, consumer_secret) FROM pesapal_credentials")) {
      assertTrue(rs.next());
      stored = rs.getString(1);
      assertFalse(rs.next());
    }
    assertTrue(stored.startsWith("gcm1:"), stored);
    assertFalse(stored.contains(a.account().consumerKey()) || stored.contains(a.account().consumerSecret()), stored);
    // Blank key and secret keep the stored ones (the console sends them blank).
    Resp again = api.put("/api/pesapal/credential", credentialBody("", ""), a.t().token());
    assertEquals(200, again.status(), again.body());
    assertTrue(again.obj().getJsonObject("data").getBoolean("consumer_key_set"));
    try (Connection c = Db.tenant(a.t())) {
      assertEquals(1, Db.count(c, "SELECT COUNT(*) FROM pesapal_credentials WHERE CONCAT_WS('|', consumer_key,"
          + " consumer_secret) = ?", stored));
    }
    Resp bad = api.put("/api/pesapal/credential", "{\"consumer_key\":\"x\",\"environment\":\"prod\","
        + "\"callback_url\":\"not a url\",\"currency\":\"EUR\"}", a.t().token());
    assertEquals(422, bad.status(), bad.body());
    for (String f : new String[] {"consumer_key", "callback_url", "merchant_name", "merchant_email", "environment",
        "currency"}) {
      assertTrue(bad.obj().getJsonObject("errors").containsKey(f), f + " in " + bad.body());
    }
  }

  @Test
  void aRefusedSecretSavesNothing() throws Exception {
    Tenant t = api.registerCompany("pesapal-c");
    assertEquals(200, api.put("/api/plugins/30", "{\"checked\":true}", t.token()).status());
    pesapal.register(new PesapalSimulator.Account("ckC" + t.companyId() + "abcdef", "right-secret"));
    Resp wrong = api.put("/api/pesapal/credential", credentialBody("ckC" + t.companyId() + "abcdef", "wrong-secret"),
        t.token());
    assertEquals(422, wrong.status(), wrong.body());
    assertTrue(wrong.obj().getJsonObject("errors").getJsonArray("consumer_key").getString(0)
        .startsWith("PesaPal IPN registration failed"), wrong.body());
    Resp get = api.get("/api/pesapal/credential", t.token());
    assertFalse(get.obj().getJsonObject("data").getBoolean("consumer_key_set"), get.body());
    assertTrue(get.obj().getJsonObject("data").isNull("ipn_id"), get.body());
  }

  @Test
  void anIpnCreditsOnceAfterTheRequeryAndTheTokenIsIssued() throws Exception {
    JsonObject d = order(a, 150);
    String tracking = d.getString("order_tracking_id");
    PesapalSimulator.Order sent = pesapal.order(tracking);
    assertEquals(150, sent.request().getJsonNumber("amount").intValue());
    assertEquals("KES", sent.request().getString("currency"));
    assertEquals(d.getString("merchant_reference"), sent.request().getString("id"));
    assertTrue(sent.request().getString("callback_url").startsWith("https://pay.example.com/pesapal/result?reference="),
        sent.request().toString());
    assertEquals("pay@lakeside.example", sent.request().getJsonObject("billing_address").getString("email_address"));
    assertEquals(ipnUrl(a), sent.ipnUrl());
    assertTrue(pesapal.tokenCalls().contains(a.account().consumerKey()));
    long row = rowId(a, tracking);
    assertEquals(0, status(a, row));
    assertEquals(0, credited(a, row));

    pesapal.pay(tracking, "QK71AB9XYZ");
    int queries = pesapal.statusCalls();
    HttpResponse<String> r = pesapal.notifyIpn(tracking);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(ack(tracking, d.getString("merchant_reference"), 200), r.body());
    assertEquals(queries + 1, pesapal.statusCalls());
    assertEquals(1, credited(a, row));
    assertEquals(1, status(a, row));
    long tx = count(a, "SELECT id FROM transactions WHERE original_transaction_type = 'pesapal_transaction'"
        + " AND original_transaction_id = " + row);
    assertEquals(150, count(a, "SELECT amount FROM transactions WHERE id = " + tx));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + tx));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM pesapal_transactions WHERE id = " + row
        + " AND external_transaction_id = 'QK71AB9XYZ'"));
    // Pesapal repeats itself, by GET and by POST; the console verifies: nothing more.
    assertEquals(ack(tracking, d.getString("merchant_reference"), 200), pesapal.notifyIpn(tracking).body());
    HttpResponse<String> posted = pesapal.sendIpn(ipnUrl(a), "POST", tracking, d.getString("merchant_reference"));
    assertEquals(ack(tracking, d.getString("merchant_reference"), 200), posted.body());
    Resp v = api.get("/api/pesapal/transaction/verify/" + tracking, a.t().token());
    assertEquals(200, v.status(), v.body());
    assertEquals(1, v.obj().getInt("status_code"));
    assertEquals("QK71AB9XYZ", v.obj().getString("confirmation_code"));
    assertTrue(v.obj().isNull("error"), v.body());
    assertEquals(1, credited(a, row));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + tx));
    assertEquals(0, refusals(a, tracking));
    Resp shown = api.get("/api/pesapal/transactions/" + row, a.t().token());
    assertEquals(200, shown.status(), shown.body());
    assertEquals(tracking, shown.obj().getJsonObject("data").getString("order_tracking_id"));
    assertEquals(1, shown.obj().getJsonObject("data").getInt("status"));
    // A credited row is not changed nor deleted.
    assertEquals(409, api.put("/api/pesapal/transactions/" + row, "{\"amount\":1}", a.t().token()).status());
    assertEquals(409, api.delete("/api/pesapal/transactions/" + row, a.t().token()).status());
    assertEquals(1, credited(a, row));
  }

  @Test
  void twentyConcurrentIpnsCreditOnce() throws Exception {
    JsonObject d = order(a, 200);
    String tracking = d.getString("order_tracking_id");
    String reference = d.getString("merchant_reference");
    long row = rowId(a, tracking);
    pesapal.pay(tracking, "CONC20XYZ1");
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String type = i % 2 == 0 ? "GET" : "POST";
      calls.add(POOL.submit(() -> {
        go.await();
        return pesapal.sendIpn(ipnUrl(a), type, tracking, reference);
      }));
    }
    go.countDown();
    for (Future<HttpResponse<String>> f : calls) {
      HttpResponse<String> r = f.get();
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(ack(tracking, reference, 200), r.body());
    }
    assertEquals(1, credited(a, row));
    assertEquals(1, status(a, row));
    long tx = count(a, "SELECT id FROM transactions WHERE original_transaction_type = 'pesapal_transaction'"
        + " AND original_transaction_id = " + row);
    assertEquals(1, count(a, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + tx));
    assertEquals(200, count(a, "SELECT CAST(SUM(amount) AS SIGNED) FROM payment_histories WHERE transaction_id = "
        + tx));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = 'pesapal' AND"
        + " idempotency_key = '" + tracking + "'"));
    assertEquals(0, count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'pesapal_transaction' AND transaction_id = " + row));
  }

  @Test
  void anIpnForAnUnknownOrderCreditsNothingAndIsRecorded() throws Exception {
    long before = count(a, "SELECT COUNT(*) FROM transactions");
    int queries = pesapal.statusCalls();
    String forged = "b7f3c1d2-0000-4e5f-9a8b-000000000042";
    HttpResponse<String> r = pesapal.sendIpn(ipnUrl(a), "GET", forged, "ref-forged");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(ack(forged, "ref-forged", 500), r.body());
    assertEquals(queries, pesapal.statusCalls());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM pesapal_ipn_refusals WHERE order_tracking_id = '" + forged
        + "' AND reason = 'Unknown OrderTrackingId'"));
    HttpResponse<String> empty = pesapal.sendIpn(ipnUrl(a), "POST", "", "");
    assertEquals(ack("", "", 500), empty.body());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM transactions"));
  }

  @Test
  void aWrongAmountCreditsNothingAndIsRecorded() throws Exception {
    JsonObject d = order(a, 300);
    String tracking = d.getString("order_tracking_id");
    long row = rowId(a, tracking);
    pesapal.settle(tracking, 1, "30", "KES", "WRNGAMT001");
    HttpResponse<String> r = pesapal.notifyIpn(tracking);
    assertEquals(ack(tracking, d.getString("merchant_reference"), 500), r.body());
    assertEquals(0, credited(a, row));
    assertEquals(-1, status(a, row));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'pesapal_transaction' AND transaction_id = " + row + " AND state LIKE '%30%300%'"));
    assertEquals(1, refusals(a, tracking));
    // Repeated, and then in another currency: still nothing.
    assertEquals(ack(tracking, d.getString("merchant_reference"), 500), pesapal.notifyIpn(tracking).body());
    pesapal.settle(tracking, 1, "300", "USD", "WRNGAMT001");
    assertEquals(ack(tracking, d.getString("merchant_reference"), 500), pesapal.notifyIpn(tracking).body());
    assertEquals(0, credited(a, row));
    Resp v = api.get("/api/pesapal/transaction/verify/" + tracking, a.t().token());
    assertEquals(400, v.status(), v.body());
    assertEquals(0, credited(a, row));
  }

  @Test
  void aFailedPaymentCreditsNothingWhateverTheIpnSays() throws Exception {
    JsonObject d = order(a, 120);
    String tracking = d.getString("order_tracking_id");
    long row = rowId(a, tracking);
    pesapal.settle(tracking, 2, "120", "KES", "");
    HttpResponse<String> r = pesapal.notifyIpn(tracking);
    assertEquals(ack(tracking, d.getString("merchant_reference"), 200), r.body());
    assertEquals(0, credited(a, row));
    assertEquals(-1, status(a, row));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM pesapal_ipn_refusals WHERE order_tracking_id = '" + tracking
        + "' AND status_code = 2 AND reason LIKE '%Failed%'"));
    Resp v = api.get("/api/pesapal/transaction/verify/" + tracking, a.t().token());
    assertEquals(200, v.status(), v.body());
    assertEquals(2, v.obj().getInt("status_code"));
    assertEquals(0, credited(a, row));
    // An order not paid yet (INVALID) is abandoned, not credited.
    JsonObject waiting = order(a, 125);
    long w = rowId(a, waiting.getString("order_tracking_id"));
    assertEquals(200, pesapal.notifyIpn(waiting.getString("order_tracking_id")).statusCode());
    assertEquals(0, credited(a, w));
    assertEquals(3, status(a, w));
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefused() throws Exception {
    Resp get = api.get("/api/pesapal/credential", off.token());
    assertEquals(403, get.status(), get.body());
    assertEquals(NOT_ENABLED, get.body());
    Resp init = api.post("/api/pesapal/transaction/initialize", "{\"amount\":100,\"device_serial\":\"X1\","
        + "\"customer_id\":1}", off.token());
    assertEquals(403, init.status(), init.body());
    assertEquals(NOT_ENABLED, init.body());
    assertEquals(403, api.get("/api/pesapal/transactions", off.token()).status());
    assertEquals(403, api.get("/api/pesapal/credential/public-urls", off.token()).status());
    HttpResponse<String> r = pesapal.sendIpn(TestServer.get().baseUrl() + "/api/pesapal/ipn/" + off.companyId(),
        "GET", "aaaa-bbbb", "ref");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"status\":500"), r.body());
    assertEquals(0, Db.count(off, "SELECT COUNT(*) FROM pesapal_transactions"));
    assertEquals(0, Db.count(off, "SELECT COUNT(*) FROM pesapal_ipn_refusals"));
    assertEquals(0, Db.count(off, "SELECT COUNT(*) FROM pesapal_credentials"));
  }

  @Test
  void twoCompaniesNeverCross() throws Exception {
    JsonObject oa = order(a, 110);
    JsonObject ob = order(b, 110);
    String ta = oa.getString("order_tracking_id");
    String tb = ob.getString("order_tracking_id");
    long rowA = rowId(a, ta);
    long rowB = rowId(b, tb);
    assertEquals(b.account().consumerKey(), pesapal.order(tb).consumerKey());
    assertEquals(ipnUrl(b), pesapal.order(tb).ipnUrl());
    pesapal.pay(ta, "CROSSA0001");
    pesapal.pay(tb, "CROSSB0001");
    // A's notification sent to B's address: unknown to B, nothing credited anywhere.
    HttpResponse<String> crossed = pesapal.sendIpn(ipnUrl(b), "GET", ta, oa.getString("merchant_reference"));
    assertEquals(ack(ta, oa.getString("merchant_reference"), 500), crossed.body());
    assertEquals(0, credited(a, rowA));
    assertEquals(0, credited(b, rowB));
    assertEquals(1, refusals(b, ta));
    assertEquals(0, count(b, "SELECT COUNT(*) FROM pesapal_transactions WHERE order_tracking_id = '" + ta + "'"));
    assertEquals(200, pesapal.notifyIpn(ta).statusCode());
    assertEquals(200, pesapal.notifyIpn(tb).statusCode());
    assertEquals(1, credited(a, rowA));
    assertEquals(1, credited(b, rowB));
    Resp listB = api.get("/api/pesapal/transactions?per_page=100", b.t().token());
    assertEquals(200, listB.status(), listB.body());
    assertFalse(listB.body().contains(ta) || listB.body().contains(a.serial()), listB.body());
    assertTrue(listB.body().contains(tb), listB.body());
    Resp verifyOther = api.get("/api/pesapal/transaction/verify/" + ta, b.t().token());
    assertEquals(404, verifyOther.status(), verifyOther.body());
    assertEquals("{\"error\":\"Transaction not found\"}", verifyOther.body());
  }

  @Test
  void badInputIsRefusedAndNothingWritten() throws Exception {
    long before = count(a, "SELECT COUNT(*) FROM pesapal_transactions");
    Resp r = api.post("/api/pesapal/transaction/initialize", "{\"amount\":0,\"currency\":\"EUR\"}", a.t().token());
    assertEquals(422, r.status(), r.body());
    for (String f : new String[] {"amount", "device_serial", "customer_id", "currency"}) {
      assertTrue(r.obj().getJsonObject("errors").containsKey(f), f + " in " + r.body());
    }
    Resp unknown = api.post("/api/pesapal/transaction/initialize", "{\"amount\":100,\"device_serial\":\"NOPE-404\","
        + "\"customer_id\":" + a.customer() + "}", a.t().token());
    assertEquals(422, unknown.status(), unknown.body());
    Resp notTheirs = api.post("/api/pesapal/transaction/initialize", "{\"amount\":100,\"device_serial\":\""
        + a.serial() + "\",\"customer_id\":" + (a.customer() + 1000) + "}", a.t().token());
    assertEquals(422, notTheirs.status(), notTheirs.body());
    Resp notJson = api.post("/api/pesapal/transaction/initialize", "amount=100", a.t().token());
    assertTrue(notJson.status() / 100 == 4, notJson.body());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM pesapal_transactions"));
    Resp missing = api.get("/api/pesapal/transaction/verify/no-such-order", a.t().token());
    assertEquals(404, missing.status(), missing.body());
    assertEquals("{\"error\":\"Transaction not found\"}", missing.body());
    assertEquals(404, api.get("/api/pesapal/transactions/999999", a.t().token()).status());
    assertEquals(404, api.get("/api/pesapal/transactions/abc", a.t().token()).status());
    JsonObject d = order(a, 90);
    long row = rowId(a, d.getString("order_tracking_id"));
    Resp paid = api.put("/api/pesapal/transactions/" + row, "{\"status\":1}", a.t().token());
    assertEquals(422, paid.status(), paid.body());
    Resp otherAmount = api.put("/api/pesapal/transactions/" + row, "{\"amount\":91}", a.t().token());
    assertEquals(422, otherAmount.status(), otherAmount.body());
    Resp badStatus = api.put("/api/pesapal/transactions/" + row, "{\"status\":7,\"currency\":\"EUR\"}",
        a.t().token());
    assertEquals(422, badStatus.status(), badStatus.body());
    assertEquals(0, status(a, row));
    Resp changed = api.put("/api/pesapal/transactions/" + row, "{\"status\":3}", a.t().token());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(3, changed.obj().getJsonObject("data").getInt("status"));
    Resp deleted = api.delete("/api/pesapal/transactions/" + row, a.t().token());
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("{\"message\":\"Transaction deleted successfully\"}", deleted.body());
    assertEquals(0, count(a, "SELECT COUNT(*) FROM pesapal_transactions WHERE id = " + row));
  }

  @Test
  void thePublicPagesStartAPaymentAndShowItsToken() throws Exception {
    Resp urls = api.get("/api/pesapal/credential/public-urls", a.t().token());
    assertEquals(200, urls.status(), urls.body());
    String permanent = urls.obj().getString("permanent_payment_url");
    assertTrue(permanent.startsWith("/pesapal/public/payment/"), permanent);
    String hash = permanent.substring("/pesapal/public/payment/".length(), permanent.indexOf('?'));
    String query = permanent.substring(permanent.indexOf('?'));
    Resp form = api.get("/api/pesapal/public/payment/" + hash + query, null);
    assertEquals(200, form.status(), form.body());
    assertEquals(a.t().companyId(), form.obj().getJsonObject("company").getJsonNumber("id").longValue());
    assertEquals("KES", form.obj().getString("currency"));
    Resp valid = api.post("/api/pesapal/public/validate-meter/" + hash + query, "{\"meter_serial\":\"" + a.serial()
        + "\"}", null);
    assertEquals(200, valid.status(), valid.body());
    assertTrue(valid.obj().getBoolean("valid"), valid.body());
    Resp bad = api.post("/api/pesapal/public/payment/" + hash + query, "{\"device_serial\":\"ab\",\"amount\":0}",
        null);
    assertEquals(422, bad.status(), bad.body());
    Resp started = api.post("/api/pesapal/public/payment/" + hash + query, "{\"device_serial\":\"" + a.serial()
        + "\",\"amount\":75}", null);
    assertEquals(200, started.status(), started.body());
    assertTrue(started.obj().getBoolean("success"), started.body());
    String tracking = started.obj().getString("order_tracking_id");
    long row = started.obj().getJsonNumber("transaction_id").longValue();
    assertEquals(row, rowId(a, tracking));
    String reference = pesapal.order(tracking).request().getString("callback_url").replaceAll(".*reference=", "");
    pesapal.pay(tracking, "PUBLIC0001");
    Resp result = api.get("/api/pesapal/public/result/" + hash + query + "&reference=" + reference, null);
    assertEquals(200, result.status(), result.body());
    assertTrue(result.obj().getBoolean("success"), result.body());
    assertEquals(1, result.obj().getJsonObject("verification").getInt("status_code"));
    assertEquals("generated", result.obj().getString("token_status"), result.body());
    assertNotNull(result.obj().getJsonObject("token"), result.body());
    Resp verified = api.get("/api/pesapal/public/verify/" + hash + query + "&reference=" + reference, null);
    assertEquals(200, verified.status(), verified.body());
    assertTrue(verified.obj().getBoolean("success"), verified.body());
    assertEquals(200, pesapal.notifyIpn(tracking).statusCode());
    assertEquals(1, credited(a, row));
    Resp noReference = api.get("/api/pesapal/public/result/" + hash + query, null);
    assertEquals(400, noReference.status(), noReference.body());
    assertEquals("{\"error\":\"Invalid company identifier\"}",
        api.get("/api/pesapal/public/payment/" + hash + "?ct=abcdefgh", null).body());
  }
}
