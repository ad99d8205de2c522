package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

  @Test
  void followsMpmsRuleAndStaysSafe() {
    assertEquals("AcmePowerLtd_1724250000_ab12", DatabaseNames.forCompany("Acme Power Ltd.", 1724250000L, "ab12"));
    assertEquals("Societeelectrique_1_x", DatabaseNames.forCompany("Société électrique", 1, "x"));
    assertEquals("Company_1_x", DatabaseNames.forCompany("!!!", 1, "x"));
    String longName = DatabaseNames.forCompany("x".repeat(200), 1724250000L, "ab12");
    assertEquals(64, longName.length());
    assertTrue(DatabaseNames.isSafe(longName));
  }

  @Test
  void onlySafeNamesPass() {
    assertTrue(DatabaseNames.isSafe("DemoCompany_1"));
    for (String bad : new String[] {null, "", "a-b", "a`b", "a b", "x;DROP", "x".repeat(65), "ä"}) {
      assertFalse(DatabaseNames.isSafe(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> DatabaseNames.requireSafe("bad name"));
  }

  @Test
  void swapsTheDatabaseOfAJdbcUrl() {
    String url = "jdbc:mysql://db.example:3306/micro_power_manager?sslMode=DISABLED&x=1";
    assertEquals("micro_power_manager", DatabaseNames.databaseOf(url));
    assertEquals("jdbc:mysql://db.example:3306/Tenant_1?sslMode=DISABLED&x=1",
        DatabaseNames.withDatabase(url, "Tenant_1"));
    assertEquals("jdbc:mysql://h:1/?a=b", DatabaseNames.withDatabase("jdbc:mysql://h:1/c?a=b", ""));
    assertEquals("jdbc:mysql://h:1/t", DatabaseNames.withDatabase("jdbc:mysql://h:1", "t"));
    assertEquals("", DatabaseNames.databaseOf("jdbc:mysql://h:1"));
  }
}
