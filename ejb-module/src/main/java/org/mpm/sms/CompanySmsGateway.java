package org.mpm.sms;

import jakarta.ws.rs.ProcessingException;
import java.util.Optional;

/**
 * What the SMS gateway plugins share: the company's usable credentials bound into a {@link SmsGateway} that carries
 * the plugin's name and id, and a vendor that cannot be reached answered as a failed message rather than an
 * exception. A plugin says how it finds the credentials and how it sends one message with them.
 *
 * @param <C> the plugin's credentials
 */
public abstract class CompanySmsGateway<C> implements SmsGatewayPlugin {

  /** The gateway's name in the messages' records ({@link SmsGateway#name()}). */
  protected abstract String gatewayName();

  /** The vendor's name in the failure messages. */
  protected abstract String vendorName();

  /** The current company's credentials, when the plugin is enabled for it and they are complete. */
  protected abstract Optional<C> usableCredentials();

  /** Sends one message with a company's credentials; called outside any transaction. */
  protected abstract SmsGateway.Result send(C credential, String receiver, String body, String uuid);

  @Override
  public Optional<SmsGateway> forCompany() {
    return usableCredentials().map(Bound::new);
  }

  /** The receiver without spaces, or empty when there is none. */
  protected static String compactNumber(String receiver) {
    return receiver == null ? "" : receiver.replace(" ", "");
  }

  /** The gateway bound to one company's credentials. */
  private final class Bound implements SmsGateway {

    private final C credential;

    Bound(C credential) {
      this.credential = credential;
    }

    @Override
    public String name() {
      return gatewayName();
    }

    @Override
    public Integer pluginId() {
      return (int) CompanySmsGateway.this.pluginId();
    }

    @Override
    public Result send(String receiver, String body, String uuid) {
      try {
        return CompanySmsGateway.this.send(credential, receiver, body, uuid);
      } catch (ProcessingException e) {
        return Result.failed(vendorName() + " unreachable: " + e.getMessage());
      }
    }
  }
}
