package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Kind;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Outcome;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Result;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Ad-hoc tokens of the built-in demo SHS manufacturer are real OpenPAYGO tokens: a device set up with the same
 * key and starting code accepts them in order with the paid days, refuses a replay, and concurrent requests
 * never share a count.
 */
class OpenPaygoTokensIT {

  static final String KEY = "a29ab82edc5fbbc41ec9530f6dac86b1";
  static final long STARTING_CODE = 123456789;

  static Api api;
  static Tenant t;
  static long person;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("openpaygo");
    person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Zawadi", "Solar", "+255715000001", null));
    Db.exec(t, "INSERT INTO manufacturers (id, type, name, api_name, created_at, updated_at) VALUES"
        + " (1, 'shs', 'Demo SHS Manufacturer', 'DemoShsManufacturerApi', NOW(), NOW())");
  }

  static long register(String serial, String openPaygo) {
    Resp r = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"" + serial + "\"],\"manufacturer_id\":1,"
        + "\"appliance_id\":1,\"person_id\":" + person + ",\"daily_price\":500"
        + (openPaygo == null ? "" : ",\"open_paygo\":" + openPaygo) + "}", t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").getJsonObject(0).getJsonObject("device").getJsonNumber("id").longValue();
  }

  static JsonObject token(long device, String body) {
    Resp r = api.post("/api/devices/" + device + "/token", body, t.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data");
  }

  @Test
  void theDeviceAcceptsTheTokensInOrderAndRefusesAReplay() throws Exception {
    long device = register("OPG00000001", "{\"secret_key\":\"" + KEY + "\",\"starting_code\":" + STARTING_CODE
        + ",\"time_divider\":1,\"restricted_digit_set\":false,\"extended_token\":false}");
    JsonObject cfg = api.get("/api/devices/" + device + "/openpaygo", t.token()).obj().getJsonObject("data");
    assertEquals(KEY, cfg.getString("secret_key"));
    assertEquals(STARTING_CODE, cfg.getJsonNumber("starting_code").longValue());
    assertEquals(1, cfg.getInt("time_divider"));
    assertEquals(1, cfg.getInt("token_count"));

    OpenPaygoReferenceDecoder shs = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    // 1500 at 500 a day: 3 days; 7 days asked in days; 1001 rounds up to 3 days as MPM's demo manufacturer.
    String[][] requests = {{"{\"amount\":1500,\"unit\":\"currency\"}", "3", "1500"},
        {"{\"amount\":7,\"unit\":\"days\"}", "7", "3500"}, {"{\"amount\":1001,\"unit\":\"currency\"}", "3", "1001"}};
    List<String> tokens = new ArrayList<>();
    int lastCount = 1;
    for (String[] req : requests) {
      JsonObject tok = token(device, req[0]);
      assertEquals("time", tok.getString("token_type"));
      assertEquals("days", tok.getString("token_unit"));
      assertEquals(Double.parseDouble(req[1]), tok.getJsonNumber("token_amount").doubleValue());
      assertEquals(9, tok.getString("token").length(), tok.toString());
      Result r = shs.enter(tok.getString("token"));
      assertEquals(Outcome.ACCEPTED, r.outcome(), tok.toString());
      assertEquals(Kind.ADD_TIME, r.kind());
      assertEquals(Integer.parseInt(req[1]), r.value());
      assertTrue(r.count() > lastCount, "counts advance");
      lastCount = r.count();
      tokens.add(tok.getString("token"));
      try (Connection c = Db.tenant(t); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT t.amount, t.type, t.message, t.original_transaction_type,"
              + " c.status FROM transactions t JOIN cash_transactions c ON c.id = t.original_transaction_id"
              + " WHERE t.id = " + tok.getJsonNumber("transaction_id").longValue())) {
        assertTrue(rs.next());
        assertEquals(Double.parseDouble(req[2]), rs.getDouble(1));
        assertEquals("ad_hoc", rs.getString(2));
        assertEquals("OPG00000001", rs.getString(3));
        assertEquals("cash_transaction", rs.getString(4));
        assertEquals(1, rs.getInt(5));
      }
    }
    assertEquals(Outcome.ALREADY_USED, shs.enter(tokens.get(0)).outcome());
    assertEquals(Outcome.ALREADY_USED, shs.enter(tokens.get(2)).outcome());
    assertEquals(lastCount, api.get("/api/devices/" + device + "/openpaygo", t.token()).obj().getJsonObject("data")
        .getInt("token_count"));
  }

  static JsonObject code(long device, String body) {
    Resp r = api.post("/api/devices/" + device + "/openpaygo/token", body, t.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data");
  }

  @Test
  void setTimeCounterSyncAndDisablePaygCodesAreAcceptedByTheDevice() throws Exception {
    long device = register("OPG00000009", "{\"secret_key\":\"" + KEY + "\",\"starting_code\":" + STARTING_CODE + "}");
    OpenPaygoReferenceDecoder shs = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    assertEquals(Kind.ADD_TIME, shs.enter(token(device, "{\"amount\":1000,\"unit\":\"currency\"}")
        .getString("token")).kind());
    long payments = count(t, "SELECT COUNT(*) FROM transactions");

    JsonObject set = code(device, "{\"type\":\"set_time\",\"days\":10}");
    assertEquals("SET_TIME", set.getString("token_type"));
    Result r = shs.enter(set.getString("token"));
    assertEquals(Outcome.ACCEPTED, r.outcome());
    assertEquals(Kind.SET_TIME, r.kind());
    assertEquals(10, r.value());
    assertEquals(r.count(), set.getInt("token_count"));

    Result sync = shs.enter(code(device, "{\"type\":\"counter_sync\"}").getString("token"));
    assertEquals(Kind.COUNTER_SYNC, sync.kind());
    String disable = code(device, "{\"type\":\"disable_payg\"}").getString("token");
    Result off = shs.enter(disable);
    assertEquals(Outcome.ACCEPTED, off.outcome());
    assertEquals(Kind.DISABLE_PAYG, off.kind());
    assertEquals(Outcome.ALREADY_USED, shs.enter(disable).outcome(), "a replay is refused");
    assertEquals(payments, count(t, "SELECT COUNT(*) FROM transactions"), "administrative codes book no payment");

    assertEquals(422, api.post("/api/devices/" + device + "/openpaygo/token", "{\"type\":\"set_time\"}",
        t.token()).status(), "days missing");
    assertEquals(422, api.post("/api/devices/" + device + "/openpaygo/token",
        "{\"type\":\"set_time\",\"days\":996}", t.token()).status(), "over a standard token's 995");
    assertEquals(422, api.post("/api/devices/" + device + "/openpaygo/token", "{\"type\":\"unlock\"}",
        t.token()).status());
    assertEquals(off.count(), api.get("/api/devices/" + device + "/openpaygo", t.token()).obj()
        .getJsonObject("data").getInt("token_count"), "refused requests did not advance the count");
    Tenant other = api.registerCompany("openpaygo-b");
    assertEquals(404, api.post("/api/devices/" + device + "/openpaygo/token", "{\"type\":\"counter_sync\"}",
        other.token()).status());
  }

  @Test
  void concurrentRequestsNeverShareACount() throws Exception {
    long device = register("OPG00000002", "{\"secret_key\":\"" + KEY + "\",\"starting_code\":" + STARTING_CODE + "}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Resp>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(pool.submit(() -> api.post("/api/devices/" + device + "/token",
          "{\"amount\":1000,\"unit\":\"currency\"}", t.token())));
    }
    OpenPaygoReferenceDecoder shs = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    List<String> tokens = new ArrayList<>();
    for (Future<Resp> f : futures) {
      Resp r = f.get();
      assertEquals(201, r.status(), r.body());
      tokens.add(r.obj().getJsonObject("data").getString("token"));
    }
    pool.shutdown();
    assertEquals(8, new HashSet<>(tokens).size(), tokens.toString());
    // Enter them in count order, as the device would meet them.
    Set<Integer> counts = new HashSet<>();
    List<int[]> byCount = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Result r = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1).enter(tokens.get(i));
      assertEquals(Outcome.ACCEPTED, r.outcome());
      assertEquals(2, r.value());
      counts.add(r.count());
      byCount.add(new int[] {r.count(), i});
    }
    assertEquals(8, counts.size(), "distinct counts " + counts);
    byCount.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] c : byCount) {
      assertEquals(Outcome.ACCEPTED, shs.enter(tokens.get(c[1])).outcome());
    }
    assertEquals(byCount.get(7)[0], api.get("/api/devices/" + device + "/openpaygo", t.token()).obj()
        .getJsonObject("data").getInt("token_count"));
  }

  @Test
  void aRegisteredShsOfTheDemoManufacturerGetsARandomSetUp() {
    long a = register("OPG00000003", null);
    long b = register("OPG00000004", null);
    JsonObject ca = api.get("/api/devices/" + a + "/openpaygo", t.token()).obj().getJsonObject("data");
    JsonObject cb = api.get("/api/devices/" + b + "/openpaygo", t.token()).obj().getJsonObject("data");
    assertTrue(ca.getString("secret_key").matches("[0-9a-f]{32}"));
    assertNotEquals(ca.getString("secret_key"), cb.getString("secret_key"));
    OpenPaygoReferenceDecoder shs = new OpenPaygoReferenceDecoder(ca.getString("secret_key"),
        ca.getJsonNumber("starting_code").longValue(), false, false, ca.getInt("token_count"));
    Result r = shs.enter(token(a, "{\"amount\":5,\"unit\":\"days\"}").getString("token"));
    assertEquals(Outcome.ACCEPTED, r.outcome());
    assertEquals(5, r.value());
  }
}
