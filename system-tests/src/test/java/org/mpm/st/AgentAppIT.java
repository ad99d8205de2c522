package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.FilePart;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The agent app beyond login and payments: customers scoped to the agent's mini-grid (two agents of one company in
 * two mini-grids, and another company), their documents, onboarding and graphs, the agent's appliances and sales
 * with its ledger, free meters and devices, the dashboard, the firebase token and the password reset.
 */
class AgentAppIT {

  static final String APP = "/api/app/agents";

  static Api api;
  static Tenant t;
  static Tenant other;
  static long planId;
  static long villageA;
  static long villageB;
  static long customerA;
  static long customerB;
  static long agentA;
  static String tokenA;
  static long agentB;
  static String tokenB;
  static String tokenOther;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("agent-app");
    other = api.registerCompany("agent-app-b");
    villageA = PeopleIT.village(api, t, "Kijiji A");
    villageB = PeopleIT.village(api, t, "Kijiji B");
    long villageO = PeopleIT.village(api, other, "Kijiji O");
    Resp plan = api.post("/api/agents/commissions", "{\"name\":\"Field\",\"energy_commission\":0.05,"
        + "\"appliance_commission\":0.1,\"risk_balance\":1000}", t.token());
    assertEquals(201, plan.status(), plan.body());
    planId = GeographyIT.id(plan);
    Resp otherPlan = api.post("/api/agents/commissions", "{\"name\":\"Field\",\"energy_commission\":0.05,"
        + "\"appliance_commission\":0.1,\"risk_balance\":1000}", other.token());
    customerA = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Zawadi", "Mkulima", "+255714100001", villageA));
    customerB = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Juma", "Mvuvi", "+255714100002", villageB));
    agentA = agent(t, "app-agent-a@example.com", villageA, planId, "+255714100011");
    tokenA = login("app-agent-a@example.com", "secret1");
    agentB = agent(t, "app-agent-b@example.com", villageB, planId, "+255714100012");
    tokenB = login("app-agent-b@example.com", "secret1");
    agent(other, "app-agent-o@example.com", villageO, GeographyIT.id(otherPlan), "+255714100013");
    tokenOther = login("app-agent-o@example.com", "secret1");
  }

  static long agent(Tenant x, String email, long city, long plan, String phone) {
    Resp made = api.post("/api/agents", "{\"email\":\"" + email + "\",\"name\":\"Wakala\",\"surname\":\"Shamba\","
        + "\"password\":\"secret1\",\"city_id\":" + city + ",\"agent_commission_id\":" + plan + ",\"phone\":\""
        + phone + "\"}", x.token());
    assertEquals(201, made.status(), made.body());
    return GeographyIT.id(made);
  }

  static String login(String email, String password) {
    Resp r = api.post("/api/app/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    assertEquals(200, r.status(), r.body());
    return r.obj().getString("access_token");
  }

  static List<Long> ids(Resp r) {
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue()).toList();
  }

  /** The agent's balance equals the sum of its balance rows, its commission revenue that of its commission rows. */
  static void ledgerHolds(long agent) throws Exception {
    assertEquals(Db.count(t, "SELECT ROUND(balance * 100) FROM agents WHERE id = " + agent),
        Db.count(t, "SELECT COALESCE(ROUND(SUM(amount) * 100), 0) FROM agent_balance_histories WHERE agent_id = "
            + agent + " AND trigger_type <> 'agent_commission'"), "balance = sum of the balance history");
    assertEquals(Db.count(t, "SELECT ROUND(commission_revenue * 100) FROM agents WHERE id = " + agent),
        Db.count(t, "SELECT COALESCE(ROUND(SUM(amount) * 100), 0) FROM agent_balance_histories WHERE agent_id = "
            + agent + " AND trigger_type = 'agent_commission'"), "commission revenue = sum of the commission history");
  }

  static Resp upload(String token, long personId, FilePart file) {
    return api.postMultipart(APP + "/customers/" + personId + "/documents", Map.of("type", "national_id"),
        List.of(file), token);
  }

  @Test
  void customersAreThoseOfTheAgentsMiniGrid() throws Exception {
    List<Long> ofA = ids(api.get(APP + "/customers", tokenA));
    assertTrue(ofA.contains(customerA) && !ofA.contains(customerB), ofA.toString());
    List<Long> ofB = ids(api.get(APP + "/customers?per_page=5", tokenB));
    assertTrue(ofB.contains(customerB) && !ofB.contains(customerA), ofB.toString());
    assertEquals(0, api.get(APP + "/customers", tokenOther).obj().getInt("total"));

    Resp one = api.get(APP + "/customers/" + customerA, tokenA);
    assertEquals(200, one.status(), one.body());
    JsonObject person = one.obj().getJsonObject("data");
    assertEquals("Zawadi", person.getString("name"));
    assertTrue(person.containsKey("addresses") && person.containsKey("devices"), person.toString());
    assertEquals(404, api.get(APP + "/customers/" + customerB, tokenA).status());
    assertEquals(404, api.get(APP + "/customers/" + customerA, tokenOther).status());
    assertEquals(401, api.get(APP + "/customers/" + customerA, t.token()).status(), "a web token is no agent's");
    assertEquals(401, api.get(APP + "/customers", null).status());

    assertEquals(List.of(customerA), ids(api.get(APP + "/customers/search?term=Zawa", tokenA)));
    assertEquals(List.of(customerA), ids(api.get(APP + "/customers/search?term=714100001", tokenA)));
    assertEquals(List.of(), ids(api.get(APP + "/customers/search?term=Juma", tokenA)), "B's customer");
    assertEquals(List.of(customerB), ids(api.get(APP + "/customers/search?term=Juma&paginate=3", tokenB)));

    String answers = "{\"answers\":[{\"question\":\"Household size\",\"answer\":\"5\"}]}";
    Resp onboarded = api.put(APP + "/customers/" + customerA + "/onboarding", answers, tokenA);
    assertEquals(200, onboarded.status(), onboarded.body());
    assertEquals("5", onboarded.obj().getJsonObject("data").getJsonObject("onboarding_json")
        .getString("Household size"));
    assertEquals(404, api.put(APP + "/customers/" + customerB + "/onboarding", answers, tokenA).status());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM people WHERE id = " + customerB
        + " AND onboarding_json IS NOT NULL"), "nothing written for another mini-grid's customer");
    assertEquals(422, api.put(APP + "/customers/" + customerA + "/onboarding", "{\"answers\":\"x\"}", tokenA)
        .status());
  }

  @Test
  void documentsOfTheAgentsCustomersOnly() throws Exception {
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Rehema", "Hati", "+255714100021", villageA));
    byte[] content = PersonRecordsIT.pdf(50_000);
    Resp up = upload(tokenA, person, new FilePart("file", "id.pdf", "application/pdf", content));
    assertEquals(201, up.status(), up.body());
    JsonObject doc = up.obj().getJsonObject("data");
    long docId = doc.getJsonNumber("id").longValue();
    Path stored = TestServer.get().storageDir().resolve(doc.getString("location")).resolve(doc.getString("name"));
    assertTrue(Files.exists(stored));
    assertEquals(List.of(docId), ids(api.get(APP + "/customers/" + person + "/documents", tokenA)));
    HttpResponse<byte[]> file = api.download(APP + "/customers/documents/" + docId + "/download", tokenA);
    assertEquals(200, file.statusCode());
    assertArrayEquals(content, file.body());

    // agent B (another mini-grid of the company) and another company's agent
    assertEquals(404, api.get(APP + "/customers/" + person + "/documents", tokenB).status());
    assertEquals(403, api.download(APP + "/customers/documents/" + docId + "/download", tokenB).statusCode());
    Resp refused = api.delete(APP + "/customers/documents/" + docId, tokenB);
    assertEquals(403, refused.status(), refused.body());
    assertEquals("{\"message\":\"This action is unauthorized.\"}", refused.body());
    assertEquals(404, api.delete(APP + "/customers/documents/" + docId, tokenOther).status());
    assertEquals(404, upload(tokenB, person, new FilePart("file", "x.pdf", "application/pdf", PersonRecordsIT.pdf(10)))
        .status());
    assertTrue(Files.exists(stored));

    // bad uploads store nothing
    Resp big = upload(tokenA, person, new FilePart("file", "big.pdf", "application/pdf",
        PersonRecordsIT.pdf(5 * 1024 * 1024 + 1)));
    assertEquals(422, big.status(), big.body());
    assertTrue(big.obj().getJsonObject("errors").containsKey("file"), big.body());
    Resp text = upload(tokenA, person, new FilePart("file", "notes.pdf", "application/pdf",
        "just text".getBytes()));
    assertEquals(422, text.status(), text.body());
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM person_documents WHERE person_id = " + person));

    Resp gone = api.send("PATCH", APP + "/customers/documents/" + docId, "{\"type\":\"x\"}", tokenA);
    assertEquals(410, gone.status(), gone.body());

    Resp deleted = api.delete(APP + "/customers/documents/" + docId, tokenA);
    assertEquals("{\"data\":{\"message\":\"deleted\"}}", deleted.body());
    assertFalse(Files.exists(stored));
    assertEquals(404, api.download(APP + "/customers/documents/" + docId + "/download", tokenA).statusCode());
  }

  @Test
  void paymentFlowsOfTheAgentsCustomers() throws Exception {
    long tx = Db.count(t, "SELECT COALESCE(MAX(id), 0) FROM transactions");
    for (Object[] p : new Object[][] {{customerA, 300, "agent"}, {customerA, 200, "agent"}, {customerB, 700, "agent"},
        {customerA, 50, "web"}}) {
      Db.insert(t, "INSERT INTO payment_histories (amount, transaction_id, payment_service, sender, payment_type,"
          + " paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at) VALUES (" + p[1] + ", " + tx
          + ", '" + p[2] + "', 'x', 'energy', 'token', 1, 'person', " + p[0] + ", NOW(), NOW())");
    }
    Resp mine = api.get(APP + "/customers/" + customerA + "/graph/D", tokenA);
    assertEquals(200, mine.status(), mine.body());
    JsonObject day = mine.obj().values().iterator().next().asJsonObject();
    assertEquals(550.0, day.getJsonNumber("energy").doubleValue(), mine.body());
    assertEquals(404, api.get(APP + "/customers/" + customerA + "/graph/D", tokenB).status());
    Resp all = api.get(APP + "/customers/graph/M/10/DESC", tokenA);
    assertEquals(200, all.status(), all.body());
    assertEquals(500.0, all.obj().values().iterator().next().asJsonObject().getJsonNumber("energy").doubleValue(),
        "only agent payments of A's mini-grid: " + all.body());
    Resp none = api.get(APP + "/customers/graph/W", tokenOther);
    assertEquals("{\"W\":{\"\":0.0}}", none.body());
    assertEquals(422, api.get(APP + "/customers/graph/D/5/sideways", tokenA).status());
  }

  @Test
  void anAgentSellsAnAssignedApplianceOnItsLedger() throws Exception {
    long agent = agent(t, "app-seller@example.com", villageA, planId, "+255714100031");
    String token = login("app-seller@example.com", "secret1");
    long buyer = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Neema", "Mnunuzi", "+255714100032", villageA));
    Db.exec(t, "INSERT IGNORE INTO manufacturers (id, type, name, api_name, created_at, updated_at) VALUES"
        + " (1, 'shs', 'Demo SHS Manufacturer', 'DemoShsManufacturerApi', NOW(), NOW())");
    long appliance = Db.insert(t, "INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)"
        + " VALUES ('SunBox', 1, 1200, NOW(), NOW())");
    String[] serials = {"SHS-APP-1", "SHS-APP-2"};
    for (String s : serials) {
      long shs = Db.insert(t, "INSERT INTO solar_home_systems (serial_number, manufacturer_id, appliance_id,"
          + " created_at, updated_at) VALUES ('" + s + "', 1, " + appliance + ", NOW(), NOW())");
      Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
          + " VALUES (NULL, 'solar_home_system', " + shs + ", '" + s + "', NOW(), NOW())");
    }
    Resp assigned = api.post("/api/agents/assigned", "{\"agent_id\":" + agent + ",\"user_id\":1,\"appliance_id\":"
        + appliance + ",\"cost\":\"1000\"}", t.token());
    assertEquals(201, assigned.status(), assigned.body());
    long assignedId = GeographyIT.id(assigned);

    JsonArray types = api.get(APP + "/appliance_types", token).obj().getJsonArray("data");
    assertEquals(1, types.size());
    assertEquals("SunBox", types.getJsonObject(0).getJsonObject("appliance").getString("name"));
    assertEquals(0, api.get(APP + "/appliance_types", tokenB).obj().getJsonArray("data").size());
    Resp free = api.get(APP + "/devices/unassigned?appliance_id=" + appliance + "&type=solar_home_system", token);
    assertEquals(200, free.status(), free.body());
    assertEquals(2, free.obj().getJsonArray("data").size());
    assertEquals("SunBox", free.obj().getJsonArray("data").getJsonObject(0).getJsonObject("device")
        .getJsonObject("appliance").getString("name"));
    assertEquals(422, api.get(APP + "/devices/unassigned?appliance_id=" + appliance + "&type=solar_home_system",
        tokenB).status(), "not assigned to B");
    assertEquals(422, api.get(APP + "/devices/unassigned?appliance_id=" + appliance + "&type=fridge", token)
        .status());

    String sale = "{\"person_id\":" + buyer + ",\"agent_assigned_appliance_id\":" + assignedId
        + ",\"down_payment\":100,\"tenure\":3,\"rate_type\":\"monthly\",\"first_payment_date\":\""
        + LocalDate.now(ZoneOffset.UTC).plusDays(7) + "\",\"device_serial\":\"SHS-APP-1\"}";
    // refused sales write nothing
    long salesBefore = Db.count(t, "SELECT COUNT(*) FROM appliance_people");
    assertEquals(422, api.post(APP + "/appliances", sale, tokenB).status(), "another agent's appliance");
    assertEquals(422, api.post(APP + "/appliances", sale.replace("\"person_id\":" + buyer, "\"person_id\":"
        + customerB), token).status(), "a customer of another mini-grid");
    assertEquals(422, api.post(APP + "/appliances", sale.replace("SHS-APP-1", "NO-SUCH"), token).status());
    assertEquals(422, api.post(APP + "/appliances", sale.replace(",\"device_serial\":\"SHS-APP-1\"", ""), token)
        .status(), "a solar home system needs its device");
    assertEquals(422, api.post(APP + "/appliances", "{}", token).status());
    assertEquals(salesBefore, Db.count(t, "SELECT COUNT(*) FROM appliance_people"));
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM agent_balance_histories WHERE agent_id = " + agent));

    Resp sold = api.post(APP + "/appliances", sale, token);
    assertEquals(201, sold.status(), sold.body());
    assertEquals(assignedId, sold.obj().getJsonObject("data").getJsonNumber("agent_assigned_appliance_id")
        .longValue());
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM appliance_people WHERE creator_type = 'agent' AND creator_id = "
        + agent + " AND person_id = " + buyer + " AND total_cost = 1000 AND device_serial = 'SHS-APP-1'"));
    assertEquals(buyer, Db.count(t, "SELECT person_id FROM devices WHERE device_serial = 'SHS-APP-1'"));
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM agent_sold_appliances WHERE person_id = " + buyer));
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM transactions WHERE sender = 'Agent-" + agent + "'"
        + " AND original_transaction_type = 'agent_transaction' AND amount = 100"));
    assertEquals(-10000, Db.count(t, "SELECT ROUND(balance * 100) FROM agents WHERE id = " + agent));
    assertEquals(10000, Db.count(t, "SELECT ROUND(commission_revenue * 100) FROM agents WHERE id = " + agent),
        "10 % of the assigned cost");
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM agent_balance_histories WHERE agent_id = " + agent
        + " AND trigger_type = 'agent_appliance' AND trigger_id = " + assignedId + " AND amount = -100"));
    ledgerHolds(agent);
    ApplianceSalesIT.conserved(t);

    // over the risk balance: refused, nothing written
    Resp risky = api.post(APP + "/appliances", sale.replace("SHS-APP-1", "SHS-APP-2")
        .replace("\"down_payment\":100", "\"down_payment\":950"), token);
    assertEquals(403, risky.status(), risky.body());
    assertEquals("Risk balance exceeded", risky.message());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM devices WHERE device_serial = 'SHS-APP-2'"
        + " AND person_id IS NOT NULL"));
    assertEquals(salesBefore + 1, Db.count(t, "SELECT COUNT(*) FROM appliance_people"));
    assertEquals(2, Db.count(t, "SELECT COUNT(*) FROM agent_balance_histories WHERE agent_id = " + agent));

    Resp list = api.get(APP + "/appliances", token);
    assertEquals(1, list.obj().getInt("total"), list.body());
    assertEquals(1, api.get(APP + "/appliances/" + buyer, token).obj().getInt("total"));
    assertEquals(0, api.get(APP + "/appliances/" + customerA, token).obj().getInt("total"));
    assertEquals(0, api.get(APP + "/appliances", tokenA).obj().getInt("total"));
    assertEquals(1, api.get(APP + "/devices/unassigned?appliance_id=" + appliance + "&type=solar_home_system",
        token).obj().getJsonArray("data").size());

    JsonObject boxes = api.get(APP + "/dashboard/boxes", token).obj().getJsonObject("data");
    assertEquals(-100.0, boxes.getJsonNumber("balance").doubleValue(), boxes.toString());
    assertEquals(100.0, boxes.getJsonNumber("profit").doubleValue());
    assertEquals(100.0, boxes.getJsonNumber("dept").doubleValue());
    assertEquals(200, boxes.getInt("status_code"));
    JsonObject graph = api.get(APP + "/dashboard/graph", token).obj();
    JsonObject today = graph.getJsonObject(LocalDate.now(ZoneOffset.UTC).toString());
    assertNotNull(today, graph.toString());
    assertEquals(100.0, today.getJsonNumber("due").doubleValue());
    LocalDate now = LocalDate.now(ZoneOffset.UTC);
    String week = String.format("%d-%02d", now.get(IsoFields.WEEK_BASED_YEAR),
        now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    JsonObject revenue = api.get(APP + "/dashboard/revenue", token).obj();
    assertEquals(100.0, revenue.getJsonObject(week).getJsonNumber("revenue").doubleValue(), revenue.toString());
  }

  @Test
  void freeMeters() {
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Meter Maker\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Home\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0}", t.token());
    for (String s : new String[] {"APP-MTR-2", "APP-MTR-1"}) {
      assertEquals(201, api.post("/api/meters", "{\"serial_number\":\"" + s + "\",\"manufacturer_id\":"
          + GeographyIT.id(maker) + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":0,\"tariff_id\":"
          + GeographyIT.id(tariff) + "}", t.token()).status());
    }
    Resp meters = api.get(APP + "/meters?manufacturer_id=" + GeographyIT.id(maker), tokenA);
    assertEquals(200, meters.status(), meters.body());
    JsonArray data = meters.obj().getJsonArray("data");
    assertEquals(2, data.size());
    assertEquals("APP-MTR-1", data.getJsonObject(0).getString("serial_number"));
    assertEquals(0, api.get(APP + "/meters", tokenOther).obj().getJsonArray("data").size());
    assertEquals(0, api.get(APP + "/meters?manufacturer_id=99999", tokenA).obj().getJsonArray("data").size());
  }

  @Test
  void agentsRegisterCustomersAndBindMeters() throws Exception {
    String body = "{\"name\":\"Subira\",\"surname\":\"Mpya\",\"phone\":\"+255714100051\",\"city_id\":" + villageA
        + ",\"geo_points\":\"-6.8,39.28\"}";
    Resp elsewhere = api.post(APP + "/customers", body.replace("\"city_id\":" + villageA, "\"city_id\":" + villageB),
        tokenA);
    assertEquals(422, elsewhere.status(), elsewhere.body());
    assertTrue(elsewhere.obj().getJsonObject("errors").containsKey("city_id"), elsewhere.body());
    Resp bad = api.post(APP + "/customers", "{\"name\":\"Al\",\"surname\":\"Mpya\",\"phone\":\"12\"}", tokenA);
    assertEquals(422, bad.status(), bad.body());
    JsonObject errors = bad.obj().getJsonObject("errors");
    assertTrue(errors.containsKey("name") && errors.containsKey("phone") && errors.containsKey("city_id"),
        bad.body());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM people WHERE name = 'Subira'"));
    Resp made = api.post(APP + "/customers", body, tokenA);
    assertEquals(201, made.status(), made.body());
    long customer = GeographyIT.id(made);
    assertEquals(1, made.obj().getJsonObject("data").getInt("is_customer"));
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM geographical_informations g JOIN addresses a"
        + " ON g.owner_type = 'address' AND g.owner_id = a.id WHERE a.owner_id = " + customer
        + " AND g.geo_json LIKE '%39.28,-6.8%'"));
    assertTrue(ids(api.get(APP + "/customers", tokenA)).contains(customer));
    Resp again = api.post(APP + "/customers", body, tokenA);
    assertEquals(422, again.status(), again.body());
    assertTrue(again.obj().getJsonObject("errors").containsKey("phone"), again.body());

    long maker = Db.insert(t, "INSERT INTO manufacturers (type, name, api_name, created_at, updated_at) VALUES"
        + " ('meter', 'Agent Meters', 'DemoMeterManufacturerApi', NOW(), NOW())");
    long type = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        t.token()));
    long tariff = GeographyIT.id(api.post("/api/tariffs", "{\"name\":\"Agent\",\"price\":250,\"currency\":"
        + "\"TZS\",\"factor\":1,\"minimum_purchase_amount\":0}", t.token()));
    long group = Db.insert(t, "INSERT INTO connection_groups (name, created_at, updated_at)"
        + " VALUES ('G', NOW(), NOW())");
    long ctype = Db.insert(t, "INSERT INTO connection_types (name, created_at, updated_at) VALUES ('T', NOW(), NOW())");
    String meter = "{\"serial_number\":\"APP-NEW-1\",\"manufacturer_id\":" + maker + ",\"meter_type_id\":" + type
        + ",\"tariff_id\":" + tariff + ",\"connection_group_id\":" + group + ",\"connection_type_id\":" + ctype + "}";
    assertEquals(422, api.post(APP + "/customers/" + customerB + "/meters", meter, tokenA).status());
    assertEquals(422, api.post(APP + "/customers/" + customer + "/meters", meter, tokenB).status());
    assertEquals(404, api.post(APP + "/customers/99999999/meters", meter, tokenA).status());
    Resp unknownMaker = api.post(APP + "/customers/" + customer + "/meters",
        meter.replace("\"manufacturer_id\":" + maker, "\"manufacturer_id\":99999"), tokenA);
    assertEquals(422, unknownMaker.status(), unknownMaker.body());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM meters WHERE serial_number = 'APP-NEW-1'"));
    Resp bound = api.post(APP + "/customers/" + customer + "/meters", meter, tokenA);
    assertEquals(201, bound.status(), bound.body());
    assertEquals(customer, Db.count(t, "SELECT person_id FROM devices WHERE device_serial = 'APP-NEW-1'"));
    assertEquals(1, Db.count(t, "SELECT in_use FROM meters WHERE serial_number = 'APP-NEW-1'"));
    Resp taken = api.post(APP + "/customers/" + customer + "/meters", meter, tokenA);
    assertEquals(422, taken.status(), taken.body());
    assertEquals("This meter is already assigned to another customer.", taken.obj().getJsonObject("errors")
        .getJsonArray("serial_number").getString(0));
    // a free meter is taken as it is registered
    assertEquals(201, api.post("/api/meters", "{\"serial_number\":\"APP-FREE-1\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + type + ",\"in_use\":0,\"tariff_id\":" + tariff + "}", t.token()).status());
    Resp free = api.post(APP + "/customers/" + customer + "/meters", meter.replace("APP-NEW-1", "APP-FREE-1"),
        tokenA);
    assertEquals(201, free.status(), free.body());
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM meters WHERE serial_number = 'APP-FREE-1' AND in_use = 1"
        + " AND connection_group_id = " + group));
  }

  @Test
  void firebaseTokenAndPasswordReset() throws Exception {
    Resp missing = api.post(APP + "/firebase", "{}", tokenB);
    assertEquals(422, missing.status(), missing.body());
    Resp set = api.post(APP + "/firebase", "{\"fire_base_token\":\"fcm-123\"}", tokenB);
    assertEquals(200, set.status(), set.body());
    assertEquals("fcm-123", set.obj().getJsonObject("data").getString("fire_base_token"));
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM agents WHERE id = " + agentB
        + " AND fire_base_token = 'fcm-123'"));

    agent(t, "app-reset@example.com", villageB, planId, "+255714100041");
    Resp unknown = api.post("/api/app/reset-password", "{\"email\":\"nobody-app@example.com\"}", null);
    assertEquals(422, unknown.status(), unknown.body());
    assertEquals("{\"data\":{\"message\":\"Invalid email.\",\"status_code\":400}}", unknown.body());
    Resp reset = api.post("/api/app/reset-password", "{\"email\":\"app-reset@example.com\"}", null);
    assertEquals(200, reset.status(), reset.body());
    MimeMessage mail = PasswordResetIT.awaitMail("app-reset@example.com", 1);
    Matcher m = Pattern.compile("<b>([A-Za-z0-9]{12})</b>").matcher((String) mail.getContent());
    assertTrue(m.find(), "the new password is mailed");
    String password = m.group(1);
    assertFalse(reset.body().contains(password), "the answer never carries the password");
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM mails WHERE body LIKE '%" + password + "%'"),
        "the kept mail does not carry it either");
    assertEquals(401, api.post("/api/app/login", "{\"email\":\"app-reset@example.com\",\"password\":\"secret1\"}",
        null).status());
    login("app-reset@example.com", password);
  }
}
