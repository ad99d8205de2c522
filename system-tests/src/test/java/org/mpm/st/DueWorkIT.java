package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Tenant;

/**
 * The polls find work left in a company's database by another node or before a restart (a row written straight
 * into the database, with no wake on this server), by asking all companies' databases at once; work not yet due
 * stays where it is; and the question never fails over to looking at every company one by one.
 */
class DueWorkIT {

  static Api api;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
  }

  /** An unsent message and its pending job, written as another node would have left them; the message's id. */
  static long leftMessage(Tenant t, String phone, String dueIn) throws Exception {
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO sms (receiver, body, uuid, created_at, updated_at, status, direction, attempts)"
          + " VALUES ('" + phone + "', 'Left behind', UUID(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), 0, 1, 0)",
          Statement.RETURN_GENERATED_KEYS);
      long id;
      try (var keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      s.executeUpdate("INSERT INTO payment_jobs (kind, ref_id, state, attempts, next_attempt_at, created_at,"
          + " updated_at) VALUES ('sms', " + id + ", 'pending', 0, UTC_TIMESTAMP(3) + INTERVAL " + dueIn + ","
          + " UTC_TIMESTAMP(), UTC_TIMESTAMP())");
      return id;
    }
  }

  @Test
  void workLeftInACompanysDatabaseIsFoundAndWorkNotDueYetWaits() throws Exception {
    Tenant quiet = api.registerCompany("due-quiet");
    Tenant left = api.registerCompany("due-left");
    long due = leftMessage(left, "+255716100001", "-1 SECOND");
    long later = leftMessage(left, "+255716100002", "1 HOUR");
    for (int i = 0; i < 300 && count(left, "SELECT status FROM sms WHERE id = " + due) != 1; i++) {
      Thread.sleep(100);
    }
    assertEquals(1, count(left, "SELECT status FROM sms WHERE id = " + due), "the message left behind is sent");
    assertEquals(1, count(left, "SELECT COUNT(*) FROM payment_jobs WHERE ref_id = " + due + " AND state = 'done'"));
    // Several polls later (every 2 s here), the job that is not due yet is untouched.
    Thread.sleep(5_000);
    assertEquals(0, count(left, "SELECT status FROM sms WHERE id = " + later));
    assertEquals(1, count(left, "SELECT COUNT(*) FROM payment_jobs WHERE ref_id = " + later
        + " AND state = 'pending' AND attempts = 0"));
    assertEquals(0, count(quiet, "SELECT COUNT(*) FROM payment_jobs"));
  }

  @Test
  void theQuestionToAllCompaniesNeverFailedOver() throws Exception {
    // Every clock of the suite's server (payments, SMS payments, TextBee, dashboards' fold) has asked by now. (A
    // database server that is away, as in DatabaseServersIT, is another message.)
    List<String> failed = Files.readAllLines(TestServer.get().log(), StandardCharsets.ISO_8859_1).stream()
        .filter(line -> line.contains("for due work; all of them are looked at")).toList();
    assertTrue(failed.isEmpty(), String.join("\n", failed));
  }
}
