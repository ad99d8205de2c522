package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpm.tenancy.TenantContext;

/**
 * In the container (Arquillian, managed Payara Micro, the real WAR): a transaction that writes to the central
 * database and to a tenant database commits both by two-phase commit, and a failure after both writes rolls
 * both back. The container shares the black-box suite's database, as a second node would.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionAtomicityIT {

  @Deployment
  static WebArchive deployment() {
    // The database (on the port the build reserved, see arquillian.xml) and the demo company come from the
    // black-box suite's server.
    TestServer.get();
    File war = Path.of(System.getProperty("mpm.runtime.dir"), "mpm.war").toFile();
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addClasses(TransactionAtomicityIT.class, XaProbe.class);
  }

  @EJB XaProbe probe;
  @Inject TenantContext tenant;

  @Test
  void failureAfterBothWritesRollsBackBoth() {
    tenant.set(1, "DemoCompany_1");
    String email = "xa-fail-" + System.nanoTime() + "@example.com";
    assertThrows(EJBException.class, () -> probe.writeBoth(email, true));
    assertArrayEquals(new long[] {0, 0}, probe.count(email), "neither the tenant nor the central row survived");
  }

  @Test
  void successCommitsBoth() {
    tenant.set(1, "DemoCompany_1");
    String email = "xa-ok-" + System.nanoTime() + "@example.com";
    probe.writeBoth(email, false);
    assertArrayEquals(new long[] {1, 1}, probe.count(email));
  }
}
