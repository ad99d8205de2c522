package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Messages (/api/sms …): conversations, a person's and a phone's messages, search, incoming messages with the
 * resend keyword and ticket comments, bulk messages through the queue, the Android gateway's callbacks, and two
 * companies apart.
 */
class SmsMessagesIT {

  static Api api;
  static Tenant t;
  static Tenant other;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("sms-msg");
    other = api.registerCompany("sms-msg-b");
    Db.exec(other, "ALTER TABLE people AUTO_INCREMENT = 50000", "ALTER TABLE sms AUTO_INCREMENT = 50000");
  }

  static long person(Tenant tenant, String name, String phone) {
    Resp p = api.post("/api/people", "{\"name\":\"" + name + "\",\"surname\":\"Texter\",\"phone\":\"" + phone
        + "\",\"is_customer\":true}", tenant.token());
    assertEquals(201, p.status(), p.body());
    return p.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  /** Waits until no message of the company waits to be sent. */
  static void drained(Tenant tenant) throws Exception {
    for (int i = 0; i < 600 && count(tenant, "SELECT COUNT(*) FROM sms WHERE status = 0") > 0; i++) {
      Thread.sleep(100);
    }
    assertEquals(0, count(tenant, "SELECT COUNT(*) FROM sms WHERE status = 0"));
  }

  @Test
  void conversationsAndThreads() throws Exception {
    long asha = person(t, "Asha", "+255713000201");
    assertEquals(200, api.post("/api/sms/storeandsend", "{\"person_id\":" + asha + ",\"message\":\"Hello\"}",
        t.token()).status());
    Resp in = api.post("/api/sms", "{\"sender\":\"+255713000201\",\"message\":\"Thanks\"}", t.token());
    assertEquals(200, in.status(), in.body());
    JsonObject incoming = in.obj().getJsonObject("data");
    assertEquals(0, incoming.getInt("direction"));
    assertEquals(2, incoming.getInt("status"));

    JsonObject list = api.get("/api/sms", t.token()).obj();
    assertEquals(20, list.getInt("per_page"));
    JsonObject conv = list.getJsonArray("data").stream().map(v -> v.asJsonObject())
        .filter(o -> o.getString("receiver").equals("+255713000201")).findFirst().orElseThrow();
    assertEquals("[receiver, total, address]", conv.keySet().toString());
    assertEquals(2, conv.getInt("total"));
    assertEquals("Asha", conv.getJsonObject("address").getJsonObject("owner").getString("name"));
    assertEquals(1, api.get("/api/sms?term=Ash", t.token()).obj().getInt("total"));
    assertEquals(0, api.get("/api/sms?term=%25", t.token()).obj().getInt("total"));

    JsonArray thread = api.get("/api/sms/" + asha, t.token()).obj().getJsonArray("data");
    assertEquals(2, thread.size());
    assertEquals("Hello", thread.getJsonObject(0).getString("body"));
    assertEquals("Thanks", thread.getJsonObject(1).getString("body"));
    assertEquals("[id, receiver, trigger_type, trigger_id, body, status, uuid, sender_id, created_at, updated_at,"
        + " direction, gateway_id, error_message, attempts]", thread.getJsonObject(0).keySet().toString());
    assertEquals(2, api.get("/api/sms/phone/+255713000201", t.token()).obj().getJsonArray("data").size());

    JsonArray found = api.get("/api/sms/search/Ash", t.token()).obj().getJsonArray("data");
    assertEquals("{\"id\":" + asha + ",\"display\":\"Asha Texter\",\"phone\":\"+255713000201\"}",
        found.getJsonObject(0).toString());

    // The other company sees none of it.
    assertEquals(404, api.get("/api/sms/" + asha, other.token()).status());
    assertEquals(0, api.get("/api/sms/phone/+255713000201", other.token()).obj().getJsonArray("data").size());
    assertEquals(0, api.get("/api/sms", other.token()).obj().getInt("total"));
    assertEquals(0, api.get("/api/sms/search/Ash", other.token()).obj().getJsonArray("data").size());
    assertEquals(401, api.get("/api/sms", "wrong").status());
  }

  @Test
  void theResendKeywordSendsTheLastTokenToItsOwner() throws Exception {
    long owner = person(t, "Baraka", "+255713000301");
    try (Connection c = Db.tenant(t)) {
      Db.exec(c, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
          + " VALUES (?, 'meter', 999999, 'RS-1001', UTC_TIMESTAMP(), UTC_TIMESTAMP())", owner);
      long tx = Db.insert(c, "INSERT INTO transactions (original_transaction_id, original_transaction_type, amount,"
          + " type, sender, message, created_at, updated_at) VALUES (1, 'cash_transaction', 1500, 'energy',"
          + " '+255713000301', 'RS-1001', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
      Db.exec(c, "INSERT INTO tokens (transaction_id, token, token_amount, created_at, updated_at) VALUES"
          + " (?, '1234-5678-9012', 5, UTC_TIMESTAMP(), UTC_TIMESTAMP())", tx);
    }
    Resp r = api.post("/api/sms", "{\"sender\":\"+255713000301\",\"message\":\"resend RS-1001\"}", t.token());
    assertEquals(200, r.status(), r.body());
    drained(t);
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE receiver = '+255713000301' AND direction = 1"
        + " AND status = 1 AND body LIKE '%1234-5678-9012%' AND body LIKE 'Dear Baraka Texter%'"));
    // A stranger asking for the same meter gets no token.
    api.post("/api/sms", "{\"sender\":\"+255713000399\",\"message\":\"Resend RS-1001\"}", t.token());
    drained(t);
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE receiver = '+255713000399' AND direction = 1"
        + " AND body LIKE 'Last transaction information not found for Meter: RS-1001%'"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE body LIKE '%1234-5678-9012%'"));
    // Bad input writes nothing.
    long before = count(t, "SELECT COUNT(*) FROM sms");
    assertEquals(422, api.post("/api/sms", "{\"sender\":\"+1\"}", t.token()).status());
    assertEquals(422, api.post("/api/sms", "{\"sender\":\"+1\",\"message\":\"" + "x".repeat(2000) + "\"}",
        t.token()).status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM sms"));
  }

  @Test
  void aMaintenancePersonCommentsOnItsOpenTicketBySms() throws Exception {
    Resp m = api.post("/api/maintenance/user", "{\"name\":\"Fundi\",\"surname\":\"Juma\",\"phone\":"
        + "\"+255713000401\",\"city_id\":1}", t.token());
    long fundi;
    if (m.status() == 200 || m.status() == 201) {
      fundi = m.obj().getJsonObject("data").getJsonNumber("id").longValue();
    } else {
      fundi = person(t, "Fundi", "+255713000401");
      Db.exec(t, "UPDATE people SET is_customer = 0, type = 'maintenance' WHERE id = " + fundi);
    }
    Db.exec(t, "INSERT INTO ticket_users (user_name, phone, out_source, created_at, updated_at) VALUES"
        + " ('Fundi Juma', '+255713000401', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
    Resp label = api.post("/api/tickets/labels", "{\"labelName\":\"Repair\",\"labelColor\":\"red\"}", t.token());
    long category = label.obj().getJsonObject("data").getJsonNumber("id").longValue();
    Resp ticket = api.post("/api/tickets/ticket", "{\"title\":\"Pole down\",\"description\":\"x\",\"label\":"
        + category + ",\"owner_id\":" + fundi + "}", t.token());
    assertEquals(201, ticket.status(), ticket.body());
    long id = ticket.obj().getJsonObject("data").getJsonNumber("id").longValue();
    assertEquals(200, api.post("/api/sms", "{\"sender\":\"+255713000401\",\"message\":\"Ticket pole replaced\"}",
        t.token()).status());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = " + id
        + " AND comment = 'Sms CommentTicket pole replaced'"));
  }

  @Test
  void bulkToAThousandCustomersQueuesEachMessageOnce() throws Exception {
    StringBuilder phones = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      phones.append(i == 0 ? "" : ",").append("\"+2557140").append(String.format("%05d", i)).append('"');
    }
    long started = System.nanoTime();
    Resp r = api.post("/api/sms/bulk", "{\"type\":\"person\",\"receivers\":[" + phones + "],\"message\":"
        + "\"Maintenance on Sunday\",\"senderId\":1,\"miniGrid\":0}", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"data\":{\"queued\":1000,\"failed\":0,\"failed_receivers\":[]}}", r.body());
    drained(t);
    System.out.printf("bulk of 1000: accepted and sent in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertEquals(1000, count(t, "SELECT COUNT(*) FROM sms WHERE body = 'Maintenance on Sunday' AND status = 1"));
    assertEquals(1000, count(t, "SELECT COUNT(DISTINCT receiver) FROM sms WHERE body = 'Maintenance on Sunday'"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND state = 'pending'"));
    assertEquals(0, count(other, "SELECT COUNT(*) FROM sms WHERE body = 'Maintenance on Sunday'"));
  }

  @Test
  void bulkToConnectionGroupsAndBadBulks() throws Exception {
    try (Connection c = Db.tenant(t)) {
      for (int i = 0; i < 3; i++) {
        long p = Db.insert(c, "INSERT INTO people (name, surname, is_customer, type, created_at, updated_at)"
            + " VALUES ('G" + i + "', 'Group', 1, 'customer', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
        Db.exec(c, "INSERT INTO addresses (owner_type, owner_id, phone, is_primary, created_at, updated_at)"
            + " VALUES ('person', ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())", p, "+25571500000" + i);
        long meter = Db.insert(c, "INSERT INTO meters (serial_number, meter_type_id, manufacturer_id,"
            + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES ('GRP-" + i
            + "', 1, 1, 1, " + (i < 2 ? 7001 : 7002) + ", 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
        Db.exec(c, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
            + " VALUES (?, 'meter', ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", p, meter, "GRP-" + i);
      }
    }
    Resp r = api.post("/api/sms/bulk", "{\"type\":\"group\",\"receivers\":[{\"id\":7001,\"display\":\"A\"}],"
        + "\"message\":\"Group news\",\"miniGrid\":0}", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(2, r.obj().getJsonObject("data").getInt("queued"));
    drained(t);
    assertEquals(2, count(t, "SELECT COUNT(*) FROM sms WHERE body = 'Group news' AND status = 1"));

    long before = count(t, "SELECT COUNT(*) FROM sms");
    Resp none = api.post("/api/sms/bulk", "{\"type\":\"person\",\"receivers\":[],\"message\":\"x\"}", t.token());
    assertEquals(422, none.status());
    assertEquals("{\"message\":\"The receivers field is required.\",\"errors\":{\"receivers\":[\"The receivers"
        + " field is required.\"]}}", none.body());
    assertEquals(422, api.post("/api/sms/bulk", "{\"type\":\"group\",\"receivers\":[9999],\"message\":\"x\"}",
        t.token()).status());
    assertEquals(422, api.post("/api/sms/bulk", "{\"type\":\"person\",\"receivers\":[\"+1\"],\"message\":\"\"}",
        t.token()).status());
    assertEquals(422, api.post("/api/sms/bulk", "{\"type\":\"person\",\"receivers\":[\"+1\"],\"message\":\""
        + "x".repeat(2000) + "\"}", t.token()).status());
    assertEquals(422, api.post("/api/sms/bulk", "{\"type\":\"nobody\",\"message\":\"x\"}", t.token()).status());
    // Another company's connection group reaches none of this company's customers.
    assertEquals(422, api.post("/api/sms/bulk", "{\"type\":\"group\",\"receivers\":[7001],\"message\":\"x\"}",
        other.token()).status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM sms"));
  }

  @Test
  void androidCallbacksChangeOnlyTheNamingCompanysMessages() throws Exception {
    Resp s = api.post("/api/sms/storeandsend", "{\"phone\":\"+255713000501\",\"message\":\"Track me\"}", t.token());
    String uuid = s.obj().getJsonObject("data").getString("uuid");
    long id = s.obj().getJsonObject("data").getJsonNumber("id").longValue();
    Resp foreign = api.get("/api/sms-android-callback/" + uuid + "/delivered/" + other.companyId(), null);
    assertEquals(200, foreign.status());
    assertEquals("{}", foreign.body());
    assertEquals(1, count(t, "SELECT status FROM sms WHERE id = " + id));
    assertEquals(200, api.get("/api/sms-android-callback/" + uuid + "/delivered/999999", null).status());
    assertEquals(200, api.get("/api/sms-android-callback/nope/delivered/" + t.companyId(), null).status());
    assertEquals(200, api.get("/api/sms-android-callback/" + uuid + "/delivered/abc", null).status());

    Resp delivered = api.get("/api/sms-android-callback/" + uuid + "/delivered/" + t.companyId(), null);
    assertEquals(200, delivered.status());
    assertEquals("{}", delivered.body());
    assertEquals(2, count(t, "SELECT status FROM sms WHERE id = " + id));
    api.get("/api/sms-android-callback/" + uuid + "/failed/" + t.companyId(), null);
    assertEquals(-1, count(t, "SELECT status FROM sms WHERE id = " + id));
    api.get("/api/sms-android-callback/" + uuid + "/sent/" + t.companyId(), null);
    assertEquals(1, count(t, "SELECT status FROM sms WHERE id = " + id));
    // An incoming message's uuid is not the gateway's to change.
    try (Connection c = Db.tenant(t); PreparedStatement ps = c.prepareStatement(
        "UPDATE sms SET uuid = 'incoming-1' WHERE direction = 0 ORDER BY id LIMIT 1")) {
      ps.executeUpdate();
    }
    api.get("/api/sms-android-callback/incoming-1/failed/" + t.companyId(), null);
    assertTrue(count(t, "SELECT COUNT(*) FROM sms WHERE uuid = 'incoming-1' AND status = -1") == 0);
  }
}
