package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PayaraTenantDataSourcesTest {

  @Test
  void aPasswordIsAReferenceNeverTheSecret() {
    String props = PayaraTenantDataSources.poolProperties("jdbc:mysql://db:3306/Co_1?sslMode=DISABLED", "mpm",
        "s3cret:with=odd");
    assertEquals("url=jdbc\\:mysql\\://db\\:3306/Co_1?sslMode\\=DISABLED:user=mpm"
        + ":password=${MPCONFIG\\=mpm.db.password}", props);
    assertFalse(props.contains("s3cret"));
  }

  @Test
  void withoutAPasswordTheUserGoesInTheUrlAndNoCredentialIsSent() {
    assertEquals("url=jdbc\\:mysql\\://db/Co_1?sslMode\\=DISABLED&user\\=mpm+ops",
        PayaraTenantDataSources.poolProperties("jdbc:mysql://db/Co_1?sslMode=DISABLED", "mpm ops", ""));
    assertEquals("url=jdbc\\:mysql\\://db/Co_1?user\\=root",
        PayaraTenantDataSources.poolProperties("jdbc:mysql://db/Co_1", "root", ""));
  }
}
