package org.mpm.plugins.paystack;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.company.Company;
import org.mpm.company.CompanyService;
import org.mpm.plugin.PaymentLinks;
import org.mpm.plugin.PluginGate;
import org.mpm.plugins.paystack.PaystackClient.Charge;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * Paystack's public payment pages (no login): the company comes from the link's {@code ?ct=} token and the
 * {@code {companyHash}} in the path must be the company's ({@link PaymentLinks}, salt
 * {@code mpm.paystack.company-hash-salt}, by default the credentials key); else 400 "Invalid company identifier".
 * Also the links themselves, for the console.
 */
@ApplicationScoped
public class PaystackPublic {

  public static final List<String> CURRENCIES = List.of("NGN", "GHS", "KES", "ZAR");
  public static final String DEFAULT_CURRENCY = "NGN";

  @Inject
  @ConfigProperty(name = "mpm.paystack.company-hash-salt")
  Optional<String> salt;

  @Inject
  @ConfigProperty(name = "mpm.credentials.key", defaultValue = PluginGate.DEFAULT_CREDENTIALS_KEY)
  String credentialsKey;

  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject CompanyService companies;
  @Inject PaystackPayments payments;
  @Inject PaystackClient client;
  @EJB PaystackTransactions rows;

  PaymentLinks links() {
    return new PaymentLinks("/paystack", salt.filter(s -> !s.isBlank()).orElse(credentialsKey));
  }

  /** Binds the request to the company of the link; 400 when the token or the hash is not the company's. */
  public long bind(String companyHash, String token) {
    PaymentLinks links = links();
    OptionalLong company = token == null ? OptionalLong.empty() : links.companyOf(token);
    if (company.isEmpty() || !links.valid(companyHash, company.getAsLong(), System.currentTimeMillis() / 1000)) {
      throw invalidCompany();
    }
    String database = registry.databaseOf(company.getAsLong()).orElseThrow(PaystackPublic::invalidCompany);
    tenant.set(company.getAsLong(), database);
    rows.requireEnabled();
    return company.getAsLong();
  }

  private static PaystackException invalidCompany() {
    return new PaystackException(400, "Invalid company identifier");
  }

  /** The payment form's data: the company and the currencies. */
  public Map<String, Object> form(long companyId) {
    Company c = companies.find(companyId).orElseThrow(PaystackPublic::invalidCompany);
    Map<String, Object> company = new LinkedHashMap<>();
    company.put("id", c.getId());
    company.put("name", c.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("company", company);
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
    rows.requireEnabled();
    PaymentLinks links = links();
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permanent_payment_url", links.permanentPaymentUrl(companyId));
    out.put("time_based_payment_url", links.publicUrl(companyId, "payment", now));
    out.put("time_based_result_url", links.publicUrl(companyId, "result", now));
    out.put("webhook_url", apiBase + "paystack/webhook/" + companyId);
    out.put("company_id", companyId);
    return out;
  }

  /** A 24-hour payment link for an agent to hand to a customer. */
  public String agentPaymentUrl(long companyId, Long customerId, Long agentId) {
    rows.requireEnabled();
    String url = links().publicUrl(companyId, "payment", System.currentTimeMillis() / 1000);
    if (customerId != null) {
      url += "&customer=" + customerId;
    }
    if (agentId != null) {
      url += "&agent=" + agentId;
    }
    return url;
  }
}
