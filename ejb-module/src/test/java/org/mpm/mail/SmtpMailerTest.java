package org.mpm.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {

  @Test
  void startTlsIsRequiredByDefault() {
    Properties p = SmtpMailer.properties("smtp.example.org", 587, "starttls", 10_000, true);
    assertEquals("smtp.example.org", p.get("mail.smtp.host"));
    assertEquals("587", p.get("mail.smtp.port"));
    assertEquals("true", p.get("mail.smtp.auth"));
    assertEquals("true", p.get("mail.smtp.starttls.enable"));
    assertEquals("true", p.get("mail.smtp.starttls.required"));
    assertEquals("10000", p.get("mail.smtp.connectiontimeout"));
    assertEquals("10000", p.get("mail.smtp.timeout"));
    assertEquals("10000", p.get("mail.smtp.writetimeout"));
    assertEquals(p, SmtpMailer.properties("smtp.example.org", 587, null, 10_000, true));
  }

  @Test
  void sslAndPlainConnections() {
    Properties ssl = SmtpMailer.properties("smtp.example.org", 465, "SSL", 5_000, true);
    assertEquals("true", ssl.get("mail.smtp.ssl.enable"));
    assertNull(ssl.get("mail.smtp.starttls.required"));
    Properties plain = SmtpMailer.properties("127.0.0.1", 2525, "none", 5_000, false);
    assertEquals("false", plain.get("mail.smtp.starttls.enable"));
    assertEquals("false", plain.get("mail.smtp.auth"));
    assertNull(plain.get("mail.smtp.ssl.enable"));
  }

  @Test
  void anUnknownTlsModeIsAConfigurationError() {
    assertThrows(IllegalStateException.class, () -> SmtpMailer.properties("h", 25, "tls1.3", 1_000, false));
  }
}
