package org.mpm.plugins.paystack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.plugin.PublicPaymentPages;
import org.mpm.plugins.paystack.PaystackClient.Charge;

/**
 * Paystack's public payment pages (no login): the company comes from the link's {@code ?ct=} token and the
 * {@code {companyHash}} in the path must be the company's ({@link PublicPaymentPages}, salt
 * {@code mpm.paystack.company-hash-salt}, by default the credentials key); else 400 "Invalid company identifier".
 * Also the links themselves, for the console.
 */
@ApplicationScoped
public class PaystackPublic extends PublicPaymentPages {

  public static final List<String> CURRENCIES = List.of("NGN", "GHS", "KES", "ZAR");
  public static final String DEFAULT_CURRENCY = "NGN";

  @Inject PaystackPayments payments;
  @Inject PaystackClient client;

  public PaystackPublic() {
    super("paystack", PaystackCredentialService.PLUGIN_ID, m -> new PaystackException(400, m));
  }

  /** The payment form's data: the company and the currencies. */
  public Map<String, Object> form(long companyId) {
    Map<String, Object> out = formOf(companyId);
    out.put("supported_currencies", CURRENCIES);
    out.put("default_currency", DEFAULT_CURRENCY);
    return out;
  }

  /**
   * Paystack's verification as MPM's public pages show it: {@code {status, amount, currency, gateway_response,
   * error}}, the error filled (and the rest null) when Paystack refuses or cannot be reached. A success is credited.
   */
  public Map<String, Object> verification(String reference) {
    Map<String, Object> v = new LinkedHashMap<>();
    try {
      Charge c = payments.verify(reference);
      v.put("status", c.status());
      v.put("amount", c.subunits() == null ? 0 : c.subunits().longValue());
      v.put("currency", c.currency());
      v.put("gateway_response", c.gatewayResponse());
      v.put("error", null);
    } catch (PaystackException e) {
      v.put("status", null);
      v.put("amount", null);
      v.put("currency", null);
      v.put("gateway_response", null);
      v.put("error", e.getMessage());
    }
    return v;
  }

  /** The console's links: permanent and 24-hour payment links, the 24-hour result link, the webhook URL. */
  public Map<String, Object> publicUrls(long companyId, String apiBase) {
    return urls(companyId, apiBase + "paystack/webhook/" + companyId);
  }
}
