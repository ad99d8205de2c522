package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The demo company's service desk and messages: MPM's categories, tickets with comments, a report, conversations. */
class DemoTicketsIT {

  @Test
  void theDemoHasMpmsServiceDeskAndMessages() throws Exception {
    Api api = new Api(TestServer.get());
    String owner = api.login("demo_company_admin@example.com", "123123");
    JsonArray labels = api.get("/api/tickets/labels", owner).obj().getJsonArray("data");
    assertEquals(12, labels.size());
    assertEquals("Payments/Top Up Issue", labels.getJsonObject(0).getString("label_name"));
    assertEquals(7, labels.stream().filter(v -> v.asJsonObject().getInt("out_source") == 1).count());
    JsonObject open = api.get("/api/tickets/ticket?status=0", owner).obj();
    JsonObject closed = api.get("/api/tickets/ticket?status=1", owner).obj();
    assertTrue(open.getInt("total") >= 100 - closed.getInt("total") && closed.getInt("total") > 0,
        open.getInt("total") + " open, " + closed.getInt("total") + " closed");
    JsonObject ticket = open.getJsonArray("data").getJsonObject(0);
    assertTrue(ticket.getJsonArray("comments").size() >= 1);
    assertTrue(ticket.getJsonObject("owner").getString("name").length() > 0);

    JsonArray reports = api.get("/api/tickets/reports", owner).obj().getJsonArray("data");
    assertTrue(reports.size() >= 1);
    HttpResponse<byte[]> file = api.download("/api/tickets/reports/download/"
        + reports.getJsonObject(0).getInt("id"), owner);
    assertEquals(200, file.statusCode());
    assertEquals('P', file.body()[0]);
    assertEquals('K', file.body()[1]);

    JsonObject conversations = api.get("/api/sms", owner).obj();
    assertTrue(conversations.getInt("total") >= 60, conversations.getInt("total") + " conversations");
    try (Connection c = Db.demo()) {
      assertEquals(60, Db.count(c, "SELECT COUNT(*) FROM sms WHERE direction = 0"));
      assertEquals(100, Db.count(c, "SELECT COUNT(*) FROM tickets"));
      assertEquals(0, Db.count(c, "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_comments c"
          + " WHERE c.ticket_id = t.id)"));
    }
  }
}
