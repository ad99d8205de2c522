package org.mpm.plugins.viber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.mpm.sms.SmsReception;

/**
 * What the bot's webhook does with a verified event of the current company: {@code register+<meter serial>} makes
 * the sender a contact and is answered through Viber (outside any transaction); any other text of a registered
 * contact is an incoming message from the contact's phone (the company's inbox, its resend keyword); delivery
 * events mark the message with that token; a conversation the user opens is answered with the welcome message.
 */
@ApplicationScoped
public class ViberWebhook {

  @Inject ViberContacts contacts;
  @Inject ViberApi api;
  @Inject SmsReception reception;

  /** A text from the Viber user {@code senderId} (named {@code senderName}), the bot's {@code token}. */
  public void message(String token, String senderId, String senderName, String text) {
    String trimmed = text.trim();
    if (trimmed.toLowerCase(Locale.ROOT).startsWith("register+")) {
      String answer = contacts.register(senderId, trimmed.substring("register+".length()).trim());
      if (answer != null) {
        api.sendText(token, senderId, "Hello, " + (senderName == null ? "" : senderName) + "! " + answer);
      }
      return;
    }
    Optional<String> phone = contacts.phoneOf(senderId);
    phone.ifPresent(p -> reception.receive(p, text));
  }

  /** The bot's welcome message: its sender's name and avatar and its text (MPM's "Can I help you?"). */
  public record Welcome(String senderName, String senderAvatar, String text) {}

  /**
   * The answer to a {@code conversation_started} event, which Viber shows the user who opened the conversation
   * (Viber's welcome message: the callback's response body, no API call).
   */
  public Welcome welcome() {
    return new Welcome(ViberApi.SENDER_NAME, ViberApi.SENDER_AVATAR, WELCOME_TEXT);
  }

  static final String WELCOME_TEXT = "Can I help you?";

  /** A {@code delivered}, {@code seen} or {@code failed} event for a message token. */
  public boolean delivery(String messageToken, boolean delivered) {
    return contacts.report(messageToken, delivered);
  }
}
