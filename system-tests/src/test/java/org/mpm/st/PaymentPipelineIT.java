package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The payment pipeline end to end through the agent app's route: allocation (overdue installments, access-rate
 * debt, energy), idempotency under 50 concurrent replays, a remote vendor that fails and recovers or fails for
 * good, rejected attempts kept with their reason, and money conserved for every processed payment.
 */
class PaymentPipelineIT {

  static final String PAY = "/api/app/agents/transactions";

  static Api api;
  static Tenant t;
  static Tenant other;
  static String agentToken;
  static long agentId;
  static long tariffId;
  static long typeId;
  static long demoMeterMaker;
  static long vendorMaker;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("pipeline");
    other = api.registerCompany("pipeline-b");
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0,\"components\":[{\"name\":\"Service\",\"price\":50}],"
        + "\"access_rate\":{\"id\":null,\"access_rate_amount\":200,\"access_rate_period\":30}}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    tariffId = GeographyIT.id(tariff);
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    typeId = GeographyIT.id(type);
    demoMeterMaker = manufacturer("Demo Meter Manufacturer", "DemoMeterManufacturerApi");
    vendorMaker = manufacturer("Remote Vendor", "SimulatedVendorMeterApi");
    String hash = Db.demoPasswordHash();
    try (Connection c = Db.tenant(t)) {
      long commission = Db.insert(c, "INSERT INTO agent_commissions (name, energy_commission, appliance_commission,"
          + " risk_balance, created_at, updated_at) VALUES ('Field', 0.05, 0.03, 5000000, NOW(), NOW())");
      agentId = Db.insert(c, "INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id,"
          + " email, password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection) VALUES"
          + " (1, 1, " + commission + ", 'phone-1', 'pipeline-agent@example.com', '" + hash + "', '', 0, 0, NOW(),"
          + " NOW(), 'tenant')");
    }
    Db.addLogin("pipeline-agent@example.com", t.companyId());
    Resp login = api.post("/api/app/login", "{\"email\":\"pipeline-agent@example.com\",\"password\":\"123123\"}",
        null);
    assertEquals(200, login.status(), login.body());
    agentToken = login.obj().getString("access_token");
  }

  static long manufacturer(String name, String apiName) {
    Resp r = api.post("/api/manufacturers", "{\"name\":\"" + name + "\",\"type\":\"meter\",\"api_name\":\"" + apiName
        + "\"}", t.token());
    assertEquals(201, r.status(), r.body());
    return GeographyIT.id(r);
  }

  /** A customer with a phone and a meter of the maker; returns {person id, device id, meter id}. */
  static long[] customerWithMeter(String serial, long maker, String phone) throws Exception {
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Neema", "Pay" + serial.hashCode(), phone, null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + typeId + ",\"in_use\":1,\"tariff_id\":" + tariffId + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    long meterId = GeographyIT.id(meter);
    long device = Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
        + " updated_at) VALUES (" + person + ", 'meter', " + meterId + ", '" + serial + "', NOW(), NOW())");
    return new long[] {person, device, meterId};
  }

  static Resp pay(String serial, String amount, String key) {
    return api.post(PAY, "{\"device_serial\":\"" + serial + "\",\"amount\":" + amount + "}", agentToken,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  static long transactionId(Resp r) {
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  /** Polls the status route until the payment is no longer pending (at most 30 s). */
  static JsonObject settled(long id) throws Exception {
    long end = System.nanoTime() + 30_000_000_000L;
    while (true) {
      Resp r = api.get(PAY + "/" + id + "/status", agentToken);
      assertEquals(200, r.status(), r.body());
      JsonObject d = r.obj().getJsonObject("data");
      if (!"pending".equals(d.getString("status")) || System.nanoTime() > end) {
        return d;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void workedExampleAllocatesInstallmentThenAccessRateThenEnergy() throws Exception {
    long[] c = customerWithMeter("MTR-PIPE-001", demoMeterMaker, "+255711000001");
    long rateId;
    try (Connection db = Db.tenant(t)) {
      long appliance = Db.insert(db, "INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)"
          + " VALUES ('TV', 3, 600, NOW(), NOW())");
      long contract = Db.insert(db, "INSERT INTO appliance_people (appliance_id, person_id, total_cost, rate_count,"
          + " creator_type, creator_id, device_serial, payment_type, created_at, updated_at) VALUES (" + appliance
          + ", " + c[0] + ", 600, 2, 'user', 1, NULL, 'installment', NOW(), NOW())");
      rateId = Db.insert(db, "INSERT INTO appliance_rates (appliance_person_id, rate_cost, remaining, due_date, remind,"
          + " created_at, updated_at) VALUES (" + contract + ", 300, 300, NOW() - INTERVAL 1 DAY, 0, NOW(), NOW())");
      // A rate not yet due is left alone.
      Db.exec(db, "INSERT INTO appliance_rates (appliance_person_id, rate_cost, remaining, due_date, remind,"
          + " created_at, updated_at) VALUES (" + contract + ", 300, 300, NOW() + INTERVAL 30 DAY, 0, NOW(), NOW())");
      Db.exec(db, "INSERT INTO access_rate_payments (meter_id, access_rate_id, due_date, debt, unpaid_in_row,"
          + " created_at, updated_at) SELECT " + c[2] + ", id, NOW() + INTERVAL 20 DAY, 200, 1, NOW(), NOW()"
          + " FROM access_rates WHERE tariff_id = " + tariffId + " ON DUPLICATE KEY UPDATE debt = 200,"
          + " due_date = NOW() + INTERVAL 20 DAY");
    }

    long id = transactionId(pay("MTR-PIPE-001", "1000", null));
    // The demo meter's tokens are generated locally, in the transaction that accepts the payment: it is complete,
    // with its token and sent SMS, when the request is answered.
    Resp answered = api.get(PAY + "/" + id + "/status", agentToken);
    assertEquals("completed", answered.obj().getJsonObject("data").getString("status"), answered.body());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'transaction'"
        + " AND status = 1 AND trigger_id = " + id));
    JsonObject status = settled(id);
    assertEquals("completed", status.getString("status"), status.toString());
    assertEquals(1, status.getInt("provider_status"));
    JsonArray allocations = status.getJsonArray("allocations");
    assertEquals(List.of("installment:300.0", "access rate:200.0", "energy:500.0"), allocations.stream()
        .map(JsonValue::asJsonObject)
        .map(a -> a.getString("payment_type") + ":" + a.getJsonNumber("amount").doubleValue()).toList());
    assertEquals(rateId, allocations.getJsonObject(0).getJsonNumber("paid_for_id").longValue());
    JsonObject token = status.getJsonObject("token");
    assertEquals(1.667, token.getJsonNumber("token_amount").doubleValue(), 1e-9);
    assertEquals("kWh", token.getString("token_unit"));
    assertEquals(20, token.getString("token").length());

    assertEquals(0, count(t, "SELECT remaining FROM appliance_rates WHERE id = " + rateId));
    assertEquals(0, count(t, "SELECT debt FROM access_rate_payments WHERE meter_id = " + c[2]));
    assertEquals(1000, count(t, "SELECT SUM(amount) FROM payment_histories WHERE transaction_id = " + id));
    assertEquals(2, count(t, "SELECT COUNT(*) FROM appliance_rates WHERE remaining = 300 OR id = "
        + rateId));
    // The agent: balance −1000, commission 5 % of 1000, and MPM's two balance histories.
    assertEquals(-1000, count(t, "SELECT balance FROM agents WHERE id = " + agentId)
        + count(t, "SELECT COALESCE(SUM(-amount), 0) FROM agent_balance_histories WHERE agent_id = "
            + agentId + " AND trigger_type = 'agent_transaction' AND transaction_id <> " + id));
    assertEquals(50, count(t, "SELECT amount FROM agent_balance_histories WHERE transaction_id = "
        + id + " AND trigger_type = 'agent_commission'"));
    // The confirmation SMS goes to the customer's phone (MPM sends it to "+Agent-<id>").
    long sms = waitFor(() -> count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'transaction'"
        + " AND trigger_id = " + id + " AND status = 1 AND receiver = '+255711000001' AND body LIKE '%1.667%'"), 1);
    assertEquals(1, sms);
    // The transaction detail shows the same token and the agent row as its origin.
    Resp detail = api.get("/api/transactions/" + id, t.token());
    assertEquals(200, detail.status(), detail.body());
    JsonObject d = detail.obj().getJsonObject("data");
    assertEquals(token.getString("token"), d.getJsonObject("token").getString("token"));
    assertEquals(1, d.getJsonObject("original_transaction").getInt("status"));
    assertEquals("Agent-" + agentId, d.getString("sender"));
    assertEquals("+255711000001", d.getJsonObject("sms").getString("receiver"));
    // The re-show route of MPM's agent app.
    Resp reshow = api.get(PAY + "/" + id + "/token", agentToken);
    assertEquals(token.getString("token"), reshow.obj().getJsonObject("data").getJsonObject("token")
        .getString("token"));
  }

  /**
   * The queue's SMS path, taken by messages a gateway refused and by gateways that cannot send inside a
   * transaction (the recording gateway sends the confirmations in the vend's own transaction): a queued message is
   * handed to the gateway by the drain and recorded sent; a job whose message was sent meanwhile is only closed.
   */
  @Test
  void queuedMessagesAreSentByTheDrainOnce() throws Exception {
    long failedSms;
    long sentSms;
    long failedJob;
    long sentJob;
    try (Connection db = Db.tenant(t)) {
      failedSms = Db.insert(db, "INSERT INTO sms (receiver, body, status, uuid, direction, attempts, error_message,"
          + " created_at, updated_at) VALUES ('+255711000099', 'queued body', -1, 'q-uuid-1', 1, 1, 'gateway down',"
          + " NOW(), NOW())");
      sentSms = Db.insert(db, "INSERT INTO sms (receiver, body, status, uuid, direction, attempts, created_at,"
          + " updated_at) VALUES ('+255711000098', 'already sent', 1, 'q-uuid-2', 1, 0, NOW(), NOW())");
      failedJob = Db.insert(db, "INSERT INTO payment_jobs (kind, ref_id, state, attempts, next_attempt_at, created_at,"
          + " updated_at) VALUES ('sms', " + failedSms + ", 'pending', 1, NOW(), NOW(), NOW())");
      sentJob = Db.insert(db, "INSERT INTO payment_jobs (kind, ref_id, state, attempts, next_attempt_at, created_at,"
          + " updated_at) VALUES ('sms', " + sentSms + ", 'pending', 0, NOW(), NOW(), NOW())");
    }
    // The poll (every 2 s here) takes them up.
    assertEquals(2, waitFor(() -> count(t, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'done'"
        + " AND id IN (" + failedJob + ", " + sentJob + ")"), 2));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + failedSms + " AND status = 1"
        + " AND error_message IS NULL AND uuid = 'q-uuid-1'"));
    assertEquals(2, count(t, "SELECT attempts FROM payment_jobs WHERE id = " + failedJob));
    assertEquals(1, count(t, "SELECT attempts FROM payment_jobs WHERE id = " + sentJob),
        "claimed once, closed without sending again");
  }

  @Test
  void paymentThatOnlyCoversDebtsCompletesWithoutToken() throws Exception {
    long[] c = customerWithMeter("MTR-PIPE-002", demoMeterMaker, "+255711000002");
    Db.exec(t, "INSERT INTO access_rate_payments (meter_id, access_rate_id, due_date, debt, unpaid_in_row,"
        + " created_at, updated_at) SELECT " + c[2] + ", id, NOW() + INTERVAL 20 DAY, 400, 2, NOW(), NOW()"
        + " FROM access_rates WHERE tariff_id = " + tariffId + " ON DUPLICATE KEY UPDATE debt = 400");
    long id = transactionId(pay("MTR-PIPE-002", "250", null));
    JsonObject status = settled(id);
    assertEquals("completed", status.getString("status"));
    assertEquals(JsonValue.NULL, status.get("token"));
    assertEquals(150, count(t, "SELECT debt FROM access_rate_payments WHERE meter_id = " + c[2]));
    assertEquals(250, count(t, "SELECT SUM(amount) FROM payment_histories WHERE transaction_id = "
        + id + " AND payment_type = 'access rate'"));
  }

  @Test
  void fiftyConcurrentReplaysOfOneKeyMakeOnePayment() throws Exception {
    customerWithMeter("MTR-PIPE-003", demoMeterMaker, "+255711000003");
    int n = 50;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Resp>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(pool.submit(() -> {
        go.await();
        return pay("MTR-PIPE-003", "1500", "retry-key-0001");
      }));
    }
    go.countDown();
    Set<Long> ids = new HashSet<>();
    int replayed = 0;
    for (Future<Resp> f : answers) {
      Resp r = f.get();
      ids.add(transactionId(r));
      replayed += r.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, ids.size(), "every answer carries the same transaction id");
    assertEquals(n - 1, replayed);
    long id = ids.iterator().next();
    assertEquals("completed", settled(id).getString("status"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE message = 'MTR-PIPE-003'"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM agent_transactions WHERE id ="
        + " (SELECT original_transaction_id FROM transactions WHERE id = " + id + ")"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + id));
    assertEquals(1500, count(t, "SELECT SUM(amount) FROM payment_histories WHERE transaction_id = "
        + id));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM agent_balance_histories WHERE transaction_id = "
        + id + " AND trigger_type = 'agent_transaction'"));
    // The same key for another payment is refused and changes nothing.
    Resp reuse = pay("MTR-PIPE-003", "2000", "retry-key-0001");
    assertEquals(409, reuse.status(), reuse.body());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE message = 'MTR-PIPE-003'"));
  }

  @Test
  void paymentsArrivingTogetherAreEachAcceptedOrRefusedOnTheirOwn() throws Exception {
    // Concurrent payments are accepted in sets (one transaction per set); a refused one must not take others with it.
    List<long[]> meters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      meters.add(customerWithMeter("MTR-SET-" + i, demoMeterMaker, "+25571200000" + i));
    }
    try (Connection db = Db.tenant(t); Statement s = db.createStatement()) {
      for (long[] m : meters.subList(0, 4)) {
        s.executeUpdate("INSERT INTO access_rate_payments (meter_id, access_rate_id, due_date, debt, unpaid_in_row,"
            + " created_at, updated_at) SELECT " + m[2] + ", id, NOW() + INTERVAL 20 DAY, 300, 1, NOW(), NOW()"
            + " FROM access_rates WHERE tariff_id = " + tariffId + " ON DUPLICATE KEY UPDATE debt = 300");
      }
    }
    long balanceBefore = count(t, "SELECT balance FROM agents WHERE id = " + agentId);
    long conflictsBefore = count(t, "SELECT COUNT(*) FROM transaction_conflicts");
    // 32 payments of 1000..4100 to the 8 meters, 4 to unknown serials, 4 of 0, 2 over the risk balance.
    List<String[]> sent = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      sent.add(new String[] {"MTR-SET-" + (i % 8), Integer.toString(1000 + 100 * i), "200"});
    }
    for (int i = 0; i < 4; i++) {
      sent.add(new String[] {"MTR-SET-NONE-" + i, "1000", "422"});
      sent.add(new String[] {"MTR-SET-" + i, "0", "422"});
    }
    sent.add(new String[] {"MTR-SET-5", "6000000", "403"});
    sent.add(new String[] {"MTR-SET-6", "7000000", "403"});
    Collections.shuffle(sent, new Random(11));
    ExecutorService pool = Executors.newFixedThreadPool(sent.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Resp>> answers = new ArrayList<>();
    for (String[] p : sent) {
      answers.add(pool.submit(() -> {
        go.await();
        return pay(p[0], p[1], null);
      }));
    }
    go.countDown();
    Map<Long, Long> accepted = new HashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      Resp r = answers.get(i).get();
      assertEquals(Integer.parseInt(sent.get(i)[2]), r.status(), sent.get(i)[0] + " " + sent.get(i)[1] + ": "
          + r.body());
      if (r.status() == 200) {
        assertNull(accepted.put(transactionId(r), Long.parseLong(sent.get(i)[1])), "one transaction per payment");
      }
    }
    pool.shutdown();
    assertEquals(32, accepted.size());
    long total = accepted.values().stream().mapToLong(Long::longValue).sum();
    for (Map.Entry<Long, Long> e : accepted.entrySet()) {
      assertEquals("completed", settled(e.getKey()).getString("status"));
      assertEquals(e.getValue().longValue(), count(t, "SELECT SUM(amount) FROM payment_histories"
          + " WHERE transaction_id = " + e.getKey()), "the payment's histories add up to its amount");
      assertEquals(2, count(t, "SELECT COUNT(*) FROM agent_balance_histories WHERE transaction_id = "
          + e.getKey()));
      assertEquals(1, count(t, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + e.getKey()));
    }
    assertEquals(balanceBefore - total, count(t, "SELECT balance FROM agents WHERE id = " + agentId));
    // Each debt was paid once, by the first payment to its meter.
    for (long[] m : meters.subList(0, 4)) {
      assertEquals(0, count(t, "SELECT debt FROM access_rate_payments WHERE meter_id = " + m[2]));
      assertEquals(300, count(t, "SELECT SUM(h.amount) FROM payment_histories h JOIN transactions x"
          + " ON x.id = h.transaction_id WHERE x.message = 'MTR-SET-" + meters.indexOf(m) + "'"
          + " AND h.payment_type = 'access rate'"));
    }
    // The 10 refusals are kept as rejected records, nothing of them allocated.
    assertEquals(conflictsBefore + 10, count(t, "SELECT COUNT(*) FROM transaction_conflicts"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM payment_histories h JOIN transactions x"
        + " ON x.id = h.transaction_id JOIN agent_transactions a ON a.id = x.original_transaction_id"
        + " AND x.original_transaction_type = 'agent_transaction' WHERE a.status = -1"));
  }

  @Test
  void vendorFailingThreeTimesThenSucceedingGivesOneToken() throws Exception {
    customerWithMeter("SIM-FAIL3-0001", vendorMaker, "+255711000004");
    long id = transactionId(pay("SIM-FAIL3-0001", "900", null));
    JsonObject status = settled(id);
    assertEquals("completed", status.getString("status"), status.toString());
    assertEquals(4, status.getJsonObject("vend").getInt("attempts"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + id));
    assertEquals(900, count(t, "SELECT SUM(amount) FROM payment_histories WHERE transaction_id = "
        + id));
    assertEquals(0, status.getJsonArray("conflicts").size());
  }

  @Test
  void vendorThatAlwaysFailsEndsInAVisibleConflictAndNoToken() throws Exception {
    customerWithMeter("SIM-FAILALL-0001", vendorMaker, "+255711000005");
    long id = transactionId(pay("SIM-FAILALL-0001", "700", null));
    JsonObject status = settled(id);
    assertEquals("failed", status.getString("status"), status.toString());
    assertEquals(-1, status.getInt("provider_status"));
    assertEquals(JsonValue.NULL, status.get("token"));
    JsonObject vend = status.getJsonObject("vend");
    assertEquals("failed", vend.getString("state"));
    assertEquals(700.0, vend.getJsonNumber("amount").doubleValue());
    assertTrue(status.getJsonArray("conflicts").getJsonObject(0).getString("state")
        .startsWith("Token generation failed after 6 attempts"), status.toString());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM tokens WHERE transaction_id = " + id));
    // The money is accounted for: what was allocated plus what stays unvended is the amount.
    assertEquals(700, count(t, "SELECT COALESCE(SUM(amount), 0) FROM payment_histories"
        + " WHERE transaction_id = " + id) + (long) vend.getJsonNumber("amount").doubleValue());
    Resp detail = api.get("/api/transactions/" + id, t.token());
    JsonObject original = detail.obj().getJsonObject("data").getJsonObject("original_transaction");
    assertEquals(-1, original.getInt("status"));
    assertEquals(1, original.getJsonArray("conflicts").size());
  }

  @Test
  void badInputIsRefusedAndKeptAsARejectedRecord() throws Exception {
    customerWithMeter("MTR-PIPE-006", demoMeterMaker, "+255711000006");
    long before = count(t, "SELECT COUNT(*) FROM transactions");

    Resp unknown = pay("NO-SUCH-METER", "1000", null);
    assertEquals(422, unknown.status(), unknown.body());
    assertEquals("No device with serial NO-SUCH-METER exists.",
        unknown.obj().getJsonObject("errors").getJsonArray("device_serial").getString(0));
    Resp notNumber = api.post(PAY, "{\"device_serial\":\"MTR-PIPE-006\",\"amount\":\"ten\"}", agentToken);
    assertEquals(422, notNumber.status(), notNumber.body());
    assertTrue(notNumber.obj().getJsonObject("errors").containsKey("amount"));
    Resp negative = pay("MTR-PIPE-006", "-5", null);
    assertEquals(422, negative.status(), negative.body());
    Resp zero = pay("MTR-PIPE-006", "0", null);
    assertEquals(422, zero.status(), zero.body());
    Resp missing = api.post(PAY, "{\"device_serial\":\"MTR-PIPE-006\"}", agentToken);
    assertEquals(422, missing.status(), missing.body());
    assertEquals("{\"message\":\"Transaction amount not found\"}", missing.body());

    Resp huge = pay("MTR-PIPE-006", "1e309", null);
    assertEquals(422, huge.status(), huge.body());
    assertEquals("The amount may not be greater than 1000000000.",
        huge.obj().getJsonObject("errors").getJsonArray("amount").getString(0));

    // Each refusal is kept as the agent's row with status -1 and a conflict with the reason, never as a
    // transaction: the company's transactions (and every list and figure of them) are as they were.
    assertEquals(before, count(t, "SELECT COUNT(*) FROM transactions"));
    assertEquals(6, count(t, "SELECT COUNT(*) FROM transaction_conflicts c JOIN agent_transactions a"
        + " ON a.id = c.transaction_id AND c.transaction_type = 'agent_transaction' WHERE a.status = -1"
        + " AND c.state LIKE 'Rejected: %' AND c.id > (SELECT COALESCE(MAX(id), 0) - 6 FROM transaction_conflicts)"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transaction_conflicts WHERE state LIKE"
        + " '%amount sent: ten%'"));
    // Nothing was allocated or queued for them.
    assertEquals(0, count(t, "SELECT COUNT(*) FROM payment_histories h JOIN transactions x"
        + " ON x.id = h.transaction_id WHERE x.message IN ('NO-SUCH-METER', 'MTR-PIPE-006')"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM payment_jobs j JOIN transactions x"
        + " ON x.id = j.ref_id AND j.kind = 'vend' WHERE x.message IN ('NO-SUCH-METER', 'MTR-PIPE-006')"));

    // Malformed JSON, a user token, a wrong phone: refused before anything is written.
    Resp malformed = api.post(PAY, "{\"device_serial\":", agentToken);
    assertEquals(400, malformed.status(), malformed.body());
    assertEquals(200, pay("MTR-PIPE-006", "1000", null).status(), "the agent may pay for this meter");
    Resp asUser = api.post(PAY, "{\"device_serial\":\"MTR-PIPE-006\",\"amount\":1000}", t.token());
    assertEquals(401, asUser.status(), asUser.body());
    Resp wrongPhone = api.post(PAY, "{\"device_serial\":\"MTR-PIPE-006\",\"amount\":1000}", agentToken,
        Map.of("device-id", "someone-elses-phone"));
    assertEquals(401, wrongPhone.status(), wrongPhone.body());
    assertTrue(wrongPhone.obj().getJsonObject("data").containsKey("message"));
  }

  @Test
  void aRefusalIsAnsweredAgainForItsKeyAndKeptOnce() throws Exception {
    customerWithMeter("MTR-PIPE-REFUSED", demoMeterMaker, "+255711000016");
    String refusals = "SELECT COUNT(*) FROM transaction_conflicts WHERE state = 'Rejected: The amount must be"
        + " greater than 0.'";
    long before = count(t, refusals);
    long rowsBefore = count(t, "SELECT COUNT(*) FROM agent_transactions WHERE status = -1");
    String key = "refused-" + System.nanoTime();
    Resp first = pay("MTR-PIPE-REFUSED", "-5", key);
    assertEquals(422, first.status(), first.body());
    for (int i = 0; i < 3; i++) {
      Resp again = pay("MTR-PIPE-REFUSED", "-5", key);
      assertEquals(422, again.status(), again.body());
      assertEquals(first.body(), again.body());
    }
    // sent together: each is answered with the same refusal
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Resp>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> pay("MTR-PIPE-REFUSED", "-5", key)));
      }
      for (Future<Resp> a : answers) {
        assertEquals(first.body(), a.get().body());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(before + 1, count(t, refusals), "one refusal kept for one key");
    assertEquals(rowsBefore + 1, count(t, "SELECT COUNT(*) FROM agent_transactions WHERE status = -1"));
    // the key belongs to that payment: another amount with it is a conflict, and it is not kept
    Resp other = pay("MTR-PIPE-REFUSED", "1000", key);
    assertEquals(409, other.status(), other.body());
    assertEquals(before + 1, count(t, refusals));
  }

  @Test
  void anotherCompanysDeviceIsUnknownAndItsDataUntouched() throws Exception {
    Resp r = api.post("/api/manufacturers", "{\"name\":\"Other Maker\",\"type\":\"meter\",\"api_name\":"
        + "\"DemoMeterManufacturerApi\"}", other.token());
    long otherMaker = GeographyIT.id(r);
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", other.token());
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"OTHER-CO-001\",\"manufacturer_id\":" + otherMaker
        + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":1}", other.token());
    assertEquals(201, meter.status(), meter.body());
    long otherBefore = count(other, "SELECT COUNT(*) FROM transactions");

    Resp pay = pay("OTHER-CO-001", "1000", null);
    assertEquals(422, pay.status(), pay.body());
    assertEquals(otherBefore, count(other, "SELECT COUNT(*) FROM transactions"));
    // The other company's user cannot read the agent's transaction either.
    customerWithMeter("MTR-PIPE-007", demoMeterMaker, "+255711000007");
    long id = transactionId(pay("MTR-PIPE-007", "100", null));
    assertEquals(404, api.get("/api/transactions/" + id + "/status", other.token()).status());
    assertEquals(200, api.get("/api/transactions/" + id + "/status", t.token()).status());
  }

  @Test
  void agentOverItsRiskBalanceIsRefused() throws Exception {
    customerWithMeter("MTR-PIPE-008", demoMeterMaker, "+255711000008");
    String refused = "SELECT COUNT(*) FROM transaction_conflicts WHERE state = 'Rejected: Risk balance exceeded'";
    long before = count(t, refused);
    Resp tooMuch = pay("MTR-PIPE-008", "6000000", null);
    assertEquals(403, tooMuch.status(), tooMuch.body());
    assertEquals("{\"message\":\"Risk balance exceeded\"}", tooMuch.body());
    assertEquals(before + 1, count(t, refused));
  }

  @Test
  void accessRateAccruesOncePerPeriodThatFellDue() throws Exception {
    long[] c = customerWithMeter("MTR-PIPE-009", demoMeterMaker, "+255711000009");
    // The schedule opens the meter's account by itself (due one period ahead, no debt).
    assertEquals(1, waitFor(() -> count(t, "SELECT COUNT(*) FROM access_rate_payments"
        + " WHERE meter_id = " + c[2]), 1));
    assertEquals(0, count(t, "SELECT debt FROM access_rate_payments WHERE meter_id = " + c[2]));
    Db.exec(t, "UPDATE access_rate_payments SET due_date = NOW() - INTERVAL 31 DAY WHERE meter_id = " + c[2]);
    // 31 days past due with a 30-day period: two periods are charged, 2 × 200.
    assertEquals(400, waitFor(() -> count(t, "SELECT debt FROM access_rate_payments WHERE meter_id = "
        + c[2]), 400));
    Thread.sleep(4_000); // more runs of the schedule change nothing
    assertEquals(400, count(t, "SELECT debt FROM access_rate_payments WHERE meter_id = " + c[2]));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM access_rate_payments WHERE meter_id = " + c[2]
        + " AND due_date > NOW() AND unpaid_in_row = 2"));
  }

  @Test
  void everyProcessedPaymentIsFullyAllocated() throws Exception {
    customerWithMeter("MTR-PIPE-010", demoMeterMaker, "+255711000010");
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ids.add(transactionId(pay("MTR-PIPE-010", Integer.toString(300 + 37 * i) + ".5", "conserve-" + i)));
    }
    for (long id : ids) {
      assertEquals("completed", settled(id).getString("status"));
    }
    // Over the whole company: for every completed payment the histories add up to its amount.
    assertEquals(0, count(t, "SELECT COUNT(*) FROM transactions x JOIN agent_transactions a"
        + " ON a.id = x.original_transaction_id AND x.original_transaction_type = 'agent_transaction'"
        + " WHERE a.status = 1 AND ABS(x.amount - (SELECT COALESCE(SUM(h.amount), 0) FROM payment_histories h"
        + " WHERE h.transaction_id = x.id)) > 0.001"));
    assertNotNull(ids.get(0));
  }

  @Test
  void agentSeesItsOwnTransactionsNewestFirstAllOrOfOneCustomer() throws Exception {
    String email = "pipeline-lister@example.com";
    Db.exec(t, "INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id, email,"
        + " password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection) SELECT 1, 1,"
        + " agent_commission_id, '', '" + email + "', password, '', 0, 0, NOW(), NOW(), 'tenant' FROM agents"
        + " WHERE id = " + agentId);
    Db.addLogin(email, t.companyId());
    Resp login = api.post("/api/app/login", "{\"email\":\"" + email + "\",\"password\":\"123123\"}", null);
    assertEquals(200, login.status(), login.body());
    String lister = login.obj().getString("access_token");
    long listerId = login.obj().getJsonObject("agent").getJsonNumber("id").longValue();
    assertEquals("0", api.get("/api/app/agents/balance", lister).body());
    long first = customerWithMeter("MTR-PIPE-L01", demoMeterMaker, "+255711000101")[0];
    long second = customerWithMeter("MTR-PIPE-L02", demoMeterMaker, "+255711000102")[0];
    List<Long> ids = new ArrayList<>();
    for (String[] p : new String[][] {{"MTR-PIPE-L01", "100"}, {"MTR-PIPE-L02", "200"}, {"MTR-PIPE-L01", "300"}}) {
      ids.add(transactionId(api.post(PAY, "{\"device_serial\":\"" + p[0] + "\",\"amount\":" + p[1] + "}", lister)));
    }
    long others = transactionId(pay("MTR-PIPE-L01", "400", null));

    Resp page1 = api.get(PAY + "?per_page=2", lister);
    assertEquals(200, page1.status(), page1.body());
    JsonObject p1 = page1.obj();
    assertEquals(3, p1.getInt("total"));
    assertEquals(2, p1.getInt("last_page"));
    assertTrue(p1.getString("next_page_url").endsWith(PAY + "?page=2"), p1.getString("next_page_url"));
    JsonArray rows = p1.getJsonArray("data");
    assertEquals(List.of(ids.get(2), ids.get(1)), List.of(id(rows, 0), id(rows, 1)), "newest first");
    JsonObject newest = rows.getJsonObject(0);
    assertEquals(300, newest.getJsonNumber("amount").intValue());
    assertEquals("agent_transaction", newest.getString("original_transaction_type"));
    assertEquals(listerId, newest.getJsonObject("original_transaction").getJsonNumber("agent_id").longValue());
    JsonObject device = newest.getJsonObject("device");
    assertEquals("MTR-PIPE-L01", device.getString("device_serial"));
    assertEquals(first, device.getJsonObject("person").getJsonNumber("id").longValue());
    assertEquals("MTR-PIPE-L01", device.getJsonObject("device").getString("serial_number"));
    Resp page2 = api.get(PAY + "?per_page=2&page=2", lister);
    assertEquals(List.of(ids.get(0)), List.of(id(page2.obj().getJsonArray("data"), 0)));

    Resp ofFirst = api.get(PAY + "/" + first, lister);
    assertEquals(200, ofFirst.status(), ofFirst.body());
    assertEquals(15, ofFirst.obj().getInt("per_page"));
    JsonArray firstRows = ofFirst.obj().getJsonArray("data");
    assertEquals(List.of(ids.get(2), ids.get(0)), List.of(id(firstRows, 0), id(firstRows, 1)));
    assertEquals(2, firstRows.size(), "the other agent's payment on the same meter is not listed");
    assertEquals(1, api.get(PAY + "/" + second, lister).obj().getInt("total"));
    assertTrue(api.get(PAY + "?per_page=100", agentToken).obj().getJsonArray("data").stream()
        .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).noneMatch(ids::contains),
        "the first agent sees none of the second agent's payments");
    assertTrue(ids.stream().noneMatch(i -> i == others));

    // The balance is read afresh: lowered by the full 600 taken (the commission goes to commission_revenue).
    Resp balance = api.get("/api/app/agents/balance", lister);
    assertEquals(200, balance.status(), balance.body());
    double stored;
    try (Connection c = Db.tenant(t); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT balance FROM agents WHERE id = " + listerId)) {
      rs.next();
      stored = rs.getDouble(1);
    }
    assertEquals(-600, stored, 1e-9);
    assertEquals(stored, Double.parseDouble(balance.body()), 1e-9);
    assertEquals(401, api.get("/api/app/agents/balance", t.token()).status(), "a web user is not an agent");
    assertEquals(401, api.get(PAY, "not-a-token").status());
  }

  static long id(JsonArray rows, int i) {
    return rows.getJsonObject(i).getJsonNumber("id").longValue();
  }

  interface Check {
    long value() throws Exception;
  }

  /** Polls a value until it equals {@code expected} (at most 20 s) and returns the last value seen. */
  static long waitFor(Check check, long expected) throws Exception {
    long end = System.nanoTime() + 20_000_000_000L;
    long v = check.value();
    while (v != expected && System.nanoTime() < end) {
      Thread.sleep(200);
      v = check.value();
    }
    return v;
  }

}
