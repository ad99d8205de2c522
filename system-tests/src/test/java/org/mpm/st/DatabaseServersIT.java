package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpm.launcher.EmbeddedDatabase;
import org.mpm.st.Api.Resp;

/**
 * Companies' databases on two database servers: the suite's embedded MariaDB (the central database's server) and a
 * second embedded MariaDB started for this class, which checks passwords: the application logs in there as a user of
 * its own whose password it is given only in a file ({@code MPM_DB_SERVER_SECOND_PASSWORD_FILE}, readable by its
 * owner only, with a line break at its end as {@code echo} writes it). The server is restarted with the second one
 * configured and both given a capacity, so that the placement of each new company can be foretold; afterwards it is
 * restarted as the suite has it, without the companies PLACED on the second server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseServersIT {

  static final String SECOND = "second";
  static final String SECOND_USER = "mpm2";
  /** Characters that a URL, the admin commands' property syntax or XML would misread. */
  static final String SECOND_PASSWORD = "File:pw=2&x%41;<y>";
  /** The pools' reference to the second server's password. */
  static final String REFERENCE = "${MPCONFIG=mpm.db.server.second.password}";

  static TestServer server;
  static Api api;
  static Path secondDir;
  static int secondPort;
  static EmbeddedDatabase second;
  static String secondUrl;
  static Path passwordFile;
  static Map<String, String> configuration;
  /** The slugs of the registered companies, with the server each must be on, in registration order. */
  static final Map<String, String> PLACED = new LinkedHashMap<>();
  static final Map<String, Long> COMPANY_IDS = new LinkedHashMap<>();
  static final Map<String, EarSmokeFlow.Paid> PAID = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.get();
    api = new Api(server);
    secondDir = Path.of(System.getProperty("mpm.work.dir", "target/st")).resolve("mariadb-second");
    try (ServerSocket s = new ServerSocket(0)) {
      secondPort = s.getLocalPort();
    }
    second = EmbeddedDatabase.start(secondDir, secondPort);
    secondUrl = "jdbc:mysql://127.0.0.1:" + secondPort + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    PasswordCheckingDatabase.withUser(second, SECOND_USER, SECOND_PASSWORD).close();
    // The second server lets no one in without the password, not even root.
    for (String[] login : List.of(new String[] {"root", ""}, new String[] {SECOND_USER, ""},
        new String[] {SECOND_USER, SECOND_PASSWORD + "x"})) {
      SQLException refused = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(secondUrl, login[0], login[1]).close(), login[0] + " got in");
      assertEquals("28000", refused.getSQLState(), refused.toString());
    }
    passwordFile = secondDir.resolveSibling("second.password").toAbsolutePath();
    writePasswordFile(SECOND_PASSWORD);
    long onCentral = Db.countCentral("SELECT COUNT(*) FROM company_databases");
    // Room: four more companies on the central server, two on the second one.
    configuration = Map.of(
        "MPM_DB_SERVERS", SECOND,
        "MPM_DB_SERVER_SECOND_URL", secondUrl,
        "MPM_DB_SERVER_SECOND_USER", SECOND_USER,
        "MPM_DB_SERVER_SECOND_PASSWORD_FILE", passwordFile.toString(),
        "MPM_DB_SERVER_SECOND_CAPACITY", "2",
        "MPM_DB_SERVER_CENTRAL_CAPACITY", Long.toString(onCentral + 4));
    server.restart(configuration);
    server.addDatabaseServer(SECOND, secondUrl, SECOND_USER, SECOND_PASSWORD);
  }

  /** The password file of the second server, as {@code echo <password> > file} writes it, for its owner only. */
  static void writePasswordFile(String password) throws Exception {
    Files.deleteIfExists(passwordFile);
    Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(passwordFile, password + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      // The companies on the second server leave the central database, and the server runs as the suite has it.
      List<Long> gone = new ArrayList<>();
      PLACED.forEach((slug, where) -> {
        if (where.equals(SECOND) && COMPANY_IDS.containsKey(slug)) {
          gone.add(COMPANY_IDS.get(slug));
        }
      });
      try (Connection c = Db.central()) {
        for (long id : gone) {
          Db.exec(c, "DELETE FROM tenant_database_servers WHERE database_name IN"
              + " (SELECT database_name FROM company_databases WHERE company_id = ?)", id);
          for (String sql : List.of("DELETE FROM database_proxies WHERE fk_company_id = ?",
              "DELETE FROM api_keys WHERE company_id = ?", "DELETE FROM company_databases WHERE company_id = ?",
              "DELETE FROM companies WHERE id = ?")) {
            Db.exec(c, sql, id);
          }
        }
      }
      server.removeDatabaseServer(SECOND);
      server.restart(Map.of());
    } finally {
      if (second != null) {
        second.close();
      }
    }
  }

  /** Whether a database exists on the central server ({@code onSecond} false) or on the second one. */
  static boolean exists(String database, boolean onSecond) throws Exception {
    try (Connection c = onSecond ? DriverManager.getConnection(secondUrl, SECOND_USER, SECOND_PASSWORD)
        : Db.central()) {
      return Db.count(c, "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", database) == 1;
    }
  }

  /** The server recorded with a company in the central database. */
  static String recorded(long companyId) throws Exception {
    try (Connection c = Db.central(); var s = c.prepareStatement("SELECT tds.server FROM company_databases cd"
        + " JOIN tenant_database_servers tds ON tds.database_name = cd.database_name WHERE cd.company_id = ?")) {
      s.setLong(1, companyId);
      try (var rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Each company's database is on its recorded server, and only there. */
  static void assertEachOnItsServer() throws Exception {
    for (Map.Entry<String, String> e : PLACED.entrySet()) {
      long id = COMPANY_IDS.get(e.getKey());
      String database = Db.database(id);
      boolean onSecond = e.getValue().equals(SECOND);
      assertEquals(e.getValue(), recorded(id), "server recorded for " + e.getKey());
      assertTrue(exists(database, onSecond), database + " on " + e.getValue());
      assertTrue(!exists(database, !onSecond), database + " only on " + e.getValue());
    }
  }

  @Test
  @Order(1)
  void newCompaniesGoToTheServerWithTheMostRoomUntilNoneHasAny() throws Exception {
    // Room (central, second): 4/2 → central, 3/2 → central, 2/2 (the second holds fewer) → second, 2/1 → central,
    // 1/1 (the second holds fewer) → second, 1/0 → central, then none.
    List<String> expected = List.of("central", "central", SECOND, "central", SECOND, "central");
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < expected.size(); i++) {
      String slug = "dbs-" + run + "-" + i;
      long started = System.nanoTime();
      COMPANY_IDS.put(slug, EarSmokeFlow.register(api, slug));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      PLACED.put(slug, expected.get(i));
      System.out.println("[dbservers] company " + (i + 1) + " registered on " + recorded(COMPANY_IDS.get(slug))
          + " in " + ms + " ms");
      assertEquals(expected.get(i), recorded(COMPANY_IDS.get(slug)), "placement of company " + (i + 1));
    }
    long companies = Db.countCentral("SELECT COUNT(*) FROM companies");
    Resp full = api.post("/api/companies", Api.registration("dbs-" + run + "-full Energy",
        "info@dbs-" + run + "-full.example", "owner@dbs-" + run + "-full.example", 21), null);
    assertEquals(503, full.status(), full.body());
    assertEquals("No database server has room for another company.", full.message());
    assertEquals(companies, Db.countCentral("SELECT COUNT(*) FROM companies"), "the refused company left no row");
    assertEachOnItsServer();
  }

  /** The first company on each server. */
  static String first(String where) {
    return PLACED.entrySet().stream().filter(e -> e.getValue().equals(where)).findFirst().orElseThrow().getKey();
  }

  @Test
  @Order(2)
  void companiesOnBothServersWorkAndNeverSeeEachOthersData() throws Exception {
    for (String where : List.of("central", SECOND)) {
      String slug = first(where);
      PAID.put(slug, EarSmokeFlow.operate(api, server::jdbc, Db.database(COMPANY_IDS.get(slug)), slug));
    }
    // Each company gets a person of its own; neither sees the other's, also at the same id.
    Map<String, String> owners = new LinkedHashMap<>();
    Map<String, Long> people = new LinkedHashMap<>();
    PeopleIT.api = api;
    for (String slug : PAID.keySet()) {
      owners.put(slug, api.login(EarSmokeFlow.owner(slug), "secret123"));
      Resp person = PeopleIT.create(new Api.Tenant(COMPANY_IDS.get(slug), slug, EarSmokeFlow.owner(slug), "secret123",
          owners.get(slug)), "Only", slug, "+255712345002", null);
      assertEquals(201, person.status(), person.body());
      people.put(slug, GeographyIT.id(person));
    }
    for (String slug : PAID.keySet()) {
      for (String other : PAID.keySet()) {
        Resp shown = api.get("/api/people/" + people.get(other), owners.get(slug));
        if (other.equals(slug)) {
          assertEquals(slug, shown.obj().getJsonObject("data").getString("surname"), shown.body());
        } else {
          assertTrue(shown.status() == 404 || !shown.body().contains(other), slug + " sees " + shown.body());
        }
      }
      String list = api.get("/api/people?per_page=100", owners.get(slug)).body();
      for (String other : PAID.keySet()) {
        assertEquals(other.equals(slug), list.contains("\"" + other + "\""), slug + " lists " + other + ": " + list);
      }
      // And its rows are in its own database only.
      try (Connection c = server.jdbc(Db.database(COMPANY_IDS.get(slug)))) {
        assertEquals(1, Db.count(c, "SELECT COUNT(*) FROM people WHERE surname = ?", slug));
        assertEquals(1, Db.count(c, "SELECT COUNT(*) FROM tokens"));
      }
    }
  }

  @Test
  @Order(3)
  void aServerThatIsDownFailsOnlyItsOwnCompanies() throws Exception {
    String onCentral = first("central");
    String onSecond = first(SECOND);
    String centralOwner = api.login(EarSmokeFlow.owner(onCentral), "secret123");
    String secondOwner = api.login(EarSmokeFlow.owner(onSecond), "secret123");
    second.close();
    try {
      Resp down = api.get("/api/people", secondOwner);
      assertEquals(503, down.status(), down.body());
      assertEquals("{\"message\":\"Service Unavailable\"}", down.body());
      Resp login = api.post("/api/auth/login", "{\"email\":\"" + EarSmokeFlow.owner(onSecond)
          + "\",\"password\":\"secret123\"}", null);
      assertEquals(503, login.status(), login.body());
      assertEquals("Service Unavailable", login.message());

      // The central server's company goes on: reads, and an agent payment with its token.
      assertEquals(200, api.get("/api/people", centralOwner).status());
      String agent = EarSmokeFlow.agentLogin(api, onCentral);
      Resp pay = api.post("/api/app/agents/transactions", "{\"device_serial\":\"EAR-0001\",\"amount\":500}",
          agent);
      assertEquals(200, pay.status(), pay.body());
      String token = EarSmokeFlow.completedToken(api, agent, pay.obj().getJsonObject("data").getJsonNumber("id")
          .longValue());
      assertEquals(20, token.length(), token);
    } finally {
      second = EmbeddedDatabase.start(secondDir, secondPort);
      PasswordCheckingDatabase.checkPasswords(second).close();
    }
    // Back: the second server's company works again without a restart of the server.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Resp back = api.get("/api/people", secondOwner);
    while (back.status() != 200 && System.nanoTime() < end) {
      Thread.sleep(500);
      back = api.get("/api/people", secondOwner);
    }
    assertEquals(200, back.status(), back.body());
    EarSmokeFlow.assertStillThere(api, PAID.get(onSecond), onSecond);
  }

  @Test
  @Order(4)
  void aRestartKeepsEachCompanyOnItsServer() throws Exception {
    server.restart(configuration);
    assertEachOnItsServer();
    for (Map.Entry<String, EarSmokeFlow.Paid> e : PAID.entrySet()) {
      EarSmokeFlow.assertStillThere(api, e.getValue(), e.getKey());
    }
    for (String slug : PLACED.keySet()) {
      api.login(EarSmokeFlow.owner(slug), "secret123");
    }
  }

  @Test
  @Order(5)
  void thePasswordIsInNoneOfTheServersFilesNorInItsLog() throws Exception {
    String pool = "mpm-tenant-" + Db.database(COMPANY_IDS.get(first(SECOND)));
    // Payara Micro's configuration is written to a folder of its own in the temporary directory at each start: those
    // of this class's starts have the pool of the second server's first company.
    List<Path> configurations = new ArrayList<>();
    try (Stream<Path> roots = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      for (Path root : roots.filter(p -> p.getFileName().toString().startsWith("payaramicro-rt")).toList()) {
        Path domain = root.resolve("config").resolve("domain.xml");
        if (Files.isReadable(domain) && Files.readString(domain).contains("\"" + pool + "\"")) {
          configurations.add(domain);
        }
      }
    }
    assertTrue(configurations.size() >= 2, "the configurations of this class's starts: " + configurations);
    for (Path domain : configurations) {
      String xml = Files.readString(domain);
      assertTrue(xml.contains("value=\"" + REFERENCE + "\""), "the pools refer to the password: " + domain);
      assertNoPassword(domain, xml);
    }
    assertNoPassword(server.transactionDir().resolve("preboot.asadmin"),
        Files.readString(server.transactionDir().resolve("preboot.asadmin")));
    assertNoPassword(server.log(), Files.readString(server.log()));
  }

  /** The password is not in the text, neither as it is nor as XML or a URL would write it. */
  static void assertNoPassword(Path file, String text) {
    for (String form : List.of(SECOND_PASSWORD, SECOND_PASSWORD.replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;"), URLEncoder.encode(SECOND_PASSWORD, StandardCharsets.UTF_8))) {
      assertFalse(text.contains(form), "the password in " + file);
    }
  }

  @Test
  @Order(6)
  void aWrongPasswordInTheFileFailsTheSecondServersCompaniesOnlyAndTheLogSaysWhy() throws Exception {
    long logged = Files.size(server.log());
    writePasswordFile("Wrong" + SECOND_PASSWORD);
    server.restart(configuration);
    String log;
    try (var in = Files.newInputStream(server.log())) {
      in.skipNBytes(logged);
      log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(log.contains("The database server second (jdbc:mysql://127.0.0.1:" + secondPort
        + "/) refuses the login of " + SECOND_USER + ": Access denied for user '" + SECOND_USER + "'@"), log);
    assertNoPassword(server.log(), log);
    Resp refused = api.post("/api/auth/login", "{\"email\":\"" + EarSmokeFlow.owner(first(SECOND))
        + "\",\"password\":\"secret123\"}", null);
    assertEquals(503, refused.status(), refused.body());
    assertEquals("Service Unavailable", refused.message());
    // The central server's companies go on, and every company stays where it was.
    EarSmokeFlow.assertStillThere(api, PAID.get(first("central")), first("central"));
    assertEachOnItsServer();
  }

  @Test
  @Order(7)
  void companiesOfAServerDownAtStartWaitAndAreServedOnceItIsBackWhileNewOnesGoElsewhere() throws Exception {
    writePasswordFile(SECOND_PASSWORD);
    String onSecond = first(SECOND);
    String onCentral = first("central");
    long waitingHere = PLACED.values().stream().filter(SECOND::equals).count();
    // Room for one more company on the central server and for eight on the second.
    Map<String, String> roomy = new HashMap<>(configuration);
    roomy.put("MPM_DB_SERVER_CENTRAL_CAPACITY",
        Long.toString(Db.countCentral("SELECT COUNT(*) FROM company_databases") - waitingHere + 1));
    roomy.put("MPM_DB_SERVER_SECOND_CAPACITY", Long.toString(waitingHere + 8));
    String run = Long.toString(System.nanoTime(), 36);
    second.close();
    long logged = Files.size(server.log());
    String log;
    try {
      long started = System.nanoTime();
      server.restart(roomy);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      System.out.println("[dbservers] restart with the second server down: answering after " + seconds + " s");
      // Flyway's own retries of each company's login would hold the start some 8 minutes per two companies.
      assertTrue(seconds < 180, "the start waited " + seconds + " s for the server that is down");
      log = logSince(logged);
      assertTrue(log.contains("The database server second (jdbc:mysql://127.0.0.1:" + secondPort
          + "/) cannot be reached: "), log);
      assertTrue(log.contains(waitingHere + " company database(s) on the database server second wait for their"
          + " migration"), log);
      Resp refused = api.post("/api/auth/login", "{\"email\":\"" + EarSmokeFlow.owner(onSecond)
          + "\",\"password\":\"secret123\"}", null);
      assertEquals(503, refused.status(), refused.body());
      EarSmokeFlow.assertStillThere(api, PAID.get(onCentral), onCentral);
      // A new company goes where there is room and a server that takes the login: the central one.
      String whileDown = "dbs-" + run + "-down";
      COMPANY_IDS.put(whileDown, EarSmokeFlow.register(api, whileDown));
      PLACED.put(whileDown, "central");
      assertEquals("central", recorded(COMPANY_IDS.get(whileDown)));
    } finally {
      second = EmbeddedDatabase.start(secondDir, secondPort);
      PasswordCheckingDatabase.checkPasswords(second).close();
    }
    // Back: within a round of the retries its companies are migrated, then served, with their data.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Resp back = api.post("/api/auth/login", "{\"email\":\"" + EarSmokeFlow.owner(onSecond)
        + "\",\"password\":\"secret123\"}", null);
    while (back.status() != 200 && System.nanoTime() < end) {
      Thread.sleep(1000);
      back = api.post("/api/auth/login", "{\"email\":\"" + EarSmokeFlow.owner(onSecond)
          + "\",\"password\":\"secret123\"}", null);
    }
    assertEquals(200, back.status(), back.body());
    log = logSince(logged);
    assertTrue(log.contains("The database server second takes the login again: " + waitingHere
        + " company database(s) migrated and served"), log);
    EarSmokeFlow.assertStillThere(api, PAID.get(onSecond), onSecond);
    String afterwards = "dbs-" + run + "-back";
    COMPANY_IDS.put(afterwards, EarSmokeFlow.register(api, afterwards));
    PLACED.put(afterwards, SECOND);
    assertEachOnItsServer();
  }

  /** What the server has logged since the log had this many bytes. */
  static String logSince(long bytes) throws Exception {
    try (var in = Files.newInputStream(server.log())) {
      in.skipNBytes(bytes);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
