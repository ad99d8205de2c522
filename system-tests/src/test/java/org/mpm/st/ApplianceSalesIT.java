package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Kind;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Outcome;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Result;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Appliances sold on installment: the catalogue, selling with a cash down payment, installments through the payment
 * pipeline with the device's OpenPAYGO tokens, changes to a sale, bad input, two companies kept apart, and after
 * every test the conservation check: for every sale, what its rates were paid equals the payments booked on them.
 */
class ApplianceSalesIT {

  static final String KEY = "b39ab82edc5fbbc41ec9530f6dac86b2";
  static final long STARTING_CODE = 987654321;

  static Api api;
  static Tenant t;
  static Tenant other;
  static long userId;
  static long person;
  static long otherPerson;
  static long shsAppliance;
  static long tv;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("appliances");
    other = api.registerCompany("appliances-b");
    userId = count(t, "SELECT id FROM users ORDER BY id LIMIT 1");
    person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Amani", "Kiwanja", "+255716000001", null));
    // the other company has more customers, so that its buyer's id is none of this company's customers
    for (int i = 0; i < 4; i++) {
      assertEquals(201, PeopleIT.create(other, "Faraja" + (char) ('a' + i), "Kwanza", "+25571600001" + i, null)
          .status());
    }
    otherPerson = PersonDevicesPaymentsIT.id(PeopleIT.create(other, "Baraka", "Mbali", "+255716000002", null));
    for (Tenant x : new Tenant[] {t, other}) {
      Db.exec(x, "INSERT INTO manufacturers (id, type, name, api_name, created_at, updated_at) VALUES"
          + " (1, 'shs', 'Demo SHS Manufacturer', 'DemoShsManufacturerApi', NOW(), NOW())");
    }
    shsAppliance = applianceId(api.post("/api/appliances", "{\"appliance_type_id\":1,\"name\":\"SunPower Home 3000\","
        + "\"price\":1200}", t.token()), "SunPower Home 3000");
    tv = applianceId(api.post("/api/appliances", "{\"appliance_type_id\":3,\"name\":\"SuperVision HD TV\","
        + "\"price\":600}", t.token()), "SuperVision HD TV");
  }

  @AfterAll
  static void everySaleIsAccountedFor() throws Exception {
    conserved(t);
    conserved(other);
  }

  /** The id of the named appliance in a catalogue answer. */
  static long applianceId(Resp r, String name) {
    assertEquals(200, r.status(), r.body());
    for (JsonValue v : r.obj().getJsonArray("data")) {
      if (name.equals(v.asJsonObject().getString("name"))) {
        return v.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError(name + " not in " + r.body());
  }

  /**
   * The conservation check over every sale of the company: what its rates were paid (cost − remaining) equals the
   * payment histories booked on its rates, an installment sale's rates add up to its total cost, and every payment
   * booked for a sale is on the sale's rates in full.
   */
  static void conserved(Tenant x) throws Exception {
    try (Connection c = Db.tenant(x)) {
      conserved(c);
    }
  }

  /** {@link #conserved(Tenant)} on a company's database. */
  static void conserved(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ap.id, (SELECT COALESCE(SUM(r.rate_cost - r.remaining), 0)"
            + " FROM appliance_rates r WHERE r.appliance_person_id = ap.id),"
            + " (SELECT COALESCE(SUM(h.amount), 0) FROM payment_histories h JOIN appliance_rates r"
            + " ON h.paid_for_type = 'appliance_rate' AND h.paid_for_id = r.id WHERE r.appliance_person_id = ap.id),"
            + " (SELECT COALESCE(SUM(r.rate_cost), 0) FROM appliance_rates r WHERE r.appliance_person_id = ap.id),"
            + " ap.total_cost, ap.payment_type FROM appliance_people ap")) {
      while (rs.next()) {
        long sale = rs.getLong(1);
        assertEquals(rs.getLong(2), rs.getLong(3), "rates paid = histories on them, sale " + sale);
        if ("installment".equals(rs.getString(6))) {
          assertEquals(rs.getLong(5), rs.getLong(4), "rates add up to the cost, sale " + sale);
        }
      }
    }
    // every payment booked for a sale (down payment, installment, energy service) went to the sale's rates, whole
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT t.id, t.amount, (SELECT COALESCE(SUM(h.amount), 0)"
            + " FROM payment_histories h WHERE h.transaction_id = t.id AND h.paid_for_type = 'appliance_rate')"
            + " FROM transactions t WHERE t.type IN ('down_payment', 'deferred_payment', 'eaas_rate')")) {
      while (rs.next()) {
        assertEquals(rs.getDouble(2), rs.getDouble(3), 1e-9, "transaction " + rs.getLong(1) + " is all on rates");
      }
    }
  }

  static long registerShs(String serial, long owner) {
    Resp r = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"" + serial + "\"],\"manufacturer_id\":1,"
        + "\"appliance_id\":" + shsAppliance + (owner > 0 ? ",\"person_id\":" + owner : "")
        + ",\"open_paygo\":{\"secret_key\":\"" + KEY + "\",\"starting_code\":" + STARTING_CODE + "}}", t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").getJsonObject(0).getJsonObject("device").getJsonNumber("id").longValue();
  }

  static JsonObject sell(Tenant x, long appliance, long buyer, String fields) {
    Resp r = api.post("/api/appliances/person/" + appliance + "/people/" + buyer, "{\"user_id\":" + userId + ","
        + fields + "}", x.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonObject("appliance_person");
  }

  static Resp pay(Tenant x, long sale, String amount) {
    return api.post("/api/appliances/payment/" + sale, "{\"amount\":" + amount + "}", x.token());
  }

  static long paid(Tenant x, long sale, String amount) {
    Resp r = pay(x, sale, amount);
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("transaction_id").longValue();
  }

  static String[] token(long transactionId) throws Exception {
    try (Connection c = Db.tenant(t); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT token, token_type, token_amount FROM tokens WHERE transaction_id = "
            + transactionId)) {
      assertTrue(rs.next(), "a token for transaction " + transactionId);
      return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
    }
  }

  @Test
  void catalogueTypesAndAppliances() {
    Resp created = api.post("/api/appliances/types", "{\"name\":\"Fridges\"}", t.token());
    assertEquals(201, created.status(), created.body());
    JsonObject type = created.obj().getJsonObject("data");
    assertEquals(false, type.getBoolean("paygo_enabled"));
    long typeId = type.getJsonNumber("id").longValue();
    assertEquals(422, api.post("/api/appliances/types", "{\"name\":\"Fr\"}", t.token()).status());
    Resp renamed = api.put("/api/appliances/types/" + typeId, "{\"name\":\"Cold storage\"}", t.token());
    assertEquals("Cold storage", renamed.obj().getJsonObject("data").getString("name"), renamed.body());
    Resp types = api.get("/api/appliances/types", t.token());
    assertTrue(types.obj().getJsonArray("data").size() >= 5);
    assertEquals(true, types.obj().getJsonArray("data").getJsonObject(0).getBoolean("paygo_enabled"));
    assertEquals(2, api.get("/api/appliances/types?per_page=2", t.token()).obj().getInt("per_page"));

    long fridge = applianceId(api.post("/api/appliances", "{\"appliance_type_id\":" + typeId + ",\"name\":\"Fridge\","
        + "\"price\":900}", t.token()), "Fridge");
    Resp bad = api.post("/api/appliances", "{\"appliance_type_id\":999,\"name\":\"X\",\"price\":0}", t.token());
    assertEquals(422, bad.status());
    JsonObject errors = bad.obj().getJsonObject("errors");
    assertTrue(errors.containsKey("name") && errors.containsKey("price"), bad.body());
    assertEquals(422, api.post("/api/appliances", "{\"appliance_type_id\":999,\"name\":\"Freezer\",\"price\":10}",
        t.token()).status());
    assertEquals(422, api.delete("/api/appliances/types/" + typeId, t.token()).status(), "in use");
    Resp list = api.put("/api/appliances/" + fridge, "{\"price\":950}", t.token());
    assertEquals(200, list.status(), list.body());
    JsonObject updated = list.obj().getJsonArray("data").stream().map(JsonValue::asJsonObject)
        .filter(a -> a.getJsonNumber("id").longValue() == fridge).findFirst().orElseThrow();
    assertEquals(950, updated.getInt("price"));
    assertEquals("Cold storage", updated.getJsonObject("appliance_type").getString("name"));
    // another company sees none of it
    assertEquals(404, api.put("/api/appliances/" + fridge, "{\"price\":1}", other.token()).status());
    assertEquals(404, api.delete("/api/appliances/types/" + typeId, other.token()).status());
    assertTrue(api.get("/api/appliances", other.token()).obj().getJsonArray("data").isEmpty());
    assertEquals(200, api.delete("/api/appliances/" + fridge, t.token()).status());
    assertEquals(200, api.delete("/api/appliances/types/" + typeId, t.token()).status());
    assertEquals(401, api.get("/api/appliances", "not-a-token").status());
  }

  @Test
  void sellWithDownPaymentPayThreeInstallmentsAndTheDeviceUnlocks() throws Exception {
    long device = registerShs("APSHS000001", person);
    JsonObject sale = sell(t, shsAppliance, person, "\"cost\":1200,\"rate\":3,\"rate_type\":\"monthly\","
        + "\"down_payment\":300,\"device_serial\":\"APSHS000001\",\"points\":\"-6.8,39.28\"");
    long saleId = sale.getJsonNumber("id").longValue();
    assertEquals("users", sale.getString("creator_type"));
    assertEquals(300, sale.getInt("down_payment"));
    assertEquals(person, count(t, "SELECT person_id FROM devices WHERE id = " + device));
    assertEquals(300, count(t, "SELECT SUM(amount) FROM transactions WHERE type = 'down_payment' AND message ="
        + " 'APSHS000001'"));

    JsonObject detail = api.get("/api/appliances/person/people/detail/" + saleId, t.token()).obj()
        .getJsonObject("data");
    assertEquals(900, detail.getInt("totalRemainingAmount"));
    assertEquals(300, detail.getInt("totalPayments"));
    assertEquals("monthly", detail.getString("rateType"));
    assertEquals("APSHS000001", detail.getJsonObject("device").getString("device_serial"));
    JsonArray rates = detail.getJsonArray("rates");
    assertEquals(4, rates.size());
    assertEquals(List.of(300, 300, 300, 300), rates.stream().map(r -> r.asJsonObject().getInt("rate_cost")).toList());

    OpenPaygoReferenceDecoder shs = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    for (int i = 0; i < 2; i++) {
      long tx = paid(t, saleId, "300");
      String[] tok = token(tx);
      assertEquals("time", tok[1]);
      Result r = shs.enter(tok[0]);
      assertEquals(Outcome.ACCEPTED, r.outcome(), tok[0]);
      assertEquals(Kind.ADD_TIME, r.kind());
      assertEquals((int) Double.parseDouble(tok[2]), r.value());
      assertTrue(r.value() >= 28 && r.value() <= 31, "a month of days: " + r.value());
      Resp status = api.get("/api/appliances/payment/status/" + tx, t.token());
      assertEquals("processed", status.obj().getJsonObject("data").getString("status"), status.body());
    }
    Resp tooMuch = pay(t, saleId, "301");
    assertEquals(422, tooMuch.status());
    assertEquals("Payment Amount can not bigger than Total Remaining Amount", tooMuch.message());
    long last = paid(t, saleId, "300");
    String[] unlock = token(last);
    assertEquals("unlock", unlock[1]);
    Result r = shs.enter(unlock[0]);
    assertEquals(Outcome.ACCEPTED, r.outcome());
    assertEquals(Kind.DISABLE_PAYG, r.kind());
    detail = api.get("/api/appliances/person/people/detail/" + saleId, t.token()).obj().getJsonObject("data");
    assertEquals(0, detail.getInt("totalRemainingAmount"));
    assertEquals(1200, detail.getInt("totalPayments"));
    assertEquals(422, pay(t, saleId, "1").status(), "nothing is left to pay");

    Resp rates15 = api.get("/api/appliances/person/" + saleId + "/rates?per_page=2", t.token());
    assertEquals(4, rates15.obj().getInt("total"), rates15.body());
    assertEquals(2, rates15.obj().getJsonArray("data").size());
    // another company sees nothing of the sale
    assertEquals(404, api.get("/api/appliances/person/people/detail/" + saleId, other.token()).status());
    assertEquals(404, pay(other, saleId, "1").status());
    assertTrue(api.get("/api/appliances/person/people/" + person, other.token()).obj().getJsonArray("data")
        .isEmpty(), "the other company's customer with the same id has bought nothing");
  }

  @Test
  void anEnergyLikeSaleWithoutDevicePaysPartsAndLogsChanges() throws Exception {
    JsonObject sale = sell(t, tv, person, "\"cost\":700,\"rate\":3,\"rate_type\":\"weekly\"");
    long saleId = sale.getJsonNumber("id").longValue();
    // 700 in 3 rates: 233, 233, 234; sold above the list price: logged
    JsonObject detail = api.get("/api/appliances/person/people/detail/" + saleId, t.token()).obj()
        .getJsonObject("data");
    assertEquals(List.of(233, 233, 234), detail.getJsonArray("rates").stream()
        .map(r -> r.asJsonObject().getInt("rate_cost")).toList());
    assertEquals("weekly", detail.getString("rateType"));
    String currency = count(t, "SELECT COUNT(*) FROM main_settings WHERE currency = 'TZS'") > 0 ? "TZS" : "€";
    assertEquals("Appliance is sold to 700 " + currency + " instead of Preferred Price (600 " + currency + ")",
        detail.getJsonArray("logs").getJsonObject(0).getString("action"));
    assertEquals(422, pay(t, saleId, "200").status(), "below the next rate");
    long tx = paid(t, saleId, "300");
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE id = " + tx
        + " AND type = 'deferred_payment' AND message = '" + saleId + "'"));
    // 233 paid, 67 of the second rate: it stays open for 166
    detail = api.get("/api/appliances/person/people/detail/" + saleId, t.token()).obj().getJsonObject("data");
    assertEquals(List.of(0, 166, 234), detail.getJsonArray("rates").stream()
        .map(r -> r.asJsonObject().getInt("remaining")).toList());

    // a new total: 800 − 300 paid − 166 open on the rate paid in part, spread over the one unpaid rate
    Resp total = api.put("/api/appliances/person/" + saleId + "/total-cost", "{\"new_total_cost\":800}", t.token());
    assertEquals(200, total.status(), total.body());
    assertEquals(500, total.obj().getJsonObject("data").getInt("totalRemainingAmount"));
    assertEquals(422, api.put("/api/appliances/person/" + saleId + "/total-cost", "{\"new_total_cost\":299}",
        t.token()).status());
    long lastRate = detail.getJsonArray("rates").getJsonObject(2).getJsonNumber("id").longValue();
    long paidRate = detail.getJsonArray("rates").getJsonObject(0).getJsonNumber("id").longValue();
    Resp rate = api.put("/api/appliances/rates/" + lastRate, "{\"newCost\":400,\"admin_id\":" + userId + "}",
        t.token());
    assertEquals(200, rate.status(), rate.body());
    assertEquals(400, rate.obj().getJsonObject("data").getInt("remaining"));
    assertEquals(422, api.put("/api/appliances/rates/" + paidRate, "{\"newCost\":1}", t.token()).status());
    assertEquals(866, count(t, "SELECT total_cost FROM appliance_people WHERE id = " + saleId));
    Resp logs = api.get("/api/appliances/person/" + saleId + "/logs", t.token());
    assertEquals(3, logs.obj().getInt("total"), logs.body());
    assertTrue(logs.obj().getJsonArray("data").getJsonObject(0).getString("action").contains("cost updated"));
    assertNotNull(logs.obj().getJsonArray("data").getJsonObject(0).getJsonObject("owner"));
  }

  @Test
  void anEnergyServiceSaleBuysDaysAtItsPricePerDay() throws Exception {
    registerShs("APSHS000005", person);
    JsonObject sale = sell(t, shsAppliance, person, "\"payment_type\":\"energy_service\",\"cost\":0,\"rate\":0,"
        + "\"minimum_payable_amount\":1000,\"price_per_day\":100,\"device_serial\":\"APSHS000005\"");
    long saleId = sale.getJsonNumber("id").longValue();
    assertEquals("energy_service", sale.getString("payment_type"));
    assertEquals(100, sale.getInt("price_per_day"));
    Resp small = pay(t, saleId, "999");
    assertEquals(422, small.status());
    assertEquals("Payment amount can not be less than minimum payable amount (1000)", small.message());
    long tx = paid(t, saleId, "1500");
    String[] tok = token(tx);
    assertEquals("time", tok[1]);
    assertEquals(15, (int) Double.parseDouble(tok[2]), "1500 at 100 a day");
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE id = " + tx + " AND type = 'eaas_rate'"));
    JsonObject detail = api.get("/api/appliances/person/people/detail/" + saleId, t.token()).obj()
        .getJsonObject("data");
    assertEquals(1500, detail.getInt("totalPayments"));
    assertEquals(0, detail.getInt("totalRemainingAmount"));
    assertEquals(1, detail.getJsonArray("rates").size());
  }

  @Test
  void anEnergyPaymentFirstSettlesAnOverdueInstallment() throws Exception {
    JsonObject sale = sell(t, tv, person, "\"cost\":600,\"rate\":2,\"rate_type\":\"monthly\"");
    long saleId = sale.getJsonNumber("id").longValue();
    Db.exec(t, "UPDATE appliance_rates SET due_date = NOW() - INTERVAL 3 DAY WHERE appliance_person_id = " + saleId
        + " ORDER BY due_date LIMIT 1");
    Resp shs = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"APSHS000002\"],\"manufacturer_id\":1,"
        + "\"appliance_id\":" + shsAppliance + ",\"person_id\":" + person + ",\"daily_price\":100}", t.token());
    assertEquals(200, shs.status(), shs.body());
    String hash = Db.demoPasswordHash();
    try (Connection c = Db.tenant(t)) {
      long commission = Db.insert(c, "INSERT INTO agent_commissions (name, energy_commission, appliance_commission,"
          + " risk_balance, created_at, updated_at) VALUES ('Field', 0.05, 0.03, 5000000, NOW(), NOW())");
      Db.insert(c, "INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id, email,"
          + " password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection) VALUES"
          + " (1, 1, " + commission + ", 'phone-1', 'appliances-agent@example.com', '" + hash + "', '', 0, 0,"
          + " NOW(), NOW(), 'tenant')");
    }
    Db.addLogin("appliances-agent@example.com", t.companyId());
    Resp login = api.post("/api/app/login", "{\"email\":\"appliances-agent@example.com\",\"password\":\"123123\"}",
        null);
    assertEquals(200, login.status(), login.body());
    // an energy payment of 500 on the customer's solar home system: 300 settle the overdue rate, 200 buy 2 days
    Resp r = api.post("/api/app/agents/transactions", "{\"device_serial\":\"APSHS000002\",\"amount\":500}",
        login.obj().getString("access_token"));
    assertEquals(200, r.status(), r.body());
    long tx = r.obj().getJsonObject("data").getJsonNumber("id").longValue();
    assertEquals(300, count(t, "SELECT SUM(amount) FROM payment_histories WHERE transaction_id = " + tx
        + " AND payment_type = 'installment'"));
    assertEquals(2, count(t, "SELECT token_amount FROM tokens WHERE transaction_id = " + tx));
    JsonObject detail = api.get("/api/appliances/person/people/detail/" + saleId, t.token()).obj()
        .getJsonObject("data");
    assertEquals(300, detail.getInt("totalPayments"));
    assertEquals(List.of(0, 300), detail.getJsonArray("rates").stream().map(x -> x.asJsonObject().getInt("remaining"))
        .toList());
  }

  @Test
  void aSaleDeletedAfterPaymentsKeepsEveryCoin() throws Exception {
    registerShs("APSHS000003", 0);
    JsonObject sale = sell(t, shsAppliance, person, "\"cost\":1000,\"rate\":4,\"rate_type\":\"monthly\","
        + "\"down_payment\":200,\"device_serial\":\"APSHS000003\"");
    long saleId = sale.getJsonNumber("id").longValue();
    paid(t, saleId, "250");
    Resp deleted = api.delete("/api/appliances/person/" + saleId, t.token());
    assertEquals(200, deleted.status(), deleted.body());
    assertNotNull(deleted.obj().getJsonObject("data").getString("deleted_at"));
    assertEquals(450, deleted.obj().getJsonObject("data").getInt("totalPayments"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM devices WHERE device_serial = 'APSHS000003' AND person_id IS NOT"
        + " NULL"), "the device is released");
    assertEquals(404, pay(t, saleId, "200").status(), "a deleted sale takes no payment");
    assertEquals(450, count(t, "SELECT SUM(amount) FROM transactions WHERE message = 'APSHS000003'"));
    // the customer's list still shows it, and the device can be sold again
    JsonArray mine = api.get("/api/appliances/person/people/" + person, t.token()).obj().getJsonArray("data");
    assertTrue(mine.stream().anyMatch(s -> s.asJsonObject().getJsonNumber("id").longValue() == saleId
        && !s.asJsonObject().isNull("deleted_at")));
    sell(t, shsAppliance, person, "\"cost\":1000,\"rate\":2,\"rate_type\":\"monthly\","
        + "\"device_serial\":\"APSHS000003\"");
  }

  @Test
  void twentyConcurrentPaymentsOnOneSaleAreEachBookedOnce() throws Exception {
    JsonObject sale = sell(t, tv, person, "\"cost\":2000,\"rate\":20,\"rate_type\":\"weekly\"");
    long saleId = sale.getJsonNumber("id").longValue();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Resp>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit((Callable<Resp>) () -> pay(t, saleId, "100")));
    }
    for (Future<Resp> f : answers) {
      Resp r = f.get();
      assertEquals(200, r.status(), r.body());
    }
    pool.shutdown();
    assertEquals(0, count(t, "SELECT SUM(remaining) FROM appliance_rates WHERE appliance_person_id = " + saleId));
    assertEquals(20, count(t, "SELECT COUNT(*) FROM transactions WHERE type = 'deferred_payment' AND message = '"
        + saleId + "'"));
    assertEquals(2000, count(t, "SELECT SUM(h.amount) FROM payment_histories h JOIN appliance_rates r ON"
        + " h.paid_for_type = 'appliance_rate' AND h.paid_for_id = r.id WHERE r.appliance_person_id = " + saleId));
    conserved(t);
  }

  @Test
  void remindersAreQueuedOnceForRatesDueSoonAndOverdue() throws Exception {
    long ice = applianceId(api.post("/api/appliances", "{\"appliance_type_id\":4,\"name\":\"Ice Cubes (5kg)\","
        + "\"price\":5000}", t.token()), "Ice Cubes (5kg)");
    Resp policy = api.post("/api/sms-appliance-remind-rate", "{\"appliance_type_id\":" + ice
        + ",\"overdue_remind_rate\":1,\"remind_rate\":3,\"enabled\":true}", t.token());
    assertEquals(200, policy.status(), policy.body());
    // a customer of its own: the overdue rate must not meet the other tests' payments
    long buyer = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Rehema", "Kumbuka", "+255716000009", null));
    long saleId = sell(t, ice, buyer, "\"cost\":5000,\"rate\":3,\"rate_type\":\"monthly\"")
        .getJsonNumber("id").longValue();
    List<Long> rates = new ArrayList<>();
    for (JsonValue v : api.get("/api/appliances/person/" + saleId + "/rates", t.token()).obj().getJsonArray("data")) {
      rates.add(v.asJsonObject().getJsonNumber("id").longValue());
    }
    // the first rate 5 days overdue, the second due in 2 days, the third in a month (not reminded)
    Db.exec(t, "UPDATE appliance_rates SET due_date = CURRENT_DATE - INTERVAL 5 DAY WHERE id = " + rates.get(0),
        "UPDATE appliance_rates SET due_date = CURRENT_DATE + INTERVAL 2 DAY WHERE id = " + rates.get(1));
    long end = System.nanoTime() + 30_000_000_000L;
    while (count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id IN ("
        + rates.get(0) + ", " + rates.get(1) + ")") < 2 && System.nanoTime() < end) {
      Thread.sleep(250);
    }
    Thread.sleep(7_000); // two more rounds of the reminder clock: nothing is reminded twice
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id = "
        + rates.get(0) + " AND body LIKE 'you forgot to pay the rate of Ice Cubes (5kg) ( 1666 )%'"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id = "
        + rates.get(1) + " AND body LIKE '%the next rate of  Ice Cubes (5kg)%'"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id = "
        + rates.get(2)));
    assertEquals(2, count(t, "SELECT remind FROM appliance_rates WHERE id = " + rates.get(0)));
    assertEquals(1, count(t, "SELECT remind FROM appliance_rates WHERE id = " + rates.get(1)));
    assertEquals(0, count(other, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate'"));
  }

  @Test
  void badInputIsRefusedAndWritesNothing() throws Exception {
    long before = count(t, "SELECT COUNT(*) FROM appliance_people");
    String base = "/api/appliances/person/" + tv + "/people/" + person;
    Resp negative = api.post(base, "{\"user_id\":" + userId + ",\"cost\":-5,\"rate\":-1,\"rate_type\":\"daily\"}",
        t.token());
    assertEquals(422, negative.status());
    JsonObject e = negative.obj().getJsonObject("errors");
    assertTrue(e.containsKey("cost") && e.containsKey("rate") && e.containsKey("rate_type"), negative.body());
    Resp down = api.post(base, "{\"user_id\":" + userId + ",\"cost\":100,\"rate\":2,\"rate_type\":\"monthly\","
        + "\"down_payment\":101}", t.token());
    assertEquals(422, down.status());
    assertTrue(down.obj().getJsonObject("errors").containsKey("down_payment"), down.body());
    assertEquals(422, api.post(base, "{\"user_id\":" + userId + ",\"cost\":100,\"rate\":2,\"rate_type\":\"monthly\","
        + "\"device_serial\":\"NO-SUCH-DEVICE\"}", t.token()).status());
    int malformed = api.post(base, "{\"user_id\":", t.token()).status();
    assertTrue(malformed >= 400 && malformed < 500, "malformed JSON: " + malformed);
    assertEquals(422, api.post(base, "{\"user_id\":" + userId + ",\"cost\":100,\"rate\":2,\"rate_type\":\"monthly\","
        + "\"payment_provider\":25}", t.token()).status());
    // another company's appliance or person
    assertEquals(404, api.post("/api/appliances/person/" + tv + "/people/" + otherPerson, "{\"user_id\":" + userId
        + ",\"cost\":100,\"rate\":2,\"rate_type\":\"monthly\"}", t.token()).status());
    assertEquals(404, api.post("/api/appliances/person/" + tv + "/people/" + otherPerson, "{\"user_id\":1,"
        + "\"cost\":100,\"rate\":2,\"rate_type\":\"monthly\"}", other.token()).status());
    // a device already sold
    registerShs("APSHS000004", person);
    sell(t, shsAppliance, person, "\"cost\":600,\"rate\":2,\"rate_type\":\"monthly\","
        + "\"device_serial\":\"APSHS000004\"");
    long sold = count(t, "SELECT COUNT(*) FROM appliance_people");
    Resp twice = api.post("/api/appliances/person/" + shsAppliance + "/people/" + person, "{\"user_id\":" + userId
        + ",\"cost\":600,\"rate\":2,\"rate_type\":\"monthly\",\"device_serial\":\"APSHS000004\"}", t.token());
    assertEquals(422, twice.status());
    assertEquals("The device APSHS000004 is already sold.", twice.message());
    assertEquals(before + 1, sold);
    assertEquals(sold, count(t, "SELECT COUNT(*) FROM appliance_people"));
    // a payment of nothing, not a number, or without the payments permission
    long saleId = count(t, "SELECT MAX(id) FROM appliance_people");
    long txs = count(t, "SELECT COUNT(*) FROM transactions");
    assertEquals(422, pay(t, saleId, "0").status());
    assertEquals(422, pay(t, saleId, "\"abc\"").status());
    assertEquals(403, api.post("/api/appliances/payment/" + saleId, "{\"amount\":300}",
        api.userWithRole(t, "user")).status());
    assertEquals(txs, count(t, "SELECT COUNT(*) FROM transactions"));
    assertEquals("{\"data\":[]}", api.get("/api/appliances/payment/providers", t.token()).body());
  }
}
