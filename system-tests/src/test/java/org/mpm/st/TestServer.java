package org.mpm.st;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mpm.launcher.EmbeddedDatabase;
import org.mpm.launcher.PayaraServer;

/**
 * One real server for the whole black-box suite: an embedded MariaDB in a fresh folder, an SMTP server (GreenMail,
 * in this JVM) that receives the server's mails, and Payara Micro with the built WAR, on free ports. Started on
 * first use, stopped when the test JVM exits. Tests may kill and restart Payara (crash tests); the database and
 * the mail server keep running. The server's other outside world is simulated in this JVM too: Bing Maps
 * ({@link BingSimulator}), which only the check of a map key calls, and Firebase Cloud Messaging
 * ({@link FcmSimulator}), through which the Android SMS gateway pushes messages to a company's phone, Paystack
 * ({@link PaystackSimulator}), with which the Paystack plugin initialises and verifies payments, Flutterwave
 * ({@link FlutterwaveSimulator}), likewise for the Flutterwave plugin, Safaricom's
 * Daraja ({@link SafaricomSimulator}), which the M-Pesa plugin calls and which calls the server back, Pesapal
 * ({@link PesapalSimulator}), whose IPNs the Pesapal plugin re-queries, Wave Money's
 * gateway ({@link WaveMoneySimulator}), Vodacom M-Pesa Mozambique ({@link VodacomMzSimulator}), which the Vodacom
 * plugin asks for appliance payments, and the SMS gateway plugins' vendors ({@link AfricasTalkingSimulator},
 * {@link TextbeeSimulator}, {@link ViberSimulator}).
 */
public final class TestServer {

  /** The signing secret the server is configured with, so tests can craft tokens (expired, tampered …). */
  public static final String JWT_SECRET = "system-test-secret-0123456789abcdef0123456789";
  /** The web console's address the server builds its links with (MPM_FRONTEND_URL). */
  public static final String CONSOLE_URL = "http://console.test:8001";
  /** The sender of the server's mails (MPM_MAIL_FROM). */
  public static final String MAIL_FROM = "mpm@mpm.test";
  /**
   * The cap on the connections of the company pools (MPM_TENANT_CONNECTIONS_CAP): low, so that the whole suite runs
   * with pools emptied under it, as a large installation does.
   */
  public static final int CONNECTIONS_CAP = 30;
  static final String MAIL_USER = "mpm-mailer";
  static final String MAIL_PASSWORD = "mail-secret-1";

  private static TestServer instance;

  private final Path work;
  private final EmbeddedDatabase db;
  private final GreenMail smtp;
  private final int port;
  private final List<ServerSimulator> simulators;
  private PayaraServer server;

  private TestServer(Path work, EmbeddedDatabase db, GreenMail smtp, int port, List<ServerSimulator> simulators) {
    this.work = work;
    this.db = db;
    this.smtp = smtp;
    this.port = port;
    this.simulators = simulators;
  }

  public static synchronized TestServer get() {
    if (instance == null) {
      try {
        Path work = Path.of(System.getProperty("mpm.work.dir", "target/st"));
        if (Files.exists(work)) {
          try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
        Files.createDirectories(work);
        // The port is reserved by the build so that the in-container tests' server can be pointed at it.
        int dbPort = Integer.parseInt(System.getProperty("mpm.it.db.port", "0"));
        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("mariadb"), dbPort);
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser(MAIL_USER + "@mpm.test", MAIL_USER, MAIL_PASSWORD);
        smtp.start();
        TestServer s = new TestServer(work, db, smtp, freePort(), List.of(
            BingSimulator.start(),
            FcmSimulator.start(),
            PaystackSimulator.start(),
            FlutterwaveSimulator.start(),
            SafaricomSimulator.start(),
            PesapalSimulator.start(),
            WaveMoneySimulator.start(),
            VodacomMzSimulator.start(),
            AfricasTalkingSimulator.start(),
            TextbeeSimulator.start(),
            ViberSimulator.start()));
        Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly));
        try {
          s.startServer();
        } catch (Exception e) {
          // Stop what did start, so the next test class can start the server afresh on the same ports.
          s.stopQuietly();
          throw e;
        }
        instance = s;
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the test server", e);
      }
    }
    return instance;
  }

  /** Vodacom M-Pesa Mozambique's OpenAPI (C2B payments). */
  VodacomMzSimulator vodacomMz() {
    return simulator(VodacomMzSimulator.class);
  }

  /** The Firebase Cloud Messaging the Android SMS gateway pushes to. */
  FcmSimulator fcm() {
    return simulator(FcmSimulator.class);
  }

  /** The Paystack API the server is configured with. */
  PaystackSimulator paystack() {
    return simulator(PaystackSimulator.class);
  }

  /** The Flutterwave v3 API the server is configured with. */
  FlutterwaveSimulator flutterwave() {
    return simulator(FlutterwaveSimulator.class);
  }

  /** Safaricom's Daraja API the M-Pesa plugin calls. */
  SafaricomSimulator daraja() {
    return simulator(SafaricomSimulator.class);
  }

  /** Pesapal's API 3.0 the Pesapal plugin calls, and which sends its IPNs to the server. */
  PesapalSimulator pesapal() {
    return simulator(PesapalSimulator.class);
  }

  /** Wave Money's payment gateway the Wave Money plugin asks for payments. */
  WaveMoneySimulator waveMoney() {
    return simulator(WaveMoneySimulator.class);
  }

  /** Africa's Talking's SMS API, one of the SMS gateway plugins. */
  AfricasTalkingSimulator africasTalking() {
    return simulator(AfricasTalkingSimulator.class);
  }

  /** TextBee's gateway API. */
  TextbeeSimulator textbee() {
    return simulator(TextbeeSimulator.class);
  }

  /** Viber's bot API. */
  ViberSimulator viber() {
    return simulator(ViberSimulator.class);
  }

  /** The Bing Maps the server is configured with. */
  BingSimulator bing() {
    return simulator(BingSimulator.class);
  }

  private <T extends ServerSimulator> T simulator(Class<T> type) {
    return simulators.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  /** Where the server keeps uploaded files. */
  public Path storageDir() {
    return work.resolve("storage").toAbsolutePath();
  }

  /** Where the server keeps its transaction log. */
  public Path transactionDir() {
    return work.resolve("transactions").toAbsolutePath();
  }

  private void startServer() throws Exception {
    startServer(Map.of());
  }

  /** Starts the server with these configuration entries replacing the suite's (e.g. another MPM_DB_URL). */
  private void startServer(Map<String, String> overrides) throws Exception {
    server = PayaraServer.start(runtime(), port, env(overrides), work.resolve("payara.log"), "1g", transactionDir());
    // The first start seeds the demo company with its 1000 payments: about a minute on two cores, several when
    // the machine is busy with other work.
    server.awaitReady(Duration.ofMinutes(8));
  }

  /**
   * Starts another server on the suite's database and outside world, with the suite's configuration and these
   * entries replacing it, on {@code port}, its log and transaction log in a folder of its own called {@code name}
   * (e.g. a second member of a cluster); the caller awaits and stops it.
   */
  public PayaraServer startAnother(String name, int port, Map<String, String> overrides) throws Exception {
    Path home = work.resolve(name);
    return PayaraServer.start(runtime(), port, env(overrides), home.resolve("payara.log"), "1g",
        home.resolve("transactions").toAbsolutePath());
  }

  private static Path runtime() {
    return Path.of(System.getProperty("mpm.runtime.dir", "../launcher/target/runtime"));
  }

  private Map<String, String> env(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.ofEntries(
        Map.entry("MPM_DB_URL", db.centralUrl()),
        Map.entry("MPM_DB_USER", "root"),
        Map.entry("MPM_DB_PASSWORD", ""),
        Map.entry("MPM_JWT_SECRET", JWT_SECRET),
        Map.entry("MPM_STORAGE_DIR", storageDir().toString()),
        // Quick clocks for the payment pipeline's retries, poll, access-rate accrual and installment reminders.
        Map.entry("MPM_PAYMENTS_BACKOFF_MS", "200"),
        Map.entry("MPM_PAYMENTS_POLL_SECONDS", "2"),
        Map.entry("MPM_TENANT_CONNECTIONS_CAP", Integer.toString(CONNECTIONS_CAP)),
        Map.entry("MPM_ACCESS_RATE_CHECK_SECONDS", "3"),
        Map.entry("MPM_APPLIANCE_REMINDERS_CHECK_SECONDS", "3"),
        Map.entry("MPM_SWIFTA_EXPIRY_CHECK_SECONDS", "2"),
        Map.entry("MPM_SMS_PARSER_RETRY_SECONDS", "2"),
        Map.entry("MPM_TEXTBEE_POLL_SECONDS", "2"),
        // Mails go to the suite's SMTP server, with a login and without TLS.
        Map.entry("MPM_MAIL_HOST", "127.0.0.1"),
        Map.entry("MPM_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort())),
        Map.entry("MPM_MAIL_USER", MAIL_USER),
        Map.entry("MPM_MAIL_PASSWORD", MAIL_PASSWORD),
        Map.entry("MPM_MAIL_TLS", "none"),
        Map.entry("MPM_MAIL_FROM", "MicroPowerManager <" + MAIL_FROM + ">"),
        Map.entry("MPM_FRONTEND_URL", CONSOLE_URL),
        // The address vendors call back (e.g. Daraja's STK push CallBackURL).
        Map.entry("MPM_APP_URL", baseUrl())));
    for (ServerSimulator simulator : simulators) {
      env.putAll(simulator.serverEnv());
    }
    env.putAll(overrides);
    return env;
  }

  /** SIGKILL of the server process (no shutdown, as in a crash). */
  public synchronized void kill() throws Exception {
    server.kill();
  }

  public synchronized void restart() throws Exception {
    if (server.process().isAlive()) {
      server.kill();
    }
    startServer();
  }

  /** Kills the server if it runs and starts it with these configuration entries replacing the suite's. */
  public synchronized void restart(Map<String, String> overrides) throws Exception {
    if (server.process().isAlive()) {
      server.kill();
    }
    startServer(overrides);
  }

  /** The port of the embedded database server. */
  public int databasePort() {
    return URI.create(db.centralUrl().substring("jdbc:".length())).getPort();
  }

  /** The mails the SMTP server has received for {@code receiver}, oldest first. */
  public List<MimeMessage> mailsTo(String receiver) throws MessagingException {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      Address[] to = m.getAllRecipients();
      for (int i = 0; to != null && i < to.length; i++) {
        if (to[i].toString().equalsIgnoreCase(receiver)) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The JDBC URL of the central database (for a second node). */
  public String centralUrl() {
    return db.centralUrl();
  }

  public long pid() {
    return server.process().pid();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return work.resolve("payara.log");
  }

  /**
   * A direct JDBC connection to a database of the embedded server (for checks from outside the API), or, for a
   * company's database on another database server a test has added ({@link #addDatabaseServer}), of that server.
   */
  public Connection jdbc(String database) throws Exception {
    if (!databaseServers.isEmpty()) {
      try (Connection c = DriverManager.getConnection(db.centralUrl(), "root", "");
          var s = c.prepareStatement("SELECT server FROM tenant_database_servers WHERE database_name = ?")) {
        s.setString(1, database);
        try (var rs = s.executeQuery()) {
          DatabaseServer other = rs.next() ? databaseServers.get(rs.getString(1)) : null;
          if (other != null) {
            return DriverManager.getConnection(other.url().replace("/?", "/" + database + "?"), other.user(),
                other.password());
          }
        }
      }
    }
    return DriverManager.getConnection(db.centralUrl().replace("/micro_power_manager?", "/" + database + "?"),
        "root", "");
  }

  /** Another database server: a JDBC URL on it ({@code jdbc:…/?…}) and a user's credentials. */
  private record DatabaseServer(String url, String user, String password) {}

  /** Other database servers the server is configured with by a test, by name. */
  private final Map<String, DatabaseServer> databaseServers = new ConcurrentHashMap<>();

  /**
   * Lets {@link #jdbc} reach the companies' databases on another server ({@code url}: {@code jdbc:…/?…}) as this
   * user.
   */
  public void addDatabaseServer(String name, String url, String user, String password) {
    databaseServers.put(name, new DatabaseServer(url, user, password));
  }

  public void removeDatabaseServer(String name) {
    databaseServers.remove(name);
  }

  private void stopQuietly() {
    try {
      server.close();
    } catch (Exception ignored) {
      // shutting down
    }
    smtp.stop();
    try {
      db.close();
    } catch (Exception ignored) {
      // shutting down
    }
    for (ServerSimulator simulator : simulators) {
      simulator.stop();
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
