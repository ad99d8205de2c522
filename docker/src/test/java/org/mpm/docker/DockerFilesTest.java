package org.mpm.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dockerfile and compose.yaml, checked as far as can be without a Docker engine. */
class DockerFilesTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DOCKERFILE = Path.of("Dockerfile");
  static final Path COMPOSE = Path.of("compose.yaml");

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void theDockerfileKeepsHadolintsRules() throws IOException {
    assertEquals(List.of(), DockerfileRules.check(read(DOCKERFILE)));
  }

  @Test
  void theRulesFindWhatTheyAreFor() {
    String bad = String.join("\n",
        "FROM ubuntu",
        "FROM eclipse-temurin:latest AS build",
        "FROM build",
        "MAINTAINER someone",
        "WORKDIR app",
        "ADD target/app.jar /app.jar",
        "RUN cd /tmp && sudo make \\",
        "    install",
        "RUN apt-get update && apt-get install curl | tee log",
        "USER root",
        "CMD java -jar /app.jar", "");
    List<String> findings = DockerfileRules.check(bad);
    List<String> rules = findings.stream().map(f -> f.replaceAll("^\\d* ?(DL\\d+).*", "$1")).toList();
    assertEquals(List.of("DL3006", "DL3007", "DL4000", "DL3000", "DL3020", "DL3004", "DL3003", "DL3015", "DL3009",
        "DL3014", "DL4006", "DL3025", "DL3002"), rules, String.join("\n", findings));
    assertTrue(findings.get(5).startsWith("7 "), "continuation lines belong to the instruction on line 7");
  }

  @Test
  void theDockerfileCopiesWhatTheBuildProduces() throws IOException {
    Pattern copy = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$");
    List<String> missing = new ArrayList<>();
    int copies = 0;
    for (DockerfileRules.Instruction in : DockerfileRules.parse(read(DOCKERFILE))) {
      Matcher m = copy.matcher(in.keyword() + " " + in.arguments());
      if (m.matches()) {
        copies++;
        if (!Files.isRegularFile(ROOT.resolve(m.group(1)))) {
          missing.add(m.group(1));
        }
      }
    }
    assertTrue(copies >= 2, "the WAR and the JDBC driver");
    assertEquals(List.of(), missing, "built by `mvn -DskipTests install` before `docker build`");
  }

  @Test
  void composeFileIsValidForDockerCompose() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
        .redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError("docker-compose is needed to check compose.yaml (Debian: apt-get install"
          + " --no-install-recommends docker-compose; .ci/run installs it): " + e.getMessage(), e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
  }

  @Test
  void composeRunsMysqlTheBackendAndMpmsConsoleWithDocumentedSettings() throws IOException {
    String compose = read(COMPOSE);
    assertTrue(compose.contains("image: mysql:8.4"), "MySQL 8.4");
    assertTrue(compose.contains("image: enaccess/micropowermanager-frontend"), "MPM's published console");
    assertTrue(compose.contains("MPM_BACKEND_URL:"), "the console is pointed at this backend");
    String readme = read(ROOT.resolve("README.md"));
    Set<String> undocumented = new TreeSet<>();
    Matcher m = Pattern.compile("^\\s+(MPM_[A-Z_]+):", Pattern.MULTILINE).matcher(compose);
    while (m.find()) {
      if (!m.group(1).equals("MPM_BACKEND_URL") && !m.group(1).equals("MPM_ENV") && !readme.contains(m.group(1))) {
        undocumented.add(m.group(1));
      }
    }
    assertEquals(Set.of(), undocumented, "every backend setting the compose file passes is in the README");
  }

  @Test
  void theEntryPointHandsAPasswordFileToTheServerInItsEnvironmentAndInNoFile(@TempDir Path dir) throws Exception {
    String entryPoint = DockerfileRules.parse(read(DOCKERFILE)).stream()
        .filter(in -> in.keyword().equals("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow().arguments();
    Matcher exec = Pattern.compile("^\\[\"sh\", \"-c\", \"(.*)\"\\]$").matcher(entryPoint);
    assertTrue(exec.matches(), entryPoint);
    String script = exec.group(1).replace("\\\"", "\"");
    Path transactions = dir.resolve("transactions");
    // The image's paths here, and in place of Payara Micro a command that shows what its environment holds.
    script = script.replace("/opt/payara/launcher/mpm-launcher.jar",
            ROOT.resolve("launcher/target/mpm-launcher.jar").toString())
        .replace("/opt/payara/transactions", transactions.toString());
    int server = script.indexOf("exec java ");
    assertTrue(server > 0, script);
    script = script.substring(0, server) + "exec sh -c 'printf \"%s|%s\" \"$MPM_DB_SERVER_FAR_PASSWORD\""
        + " \"${MPM_DB_SERVER_FAR_PASSWORD_FILE-unset}\"' server " + script.substring(server + "exec java ".length());
    String password = "Far'pw=2&x \"$HOME\"";
    Path secret = Files.writeString(dir.resolve("far.password"), password + "\n");
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script);
    pb.environment().putAll(Map.of("MPM_DB_URL", "jdbc:mysql://mysql:3306/micro_power_manager", "MPM_DB_USER", "root",
        "MPM_DB_PASSWORD", "", "MPM_DB_SERVERS", "far", "MPM_DB_SERVER_FAR_URL", "jdbc:mysql://far:3306/",
        "MPM_DB_SERVER_FAR_PASSWORD_FILE", secret.toString()));
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out + err);
    assertEquals(password + "|unset", out, "the server's environment");
    String commands = read(transactions.resolve("preboot.asadmin"));
    assertTrue(commands.contains("password=${MPCONFIG\\=mpm.db.server.far.password} mpm-xa-recovery-far"), commands);
    assertFalse(commands.contains("Far'pw"), "the password in the pre-boot commands");
  }
}
