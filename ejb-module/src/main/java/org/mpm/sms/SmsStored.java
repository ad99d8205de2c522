package org.mpm.sms;

/**
 * A CDI event: an incoming message is being written to the company's inbox. Observers run synchronously inside the
 * inbox's transaction, so what they write commits with the message or not at all (MPM's {@code SmsStoredEvent}
 * listeners); an observer that fails fails the message. Work that must not run inside that transaction observes
 * {@link SmsReceived} instead.
 *
 * @param smsId the {@code sms} row of the message
 * @param sender the sender's phone as the gateway reported it
 * @param body the text
 */
public record SmsStored(long smsId, String sender, String body) {}
