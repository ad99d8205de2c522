package org.mpm.sms;

/**
 * Sends one text message. The installation's gateways are CDI beans, the one whose {@link #name()} equals the
 * configuration {@code mpm.sms.gateway} (default {@code recording}) being the default; a company's own gateway comes
 * from a {@link SmsGatewayPlugin}, bound to its credentials (see {@code SmsService.gateway()}). The caller writes the
 * {@code sms} row and records the outcome; a plugin's gateway may keep the vendor's answer in its own table.
 */
public interface SmsGateway {

  /** The configuration name of this gateway. */
  String name();

  /** The {@code mpm_plugins.id} written to {@code sms.gateway_id}, or null for a built-in gateway. */
  default Integer pluginId() {
    return null;
  }

  /**
   * Whether this gateway may be called inside the caller's database transaction: true only for a gateway that
   * makes no network call and keeps nothing outside the process (the recording one). The payment pipeline then
   * writes its confirmations already sent, in the transaction that vends, instead of queueing them for a round of
   * their own. A gateway that talks to a provider must answer false (the default): its call would hold the
   * transaction open and could not be taken back by a rollback.
   */
  default boolean sendsInTransaction() {
    return false;
  }

  /**
   * Hands {@code body} for {@code receiver} to the gateway. {@code uuid} is the id MPM gives the message (for
   * delivery callbacks); a gateway may answer with its own reference instead. Should not throw for a refused
   * message (an exception is recorded as a failure all the same).
   */
  Result send(String receiver, String body, String uuid);

  /** {@link #send}, with an exception taken as a refusal (its message the error). */
  static Result sendOrFail(SmsGateway gateway, String receiver, String body, String uuid) {
    try {
      return gateway.send(receiver, body, uuid);
    } catch (RuntimeException e) {
      return Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

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
