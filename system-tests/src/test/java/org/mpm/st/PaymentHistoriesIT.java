package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * A person's payment history (per month, per period and payment type, spacing of the latest payments, debts) and
 * the company's daily payments. Payments are written straight into the company's database, as the payment
 * pipeline would.
 */
class PaymentHistoriesIT {

  static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static Api api;
  static Tenant a;
  static Tenant b;
  /** Pays in 2025 and 2026; owns two meters with access-rate debt. */
  static long payer;
  /** Another customer of company A, paying on 2026-03-02. */
  static long neighbour;
  /** No payments, no meters. */
  static long idle;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    a = api.registerCompany("payhist-a");
    b = api.registerCompany("payhist-b");
    payer = person(a, "Neema", "+255712000001");
    neighbour = person(a, "Baraka", "+255712000002");
    idle = person(a, "Juma", "+255712000003");
    try (Connection c = Db.tenant(a)) {
      pay(c, payer, "energy", 500, "2026-03-02 10:00:00");
      pay(c, payer, "energy", 700, "2026-03-10 12:00:00");
      pay(c, payer, "access rate", 300, "2026-03-10 12:00:00");
      pay(c, payer, "energy", 200, "2026-01-15 08:00:00");
      pay(c, payer, "installment", 100, "2026-12-31 23:30:00");
      pay(c, payer, "energy", 400, "2025-06-05 09:00:00");
      pay(c, neighbour, "energy", 999, "2026-03-02 15:00:00");

      long meter1 = meter(c, payer, "meter", "PH-M-1");
      long meter2 = meter(c, payer, "meter", "PH-M-2");
      long other = meter(c, neighbour, "meter", "PH-M-3");
      accessRateDebt(c, meter1, 250);
      accessRateDebt(c, meter2, 120.5);
      accessRateDebt(c, other, 1000);
    }
  }

  static long person(Tenant t, String name, String phone) {
    Resp r = api.post("/api/people", "{\"name\":\"" + name + "\",\"surname\":\"Payer\",\"phone\":\"" + phone
        + "\",\"is_customer\":true}", t.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  /** A transaction of the amount and its single payment-history row, paid by the person for a token. */
  static void pay(Connection c, long personId, String type, double amount, String createdAt) throws Exception {
    long tx = Db.insert(c, "INSERT INTO transactions (original_transaction_id, original_transaction_type, amount,"
        + " type, sender, message, created_at, updated_at)"
        + " VALUES (1, 'cash_transaction', ?, 'energy', '+255712000000', 'PH-M-1', ?, ?)", amount, createdAt,
        createdAt);
    Db.exec(c, "INSERT INTO payment_histories (amount, transaction_id, payment_service, sender, payment_type,"
        + " paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at)"
        + " VALUES (?, ?, 'cash_transaction', '+255712000000', ?, 'token', ?, 'person', ?, ?, ?)", amount, tx, type,
        tx, personId, createdAt, createdAt);
  }

  /** A meter (or another device type) of the person; returns the meter id. */
  static long meter(Connection c, long personId, String deviceType, String serial) throws Exception {
    long id = Db.insert(c, "INSERT INTO meters (serial_number, meter_type_id, in_use, manufacturer_id,"
        + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at)"
        + " VALUES (?, 1, 1, 1, 1, 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())", serial);
    Db.exec(c, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", personId, deviceType, id, serial);
    return id;
  }

  static void accessRateDebt(Connection c, long meterId, double debt) throws Exception {
    Db.exec(c, "INSERT INTO access_rate_payments (meter_id, access_rate_id, due_date, debt, unpaid_in_row,"
        + " created_at, updated_at) VALUES (?, 1, '2026-04-01 00:00:00', ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
        meterId, debt);
  }

  static double[] numbers(JsonArray a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      out[i] = a.getJsonNumber(i).doubleValue();
    }
    return out;
  }

  @Test
  void monthlyTotalsOfAYear() {
    Resp r = api.get("/api/paymenthistories/" + payer + "/flow/2026", a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray months = r.arr();
    assertEquals(12, months.size(), r.body());
    assertEquals(List.of(200.0, 0.0, 1500.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 100.0),
        Arrays.stream(numbers(months)).boxed().toList());
    assertTrue(months.getJsonNumber(1).isIntegral(), "a month without payments is 0, as in MPM");

    double[] y2025 = numbers(api.get("/api/paymenthistories/" + payer + "/flow/2025", a.token()).arr());
    assertEquals(400.0, y2025[5]);
    assertEquals(400.0, Arrays.stream(y2025).sum());
    assertEquals(0.0, Arrays.stream(numbers(api.get("/api/paymenthistories/" + payer + "/flow/2024",
        a.token()).arr())).sum());

    int thisYear = LocalDateTime.now(ZoneOffset.UTC).getYear();
    assertEquals(api.get("/api/paymenthistories/" + payer + "/flow/" + thisYear, a.token()).body(),
        api.get("/api/paymenthistories/" + payer + "/flow", a.token()).body(), "the year defaults to this one");

    Resp badYear = api.get("/api/paymenthistories/" + payer + "/flow/last", a.token());
    assertEquals(422, badYear.status(), badYear.body());
    assertTrue(badYear.obj().getJsonObject("errors").containsKey("year"));
  }

  @Test
  void paymentsPerPeriodAndType() {
    Resp monthly = api.get("/api/paymenthistories/" + payer + "/payments/M", a.token());
    assertEquals(200, monthly.status(), monthly.body());
    JsonObject m = monthly.obj();
    assertEquals(List.of("6/2025", "1/2026", "3/2026", "12/2026"), List.copyOf(m.keySet()), "oldest period first");
    assertEquals(400.0, m.getJsonObject("6/2025").getJsonNumber("energy").doubleValue());
    assertEquals(List.of("energy", "access rate"), List.copyOf(m.getJsonObject("3/2026").keySet()));
    assertEquals(1200.0, m.getJsonObject("3/2026").getJsonNumber("energy").doubleValue());
    assertEquals(300.0, m.getJsonObject("3/2026").getJsonNumber("access rate").doubleValue());
    assertEquals(100.0, m.getJsonObject("12/2026").getJsonNumber("installment").doubleValue());
    assertEquals(monthly.body(), api.get("/api/paymenthistories/" + payer + "/payments/m", a.token()).body(),
        "the period is case-insensitive");

    JsonObject yearly = api.get("/api/paymenthistories/" + payer + "/payments/Y", a.token()).obj();
    assertEquals(List.of("2025", "2026"), List.copyOf(yearly.keySet()));
    assertEquals(1400.0, yearly.getJsonObject("2026").getJsonNumber("energy").doubleValue());
    assertEquals(List.of("energy", "access rate", "installment"), List.copyOf(yearly.getJsonObject("2026").keySet()));

    JsonObject daily = api.get("/api/paymenthistories/" + payer + "/payments/D", a.token()).obj();
    assertEquals(List.of("5/6/2025", "15/1/2026", "2/3/2026", "10/3/2026", "31/12/2026"),
        List.copyOf(daily.keySet()));
    assertEquals(700.0, daily.getJsonObject("10/3/2026").getJsonNumber("energy").doubleValue());
    assertEquals(300.0, daily.getJsonObject("10/3/2026").getJsonNumber("access rate").doubleValue());

    JsonObject weekly = api.get("/api/paymenthistories/" + payer + "/payments/W", a.token()).obj();
    assertEquals(List.of("22/2025", "2/2026", "9/2026", "10/2026", "52/2026"), List.copyOf(weekly.keySet()),
        "MySQL's WEEK(): weeks start on Sunday");

    JsonObject limited = api.get("/api/paymenthistories/" + payer + "/payments/M/2", a.token()).obj();
    assertEquals(List.of("6/2025", "1/2026"), List.copyOf(limited.keySet()));

    Resp newest = api.get("/api/paymenthistories/" + payer + "/payments/M/2/desc", a.token());
    assertEquals(200, newest.status(), newest.body());
    assertEquals("{\"12/2026\":{\"installment\":100.0},\"3/2026\":{\"access rate\":300.0}}", newest.body(),
        "the limit counts (period, payment type) sums, newest first");
    assertEquals(5, api.get("/api/paymenthistories/" + payer + "/payments/M/100/ASC", a.token()).obj()
        .values().stream().mapToInt(v -> v.asJsonObject().size()).sum());

    assertEquals("[]", api.get("/api/paymenthistories/" + idle + "/payments/M", a.token()).body(),
        "no payments: an empty array, as PHP writes it");

    for (String bad : new String[] {"X", "M/ten", "M/2/sideways", "month"}) {
      Resp r = api.get("/api/paymenthistories/" + payer + "/payments/" + bad, a.token());
      assertEquals(422, r.status(), bad + ": " + r.body());
      assertTrue(r.obj().containsKey("errors"), r.body());
    }
  }

  @Test
  void spacingOfTheLatestPayments() throws Exception {
    long regular = person(a, "Rehema", "+255712000004");
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    try (Connection c = Db.tenant(a)) {
      for (int i = 0; i < 12; i++) {
        pay(c, regular, "energy", 100, SQL.format(now.minusDays(3 + i).minusHours(1)));
      }
    }
    Resp r = api.get("/api/paymenthistories/" + regular + "/period", a.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"data\":{\"difference\":\"9 days\",\"lastTransaction\":\"3 days ago\"}}", r.body(),
        "the ten latest payments span 9 days");

    assertEquals("{\"data\":{\"difference\":\"no data available\",\"lastTransaction\":null}}",
        api.get("/api/paymenthistories/" + idle + "/period", a.token()).body());
    Resp notANumber = api.get("/api/paymenthistories/abc/period", a.token());
    assertEquals(404, notANumber.status());
    assertEquals("No query results for model [App\\Models\\Person\\Person] abc", notANumber.message());
  }

  @Test
  void debtsOfThePersonsMeters() {
    Resp r = api.get("/api/paymenthistories/debt/" + payer, a.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals(List.of("access_rate", "deferred"), List.copyOf(d.keySet()));
    assertEquals(370.5, d.getJsonNumber("access_rate").doubleValue(), "the two meters of the person only");
    assertEquals(0, d.getInt("deferred"));
    assertEquals("{\"data\":{\"access_rate\":0,\"deferred\":0}}",
        api.get("/api/paymenthistories/debt/" + idle, a.token()).body());
  }

  @Test
  void dailyTotalsOfTheCompany() {
    Resp r = api.post("/api/paymenthistories/overview", "{\"begin\":\"2026-03-01\",\"end\":\"2026-03-10\"}",
        a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray days = r.obj().getJsonArray("data");
    assertEquals(10, days.size(), "both ends included");
    assertEquals("{\"date\":\"2026-03-01\",\"amount\":0}", days.getJsonObject(0).toString());
    assertEquals("2026-03-02", days.getJsonObject(1).getString("date"));
    assertEquals(1499.0, days.getJsonObject(1).getJsonNumber("amount").doubleValue(), "every payer of the company");
    assertEquals(0, days.getJsonObject(2).getInt("amount"));
    assertEquals("2026-03-10", days.getJsonObject(9).getString("date"));
    assertEquals(1000.0, days.getJsonObject(9).getJsonNumber("amount").doubleValue());

    assertEquals("{\"data\":[]}", api.post("/api/paymenthistories/overview",
        "{\"begin\":\"2026-03-10\",\"end\":\"2026-03-01\"}", a.token()).body(), "end before begin");
    JsonArray withTime = api.post("/api/paymenthistories/overview",
        "{\"begin\":\"2026-03-02T00:00:00.000Z\",\"end\":\"2026-03-02\"}", a.token()).obj().getJsonArray("data");
    assertEquals(1, withTime.size());
    assertEquals(1499.0, withTime.getJsonObject(0).getJsonNumber("amount").doubleValue());

    Resp missing = api.post("/api/paymenthistories/overview", "{}", a.token());
    assertEquals(422, missing.status());
    assertEquals("The begin field is required. (and 1 more error)", missing.message());
    assertEquals("[\"The end field is required.\"]", missing.obj().getJsonObject("errors").getJsonArray("end")
        .toString());
    Resp notDates = api.post("/api/paymenthistories/overview", "{\"begin\":\"yesterday\",\"end\":\"2026-13-01\"}",
        a.token());
    assertEquals(422, notDates.status());
    assertEquals("[\"The begin field must be a valid date.\"]", notDates.obj().getJsonObject("errors")
        .getJsonArray("begin").toString());
    assertEquals("[\"The end field must be a valid date.\"]", notDates.obj().getJsonObject("errors")
        .getJsonArray("end").toString());
    assertEquals(422, api.post("/api/paymenthistories/overview", "{\"begin\":\"1900-01-01\",\"end\":\"2026-01-01\"}",
        a.token()).status(), "at most ten years of days");
  }

  @Test
  void unknownPersonIsNotFound() {
    for (String path : new String[] {"/999999/flow", "/999999/flow/2026", "/999999/period", "/debt/999999",
        "/999999/payments/M", "/999999/payments/M/1/DESC"}) {
      Resp r = api.get("/api/paymenthistories" + path, a.token());
      assertEquals(404, r.status(), path);
      assertEquals("No query results for model [App\\Models\\Person\\Person] 999999", r.message(), path);
    }
    long gone = person(a, "Faraji", "+255712000005");
    assertEquals(200, api.delete("/api/people/" + gone, a.token()).status());
    assertEquals(404, api.get("/api/paymenthistories/" + gone + "/flow", a.token()).status(), "deleted person");
  }

  @Test
  void needsThePaymentsPermission() {
    String email = "clerk-" + System.nanoTime() + "@example.com";
    Resp created = api.post("/api/users", "{\"name\":\"Clerk\",\"email\":\"" + email + "\",\"password\":\"secret123\","
        + "\"roles\":[\"user\"]}", a.token());
    assertEquals(200, created.status(), created.body());
    String clerk = api.login(email, "secret123");
    for (Resp r : List.of(api.get("/api/paymenthistories/" + payer + "/flow", clerk),
        api.get("/api/paymenthistories/" + payer + "/period", clerk),
        api.get("/api/paymenthistories/debt/" + payer, clerk),
        api.get("/api/paymenthistories/" + payer + "/payments/M", clerk),
        api.post("/api/paymenthistories/overview", "{\"begin\":\"2026-03-01\",\"end\":\"2026-03-02\"}", clerk))) {
      assertEquals(403, r.status(), r.body());
      assertEquals("User does not have the right permissions.", r.message());
    }
    String financeEmail = "finance-" + System.nanoTime() + "@example.com";
    assertEquals(200, api.post("/api/users", "{\"name\":\"Finance\",\"email\":\"" + financeEmail
        + "\",\"password\":\"secret123\",\"roles\":[\"financial-manager\"]}", a.token()).status());
    assertEquals(200, api.get("/api/paymenthistories/" + payer + "/flow/2026", api.login(financeEmail, "secret123"))
        .status());
    assertEquals(401, api.get("/api/paymenthistories/" + payer + "/flow", null).status());
  }

  @Test
  void anotherCompanySeesNeitherThePersonNorItsPayments() {
    for (String path : new String[] {"/" + payer + "/flow/2026", "/" + payer + "/period", "/debt/" + payer,
        "/" + payer + "/payments/M"}) {
      Resp r = api.get("/api/paymenthistories" + path, b.token());
      assertEquals(404, r.status(), path + ": " + r.body());
    }
    JsonArray days = api.post("/api/paymenthistories/overview", "{\"begin\":\"2026-03-01\",\"end\":\"2026-03-10\"}",
        b.token()).obj().getJsonArray("data");
    assertEquals(10, days.size());
    for (JsonValue day : days) {
      JsonNumber amount = day.asJsonObject().getJsonNumber("amount");
      assertEquals(0.0, amount.doubleValue(), day.toString());
    }
  }
}
