package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** The service desk (/api/tickets/…): what MPM's console sends and reads, bad input, and two companies apart. */
class TicketsIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static long customer;
  static long otherCustomer;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    t = api.registerCompany("tickets");
    other = api.registerCompany("tickets-b");
    // The other company's ids differ from this one's, so that naming one here is a real attempt.
    try {
      Db.exec(other, "ALTER TABLE tickets AUTO_INCREMENT = 50000", "ALTER TABLE people AUTO_INCREMENT = 50000",
          "ALTER TABLE ticket_outsource_payout_reports AUTO_INCREMENT = 50000");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    customer = person(t, "Neema", "+255712000101");
    otherCustomer = person(other, "Juma", "+255712000102");
  }

  static long person(Tenant tenant, String name, String phone) {
    Resp p = api.post("/api/people", "{\"name\":\"" + name + "\",\"surname\":\"Desk\",\"phone\":\"" + phone + "\","
        + "\"is_customer\":true}", tenant.token());
    assertEquals(201, p.status(), p.body());
    return p.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  static long label(Tenant tenant, String name, boolean outsourced) {
    Resp r = api.post("/api/tickets/labels", "{\"labelName\":\"" + name + "\",\"labelColor\":\"red\","
        + "\"outSourcing\":" + outsourced + "}", tenant.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  static long open(Tenant tenant, long category, long owner, String title) {
    Resp r = api.post("/api/tickets/ticket", "{\"title\":\"" + title + "\",\"description\":\"Meter shows no"
        + " credit\",\"label\":" + category + ",\"owner_id\":" + owner + ",\"dueDate\":\"2026-01-10\","
        + "\"outsourcing\":2500,\"owner_type\":\"person\",\"creator_type\":\"admin\"}", tenant.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  @Test
  void categoriesAreCreatedAndListed() throws Exception {
    Resp r = api.post("/api/tickets/labels", "{\"labelName\":\"Meter Replacement\",\"labelColor\":\"lime\","
        + "\"outSourcing\":true}", t.token());
    assertEquals(201, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals("[label_name, label_color, out_source, updated_at, created_at, id]", d.keySet().toString());
    assertEquals("lime", d.getString("label_color"));
    assertTrue(d.getBoolean("out_source"));

    JsonArray all = api.get("/api/tickets/labels", t.token()).obj().getJsonArray("data");
    JsonObject last = all.getJsonObject(all.size() - 1);
    assertEquals("[id, label_name, label_color, out_source, created_at, updated_at]", last.keySet().toString());
    assertEquals(1, last.getInt("out_source"));
    JsonObject page = api.get("/api/tickets/labels?per_page=1", t.token()).obj();
    assertEquals(1, page.getJsonArray("data").size());
    assertEquals(all.size(), page.getInt("total"));
    // No label: 422, nothing written; a colour out of MPM's list too.
    long before = count(t, "SELECT COUNT(*) FROM ticket_categories");
    Resp none = api.post("/api/tickets/labels", "{\"labelColor\":\"red\"}", t.token());
    assertEquals(422, none.status());
    assertEquals("{\"message\":\"The label name field is required.\",\"errors\":{\"labelName\":[\"The label name"
        + " field is required.\"]}}", none.body());
    assertEquals(422, api.post("/api/tickets/labels", "{\"labelName\":\"x\",\"labelColor\":\"mauve\"}",
        t.token()).status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM ticket_categories"));
    // Each company its own categories.
    assertTrue(api.get("/api/tickets/labels", other.token()).obj().getJsonArray("data").stream()
        .noneMatch(v -> v.asJsonObject().getString("label_name").equals("Meter Replacement")));
  }

  @Test
  void aTicketIsOpenedListedCommentedAndClosed() throws Exception {
    long category = label(t, "No Power", true);
    long id = open(t, category, customer, "No power since Monday");
    assertEquals(1, count(t, "SELECT COUNT(*) FROM ticket_outsources WHERE ticket_id = " + id + " AND amount = 2500"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM tickets WHERE id = " + id + " AND creator_type = 'users'"
        + " AND owner_type = 'person' AND owner_id = " + customer + " AND status = 0"));

    Resp c = api.post("/api/tickets/comments", "{\"cardId\":" + id + ",\"comment\":\"Technician on the way\","
        + "\"fullName\":\"Owner\",\"username\":\"owner\"}", t.token());
    assertEquals(200, c.status(), c.body());
    assertEquals("", c.body());

    JsonObject list = api.get("/api/tickets/ticket?status=0", t.token()).obj();
    assertEquals(5, list.getInt("per_page"));
    JsonObject first = list.getJsonArray("data").getJsonObject(0);
    assertEquals(id, first.getJsonNumber("id").longValue());
    assertEquals("[id, creator_type, creator_id, assigned_id, owner_type, owner_id, status, due_date, title, content,"
        + " category_id, created_at, updated_at, category, owner, assigned_to, comments]", first.keySet().toString());
    assertEquals("No Power", first.getJsonObject("category").getString("label_name"));
    assertEquals("Neema", first.getJsonObject("owner").getString("name"));
    assertEquals("2026-01-10T00:00:00.000000Z", first.getString("due_date"));
    JsonObject comment = first.getJsonArray("comments").getJsonObject(0);
    assertEquals("Technician on the way", comment.getString("comment"));
    assertEquals("Owner", comment.getJsonObject("ticket_user").getString("user_name"));

    JsonObject detail = api.get("/api/tickets/ticket/" + id, t.token()).obj().getJsonObject("data");
    assertEquals("No power since Monday", detail.getString("title"));
    assertEquals("Neema", detail.getJsonObject("owner").getString("name"));

    JsonArray mine = api.get("/api/tickets/user/" + customer, t.token()).obj().getJsonArray("data");
    assertTrue(mine.stream().anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
    assertTrue(mine.stream().allMatch(v -> v.asJsonObject().getJsonNumber("owner_id").longValue() == customer));

    Resp closed = api.delete("/api/tickets/ticket/" + id, t.token());
    assertEquals(200, closed.status(), closed.body());
    assertEquals(1, closed.obj().getJsonObject("data").getInt("status"));
    assertEquals(1, count(t, "SELECT status FROM tickets WHERE id = " + id));
    assertTrue(api.get("/api/tickets/ticket?status=0", t.token()).obj().getJsonArray("data").stream()
        .noneMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
    assertEquals(id, api.get("/api/tickets/ticket?status=1", t.token()).obj().getJsonArray("data").getJsonObject(0)
        .getJsonNumber("id").longValue());
  }

  @Test
  void badTicketsAreRefusedAndWriteNothing() throws Exception {
    long category = label(t, "Billing", false);
    long before = count(t, "SELECT COUNT(*) FROM tickets");
    Resp empty = api.post("/api/tickets/ticket", "{}", t.token());
    assertEquals(422, empty.status());
    assertEquals("[title, description, label, owner_id]", empty.obj().getJsonObject("errors").keySet().toString());
    Resp unknown = api.post("/api/tickets/ticket", "{\"title\":\"x\",\"description\":\"y\",\"label\":999999,"
        + "\"owner_id\":" + customer + ",\"assignedPerson\":999999}", t.token());
    assertEquals(422, unknown.status());
    assertEquals("{\"message\":\"The selected label is invalid. (and 1 more error)\",\"errors\":{\"label\":[\"The"
        + " selected label is invalid.\"],\"assignedPerson\":[\"The selected assigned person is invalid.\"]}}",
        unknown.body());
    // Another company's customer is unknown here.
    Resp foreign = api.post("/api/tickets/ticket", "{\"title\":\"x\",\"description\":\"y\",\"label\":" + category
        + ",\"owner_id\":" + otherCustomer + "}", t.token());
    assertEquals(422, foreign.status(), foreign.body());
    assertEquals("{\"message\":\"The selected owner id is invalid.\",\"errors\":{\"owner_id\":[\"The selected"
        + " owner id is invalid.\"]}}", foreign.body());
    Resp longTitle = api.post("/api/tickets/ticket", "{\"title\":\"" + "x".repeat(192) + "\",\"description\":\"y\","
        + "\"label\":" + category + ",\"owner_id\":" + customer + "}", t.token());
    assertEquals(422, longTitle.status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM tickets"));
    Resp badComment = api.post("/api/tickets/comments", "{\"cardId\":999999,\"comment\":\"x\"}", t.token());
    assertEquals(422, badComment.status());
    assertEquals(422, api.post("/api/tickets/comments", "{\"cardId\":1}", t.token()).status());
    assertEquals(400, api.post("/api/tickets/ticket", "{\"title\":", t.token()).status());
    assertEquals(401, api.get("/api/tickets/ticket", "wrong-token").status());
  }

  @Test
  void companiesSeeOnlyTheirOwnTickets() throws Exception {
    long mine = open(t, label(t, "Wiring", false), customer, "Mine");
    long theirs = open(other, label(other, "Wiring", false), otherCustomer, "Theirs");
    assertEquals(200, api.get("/api/tickets/ticket/" + mine, t.token()).status());
    Resp foreign = api.get("/api/tickets/ticket/" + theirs, t.token());
    assertEquals(404, foreign.status());
    assertEquals("{\"message\":\"No query results for model [App\\\\Models\\\\Ticket\\\\Ticket] " + theirs + "\"}",
        foreign.body());
    assertEquals(404, api.delete("/api/tickets/ticket/" + theirs, t.token()).status());
    assertEquals(0, count(other, "SELECT status FROM tickets WHERE id = " + theirs));
    assertEquals(422, api.post("/api/tickets/comments", "{\"cardId\":" + theirs + ",\"comment\":\"x\"}",
        t.token()).status());
    assertTrue(api.get("/api/tickets/ticket?limit=100", t.token()).obj().getJsonArray("data").stream()
        .noneMatch(v -> v.asJsonObject().getString("title").equals("Theirs")));
    assertEquals(0, api.get("/api/tickets/user/" + otherCustomer, t.token()).obj().getJsonArray("data").stream()
        .filter(v -> v.asJsonObject().getString("title").equals("Theirs")).count());
    assertEquals(0, count(other, "SELECT COUNT(*) FROM ticket_comments"));
  }

  @Test
  void ticketUsersAgentsAndPermissions() throws Exception {
    Resp ext = api.post("/api/tickets/users/external", "{\"username\":\"Fundi Ali\",\"phone\":\"+255712000199\"}",
        t.token());
    assertEquals(200, ext.status(), ext.body());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM ticket_users WHERE user_name = 'Fundi Ali' AND out_source = 1"
        + " AND phone = '+255712000199' AND user_id IS NULL"));
    Resp twice = api.post("/api/tickets/users/external", "{\"username\":\"Fundi Ali\",\"phone\":\"+1\"}", t.token());
    assertEquals(422, twice.status());
    assertEquals(422, api.post("/api/tickets/users/external", "{\"username\":\"x\"}", t.token()).status());

    JsonArray users = api.get("/api/tickets/users", t.token()).obj().getJsonArray("data");
    JsonObject owner = users.getJsonObject(0);
    assertEquals("[id, name, email, company_id, created_at, updated_at, relation_ticket_user]",
        owner.keySet().toString());

    // Tickets an agent opened (the agent app writes creator_type agent).
    long category = label(t, "Agent", false);
    Db.exec(t, "INSERT INTO tickets (creator_type, creator_id, owner_type, owner_id, status, title, content,"
        + " category_id, created_at, updated_at) VALUES ('agent', 77, 'person', " + customer + ", 0, 'By agent',"
        + " 'x', " + category + ", UTC_TIMESTAMP(), UTC_TIMESTAMP())");
    JsonObject byAgent = api.get("/api/tickets/agents/77", t.token()).obj();
    assertEquals(1, byAgent.getInt("total"));
    assertEquals("By agent", byAgent.getJsonArray("data").getJsonObject(0).getString("title"));
    assertEquals(0, api.get("/api/tickets/agents/77", other.token()).obj().getInt("total"));

    // The tickets permission (the 'user' role has it; reports need 'reports').
    String plain = api.userWithRole(t, "user");
    assertEquals(200, api.get("/api/tickets/ticket", plain).status());
    assertEquals(403, api.get("/api/tickets/reports", plain).status());
  }

  @Test
  void theAgentAppOpensAndListsItsTickets() throws Exception {
    String email = "ticket-agent-" + System.nanoTime() + "@example.com";
    long agentId = Db.insertAgent(t.companyId(), email, t.companyId());
    String agent = api.post("/api/app/login", "{\"email\":\"" + email + "\",\"password\":\"123123\"}", null).obj()
        .getString("access_token");
    long category = label(t, "Field visit", false);
    Resp r = api.post("/api/app/agents/ticket", "{\"owner_id\":" + customer + ",\"title\":\"Broken meter\","
        + "\"description\":\"Display dark\",\"label\":" + category + ",\"due_date\":\"2026-02-01\"}", agent);
    assertEquals(200, r.status(), r.body());
    JsonObject created = r.obj().getJsonArray("data").getJsonObject(0);
    assertEquals("agent", created.getString("creator_type"));
    assertEquals(agentId, created.getJsonNumber("creator_id").longValue());
    assertEquals(email, created.getJsonObject("creator").getString("email"));
    assertEquals("Neema", created.getJsonObject("owner").getString("name"));
    assertEquals(0, created.getJsonArray("comments").size());
    long id = created.getJsonNumber("id").longValue();

    JsonObject mine = api.get("/api/app/agents/ticket", agent).obj();
    assertEquals(15, mine.getInt("per_page"));
    assertEquals(id, mine.getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(1, api.get("/api/app/agents/ticket/customer/" + customer, agent).obj().getInt("total"));
    assertEquals("Broken meter", api.get("/api/app/agents/ticket/" + id, agent).obj().getJsonObject("data")
        .getString("title"));
    assertEquals(1, api.get("/api/tickets/agents/" + agentId, t.token()).obj().getInt("total"));
    // Bad input and another company's customer write nothing.
    long before = count(t, "SELECT COUNT(*) FROM tickets");
    assertEquals(422, api.post("/api/app/agents/ticket", "{\"title\":\"x\"}", agent).status());
    assertEquals(422, api.post("/api/app/agents/ticket", "{\"owner_id\":" + otherCustomer + ",\"title\":\"x\","
        + "\"description\":\"y\",\"label\":" + category + "}", agent).status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM tickets"));
    assertEquals(401, api.get("/api/app/agents/ticket", t.token()).status());
  }

  @Test
  void payoutReportsAreListedAndDownloaded() throws Exception {
    Path dir = TestServer.get().storageDir().resolve("reports/" + t.companyId() + "/ticket_outsource_payout");
    Files.createDirectories(dir);
    byte[] content = "PK fake workbook".getBytes();
    Files.write(dir.resolve("ticket_outsource_payout_report-2026-01-01-2026-01-31.xlsx"), content);
    long id = Db.insert(t, "INSERT INTO ticket_outsource_payout_reports (date, path, created_at, updated_at)"
        + " VALUES ('2026-01-01---2026-01-31', 'reports/" + t.companyId() + "/ticket_outsource_payout/"
        + "ticket_outsource_payout_report-2026-01-01-2026-01-31.xlsx', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
    JsonArray list = api.get("/api/tickets/reports", t.token()).obj().getJsonArray("data");
    assertEquals("2026-01-01---2026-01-31", list.getJsonObject(0).getString("date"));
    HttpResponse<byte[]> file = api.download("/api/tickets/reports/download/" + id, t.token());
    assertEquals(200, file.statusCode());
    assertArrayEquals(content, file.body());
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    assertEquals(404, api.download("/api/tickets/reports/download/" + id, other.token()).statusCode());
    assertEquals(0, api.get("/api/tickets/reports", other.token()).obj().getJsonArray("data").size());
    long missing = Db.insert(t, "INSERT INTO ticket_outsource_payout_reports (date, path, created_at, updated_at)"
        + " VALUES ('x', 'reports/none.xlsx', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
    Resp gone = api.get("/api/tickets/reports/download/" + missing, t.token());
    assertEquals(404, gone.status());
    assertEquals("{\"message\":\"Report file not found.\"}", gone.body());
  }
}
