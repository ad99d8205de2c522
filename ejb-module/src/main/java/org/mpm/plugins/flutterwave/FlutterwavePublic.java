package org.mpm.plugins.flutterwave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mpm.plugin.PublicPaymentPages;
import org.mpm.plugins.flutterwave.FlutterwaveClient.Charge;

/**
 * Flutterwave's public payment pages (no login): the company comes from the link's {@code ?ct=} token and the
 * {@code {companyHash}} in the path must be the company's ({@link PublicPaymentPages}, salt
 * {@code mpm.flutterwave.company-hash-salt}, by default the credentials key); else 400 "Invalid company
 * identifier". Also the links themselves, for the console.
 */
@ApplicationScoped
public class FlutterwavePublic extends PublicPaymentPages {

  public static final List<String> CURRENCIES = List.of("NGN", "GHS", "KES", "ZAR", "USD");
  public static final String DEFAULT_CURRENCY = "NGN";

  @Inject FlutterwavePayments payments;

  public FlutterwavePublic() {
    super("flutterwave", FlutterwaveCredentialService.PLUGIN_ID, m -> new FlutterwaveException(400, m));
  }

  /** The payment form's data: the company and the currencies. */
  public Map<String, Object> form(long companyId) {
    Map<String, Object> out = formOf(companyId);
    out.put("supported_currencies", CURRENCIES);
    out.put("default_currency", DEFAULT_CURRENCY);
    return out;
  }

  /** Flutterwave's verification of its transaction {@code transactionId} as MPM answers it; a success is credited. */
  public Map<String, Object> verification(String transactionId) {
    return verification(() -> payments.verify(transactionId));
  }

  /** Flutterwave's verification of the company's {@code tx_ref}; a success is credited. */
  public Map<String, Object> verificationByReference(String txRef) {
    return verification(() -> payments.verifyByReference(txRef));
  }

  /**
   * {@code {status, tx_ref, amount, currency, error}} as MPM's pages show it: the error filled (and the rest null)
   * when Flutterwave refuses or cannot be reached.
   */
  private static Map<String, Object> verification(Supplier<Charge> ask) {
    Map<String, Object> v = new LinkedHashMap<>();
    try {
      Charge c = ask.get();
      v.put("status", c.status() == null ? "" : c.status());
      v.put("tx_ref", c.txRef() == null ? "" : c.txRef());
      v.put("amount", c.amount() == null ? 0.0 : c.amount().doubleValue());
      v.put("currency", c.currency() == null ? "" : c.currency());
      v.put("error", null);
    } catch (FlutterwaveException e) {
      v.put("status", null);
      v.put("tx_ref", null);
      v.put("amount", null);
      v.put("currency", null);
      v.put("error", e.getMessage());
    }
    return v;
  }

  /** The console's links: permanent and 24-hour payment links, the 24-hour result link, the webhook URL. */
  public Map<String, Object> publicUrls(long companyId, String apiBase) {
    return urls(companyId, apiBase + "flutterwave/webhook/" + companyId);
  }
}
