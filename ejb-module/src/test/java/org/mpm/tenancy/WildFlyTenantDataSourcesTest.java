package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WildFlyTenantDataSourcesTest {

  static final String JNDI = "java:jboss/datasources/mpm-tenant/Co_1";
  static final String URL = "jdbc:mysql://db:3306/Co_1?sslMode=DISABLED";

  static DatabaseServer central(String user, String password) {
    return new DatabaseServer("central", URL, user, password, "mpm.db.password", Long.MAX_VALUE);
  }

  @Test
  void anotherServersPasswordIsAnExpressionOfItsOwnEntry() {
    DatabaseServer second = new DatabaseServer("eu2", URL, "mpm", "pw2", "mpm.db.server.eu2.password", 10);
    assertEquals("${env.MPM_DB_SERVER_EU2_PASSWORD}",
        WildFlyTenantDataSources.definition(JNDI, URL, second, "pw2").get("password"));
    DatabaseServer fromFile = new DatabaseServer("eu3", URL, "mpm", "pw3", null, 10);
    assertEquals("pw3", WildFlyTenantDataSources.definition(JNDI, URL, fromFile, null).get("password"));
  }

  @Test
  void thePasswordOfTheEnvironmentIsAnExpression() {
    Map<String, String> d =
        WildFlyTenantDataSources.definition(JNDI, URL, central("mpm", "s3:cr=t"), "s3:cr=t");
    assertEquals("${env.MPM_DB_PASSWORD}", d.get("password"));
    assertEquals("${env.MPM_DB_PASSWORD}", d.get("recovery-password"));
    assertEquals(URL, d.get("url"));
    assertEquals("mpm", d.get("user-name"));
  }

  @Test
  void aPasswordFromElsewhereIsWrittenAsItIsAndNoneIsLeftOut() {
    assertEquals("other",
        WildFlyTenantDataSources.definition(JNDI, URL, central("mpm", "other"), null).get("password"));
    Map<String, String> none = WildFlyTenantDataSources.definition(JNDI, URL, central("root", ""), "");
    assertFalse(none.containsKey("password"));
    assertFalse(none.containsKey("recovery-password"));
  }

  @Test
  void aPoolMatchesOnlyWithEveryWantedAttributeAndNoUnwantedPassword() {
    Map<String, String> wanted = WildFlyTenantDataSources.definition(JNDI, URL, central("mpm", "pw"), "pw");
    Map<String, String> found = new HashMap<>(wanted);
    found.put("enabled", "true");
    assertTrue(WildFlyTenantDataSources.matches(wanted, found));
    found.put("url", "jdbc:mysql://elsewhere:3306/Co_1");
    assertFalse(WildFlyTenantDataSources.matches(wanted, found));

    Map<String, String> noPassword = WildFlyTenantDataSources.definition(JNDI, URL, central("root", ""), "");
    Map<String, String> withPassword = new HashMap<>(noPassword);
    withPassword.put("password", "old");
    assertTrue(WildFlyTenantDataSources.matches(noPassword, noPassword));
    assertFalse(WildFlyTenantDataSources.matches(noPassword, withPassword));
  }
}
