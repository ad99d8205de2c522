package org.mpm.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Payara Micro with the MPM WAR, run as a child process so that it can be stopped or killed on its own. */
public final class PayaraServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private PayaraServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The XA pool through which the transaction manager finds prepared branches at start (see {@link #bootCommands}). */
  static final String RECOVERY_POOL = "mpm-xa-recovery";

  /**
   * Starts Payara Micro.
   *
   * @param runtimeDir folder holding payara-micro.jar, mysql-connector-j.jar and mpm.war
   * @param configuration the MPM_* configuration handed to the application (MPM_DB_URL, MPM_DB_USER and
   *     MPM_DB_PASSWORD are taken from this process's environment when absent; see {@link #passwordsFromFiles})
   * @param log where the server's output goes; null inherits this process's output
   * @param transactionDir the durable folder of the transaction log (kept across restarts and crashes)
   */
  public static PayaraServer start(Path runtimeDir, int port, Map<String, String> configuration, Path log,
      String maxHeap, Path transactionDir) throws IOException {
    Map<String, String> env = passwordsFromFiles(configuration);
    List<String> cmd = command(runtimeDir, port, env, maxHeap, transactionDir);
    if (classDataSharing(env)) {
      Path archive = runtimeDir.resolve(archiveName());
      if (!current(archive, runtimeDir.resolve("payara-micro.jar"))) {
        buildArchive(cmd, archive, env, log);
      }
      if (Files.exists(archive)) {
        cmd.add(1, "-XX:SharedArchiveFile=" + archive);
      }
    }
    return new PayaraServer(process(cmd, env, log).start(), port);
  }

  /**
   * The configuration with the passwords of MPM_DB_SERVERS that are given in a file
   * (MPM_DB_SERVER_&lt;NAME&gt;_PASSWORD_FILE) read here, at every start, and handed to the server as
   * MPM_DB_SERVER_&lt;NAME&gt;_PASSWORD instead of the file's name (a null value: the entry is removed from the
   * server's environment). The pools, the recovery pools of the pre-boot commands as the companies' pools the
   * application creates, then keep only the reference {@code ${MPCONFIG=mpm.db.server.<name>.password}}, and the
   * password is written into none of the server's files. White space around the password (the line break that
   * {@code echo … > file} writes) is dropped.
   *
   * @throws IOException naming the entry when a file cannot be read
   */
  static Map<String, String> passwordsFromFiles(Map<String, String> configuration) throws IOException {
    Map<String, String> env = new HashMap<>(configuration);
    String names = setting(configuration, "MPM_DB_SERVERS");
    for (String name : names == null ? new String[0] : names.split(",")) {
      String prefix = "MPM_DB_SERVER_" + name.trim().toUpperCase(Locale.ROOT) + "_";
      String file = setting(configuration, prefix + "PASSWORD_FILE");
      if (name.isBlank() || file == null || file.isBlank()) {
        continue;
      }
      env.put(prefix + "PASSWORD", passwordFile(prefix + "PASSWORD_FILE", file));
      env.put(prefix + "PASSWORD_FILE", null);
    }
    return env;
  }

  /** A password file's content without the white space around it. */
  static String passwordFile(String entry, String file) throws IOException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IOException(entry + ": the password file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The class-data archive of Payara Micro and the application, kept next to payara-micro.jar; named after the JVM
   * (an archive is only valid for the JVM that wrote it).
   */
  static String archiveName() {
    return "mpm-" + Runtime.version() + ".jsa";
  }

  /**
   * Whether the archive exists and is younger than payara-micro.jar (the JVM refuses an archive whose class path
   * changed). A newer WAR does not make it stale: classes of the application whose bytes changed are loaded from
   * the WAR as without an archive, the others still come from the archive.
   */
  static boolean current(Path archive, Path micro) throws IOException {
    return Files.exists(archive)
        && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(micro)) > 0;
  }

  /** Whether the server starts from the class-data archive: unless MPM_CDS is {@code off}. */
  static boolean classDataSharing(Map<String, String> env) {
    return !"off".equalsIgnoreCase(setting(env, "MPM_CDS"));
  }

  /**
   * Builds the class-data archive: boots the server with the command of a real start and {@code --warmup} (Payara
   * Micro deploys the application and exits), and the JVM writes the classes it loaded when it exits. Written under
   * another name and moved into place when complete. A failed build leaves no archive and the server starts without.
   */
  static void buildArchive(List<String> serverCommand, Path archive, Map<String, String> env, Path log)
      throws IOException {
    Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    List<String> cmd = archiveCommand(serverCommand, partial);
    Process p = process(cmd, env, log).start();
    try {
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        p.waitFor();
      } else if (p.exitValue() == 0 && Files.exists(partial)) {
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The command that writes the archive: that of the server, the JVM told to dump at exit, Payara to warm up. */
  static List<String> archiveCommand(List<String> serverCommand, Path archive) {
    List<String> cmd = new ArrayList<>(serverCommand);
    cmd.add(1, "-XX:ArchiveClassesAtExit=" + archive);
    cmd.add("--warmup");
    return cmd;
  }

  /**
   * Payara's check, at deployment, that the names the application refers to exist. The application refers only to
   * its own data source ({@code @DataSourceDefinition} of the central database); when the check does not find that
   * definition among the application's own, it looks the name up in JNDI, which holds it only if the definition
   * was bound first: an order that varies from one start to another (seen with two cluster members starting at
   * once), and a start that loses fails its deployment and never answers. A data source that is really missing still
   * fails the deployment, when the persistence units are created.
   */
  static final String NO_RESOURCE_VALIDATION = "-Ddeployment.resource.validation=false";

  /** The command line of the server (the JVM's options, then Payara Micro's). */
  static List<String> command(Path runtimeDir, int port, Map<String, String> env, String maxHeap,
      Path transactionDir) throws IOException {
    Path micro = runtimeDir.resolve("payara-micro.jar");
    Path war = runtimeDir.resolve("mpm.war");
    Path driver = runtimeDir.resolve("mysql-connector-j.jar");
    for (Path p : List.of(micro, war, driver)) {
      if (!Files.exists(p)) {
        throw new IOException("Missing " + p + " - build first: mvn -DskipTests install");
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + (maxHeap == null ? "1g" : maxHeap));
    cmd.add("-XX:+UseSerialGC".equals(System.getenv("MPM_GC")) ? "-XX:+UseSerialGC" : "-XX:+UseG1GC");
    cmd.add("-Duser.timezone=UTC");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add(NO_RESOURCE_VALIDATION);
    cmd.addAll(javaOptions(setting(env, "MPM_JAVA_OPTS")));
    cmd.add("-jar");
    cmd.add(micro.toString());
    cmd.addAll(clusterOptions(env));
    cmd.add("--prebootcommandfile");
    cmd.add(writeBootCommands(transactionDir, env).toString());
    cmd.add("--port");
    cmd.add(Integer.toString(port));
    cmd.add("--addLibs");
    cmd.add(driver.toString());
    cmd.add("--contextroot");
    cmd.add("/");
    cmd.add("--deploy");
    cmd.add(war.toString());
    return cmd;
  }

  /**
   * Payara Micro's options for clustering: with MPM_CLUSTER_NAME, the server joins the cluster of that name through
   * Payara's Hazelcast, finding its members by TCP/IP at MPM_CLUSTER_MEMBERS (host:port, comma-separated; at least
   * one must be running when a member starts) and listening on MPM_CLUSTER_PORT (Payara's default when unset; the
   * next free one when taken) and announcing MPM_CLUSTER_PUBLIC_ADDRESS (host:port) where the members reach each
   * other through address translation. Without MPM_CLUSTER_NAME the server runs alone, without Hazelcast.
   */
  static List<String> clusterOptions(Map<String, String> env) throws IOException {
    String name = setting(env, "MPM_CLUSTER_NAME");
    if (name == null || name.isBlank()) {
      return List.of("--nocluster", "--nohazelcast");
    }
    String members = setting(env, "MPM_CLUSTER_MEMBERS");
    if (members == null || members.isBlank()) {
      throw new IOException("MPM_CLUSTER_NAME is set but MPM_CLUSTER_MEMBERS is not: list the members' host:port");
    }
    List<String> out = new ArrayList<>(List.of("--clustername", name.trim(),
        "--clustermode", "tcpip:" + members.replaceAll("\\s+", "")));
    String port = setting(env, "MPM_CLUSTER_PORT");
    if (port != null && !port.isBlank()) {
      out.addAll(List.of("--startport", port.trim()));
    }
    String publicAddress = setting(env, "MPM_CLUSTER_PUBLIC_ADDRESS");
    if (publicAddress != null && !publicAddress.isBlank()) {
      out.addAll(List.of("--hzpublicaddress", publicAddress.trim()));
    }
    return out;
  }

  private static ProcessBuilder process(List<String> cmd, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    env.forEach((name, value) -> {
      if (value == null) {
        pb.environment().remove(name);
      } else {
        pb.environment().put(name, value);
      }
    });
    if (log == null) {
      pb.inheritIO();
    } else {
      Files.createDirectories(log.getParent());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    return pb;
  }

  /**
   * Writes the pre-boot commands ({@link #bootCommands}) to {@code preboot.asadmin} in {@code transactionDir}, and
   * Payara Micro's options for clustering ({@link #clusterOptions}, from MPM_CLUSTER_*) to {@code cluster.options},
   * for a Payara Micro started otherwise (the Docker image):
   * {@code java -cp mpm-launcher.jar org.mpm.launcher.PayaraServer <transactionDir>}, the database from MPM_DB_*.
   * The passwords of password files are read as {@link #start} reads them ({@link #passwordsFromFiles}), so that the
   * commands keep references, and printed as shell commands that hand them to the server in its environment:
   * {@code exports=$(java … PayaraServer <dir>) && eval "$exports" && exec java -jar payara-micro.jar …}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PayaraServer <transaction log folder>");
      System.exit(2);
    }
    Map<String, String> env = passwordsFromFiles(Map.of());
    Path commands = writeBootCommands(Path.of(args[0]), env);
    Files.writeString(Path.of(args[0]).resolve("cluster.options"),
        String.join(" ", clusterOptions(env)) + "\n");
    System.err.println("Pre-boot commands written to " + commands);
    System.out.print(shellExports(env));
  }

  /**
   * The shell commands that make these entries a server's environment (those of {@link #passwordsFromFiles} given
   * no configuration: its changes to this process's): an {@code export NAME='value'} for each value (quoted for a
   * POSIX shell) and an {@code unset NAME} for each null.
   */
  static String shellExports(Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append(e.getValue() == null
        ? "unset " + e.getKey()
        : "export " + e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'").append('\n'));
    return out.toString();
  }

  /** Writes the pre-boot commands for the server into {@code transactionDir}; the file's path. */
  static Path writeBootCommands(Path transactionDir, Map<String, String> env) throws IOException {
    Files.createDirectories(transactionDir);
    Path commands = transactionDir.resolve("preboot.asadmin");
    Files.deleteIfExists(commands);
    Files.createFile(commands, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    List<String> all = new ArrayList<>(bootCommands(transactionDir.toAbsolutePath(),
        setting(env, "MPM_DB_URL"), setting(env, "MPM_DB_USER"), setting(env, "MPM_DB_PASSWORD")));
    all.addAll(otherServersRecoveryPools(env));
    Files.writeString(commands, String.join("\n", all) + "\n");
    return commands;
  }

  /** A configuration entry: from {@code env} when it has the name (a null value: unset), else from this process's. */
  private static String setting(Map<String, String> env, String name) {
    return env.containsKey(name) ? env.get(name) : System.getenv(name);
  }

  /** The pool keeps the password as a reference the server resolves from MPM_DB_PASSWORD (as the tenant pools do). */
  static final String PASSWORD_REFERENCE = "${MPCONFIG=mpm.db.password}";

  /**
   * The admin commands run before the server boots. Central + tenant writes commit by two-phase commit; a crash
   * between the prepare and the commit phase leaves prepared branches in the database, holding their row locks,
   * until the transaction manager resolves them from its log. So the log lives in {@code transactionDir} (not in
   * Payara Micro's temporary root folder, which a restart replaces), recovery runs at every start, and an XA pool
   * on the central database exists from the start: the recovery manager asks the pools that exist when the server
   * is ready for their prepared branches, before the application is deployed and has created its own pools
   * (the log is {@code transactionDir/server/tx}; the branches this server may resolve are those whose qualifier
   * begins with its host name and {@code server}, so a node must keep its host name). MariaDB and MySQL
   * answer {@code XA RECOVER} for the whole database server, so this one pool finds the branches of the central
   * and of every company's database on that server (companies on other database servers have a pool each, see
   * {@link #otherServersRecoveryPools}); each is committed or rolled back as the log says (rolled back when the log
   * has no commit decision for it).
   */
  static List<String> bootCommands(Path transactionDir, String dbUrl, String user, String password) {
    List<String> out = new ArrayList<>();
    out.add("set configs.config.server-config.transaction-service.tx-log-dir=" + transactionDir);
    out.add("set configs.config.server-config.transaction-service.automatic-recovery=true");
    if (dbUrl != null && !dbUrl.isBlank()) {
      out.addAll(recoveryPool(RECOVERY_POOL, dbUrl, user, password, PASSWORD_REFERENCE));
    }
    return out;
  }

  /**
   * An XA pool for the recovery of prepared branches on one database server, and its resource; the password as
   * {@code reference} (a reference the server resolves), none when it is empty.
   */
  static List<String> recoveryPool(String pool, String dbUrl, String user, String password, String reference) {
    String url = dbUrl;
    StringBuilder props = new StringBuilder();
    if (password == null || password.isEmpty()) {
      // The admin commands have no notation for an empty password: the user goes in the URL, no password is sent.
      url = url + (url.indexOf('?') >= 0 ? '&' : '?') + "user="
          + URLEncoder.encode(user == null ? "root" : user, StandardCharsets.UTF_8);
      props.append("url=").append(escape(url));
    } else {
      props.append("url=").append(escape(url)).append(":user=").append(escape(user))
          .append(":password=").append(escape(reference));
    }
    return List.of("create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlXADataSource"
            + " --restype javax.sql.XADataSource"
            + " --steadypoolsize 0 --maxpoolsize 2 --property " + props + " " + pool,
        "create-jdbc-resource --connectionpoolid " + pool + " jdbc/" + pool);
  }

  /**
   * A recovery pool ({@link #recoveryPool}) for each of the other database servers that hold companies' databases
   * (MPM_DB_SERVERS, each with MPM_DB_SERVER_&lt;NAME&gt;_URL, _USER, _PASSWORD or _PASSWORD_FILE): XA RECOVER
   * answers for one database server only. A password from the environment is a reference; one from a file (when the
   * server is started otherwise than by {@link #start}, which hands it over in the environment, see
   * {@link #passwordsFromFiles}) is written into the commands' file (readable by its owner only).
   */
  static List<String> otherServersRecoveryPools(Map<String, String> env) throws IOException {
    List<String> out = new ArrayList<>();
    String names = setting(env, "MPM_DB_SERVERS");
    for (String name : names == null ? new String[0] : names.split(",")) {
      String n = name.trim();
      String prefix = "MPM_DB_SERVER_" + n.toUpperCase(Locale.ROOT) + "_";
      String url = setting(env, prefix + "URL");
      if (n.isEmpty() || url == null || url.isBlank()) {
        continue;
      }
      String user = setting(env, prefix + "USER");
      user = user == null || user.isBlank() ? setting(env, "MPM_DB_USER") : user;
      String file = setting(env, prefix + "PASSWORD_FILE");
      String password = file != null && !file.isBlank() ? passwordFile(prefix + "PASSWORD_FILE", file)
          : setting(env, prefix + "PASSWORD");
      String reference = file != null && !file.isBlank() ? password : "${MPCONFIG=mpm.db.server." + n + ".password}";
      out.addAll(recoveryPool(RECOVERY_POOL + "-" + n, url, user, password, reference));
    }
    return out;
  }

  /** asadmin property syntax: ':' separates properties, '=' separates name and value; both escaped by '\'. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  /** The JVM options of {@code MPM_JAVA_OPTS}: separated by white space, none when unset or blank. */
  static List<String> javaOptions(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /** Waits until {@code GET /up} answers 200; fails if the process dies or the time runs out. */
  public void awaitReady(Duration timeout) throws Exception {
    // HTTP/1.1: an HTTP/2 connection upgraded while the server was still deploying can be kept by the client and hang
    // every later request on it, so that a server that became ready is never seen to be.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    URI up = URI.create("http://127.0.0.1:" + port + "/up");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with code " + process.exitValue());
      }
      try {
        HttpResponse<String> r =
            client.send(HttpRequest.newBuilder(up).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Payara Micro did not answer /up within " + timeout);
  }

  /** Simulates a crash: SIGKILL, no shutdown hooks. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
