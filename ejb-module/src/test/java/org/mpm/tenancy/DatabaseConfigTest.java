package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  private static DatabaseServer config(String url) {
    return new DatabaseServer("central", url, "root", "", null, Long.MAX_VALUE);
  }

  @Test
  void poolUrlsAddTheDriverSettingsTheUrlLeavesOut() {
    assertEquals("jdbc:mysql://db:3306/tenant_a?cachePrepStmts=true&openTelemetry=DISABLED&prepStmtCacheSize=500"
        + "&prepStmtCacheSqlLimit=8192&useLocalSessionState=true",
        DatabaseConfig.pooledUrlOf(config("jdbc:mysql://db:3306/micro_power_manager"), "tenant_a"));
  }

  @Test
  void theOperatorsSettingsWin() {
    assertEquals("jdbc:mysql://db/tenant_a?sslMode=REQUIRED&prepStmtCacheSize=20&CACHEPREPSTMTS=false"
        + "&openTelemetry=DISABLED&prepStmtCacheSqlLimit=8192&useLocalSessionState=true",
        DatabaseConfig.pooledUrlOf(
            config("jdbc:mysql://db/micro_power_manager?sslMode=REQUIRED&prepStmtCacheSize=20&CACHEPREPSTMTS=false"),
            "tenant_a"));
  }
}
