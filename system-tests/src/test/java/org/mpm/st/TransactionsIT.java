package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The transaction read routes: list (sort, paging, provider rows), advanced search filters, detail, period
 * analytics and the provider list. Transactions and provider rows are written straight into the company's
 * database (the payment engine that creates them comes later).
 */
class TransactionsIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static long owner;
  static long userId;
  static LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("transactions");
    other = api.registerCompany("transactions-b");
    owner = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Amina", "Payer", "+255715000001", null));
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT MIN(id) FROM users")) {
        r.next();
        userId = r.getLong(1);
      }
      s.executeUpdate("INSERT INTO tariffs (id, name, price, currency, minimum_purchase_amount, created_at,"
          + " updated_at) VALUES (1, 'Simple Tariff', 1000, 'TZS', 0, NOW(), NOW())");
      s.executeUpdate("INSERT INTO meters (id, serial_number, meter_type_id, in_use, manufacturer_id,"
          + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES"
          + " (1, 'M-0001', 1, 1, 1, 1, 1, 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO solar_home_systems (id, appliance_id, serial_number, manufacturer_id, created_at,"
          + " updated_at) VALUES (1, 1, 'SHS-0001', 2, NOW(), NOW())");
      s.executeUpdate("INSERT INTO devices (id, person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at) VALUES (1, " + owner + ", 'meter', 1, 'M-0001', NOW(), NOW()),"
          + " (2, " + owner + ", 'solar_home_system', 1, 'SHS-0001', NOW(), NOW())");
      s.executeUpdate("INSERT INTO cash_transactions (id, user_id, status, created_at, updated_at) VALUES"
          + " (1, " + userId + ", 1, NOW(), NOW()), (2, " + userId + ", 0, NOW(), NOW())");
      s.executeUpdate("INSERT INTO third_party_transactions (id, transaction_id, status, description, created_at,"
          + " updated_at) VALUES (1, 'TP-1', -1, 'failed', NOW(), NOW()), (2, 'TP-2', 1, 'ok', NOW(), NOW())");
      tx(s, 1, 1, "cash_transaction", 100, "+255700000001", "M-0001", 3);
      tx(s, 2, 2, "cash_transaction", 200, "+255700000002", "SHS-0001", 2);
      tx(s, 3, 1, "third_party_transaction", 300, "+255700000003", "M-0001", 10);
      tx(s, 4, 2, "third_party_transaction", 400, "+255700000004", "X-unknown", 9);
      tx(s, 5, 7, "agent_transaction", 50, "+255700000005", "M-0001", 5);
      // status 2 is neither settled (1), pending (0) nor failed (-1): the status figures stay as they are
      s.executeUpdate("INSERT INTO agent_transactions (id, agent_id, mobile_device_id, status, created_at,"
          + " updated_at) VALUES (7, 3, 'dev-7', 2, NOW(), NOW())");
      s.executeUpdate("INSERT INTO tokens (transaction_id, token, token_amount, device_id, token_type, token_unit,"
          + " created_at, updated_at) VALUES (1, '111222333', 1.5, 1, 'energy', 'kWh', NOW(), NOW())");
      s.executeUpdate("INSERT INTO transaction_conflicts (transaction_type, transaction_id, state, created_at,"
          + " updated_at) VALUES ('cash_transaction', 1, 'first try failed', NOW(), NOW()),"
          + " ('third_party_transaction', 1, 'not ours', NOW(), NOW())");
      s.executeUpdate("INSERT INTO payment_histories (amount, transaction_id, payment_service, sender, payment_type,"
          + " paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at) VALUES (100, 1, 'web',"
          + " '+255700000001', 'energy', 'token', 1, 'person', " + owner + ", NOW(), NOW())");
    }
  }

  static void tx(Statement s, long id, long origin, String type, double amount, String sender, String serial,
      int daysAgo) throws Exception {
    String ts = "'" + today.minusDays(daysAgo) + " 10:00:00'";
    s.executeUpdate("INSERT INTO transactions (id, original_transaction_id, original_transaction_type, amount, type,"
        + " sender, message, created_at, updated_at) VALUES (" + id + ", " + origin + ", '" + type + "', " + amount
        + ", 'energy', '" + sender + "', '" + serial + "', " + ts + ", " + ts + ")");
  }

  static List<Long> ids(String path) {
    Resp r = api.get(path, t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  @Test
  void listIsNewestFirstWithProviderRows() {
    Resp r = api.get("/api/transactions", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject body = r.obj();
    assertEquals(5, body.getInt("total"));
    assertEquals(15, body.getInt("per_page"));
    assertEquals(List.of(2L, 1L, 5L, 4L, 3L), ids("/api/transactions"));
    JsonObject cash = body.getJsonArray("data").getJsonObject(1);
    assertEquals("cash_transaction", cash.getString("original_transaction_type"));
    assertEquals("M-0001", cash.getString("message"));
    assertEquals(100, cash.getJsonNumber("amount").intValue());
    assertEquals("energy", cash.getString("type"));
    assertEquals(1, cash.getJsonObject("original_transaction").getInt("status"));
    assertEquals(userId, cash.getJsonObject("original_transaction").getJsonNumber("user_id").longValue());
    JsonObject agent = body.getJsonArray("data").getJsonObject(2).getJsonObject("original_transaction");
    assertEquals(3, agent.getInt("agent_id"), "the agent's own row");
    assertEquals("dev-7", agent.getString("mobile_device_id"));
    JsonObject third = body.getJsonArray("data").getJsonObject(4);
    assertEquals("TP-1", third.getJsonObject("original_transaction").getString("transaction_id"));
    assertEquals(-1, third.getJsonObject("original_transaction").getInt("status"));
  }

  @Test
  void listSortsAndPages() {
    assertEquals(List.of(5L, 1L, 2L, 3L, 4L), ids("/api/transactions?sort=amount"));
    assertEquals(List.of(2L, 1L), ids("/api/transactions?sort=-amount&per_page=2&page=2"));
    JsonObject page = api.get("/api/transactions?sort=-amount&per_page=2&page=2", t.token()).obj();
    assertEquals(3, page.getInt("last_page"));
    assertEquals(3, page.getInt("from"));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids("/api/transactions?sort=sender"));
    assertEquals(List.of(5L, 4L, 3L, 2L, 1L), ids("/api/transactions?sort=-id"));
    Resp bad = api.get("/api/transactions?sort=status", t.token());
    assertEquals(400, bad.status(), bad.body());
    assertEquals("Requested sort(s) `status` is not allowed. Allowed sort(s) are `id, created_at, amount, sender,"
        + " message, original_transaction_type`.", bad.message());
    assertEquals(400, api.get("/api/transactions/advanced?sort=-foo", t.token()).status());
  }

  @Test
  void advancedSearchFilters() {
    String a = "/api/transactions/advanced";
    assertEquals(List.of(2L, 1L, 5L, 4L, 3L), ids(a));
    assertEquals(List.of(2L, 1L, 5L, 4L, 3L), ids(a + "?provider=-1&deviceType=all"));
    assertEquals(List.of(2L, 1L), ids(a + "?provider=cash_transaction"));
    assertEquals(List.of(4L), ids(a + "?provider=third_party_transaction&status=1"));
    assertEquals(List.of(1L, 4L), ids(a + "?status=1"));
    assertEquals(List.of(2L), ids(a + "?status=0"));
    assertEquals(List.of(3L), ids(a + "?status=-1"));
    assertEquals(List.of(1L, 5L, 3L), ids(a + "?deviceType=meter"));
    assertEquals(List.of(2L), ids(a + "?deviceType=solar_home_system"));
    assertEquals(List.of(), ids(a + "?deviceType=e_bike"));
    assertEquals(List.of(2L), ids(a + "?serial_number=SHS"));
    assertEquals(List.of(1L, 5L, 3L), ids(a + "?tariff=1"));
    assertEquals(List.of(), ids(a + "?tariff=2"));
    assertEquals(List.of(2L, 1L, 5L, 3L), ids(a + "?serial_number=SHS&tariff=1"), "serial OR tariff");
    assertEquals(List.of(2L, 1L, 5L), ids(a + "?from=" + today.minusDays(6)));
    assertEquals(List.of(5L, 4L, 3L), ids(a + "?to=" + today.minusDays(4)));
    assertEquals(List.of(1L, 5L), ids(a + "?from=" + today.minusDays(6) + "&to=" + today.minusDays(3)
        + "%2012:00:00&deviceType=meter"));
    JsonObject p = api.get(a + "?status=1&per_page=1", t.token()).obj();
    assertEquals(2, p.getInt("total"));
    assertEquals(1, p.getJsonArray("data").size());
    assertEquals(1, p.getJsonArray("data").getJsonObject(0).getJsonObject("original_transaction").getInt("status"));
    Resp bad = api.get(a + "?deviceType=boat&status=x", t.token());
    assertEquals(422, bad.status(), bad.body());
    assertEquals("The selected device type is invalid.",
        bad.obj().getJsonObject("errors").getJsonArray("deviceType").getString(0));
    assertEquals("The status field must be an integer.",
        bad.obj().getJsonObject("errors").getJsonArray("status").getString(0));
    assertEquals(422, api.get(a + "?from=yesterday", t.token()).status());
    // a user's wildcards match themselves: no serial holds % or _
    assertEquals(List.of(), ids(a + "?serial_number=%25"));
    assertEquals(List.of(), ids(a + "?serial_number=_"));
  }

  @Test
  void detailHasTokenOriginPaymentsAndDevice() {
    Resp r = api.get("/api/transactions/1", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals(1, d.getInt("id"));
    assertEquals("111222333", d.getJsonObject("token").getString("token"));
    assertEquals("kWh", d.getJsonObject("token").getString("token_unit"));
    JsonObject origin = d.getJsonObject("original_transaction");
    assertEquals(1, origin.getInt("status"));
    assertEquals(1, origin.getJsonArray("conflicts").size());
    assertEquals("first try failed", origin.getJsonArray("conflicts").getJsonObject(0).getString("state"));
    assertEquals(userId, origin.getJsonObject("user").getJsonNumber("id").longValue());
    assertEquals(t.ownerEmail(), origin.getJsonObject("user").getString("email"));
    assertFalse(origin.getJsonObject("user").containsKey("password"));
    assertEquals(1, d.getJsonArray("payment_histories").size());
    JsonObject ph = d.getJsonArray("payment_histories").getJsonObject(0);
    assertEquals(100, ph.getJsonNumber("amount").intValue());
    assertEquals(owner, ph.getJsonNumber("payer_id").longValue());
    JsonObject device = d.getJsonObject("device");
    assertEquals("M-0001", device.getString("device_serial"));
    assertEquals("meter", device.getString("device_type"));
    assertEquals("M-0001", device.getJsonObject("device").getString("serial_number"));
    assertEquals(1, device.getJsonObject("device").getInt("tariff_id"));
    assertEquals(owner, device.getJsonObject("person").getJsonNumber("id").longValue());
    assertEquals("Amina", device.getJsonObject("person").getString("name"));

    JsonObject third = api.get("/api/transactions/3", t.token()).obj().getJsonObject("data");
    assertEquals(JsonValue.NULL, third.get("token"));
    assertEquals("not ours", third.getJsonObject("original_transaction").getJsonArray("conflicts").getJsonObject(0)
        .getString("state"));
    assertFalse(third.getJsonObject("original_transaction").containsKey("user"), "only cash payments have a user");
    JsonObject unknown = api.get("/api/transactions/4", t.token()).obj().getJsonObject("data");
    assertEquals(JsonValue.NULL, unknown.get("device"));
    assertEquals(0, unknown.getJsonArray("payment_histories").size());
    JsonObject agent = api.get("/api/transactions/5", t.token()).obj().getJsonObject("data")
        .getJsonObject("original_transaction");
    assertEquals(3, agent.getInt("agent_id"), "an agent payment shows the agent's row");
    assertEquals(0, agent.getJsonArray("conflicts").size());

    Resp missing = api.get("/api/transactions/9999", t.token());
    assertEquals(404, missing.status(), missing.body());
    assertEquals("No query results for model [App\\Models\\Transaction\\Transaction] 9999", missing.message());
    assertEquals(404, api.get("/api/transactions/1", other.token()).status(), "another company's transaction");
  }

  @Test
  void analyticsComparesLastSevenDaysWithTheSevenBefore() {
    Resp r = api.get("/api/transactions/analytics/2", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject b = r.obj();
    assertTrue(b.getBoolean("success"));
    JsonObject cur = b.getJsonObject("current");
    assertEquals(3, cur.getInt("total"), "transactions 1, 2 and 5");
    assertEquals(100.0, cur.getJsonNumber("amount").doubleValue(), 1e-9, "only confirmed amounts");
    assertEquals(1, cur.getInt("confirmed"));
    assertEquals(1, cur.getInt("cancelled"), "status 0 counts as cancelled in MPM");
    assertEquals(100.0 / 3, cur.getJsonNumber("confirmedPercentage").doubleValue(), 1e-9);
    JsonObject past = b.getJsonObject("past");
    assertEquals(2, past.getInt("total"));
    assertEquals(400.0, past.getJsonNumber("amount").doubleValue(), 1e-9);
    assertEquals(1, past.getInt("confirmed"));
    assertEquals(0, past.getInt("cancelled"));
    assertEquals(50, past.getJsonNumber("confirmedPercentage").intValue());
    JsonObject an = b.getJsonObject("analytics");
    assertEquals(50.0, an.getJsonObject("totalPercentage").getJsonNumber("percentage").doubleValue(), 1e-9);
    assertEquals("green", an.getJsonObject("totalPercentage").getString("color"));
    assertEquals(-16.67, an.getJsonObject("confirmationPercentage").getJsonNumber("percentage").doubleValue(), 1e-9);
    assertEquals("red", an.getJsonObject("confirmationPercentage").getString("color"));
    assertEquals(33.33, an.getJsonObject("cancelationPercentage").getJsonNumber("percentage").doubleValue(), 1e-9);
    assertEquals("red", an.getJsonObject("cancelationPercentage").getString("color"));
    assertEquals(-75.0, an.getJsonObject("amountPercentage").getJsonNumber("percentage").doubleValue(), 1e-9);
    assertEquals("red", an.getJsonObject("amountPercentage").getString("color"));

    JsonObject month = api.get("/api/transactions/analytics/3", t.token()).obj();
    assertEquals(5, month.getJsonObject("current").getInt("total"));
    assertEquals(500.0, month.getJsonObject("current").getJsonNumber("amount").doubleValue(), 1e-9);
    assertEquals(0, month.getJsonObject("past").getInt("total"));
    assertEquals(0.0, month.getJsonObject("analytics").getJsonObject("totalPercentage").getJsonNumber("percentage")
        .doubleValue(), 1e-9);
    JsonObject todayOnly = api.get("/api/transactions/analytics/0", t.token()).obj();
    assertEquals(0, todayOnly.getJsonObject("current").getInt("total"));
    assertEquals(404, api.get("/api/transactions/analytics/4", t.token()).status());
  }

  @Test
  void providersAreTheTypesInUse() {
    Resp r = api.get("/api/transaction-providers", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of("agent_transaction", "cash_transaction", "third_party_transaction"),
        r.obj().getJsonArray("data").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString).toList());
    assertEquals(0, api.get("/api/transaction-providers", other.token()).obj().getJsonArray("data").size());
  }

  @Test
  void needsTheTransactionsPermission() {
    String regular = api.login("demo_company_regular_user@example.com", "123123");
    for (String path : List.of("/api/transactions", "/api/transactions/1", "/api/transactions/advanced",
        "/api/transactions/analytics/1")) {
      Resp r = api.get(path, regular);
      assertEquals(403, r.status(), path + " " + r.body());
      assertEquals("User does not have the right permissions.", r.message());
    }
    assertEquals(200, api.get("/api/transaction-providers", regular).status(), "only a login is needed");
    assertEquals(401, api.get("/api/transactions", null).status());
  }
}
