package org.mpm.plugins.flutterwave;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.company.Company;
import org.mpm.company.CompanyService;
import org.mpm.plugin.PaymentLinks;
import org.mpm.plugin.PluginGate;
import org.mpm.plugins.flutterwave.FlutterwaveClient.Charge;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * Flutterwave's public payment pages (no login): the company comes from the link's {@code ?ct=} token and the
 * {@code {companyHash}} in the path must be the company's ({@link PaymentLinks}, salt
 * {@code mpm.flutterwave.company-hash-salt}, by default the credentials key); else 400 "Invalid company
 * identifier". Also the links themselves, for the console.
 */
@ApplicationScoped
public class FlutterwavePublic {

  public static final List<String> CURRENCIES = List.of("NGN", "GHS", "KES", "ZAR", "USD");
  public static final String DEFAULT_CURRENCY = "NGN";

  @Inject
  @ConfigProperty(name = "mpm.flutterwave.company-hash-salt")
  Optional<String> salt;

  @Inject
  @ConfigProperty(name = "mpm.credentials.key", defaultValue = PluginGate.DEFAULT_CREDENTIALS_KEY)
  String credentialsKey;

  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject CompanyService companies;
  @Inject FlutterwavePayments payments;
  @EJB FlutterwaveTransactions rows;

  PaymentLinks links() {
    return new PaymentLinks("/flutterwave", salt.filter(s -> !s.isBlank()).orElse(credentialsKey));
  }

  /** Binds the request to the company of the link; 400 when the token or the hash is not the company's. */
  public long bind(String companyHash, String token) {
    PaymentLinks links = links();
    OptionalLong company = token == null ? OptionalLong.empty() : links.companyOf(token);
    if (company.isEmpty() || !links.valid(companyHash, company.getAsLong(), System.currentTimeMillis() / 1000)) {
      throw invalidCompany();
    }
    String database = registry.databaseOf(company.getAsLong()).orElseThrow(FlutterwavePublic::invalidCompany);
    tenant.set(company.getAsLong(), database);
    rows.requireEnabled();
    return company.getAsLong();
  }

  private static FlutterwaveException invalidCompany() {
    return new FlutterwaveException(400, "Invalid company identifier");
  }

  /** The payment form's data: the company and the currencies. */
  public Map<String, Object> form(long companyId) {
    Company c = companies.find(companyId).orElseThrow(FlutterwavePublic::invalidCompany);
    Map<String, Object> company = new LinkedHashMap<>();
    company.put("id", c.getId());
    company.put("name", c.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("company", company);
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
    rows.requireEnabled();
    PaymentLinks links = links();
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permanent_payment_url", links.permanentPaymentUrl(companyId));
    out.put("time_based_payment_url", links.publicUrl(companyId, "payment", now));
    out.put("time_based_result_url", links.publicUrl(companyId, "result", now));
    out.put("webhook_url", apiBase + "flutterwave/webhook/" + companyId);
    out.put("company_id", companyId);
    return out;
  }
}
