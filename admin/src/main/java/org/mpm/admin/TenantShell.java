package org.mpm.admin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.mpm.admin.Tenants.Tenant;
import org.mpm.tenancy.DatabaseServer;

/**
 * {@code tenant:shell}: a JShell session in this JVM with one company's {@code EntityManager} ({@code em}, the
 * server's tenant persistence unit with resource-local transactions) and a JDBC connection ({@code jdbc}) bound —
 * what MPM's Tinker session on its demo company is for. Nothing else is connected: only that company's
 * database can be read or written from it.
 */
final class TenantShell {

  private final AdminConfig config;

  TenantShell(AdminConfig config) {
    this.config = config;
  }

  int run(Tenant tenant, InputStream in, PrintStream out, PrintStream err) {
    EntityManagerFactory factory = Persistence.createEntityManagerFactory("tenant", unitProperties(tenant));
    Path startup = null;
    try (Connection jdbc = config.open(tenant); EntityManager em = factory.createEntityManager()) {
      ShellSession.bind(tenant, em, jdbc);
      startup = Files.createTempFile("mpm-shell", ".jsh");
      Files.writeString(startup, String.join("\n",
          "import jakarta.persistence.*;",
          "import java.sql.*;",
          "import " + ShellSession.class.getName() + ";",
          "EntityManager em = ShellSession.entityManager();",
          "Connection jdbc = ShellSession.connection();",
          ""), StandardCharsets.UTF_8);
      out.println("| company " + tenant.companyId() + " (" + tenant.companyName() + "), database "
          + tenant.database());
      out.println("| em: its EntityManager (em.getTransaction().begin() ... commit() to write); jdbc: its JDBC"
          + " connection (autocommit); /exit to leave");
      return JavaShellToolBuilder.builder()
          .in(in, null)
          .out(out)
          .err(err)
          .persistence(new HashMap<>())
          .start("--execution", "local", "--class-path", classPath(), "--startup", "DEFAULT",
              "--startup", startup.toString(), "--feedback", "normal");
    } catch (IOException | SQLException e) {
      throw new AdminException("the shell ended: " + e.getMessage(), 1, e);
    } catch (Exception e) {
      throw new AdminException("the shell could not start: " + e, 1, e);
    } finally {
      ShellSession.unbind();
      factory.close();
      if (startup != null) {
        startup.toFile().delete();
      }
    }
  }

  /** The tenant unit on a plain JVM: resource-local transactions on the company's database, no JNDI. */
  private Map<String, Object> unitProperties(Tenant tenant) {
    Map<String, Object> p = new HashMap<>();
    p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    p.put("jakarta.persistence.jtaDataSource", "");
    p.put("jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver");
    DatabaseServer server = config.server(tenant.server());
    p.put("jakarta.persistence.jdbc.url", server.urlOf(tenant.database()));
    p.put("jakarta.persistence.jdbc.user", server.user());
    p.put("jakarta.persistence.jdbc.password", server.password());
    p.put("eclipselink.target-server", "None");
    p.put("eclipselink.logging.level", "WARNING");
    return p;
  }

  /**
   * What the shell's compiler sees: this JVM's class path, with the jars a jar's manifest names (the tool is
   * started with {@code java -jar mpm-admin.jar}, whose manifest lists its libraries).
   */
  static String classPath() throws IOException {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      entries.add(entry);
      if (entry.endsWith(".jar") && new File(entry).isFile()) {
        entries.addAll(manifestClassPath(Path.of(entry)));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static List<String> manifestClassPath(Path jar) throws IOException {
    List<String> paths = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (value == null) {
        return paths;
      }
      Path base = jar.toAbsolutePath().getParent();
      for (String relative : value.trim().split("\\s+")) {
        paths.add(base.resolve(relative).normalize().toString());
      }
    }
    return paths;
  }
}
