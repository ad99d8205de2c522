package org.mpm.mail;

/** One mail to send: its receiver (an e-mail address), subject and HTML body. */
public record MailMessage(String receiver, String subject, String html) {}
