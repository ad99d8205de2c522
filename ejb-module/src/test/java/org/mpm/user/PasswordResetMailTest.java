package org.mpm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpm.mail.MailMessage;

class PasswordResetMailTest {

  @Test
  void theLinkOpensTheConsolesResetPage() {
    assertEquals("http://localhost:8001/#/reset-password?token=abc",
        PasswordResetMail.link("http://localhost:8001", "abc"));
    assertEquals("https://mpm.example.org/#/reset-password?token=abc",
        PasswordResetMail.link("https://mpm.example.org/", "abc"));
  }

  @Test
  void theMailGreetsTheUserAndCarriesTheLink() {
    String link = PasswordResetMail.link("https://mpm.example.org", "eyJlIjoi");
    MailMessage mail = PasswordResetMail.mail("ada@example.com", "Ada <Admin> & Co", link);
    assertEquals("ada@example.com", mail.receiver());
    assertEquals("Reset your password | MicroPowerManager", mail.subject());
    assertTrue(mail.html().contains("<a href=\"https://mpm.example.org/#/reset-password?token=eyJlIjoi\">"),
        mail.html());
    assertTrue(mail.html().contains("Dear Ada &lt;Admin&gt; &amp; Co,"), "the name is escaped");
  }

  @Test
  void theKeptMailHasNoToken() {
    String kept = PasswordResetMail.kept("Ada", "https://mpm.example.org");
    assertTrue(kept.contains("/#/reset-password?token=[hidden]"), kept);
    assertFalse(kept.contains("eyJ"));
  }
}
