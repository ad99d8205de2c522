package org.mpm.mail;

/**
 * Delivers one mail. Implementations are CDI beans; {@link Mailers} picks the SMTP mailer when a mail server is
 * configured ({@code mpm.mail.host}), else the recording one. A mailer never touches the database: the caller
 * writes the {@code mails} row and records the outcome.
 */
public interface Mailer {

  /** The name written to {@code mails.mailer}. */
  String name();

  /**
   * Whether this mailer may be called inside the caller's database transaction: true only for a mailer that makes
   * no network call (the recording one), whose mails are then written delivered by the transaction that asks for
   * them. A mailer that talks to a server must answer false (the default): it is called from the queue, outside
   * any transaction.
   */
  default boolean deliversInTransaction() {
    return false;
  }

  /** Hands the mail over. Should not throw (an exception is recorded as a failure that may be retried). */
  Result send(MailMessage mail);

  /** {@link #send}, with an exception taken as a failure that may be retried (its message the error). */
  static Result sendOrFail(Mailer mailer, MailMessage mail) {
    try {
      return mailer.send(mail);
    } catch (RuntimeException e) {
      return Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
    }
  }

  /** The mailer's answer: delivered, or failed with an error, for good ({@code permanent}) or for now. */
  record Result(boolean delivered, String error, boolean permanent) {

    public static Result sent() {
      return new Result(true, null, false);
    }

    public static Result failed(String error, boolean permanent) {
      return new Result(false, error, permanent);
    }
  }
}
