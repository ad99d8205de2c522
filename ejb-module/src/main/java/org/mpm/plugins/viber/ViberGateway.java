package org.mpm.plugins.viber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.mpm.plugins.viber.ViberCredentials.Credential;
import org.mpm.sms.SmsGateway;
import org.mpm.sms.SmsGatewayPlugin;

/**
 * Viber as a company's gateway: a message goes to the Viber id of the contact registered for the receiver's phone
 * ({@link ViberContacts}); a receiver without a contact is refused (MPM finds no provider then). Viber's
 * {@code message_token} becomes the message's reference for the delivery events of the webhook.
 */
@ApplicationScoped
public class ViberGateway implements SmsGatewayPlugin {

  public static final String NAME = "viber";

  @Inject ViberCredentials credentials;
  @Inject ViberContacts contacts;
  @Inject ViberApi api;

  @Override
  public long pluginId() {
    return ViberCredentials.PLUGIN_ID;
  }

  @Override
  public Optional<SmsGateway> forCompany() {
    return credentials.usable().map(Bound::new);
  }

  /** The gateway bound to one company's bot token. */
  final class Bound implements SmsGateway {

    private final Credential credential;

    Bound(Credential credential) {
      this.credential = credential;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Integer pluginId() {
      return (int) ViberCredentials.PLUGIN_ID;
    }

    @Override
    public Result send(String receiver, String body, String uuid) {
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
}
