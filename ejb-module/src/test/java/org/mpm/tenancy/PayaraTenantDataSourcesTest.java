package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PayaraTenantDataSourcesTest {

  static DatabaseServer central(String user, String password) {
    return new DatabaseServer("central", "jdbc:mysql://db/x", user, password, "mpm.db.password", Long.MAX_VALUE);
  }

  @Test
  void anotherServersPasswordIsAReferenceToItsOwnKeyOrFromAFileAsItIs() {
    assertEquals("url=jdbc\\:mysql\\://db2/Co_2:user=mpm:password=${MPCONFIG\\=mpm.db.server.eu2.password}",
        PayaraTenantDataSources.poolProperties("jdbc:mysql://db2/Co_2",
            new DatabaseServer("eu2", "jdbc:mysql://db2/x", "mpm", "pw", "mpm.db.server.eu2.password", 5)));
    assertEquals("url=jdbc\\:mysql\\://db2/Co_2:user=mpm:password=pw",
        PayaraTenantDataSources.poolProperties("jdbc:mysql://db2/Co_2",
            new DatabaseServer("eu2", "jdbc:mysql://db2/x", "mpm", "pw", null, 5)));
  }

  @Test
  void aPasswordIsAReferenceNeverTheSecret() {
    String props = PayaraTenantDataSources.poolProperties("jdbc:mysql://db:3306/Co_1?sslMode=DISABLED",
        central("mpm", "s3cret:with=odd"));
    assertEquals("url=jdbc\\:mysql\\://db\\:3306/Co_1?sslMode\\=DISABLED:user=mpm"
        + ":password=${MPCONFIG\\=mpm.db.password}", props);
    assertFalse(props.contains("s3cret"));
  }

  @Test
  void withoutAPasswordTheUserGoesInTheUrlAndNoCredentialIsSent() {
    assertEquals("url=jdbc\\:mysql\\://db/Co_1?sslMode\\=DISABLED&user\\=mpm+ops",
        PayaraTenantDataSources.poolProperties("jdbc:mysql://db/Co_1?sslMode=DISABLED", central("mpm ops", "")));
    assertEquals("url=jdbc\\:mysql\\://db/Co_1?user\\=root",
        PayaraTenantDataSources.poolProperties("jdbc:mysql://db/Co_1", central("root", "")));
  }
}
