package org.mpm.plugins.pesapal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.company.Company;
import org.mpm.company.CompanyService;
import org.mpm.plugin.PaymentLinks;
import org.mpm.plugin.PluginGate;
import org.mpm.plugins.pesapal.PesapalTransactions.Row;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * Pesapal's public payment pages (no login): the company comes from the link's {@code ?ct=} token and the
 * {@code {companyHash}} in the path must be the company's ({@link PaymentLinks}, prefix {@code /pesapal}, salt
 * {@code mpm.pesapal.company-hash-salt}, by default the credentials key); else 400 "Invalid company identifier".
 * Also the links themselves, for the console.
 */
@ApplicationScoped
public class PesapalPublic {

  @Inject
  @ConfigProperty(name = "mpm.pesapal.company-hash-salt")
  Optional<String> salt;

  @Inject
  @ConfigProperty(name = "mpm.credentials.key", defaultValue = PluginGate.DEFAULT_CREDENTIALS_KEY)
  String credentialsKey;

  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject CompanyService companies;
  @Inject PesapalPayments payments;
  @EJB PesapalTransactions rows;
  @EJB PesapalCredentials credentials;

  PaymentLinks links() {
    return new PaymentLinks("/pesapal", salt.filter(s -> !s.isBlank()).orElse(credentialsKey));
  }

  /** Binds the request to the company of the link; 400 when the token or the hash is not the company's. */
  public long bind(String companyHash, String token) {
    PaymentLinks links = links();
    OptionalLong company = token == null ? OptionalLong.empty() : links.companyOf(token);
    if (company.isEmpty() || !links.valid(companyHash, company.getAsLong(), System.currentTimeMillis() / 1000)) {
      throw invalidCompany();
    }
    String database = registry.databaseOf(company.getAsLong()).orElseThrow(PesapalPublic::invalidCompany);
    tenant.set(company.getAsLong(), database);
    rows.requireEnabled();
    return company.getAsLong();
  }

  private static PesapalException invalidCompany() {
    return new PesapalException(400, "Invalid company identifier");
  }

  /** The payment form's data: the company, the currency of its orders and the currencies Pesapal takes. */
  public Map<String, Object> form(long companyId) {
    Company c = companies.find(companyId).orElseThrow(PesapalPublic::invalidCompany);
    Map<String, Object> company = new LinkedHashMap<>();
    company.put("id", c.getId());
    company.put("name", c.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("company", company);
    out.put("currency", credentials.view().get("currency"));
    out.put("supported_currencies", PesapalCredentials.CURRENCIES);
    return out;
  }

  /**
   * Pesapal's status of the order with this reference (404 when the company has none, or before it was submitted),
   * credited when COMPLETED: MPM's {@code {success, verification}}.
   */
  public Map<String, Object> verify(String reference) {
    Row row = rows.byReference(reference).filter(r -> r.orderTrackingId() != null && !r.orderTrackingId().isBlank())
        .orElseThrow(PesapalException::notFound);
    Map<String, Object> v = payments.sync(row);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("success", successful(v));
    out.put("verification", v);
    return out;
  }

  /** The result page: the row, Pesapal's status of its order (credited when COMPLETED) and the token once issued. */
  public Map<String, Object> result(String reference) {
    rows.result(reference); // 404 before Pesapal is asked about a reference the company does not have
    Row row = rows.byReference(reference).orElseThrow(PesapalException::notFound);
    Map<String, Object> v;
    if (row.orderTrackingId() == null || row.orderTrackingId().isBlank()) {
      v = new LinkedHashMap<>();
      v.put("status_code", null);
      v.put("error", "No order tracking id yet");
    } else {
      v = payments.sync(row);
    }
    PesapalTransactions.Result r = rows.result(reference);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("transaction", r.transaction());
    out.put("verification", v);
    out.put("success", successful(v));
    out.put("token_status", r.tokenStatus());
    if (r.token() != null) {
      out.put("token", r.token());
    }
    return out;
  }

  private static boolean successful(Map<String, Object> v) {
    return v.get("error") == null && Integer.valueOf(PesapalClient.Status.COMPLETED).equals(v.get("status_code"));
  }

  /** The console's links: permanent and 24-hour payment links, the 24-hour result link. */
  public Map<String, Object> publicUrls(long companyId) {
    rows.requireEnabled();
    PaymentLinks links = links();
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permanent_payment_url", links.permanentPaymentUrl(companyId));
    out.put("time_based_payment_url", links.publicUrl(companyId, "payment", now));
    out.put("time_based_result_url", links.publicUrl(companyId, "result", now));
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
