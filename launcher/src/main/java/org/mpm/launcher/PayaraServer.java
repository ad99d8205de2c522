package org.mpm.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Starts Payara Micro.
   *
   * @param runtimeDir folder holding payara-micro.jar, mysql-connector-j.jar and mpm.war
   * @param env the MPM_* configuration handed to the application
   * @param log where the server's output goes; null inherits this process's output
   */
  public static PayaraServer start(Path runtimeDir, int port, Map<String, String> env, Path log, String maxHeap)
      throws IOException {
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
    cmd.addAll(javaOptions(System.getenv("MPM_JAVA_OPTS")));
    cmd.add("-jar");
    cmd.add(micro.toString());
    cmd.add("--nocluster");
    cmd.add("--nohazelcast");
    cmd.add("--port");
    cmd.add(Integer.toString(port));
    cmd.add("--addLibs");
    cmd.add(driver.toString());
    cmd.add("--contextroot");
    cmd.add("/");
    cmd.add("--deploy");
    cmd.add(war.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    if (log == null) {
      pb.inheritIO();
    } else {
      Files.createDirectories(log.getParent());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    return new PayaraServer(pb.start(), port);
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
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
