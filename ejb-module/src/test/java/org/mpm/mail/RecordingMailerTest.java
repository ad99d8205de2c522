package org.mpm.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingMailerTest {

  @Test
  void keepsEveryMailAndSendsNothing() {
    RecordingMailer mailer = new RecordingMailer();
    assertTrue(mailer.deliversInTransaction(), "no network: handed over in the transaction that writes it");
    MailMessage mail = new MailMessage("ada@example.com", "Hello", "<p>Hi</p>");
    assertTrue(mailer.send(mail).delivered());
    assertEquals(List.of(mail), mailer.recent());
  }

  @Test
  void aMailWithoutReceiverFailsForGood() {
    Mailer.Result result = new RecordingMailer().send(new MailMessage(" ", "Hello", "<p>Hi</p>"));
    assertFalse(result.delivered());
    assertTrue(result.permanent());
  }

  @Test
  void anExceptionOfAMailerIsAFailureThatMayBeRetried() {
    Mailer broken = new Mailer() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Result send(MailMessage mail) {
        throw new IllegalStateException("connection reset");
      }
    };
    Mailer.Result result = Mailer.sendOrFail(broken, new MailMessage("a@b.co", "s", "b"));
    assertFalse(result.delivered());
    assertFalse(result.permanent());
    assertEquals("connection reset", result.error());
  }
}
