package org.mpm.sms;

/**
 * Sends one text message. Implementations are CDI beans; the one whose {@link #name()} equals the configuration
 * {@code mpm.sms.gateway} (default {@code recording}) is used. A gateway never touches the database: the caller
 * writes the {@code sms} row and records the outcome.
 */
public interface SmsGateway {

  /** The configuration name of this gateway. */
  String name();

  /** The {@code mpm_plugins.id} written to {@code sms.gateway_id}, or null for a built-in gateway. */
  default Integer pluginId() {
    return null;
  }

  /**
   * Hands {@code body} for {@code receiver} to the gateway. {@code uuid} is the id MPM gives the message (for
   * delivery callbacks); a gateway may answer with its own reference instead. Should not throw for a refused
   * message (an exception is recorded as a failure all the same).
   */
  Result send(String receiver, String body, String uuid);

  /** The gateway's answer: accepted with its message reference, or failed with an error. */
  record Result(boolean accepted, String reference, String error) {

    public static Result accepted(String reference) {
      return new Result(true, reference, null);
    }

    public static Result failed(String error) {
      return new Result(false, null, error);
    }
  }
}
