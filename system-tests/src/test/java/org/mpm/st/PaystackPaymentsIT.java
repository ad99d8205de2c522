package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
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
 * Paystack payments end to end against {@link PaystackSimulator}: initialisation through Paystack's API, a signed
 * webhook crediting the payment once through the payment pipeline (token issued), replays and concurrent replays
 * booking nothing more, forged signatures, wrong amounts or currencies and unknown references refused and kept with
 * their reason, a company without the plugin refused, and two companies' callbacks never crossing.
 */
class PaystackPaymentsIT {

  static final String SECRET_A = "sk_test_a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e";
  static final String SECRET_B = "sk_test_ffeeddccbbaa99887766554433221100ffeeddcc";

  static Api api;
  static PaystackSimulator paystack;
  static Tenant a;
  static Tenant b;
  static long customerA;
  static long customerB;

  @BeforeAll
  static void start() throws Exception {
    TestServer server = TestServer.get();
    api = new Api(server);
    PeopleIT.api = api;
    paystack = server.paystack();
    a = api.registerCompany("paystack-pay");
    b = api.registerCompany("paystack-pay-b");
    customerA = setUp(a, SECRET_A, "PSK-A-001", "+2348030000001");
    customerB = setUp(b, SECRET_B, "PSK-B-001", "+2348030000002");
  }

  /** Enables the plugin, saves the credential, and adds a customer with a demo meter; the customer's id. */
  static long setUp(Tenant t, String secret, String serial, String phone) throws Exception {
    assertEquals(200, api.put("/api/plugins/25", "{\"checked\":true}", t.token()).status());
    Resp cred = api.put("/api/paystack/credential", "{\"secret_key\":\"" + secret + "\",\"public_key\":"
        + "\"pk_test_0123456789\",\"callback_url\":\"https://pay.example.com/result\",\"merchant_name\":\"Harbour\","
        + "\"merchant_email\":\"pay@example.com\",\"environment\":\"test\"}", t.token());
    assertEquals(200, cred.status(), cred.body());
    long tariff = GeographyIT.id(api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":"
        + "\"NGN\",\"factor\":1,\"minimum_purchase_amount\":0}", t.token()));
    long type = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        t.token()));
    long maker = GeographyIT.id(api.post("/api/manufacturers", "{\"name\":\"Demo Meter\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token()));
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Ada", "Okafor", phone, null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + type + ",\"in_use\":1,\"tariff_id\":" + tariff + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
    return person;
  }

  /** Initialises a payment through the API; the reference Paystack gave it. */
  static String initialize(Tenant t, long customer, String serial, String amount) {
    Resp r = api.post("/api/paystack/transaction/initialize", "{\"amount\":" + amount + ",\"device_serial\":\""
        + serial + "\",\"customer_id\":" + customer + "}", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertTrue(d.getString("redirectionUrl").startsWith("https://checkout.paystack.com/"), r.body());
    return d.getString("reference");
  }

  static HttpResponse<String> webhook(Tenant t, String body, String secret) throws Exception {
    return PaystackSimulator.sendWebhook(TestServer.get().baseUrl() + "/api/paystack/webhook/" + t.companyId(), body,
        secret);
  }

  static long rowId(Tenant t, String reference) throws Exception {
    return Db.count(t, "SELECT id FROM paystack_transactions WHERE paystack_reference = '" + reference + "'");
  }

  static long credited(Tenant t, String reference) throws Exception {
    return Db.count(t, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'paystack_transaction'"
        + " AND original_transaction_id = " + rowId(t, reference));
  }

  static long tokens(Tenant t, String reference) throws Exception {
    return Db.count(t, "SELECT COUNT(*) FROM tokens k JOIN transactions x ON x.id = k.transaction_id"
        + " WHERE x.original_transaction_type = 'paystack_transaction' AND x.original_transaction_id = "
        + rowId(t, reference));
  }

  static long status(Tenant t, String reference) throws Exception {
    return Db.count(t, "SELECT status FROM paystack_transactions WHERE paystack_reference = '" + reference + "'");
  }

  @Test
  void aSignedCallbackCreditsOnceAndTheTokenIsIssued() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "500");
    JsonObject sent = paystack.initializations().stream()
        .filter(i -> ref.equals(i.getString("reference", null))).findFirst().orElseThrow();
    assertEquals("50000", sent.getString("amount"));
    assertEquals("NGN", sent.getString("currency"));
    assertEquals("pay@example.com", sent.getString("email"));
    assertEquals(0, status(a, ref));
    assertEquals(0, credited(a, ref));
    paystack.pay(ref);
    HttpResponse<String> r = webhook(a, paystack.event("charge.success", ref), SECRET_A);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"status\":\"success\"}", r.body());
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
    assertEquals(1, status(a, ref));
    assertEquals(500, Db.count(a, "SELECT amount FROM transactions WHERE original_transaction_type ="
        + " 'paystack_transaction' AND original_transaction_id = " + rowId(a, ref)));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM transactions WHERE original_transaction_id = " + rowId(a, ref)
        + " AND sender = '+2348030000001' AND message = 'PSK-A-001'"));
    // Replayed, and reported again through the verify route: nothing more.
    assertEquals(200, webhook(a, paystack.event("charge.success", ref), SECRET_A).statusCode());
    Resp v = api.get("/api/paystack/transaction/verify/" + ref, a.token());
    assertEquals(200, v.status(), v.body());
    assertEquals("success", v.obj().getString("status"));
    assertEquals(50000, v.obj().getInt("amount"));
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
  }

  @Test
  void theVerifyRouteCreditsAPaidPaymentOnceAndAnUnpaidOneNot() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "300");
    Resp pending = api.get("/api/paystack/transaction/verify/" + ref, a.token());
    assertEquals(200, pending.status(), pending.body());
    assertEquals("abandoned", pending.obj().getString("status"));
    assertEquals(0, credited(a, ref));
    paystack.pay(ref);
    assertEquals("success", api.get("/api/paystack/transaction/verify/" + ref, a.token()).obj().getString("status"));
    assertEquals(1, credited(a, ref));
    assertEquals(200, webhook(a, paystack.event("charge.success", ref), SECRET_A).statusCode());
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
  }

  @Test
  void twentyConcurrentReplaysCreditOnce() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "700");
    paystack.pay(ref);
    String body = paystack.event("charge.success", ref);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit(() -> webhook(a, body, SECRET_A)));
    }
    for (Future<HttpResponse<String>> f : answers) {
      HttpResponse<String> r = f.get();
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("{\"status\":\"success\"}", r.body());
    }
    pool.shutdown();
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = 'paystack'"
        + " AND idempotency_key = '" + ref + "'"));
  }

  @Test
  void aForgedSignatureIsRefusedAndKept() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "400");
    paystack.pay(ref);
    long before = Db.count(a, "SELECT COUNT(*) FROM paystack_callback_refusals WHERE reason ="
        + " 'Invalid webhook signature'");
    HttpResponse<String> forged = webhook(a, paystack.event("charge.success", ref), "sk_test_guessed");
    assertEquals(401, forged.statusCode(), forged.body());
    assertEquals("{\"error\":\"Invalid webhook signature\"}", forged.body());
    HttpResponse<String> unsigned = webhook(a, paystack.event("charge.success", ref), null);
    assertEquals(401, unsigned.statusCode(), unsigned.body());
    assertEquals(0, credited(a, ref));
    assertEquals(0, status(a, ref));
    assertEquals(before + 2, Db.count(a, "SELECT COUNT(*) FROM paystack_callback_refusals WHERE reason ="
        + " 'Invalid webhook signature'"));
  }

  @Test
  void aWrongAmountOrCurrencyIsRefusedAndRecordedWithItsReason() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "600");
    paystack.pay(ref);
    PaystackSimulator.Charge c = paystack.charge(ref);
    HttpResponse<String> r = webhook(a, paystack.event("charge.success", c, 6_000_000, "NGN"), SECRET_A);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"status\":\"ignored\"}", r.body());
    assertEquals(0, credited(a, ref));
    assertEquals(-1, status(a, ref));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'paystack_transaction' AND transaction_id = " + rowId(a, ref) + " AND state LIKE '%60000%600%'"));

    String ref2 = initialize(a, customerA, "PSK-A-001", "650");
    paystack.pay(ref2);
    HttpResponse<String> r2 = webhook(a, paystack.event("charge.success", paystack.charge(ref2), 65_000, "GHS"),
        SECRET_A);
    assertEquals("{\"status\":\"ignored\"}", r2.body());
    assertEquals(0, credited(a, ref2));
    assertEquals(-1, status(a, ref2));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type ="
        + " 'paystack_transaction' AND transaction_id = " + rowId(a, ref2) + " AND state LIKE '%GHS%NGN%'"));
    // The true report afterwards does not turn the refused reference into a payment.
    assertEquals(200, webhook(a, paystack.event("charge.success", ref2), SECRET_A).statusCode());
    assertEquals(0, credited(a, ref2));
  }

  @Test
  void anUnknownReferenceIsRefusedAndKept() throws Exception {
    long before = Db.count(a, "SELECT COUNT(*) FROM transactions");
    HttpResponse<String> r = webhook(a, paystack.unknownEvent("never-issued-1", 10_000, "NGN"), SECRET_A);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"status\":\"ignored\"}", r.body());
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(1, Db.count(a, "SELECT COUNT(*) FROM paystack_callback_refusals WHERE reason = 'Unknown reference'"
        + " AND reference = 'never-issued-1'"));
  }

  @Test
  void aFailedChargeFailsTheRowAndCreditsNothing() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "250");
    paystack.fail(ref);
    HttpResponse<String> r = webhook(a, paystack.event("charge.failed", ref), SECRET_A);
    assertEquals("{\"status\":\"success\"}", r.body());
    assertEquals(-1, status(a, ref));
    assertEquals(0, credited(a, ref));
  }

  @Test
  void twoCompaniesCallbacksNeverCross() throws Exception {
    String refB = initialize(b, customerB, "PSK-B-001", "800");
    paystack.pay(refB);
    String body = paystack.event("charge.success", refB);
    long aBefore = Db.count(a, "SELECT COUNT(*) FROM transactions");
    // B's event, signed with B's secret, to A's URL: A's secret does not match.
    assertEquals(401, webhook(a, body, SECRET_B).statusCode());
    // B's event signed with A's secret to A's URL: A has no such payment.
    HttpResponse<String> r = webhook(a, body, SECRET_A);
    assertEquals("{\"status\":\"ignored\"}", r.body());
    assertEquals(aBefore, Db.count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(0, credited(b, refB));
    assertEquals(0, status(b, refB));
    // A's user cannot verify (and so credit) B's reference: A's Paystack account does not know it.
    Resp v = api.get("/api/paystack/transaction/verify/" + refB, a.token());
    assertEquals(400, v.status(), v.body());
    assertEquals("{\"error\":\"Paystack: Transaction reference not found\"}", v.body());
    assertEquals(0, credited(b, refB));
    // B's own callback credits B.
    assertEquals("{\"status\":\"success\"}", webhook(b, body, SECRET_B).body());
    assertEquals(1, credited(b, refB));
    assertEquals(aBefore, Db.count(a, "SELECT COUNT(*) FROM transactions"));
  }

  @Test
  void aCompanyWithoutThePluginIsRefused() throws Exception {
    Tenant off = api.registerCompany("paystack-off");
    long person = setUp(off, SECRET_A, "PSK-OFF-001", "+2348030000009");
    String ref = initialize(off, person, "PSK-OFF-001", "100");
    paystack.pay(ref);
    assertEquals(200, api.put("/api/plugins/25", "{\"checked\":false}", off.token()).status());
    HttpResponse<String> r = webhook(off, paystack.event("charge.success", ref), SECRET_A);
    assertEquals(403, r.statusCode(), r.body());
    assertEquals(PaystackIT.NOT_ENABLED, r.body());
    Resp init = api.post("/api/paystack/transaction/initialize", "{\"amount\":100,\"device_serial\":\"PSK-OFF-001\","
        + "\"customer_id\":" + person + "}", off.token());
    assertEquals(403, init.status(), init.body());
    assertEquals(PaystackIT.NOT_ENABLED, init.body());
    assertEquals(403, api.get("/api/paystack/transactions", off.token()).status());
    assertEquals(403, api.get("/api/paystack/transaction/verify/" + ref, off.token()).status());
    assertEquals(0, credited(off, ref));
    assertEquals(1, Db.count(off, "SELECT COUNT(*) FROM paystack_transactions"));
  }

  @Test
  void badInitialisationsAreRefusedAndNothingWritten() throws Exception {
    long before = Db.count(a, "SELECT COUNT(*) FROM paystack_transactions");
    Resp r = api.post("/api/paystack/transaction/initialize", "{\"amount\":\"lots\",\"currency\":\"EUR\"}",
        a.token());
    assertEquals(422, r.status(), r.body());
    JsonObject errors = r.obj().getJsonObject("errors");
    for (String f : new String[] {"amount", "device_serial", "customer_id", "currency"}) {
      assertTrue(errors.containsKey(f), f + " in " + r.body());
    }
    Resp unknown = api.post("/api/paystack/transaction/initialize", "{\"amount\":100,\"device_serial\":\"NOPE\","
        + "\"customer_id\":" + customerA + "}", a.token());
    assertEquals(422, unknown.status(), unknown.body());
    Resp foreign = api.post("/api/paystack/transaction/initialize", "{\"amount\":100,\"device_serial\":\"PSK-B-001\","
        + "\"customer_id\":" + customerA + "}", a.token());
    assertEquals(422, foreign.status(), foreign.body());
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM paystack_transactions"));
  }

  @Test
  void theTransactionsAreListedAndShownPerCompany() throws Exception {
    String ref = initialize(a, customerA, "PSK-A-001", "120");
    Resp list = api.get("/api/paystack/transactions?per_page=500", a.token());
    assertEquals(200, list.status(), list.body());
    JsonObject first = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals(ref, first.getString("paystack_reference"));
    assertEquals(120.0, first.getJsonNumber("amount").doubleValue());
    assertEquals("PSK-A-001", first.getJsonObject("metadata").getString("serial_id"));
    long id = first.getJsonNumber("id").longValue();
    Resp one = api.get("/api/paystack/transactions/" + id, a.token());
    assertEquals(200, one.status(), one.body());
    assertEquals(ref, one.obj().getJsonObject("data").getString("paystack_reference"));
    assertTrue(list.obj().getJsonArray("data").stream().noneMatch(v -> v.asJsonObject()
        .getString("serial_id").startsWith("PSK-B")));
    Resp missing = api.get("/api/paystack/transactions/99999999", a.token());
    assertEquals(404, missing.status(), missing.body());
    assertEquals("{\"error\":\"Transaction not found\"}", missing.body());
  }

  @Test
  void theConsoleChangesOrDeletesOnlyAPaymentPaystackHasNotConfirmed() throws Exception {
    String open = initialize(a, customerA, "PSK-A-001", "130");
    long openId = rowId(a, open);
    Resp abandoned = api.put("/api/paystack/transactions/" + openId, "{\"amount\":130,\"status\":3}", a.token());
    assertEquals(200, abandoned.status(), abandoned.body());
    assertEquals(3, abandoned.obj().getJsonObject("data").getInt("status"));
    Resp paid = api.put("/api/paystack/transactions/" + openId, "{\"status\":1}", a.token());
    assertEquals(422, paid.status(), paid.body());
    Resp otherAmount = api.put("/api/paystack/transactions/" + openId, "{\"amount\":999}", a.token());
    assertEquals(422, otherAmount.status(), otherAmount.body());
    Resp malformed = api.put("/api/paystack/transactions/" + openId, "{\"status\":\"paid\"}", a.token());
    assertEquals(422, malformed.status(), malformed.body());
    assertEquals(3, status(a, open));
    // Another company's user finds no such row.
    assertEquals(404, api.put("/api/paystack/transactions/" + openId, "{\"status\":0}", b.token()).status());
    assertEquals(404, api.delete("/api/paystack/transactions/" + openId, b.token()).status());
    assertEquals(404, api.delete("/api/paystack/transactions/abc", a.token()).status());

    String done = initialize(a, customerA, "PSK-A-001", "140");
    paystack.pay(done);
    assertEquals("{\"status\":\"success\"}", webhook(a, paystack.event("charge.success", done), SECRET_A).body());
    long doneId = rowId(a, done);
    Resp change = api.put("/api/paystack/transactions/" + doneId, "{\"status\":0}", a.token());
    assertEquals(409, change.status(), change.body());
    Resp remove = api.delete("/api/paystack/transactions/" + doneId, a.token());
    assertEquals(409, remove.status(), remove.body());
    assertEquals("{\"error\":\"A payment Paystack confirmed cannot be deleted.\"}", remove.body());
    assertEquals(1, credited(a, done));
    assertEquals(1, status(a, done));

    long before = Db.count(a, "SELECT COUNT(*) FROM transactions");
    Resp gone = api.delete("/api/paystack/transactions/" + openId, a.token());
    assertEquals(200, gone.status(), gone.body());
    assertEquals(404, api.get("/api/paystack/transactions/" + openId, a.token()).status());
    // Paid after all: the deleted payment names nothing any more and is refused and kept.
    paystack.pay(open);
    assertEquals("{\"status\":\"ignored\"}", webhook(a, paystack.event("charge.success", open), SECRET_A).body());
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM transactions"));
  }

  @Test
  void thePublicPagesTakeAPaymentToItsToken() throws Exception {
    Resp urls = api.get("/api/paystack/credential/public-urls", a.token());
    assertEquals(200, urls.status(), urls.body());
    JsonObject u = urls.obj();
    assertEquals(a.companyId(), u.getJsonNumber("company_id").longValue());
    assertTrue(u.getString("webhook_url").endsWith("/api/paystack/webhook/" + a.companyId()), urls.body());
    String permanent = u.getString("permanent_payment_url");
    assertTrue(permanent.startsWith("/paystack/public/payment/"), permanent);
    Resp form = api.get("/api" + permanent, null);
    assertEquals(200, form.status(), form.body());
    assertEquals(a.name(), form.obj().getJsonObject("company").getString("name"));
    assertEquals("NGN", form.obj().getString("default_currency"));
    assertEquals(200, api.get("/api" + u.getString("time_based_payment_url"), null).status());

    String query = permanent.substring(permanent.indexOf('?'));
    String hash = permanent.substring("/paystack/public/payment/".length(), permanent.indexOf('?'));
    Resp valid = api.post("/api/paystack/public/validate-meter/" + hash + query, "{\"device_serial\":\"PSK-A-001\"}",
        null);
    assertEquals("{\"valid\":true,\"device_serial\":\"PSK-A-001\",\"device_type\":\"meter\"}", valid.body());
    assertEquals(false, api.post("/api/paystack/public/validate-meter/" + hash + query, "{\"meter_serial\":"
        + "\"PSK-B-001\"}", null).obj().getBoolean("valid"));
    assertEquals(400, api.post("/api/paystack/public/validate-meter/" + hash + query, "{}", null).status());

    Resp started = api.post("/api/paystack/public/payment/" + hash + query, "{\"device_serial\":\"PSK-A-001\","
        + "\"amount\":900,\"currency\":\"NGN\"}", null);
    assertEquals(200, started.status(), started.body());
    String ref = started.obj().getString("reference");
    assertTrue(started.obj().getBoolean("success"));
    assertEquals(rowId(a, ref), started.obj().getJsonNumber("transaction_id").longValue());
    Resp before = api.get("/api/paystack/public/result/" + hash + query + "&reference=" + ref, null);
    assertEquals(200, before.status(), before.body());
    assertEquals("pending", before.obj().getString("token_status"));
    assertEquals(false, before.obj().getBoolean("success"));
    paystack.pay(ref);
    Resp after = api.get("/api/paystack/public/result/" + hash + query + "&reference=" + ref, null);
    assertEquals(200, after.status(), after.body());
    assertEquals("generated", after.obj().getString("token_status"), after.body());
    assertTrue(after.obj().getBoolean("success"));
    assertTrue(after.obj().getJsonObject("token").getString("token").length() > 0, after.body());
    assertEquals("energy", after.obj().getJsonObject("transaction").getString("payment_type"));
    Resp verify = api.get("/api/paystack/public/verify/" + hash + query + "&reference=" + ref, null);
    assertTrue(verify.obj().getBoolean("success"), verify.body());
    assertEquals(200, webhook(a, paystack.event("charge.success", ref), SECRET_A).statusCode());
    assertEquals(1, credited(a, ref));
    assertEquals(1, tokens(a, ref));

    Resp agentUrl = api.post("/api/paystack/credential/agent-payment-url", "{\"customer_id\":" + customerA
        + ",\"agent_id\":3}", a.token());
    assertEquals(200, agentUrl.status(), agentUrl.body());
    String link = agentUrl.obj().getString("agent_payment_url");
    assertTrue(link.endsWith("&customer=" + customerA + "&agent=3"), link);
    assertEquals(200, api.get("/api" + link, null).status());
  }

  @Test
  void aPublicLinkOfAnotherCompanyOrAForgedOneIsRefused() {
    String linkA = api.get("/api/paystack/credential/public-urls", a.token()).obj().getString("permanent_payment_url");
    String linkB = api.get("/api/paystack/credential/public-urls", b.token()).obj().getString("permanent_payment_url");
    String hashA = linkA.substring("/paystack/public/payment/".length(), linkA.indexOf('?'));
    String queryB = linkB.substring(linkB.indexOf('?'));
    String invalid = "{\"error\":\"Invalid company identifier\"}";
    Resp crossed = api.get("/api/paystack/public/payment/" + hashA + queryB, null);
    assertEquals(400, crossed.status(), crossed.body());
    assertEquals(invalid, crossed.body());
    assertEquals(invalid, api.get("/api/paystack/public/payment/" + hashA + "?ct=abcdefgh", null).body());
    assertEquals(invalid, api.get("/api/paystack/public/payment/" + hashA, null).body());
    Resp pay = api.post("/api/paystack/public/payment/" + hashA + queryB, "{\"device_serial\":\"PSK-B-001\","
        + "\"amount\":100,\"currency\":\"NGN\"}", null);
    assertEquals(400, pay.status(), pay.body());
  }
}
