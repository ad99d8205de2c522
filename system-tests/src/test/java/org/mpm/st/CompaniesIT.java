package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Company registration, the catalogues and the company lookup. */
class CompaniesIT {

  static TestServer server;
  static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    api = new Api(server);
  }

  @Test
  void registrationProvisionsAWholeTenant() throws Exception {
    Resp r = api.post("/api/companies", "{\"name\":\"Kilimo Solar Ltd.\",\"address\":\"Arusha\","
        + "\"phone\":\"+255711\",\"email\":\"info@kilimo.example\",\"country_id\":5,"
        + "\"user\":{\"name\":\"Asha\",\"email\":\"asha@kilimo.example\",\"password\":\"secret123\","
        + "\"confirmPassword\":\"secret123\"},\"plugins\":[{\"id\":21},{\"id\":22}],\"usage_type\":\"mini-grid&shs\"}",
        null);
    assertEquals(201, r.status(), r.body());
    assertTrue(r.message().startsWith("Congratulations! you have registered to MicroPowerManager successfully."));
    JsonObject company = r.obj().getJsonObject("company");
    assertEquals("Kilimo Solar Ltd.", company.getString("name"));
    long id = company.getJsonNumber("id").longValue();

    String token = api.login("asha@kilimo.example", "secret123");
    Resp me = api.get("/api/auth/me", token);
    assertEquals("[\"owner\"]", me.obj().getJsonArray("roles").toString());
    JsonArray plugins = api.get("/api/plugins", token).obj().getJsonArray("data");
    assertEquals(2, plugins.size());
    JsonArray tails = api.get("/api/registration-tails", token).obj().getJsonArray("data");
    assertEquals("Settings", tails.getJsonObject(0).getString("component"));
    assertEquals(3, tails.size());

    Resp own = api.get("/api/companies/asha@kilimo.example", token);
    assertEquals(200, own.status());
    assertEquals(id, own.obj().getJsonObject("data").getJsonNumber("id").longValue());
    assertEquals(5, own.obj().getJsonObject("data").getInt("country_id"));

    String db = Db.database(id);
    assertNotNull(db, "the company has its database");
    assertTrue(db.startsWith("KilimoSolarLtd_"), db);
    try (Connection t = Db.tenant(id);
        ResultSet s = t.createStatement().executeQuery("SELECT company_name, usage_type FROM main_settings")) {
      assertTrue(s.next());
      assertEquals("Kilimo Solar Ltd.", s.getString(1));
      assertEquals("mini-grid&shs", s.getString(2));
    }
  }

  @Test
  void invalidRegistrationsAre422AndLeaveNothing() throws Exception {
    long before = Db.countCentral("SELECT COUNT(*) FROM companies");
    Resp missing = api.post("/api/companies", "{\"name\":\"Nope\"}", null);
    assertEquals(422, missing.status());
    assertEquals("The address field is required. (and 3 more errors)", missing.message());

    Tenant existing = api.registerCompany("dup");
    long afterFirst = Db.countCentral("SELECT COUNT(*) FROM companies");
    Resp dupOwner = api.post("/api/companies", Api.registration("Fresh Co", "fresh@example.com",
        existing.ownerEmail()), null);
    assertEquals(422, dupOwner.status());
    assertEquals("{\"message\":\"Owner account email already exists\"}", dupOwner.body());

    Resp dupName = api.post("/api/companies", Api.registration(existing.name(), "fresh2@example.com",
        "fresh2-owner@example.com"), null);
    assertEquals(422, dupName.status());
    assertEquals("Company already exists", dupName.message());

    Resp dupEmail = api.post("/api/companies", Api.registration("Fresh Three", existing.ownerEmail(),
        "fresh3@example.com"), null);
    assertEquals(422, dupEmail.status());
    assertEquals("[\"The email has already been taken.\"]",
        dupEmail.obj().getJsonObject("errors").getJsonArray("email").toString());

    Resp badPlugin = api.post("/api/companies", Api.registration("Fresh Four", "fresh4@example.com",
        "fresh4-owner@example.com", 999), null);
    assertEquals(422, badPlugin.status());
    assertEquals(afterFirst, Db.countCentral("SELECT COUNT(*) FROM companies"));
    assertEquals(before + 1, afterFirst);
    assertEquals(0, Db.countCentral("SELECT COUNT(*) FROM tenant_provisionings"));
  }

  @Test
  void catalogues() {
    JsonArray types = api.get("/api/usage-types", null).obj().getJsonArray("data");
    assertEquals(7, types.size());
    assertEquals("mini-grid&shs&e-bike", types.getJsonObject(6).getString("value"));
    JsonArray plugins = api.get("/api/mpm-plugins", null).obj().getJsonArray("data");
    assertEquals(32, plugins.size());
    for (int i = 0; i < 32; i++) {
      assertEquals(i + 1, plugins.getJsonObject(i).getInt("id"));
    }
    assertEquals("DemoShsManufacturer", plugins.getJsonObject(21).getString("name"));
    assertEquals("demo-shs-manufacturer:install", plugins.getJsonObject(21).getString("installation_command"));
    assertEquals(5, api.get("/api/mpm-plugins?limit=5", null).obj().getJsonArray("data").size());
  }

  @Test
  void companyLookupDoesNotRevealOtherCompanies() {
    Tenant a = api.registerCompany("lookup-a");
    Tenant b = api.registerCompany("lookup-b");
    assertEquals(404, api.get("/api/companies/" + b.ownerEmail(), a.token()).status());
    assertEquals(200, api.get("/api/companies/" + a.ownerEmail(), a.token()).status());
    assertEquals(401, api.get("/api/companies/" + a.ownerEmail(), null).status());
  }

  /**
   * A new company's schema is sent as one script with Flyway's history started at the last migration: it is the
   * schema of the migrations applied one by one by Flyway (tables, columns, indexes, foreign keys, triggers), and
   * Flyway finds the database valid and up to date, so later migrations apply to it as to any other.
   */
  @Test
  void aNewCompanysSchemaIsThatOfTheMigrationsAppliedOneByOne() throws Exception {
    Tenant company = api.registerCompany("schema");
    String reference = "schema_reference_" + System.nanoTime();
    try (Connection c = Db.central()) {
      Db.exec(c, "CREATE DATABASE `" + reference + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    try {
      Flyway stepByStep = flyway(reference);
      assertTrue(stepByStep.migrate().migrationsExecuted > 30, "the reference is migrated one by one");
      String created = Db.database(company.companyId());
      List<String> expected = schemaOf(reference);
      List<String> found = schemaOf(created);
      assertTrue(expected.size() > 1000, "the reference's schema is described: " + expected.size() + " lines");
      assertEquals(expected, found, "the new company's schema is the migrations'");

      Flyway onCreated = flyway(created);
      assertTrue(onCreated.validateWithResult().validationSuccessful, "Flyway finds the new company's database valid");
      assertEquals(0, onCreated.info().pending().length, "nothing is pending for it");
      assertEquals(stepByStep.info().current().getVersion(), onCreated.info().current().getVersion());
      assertEquals(0, onCreated.migrate().migrationsExecuted);
    } finally {
      try (Connection c = Db.central()) {
        Db.exec(c, "DROP DATABASE `" + reference + "`");
      }
    }
  }

  static Flyway flyway(String database) {
    return Flyway.configure().dataSource(server.centralUrl().replace("/" + Db.CENTRAL + "?", "/" + database + "?"),
        "root", "").locations("classpath:db/migration/tenant").load();
  }

  /** The database's tables, columns, indexes, foreign keys and triggers as sorted lines, without Flyway's table. */
  static List<String> schemaOf(String database) throws Exception {
    String notFlyway = " AND TABLE_NAME <> 'flyway_schema_history'";
    List<String> queries = List.of(
        "SELECT CONCAT_WS('|', 'table', TABLE_NAME, ENGINE, TABLE_COLLATION) FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ?" + notFlyway,
        "SELECT CONCAT_WS('|', 'column', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
            + " IFNULL(COLUMN_DEFAULT, '-'), EXTRA, IFNULL(COLLATION_NAME, '-')) FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ?" + notFlyway,
        "SELECT CONCAT_WS('|', 'index', TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE,"
            + " IFNULL(SUB_PART, '-')) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?" + notFlyway,
        "SELECT CONCAT_WS('|', 'key', TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, IFNULL(REFERENCED_TABLE_NAME, '-'),"
            + " IFNULL(REFERENCED_COLUMN_NAME, '-')) FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ?"
            + notFlyway,
        "SELECT CONCAT_WS('|', 'trigger', TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
            + " ACTION_STATEMENT) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?");
    List<String> lines = new ArrayList<>();
    try (Connection c = Db.central()) {
      for (String sql : queries) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setString(1, database);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              lines.add(rs.getString(1));
            }
          }
        }
      }
    }
    Collections.sort(lines);
    return lines;
  }
}
