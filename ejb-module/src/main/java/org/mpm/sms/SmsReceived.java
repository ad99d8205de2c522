package org.mpm.sms;

/**
 * A CDI event: an incoming message was written to the company's inbox (its transaction has committed). Observers
 * run synchronously in the receiving request, outside any transaction, with the request's company still bound.
 *
 * @param companyId the company that received it
 * @param smsId the {@code sms} row of the message
 * @param sender the sender's phone as the gateway reported it
 * @param body the text
 */
public record SmsReceived(long companyId, long smsId, String sender, String body) {}
