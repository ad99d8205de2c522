package org.mpm.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Chooses the mailer: SMTP when a mail server is configured ({@code mpm.mail.host}), otherwise the recording
 * mailer, so that an installation without a mail server (the zero-setup run) still records its mails.
 */
@ApplicationScoped
public class Mailers {

  @Inject SmtpMailer smtp;
  @Inject RecordingMailer recording;

  public Mailer active() {
    return smtp.configured() ? smtp : recording;
  }
}
