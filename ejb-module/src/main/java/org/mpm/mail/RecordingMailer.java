package org.mpm.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * The built-in mailer of an installation without a mail server: nothing leaves the server. Each mail is written to
 * the server log in full (as MPM's default {@code log} mailer does, so that an operator can still follow a reset
 * link) and the most recent ones are kept in memory; the {@code mails} rows are the record.
 */
@ApplicationScoped
public class RecordingMailer implements Mailer {

  public static final String NAME = "recording";
  private static final Logger LOG = Logger.getLogger(RecordingMailer.class.getName());
  private static final int KEEP = 200;

  private final Deque<MailMessage> recent = new ArrayDeque<>();

  @Override
  public String name() {
    return NAME;
  }

  /** Nothing leaves the process: a mail recorded by a transaction that then rolls back is only in the log. */
  @Override
  public boolean deliversInTransaction() {
    return true;
  }

  @Override
  public Result send(MailMessage mail) {
    if (mail.receiver() == null || mail.receiver().isBlank()) {
      return Result.failed("No receiver", true);
    }
    LOG.info(() -> "Mail to " + mail.receiver() + " (no mail server configured, MPM_MAIL_HOST): " + mail.subject()
        + "\n" + mail.html());
    synchronized (recent) {
      recent.addLast(mail);
      while (recent.size() > KEEP) {
        recent.removeFirst();
      }
    }
    return Result.sent();
  }

  /** The recorded mails, oldest first. */
  public List<MailMessage> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
