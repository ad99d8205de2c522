package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CentralPoolConfigSourceTest {

  @Test
  void credentialsAreEncodedParametersOfTheUrl() {
    assertEquals("jdbc:mysql://db/micro_power_manager?sslMode=DISABLED&user=mpm&password=pw%3Awith%3Dodd%26x",
        CentralPoolConfigSource.withCredentials("jdbc:mysql://db/micro_power_manager?sslMode=DISABLED", "mpm",
            "pw:with=odd&x"));
  }

  @Test
  void anEmptyPasswordIsNoPasswordAtAll() {
    assertEquals("jdbc:mysql://db/micro_power_manager?user=root",
        CentralPoolConfigSource.withCredentials("jdbc:mysql://db/micro_power_manager", "root", ""));
  }
}
