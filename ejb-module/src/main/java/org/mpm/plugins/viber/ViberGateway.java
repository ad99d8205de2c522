package org.mpm.plugins.viber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.mpm.plugins.viber.ViberCredentials.Credential;
import org.mpm.sms.CompanySmsGateway;
import org.mpm.sms.SmsGateway.Result;

/**
 * Viber as a company's gateway: a message goes to the Viber id of the contact registered for the receiver's phone
 * ({@link ViberContacts}); a receiver without a contact is refused (MPM finds no provider then). Viber's
 * {@code message_token} becomes the message's reference for the delivery events of the webhook.
 */
@ApplicationScoped
public class ViberGateway extends CompanySmsGateway<Credential> {

  public static final String NAME = "viber";

  @Inject ViberCredentials credentials;
  @Inject ViberContacts contacts;
  @Inject ViberApi api;

  @Override
  public long pluginId() {
    return ViberCredentials.PLUGIN_ID;
  }

  @Override
  protected String gatewayName() {
    return NAME;
  }

  @Override
  protected String vendorName() {
    return "Viber";
  }

  @Override
  protected Optional<Credential> usableCredentials() {
    return credentials.usable();
  }

  @Override
  protected Result send(Credential credential, String receiver, String body, String uuid) {
    Optional<String> viberId = contacts.viberIdOf(receiver);
    if (viberId.isEmpty()) {
      return Result.failed("Viber message sending failed: the receiver has no Viber contact");
    }
    ViberApi.Answer a = api.sendText(credential.apiToken(), viberId.get(), body);
    if (!a.ok()) {
      return Result.failed("Viber message sending failed: " + a.status() + " " + a.message());
    }
    contacts.sent(uuid);
    JsonValue token = a.body().get("message_token");
    String reference = token instanceof JsonNumber n ? n.bigIntegerValue().toString()
        : token == null ? uuid : token.toString().replace("\"", "");
    return Result.accepted(reference);
  }
}
