package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseServerTest {

  static final String CENTRAL_URL = "jdbc:mysql://db:3306/micro_power_manager?sslMode=DISABLED";

  static List<DatabaseServer> servers(Map<String, String> settings) {
    return DatabaseServer.configured(CENTRAL_URL, "mpm", "pw", key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void withoutOtherServersThereIsTheCentralOneWithoutALimit() {
    List<DatabaseServer> servers = servers(Map.of());
    assertEquals(1, servers.size());
    DatabaseServer central = servers.get(0);
    assertEquals("central", central.name());
    assertEquals("jdbc:mysql://db:3306/Co_1?sslMode=DISABLED", central.urlOf("Co_1"));
    assertEquals("mpm.db.password", central.passwordKey());
    assertEquals("MPM_DB_PASSWORD", central.passwordEnvironmentName());
    assertTrue(!central.hasLimit());
  }

  @Test
  void otherServersComeInTheirOrderWithTheirOwnCredentialsAndCapacities(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("eu3"), "s3cret\n");
    List<DatabaseServer> servers = servers(Map.of(
        "mpm.db.servers", " eu2, eu3 ",
        "mpm.db.server.central.capacity", "100",
        "mpm.db.server.eu2.url", "jdbc:mysql://eu2/",
        "mpm.db.server.eu2.password", "two",
        "mpm.db.server.eu2.capacity", "50",
        "mpm.db.server.eu3.url", "jdbc:mysql://eu3:3307/x?sslMode=REQUIRED",
        "mpm.db.server.eu3.user", "ops",
        "mpm.db.server.eu3.password-file", secret.toString()));
    assertEquals(List.of("central", "eu2", "eu3"), servers.stream().map(DatabaseServer::name).toList());
    assertEquals(100, servers.get(0).capacity());
    DatabaseServer eu2 = servers.get(1);
    assertEquals("mpm", eu2.user());
    assertEquals("two", eu2.password());
    assertEquals("MPM_DB_SERVER_EU2_PASSWORD", eu2.passwordEnvironmentName());
    assertEquals(50, eu2.capacity());
    DatabaseServer eu3 = servers.get(2);
    assertEquals("jdbc:mysql://eu3:3307/Co_9?sslMode=REQUIRED", eu3.urlOf("Co_9"));
    assertEquals("ops", eu3.user());
    assertEquals("s3cret", eu3.password());
    assertNull(eu3.passwordKey(), "a password from a file has no key to refer to");
    assertTrue(!eu3.hasLimit());
    assertTrue(!eu3.toString().contains("s3cret"));
  }

  @Test
  void aWrongConfigurationIsNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> servers(Map.of("mpm.db.servers", "eu2")))
        .getMessage().contains("MPM_DB_SERVER_EU2_URL"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> servers(Map.of("mpm.db.servers", "EU-2")))
        .getMessage().contains("lower-case"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> servers(Map.of("mpm.db.servers", "central")))
        .getMessage().contains("list only the others"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> servers(Map.of("mpm.db.servers", "a,a",
        "mpm.db.server.a.url", "jdbc:mysql://a/"))).getMessage().contains("twice"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> servers(Map.of(
        "mpm.db.server.central.capacity", "many"))).getMessage().contains("MPM_DB_SERVER_CENTRAL_CAPACITY"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> servers(Map.of("mpm.db.servers", "b",
        "mpm.db.server.b.url", "jdbc:mysql://b/", "mpm.db.server.b.password-file", "/nonexistent/pw")))
        .getMessage().contains("MPM_DB_SERVER_B_PASSWORD_FILE"));
  }
}
