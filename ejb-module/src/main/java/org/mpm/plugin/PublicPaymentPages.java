package org.mpm.plugin;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.ApiException;
import org.mpm.company.Company;
import org.mpm.company.CompanyService;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * A payment provider's public payment pages (no login; Paystack, Flutterwave, Pesapal): the company comes from the
 * link's {@code ?ct=} token and the {@code {companyHash}} in the path must be the company's ({@link PaymentLinks},
 * keyed by the plugin's salt {@code mpm.<plugin>.company-hash-salt}, by default the credentials key); else 400
 * "Invalid company identifier" in the provider's shape. Also the links themselves, for the console and the agents.
 */
public abstract class PublicPaymentPages {

  private final String plugin;
  private final long mpmPluginId;
  private final Function<String, ? extends ApiException> badRequest;

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "mpm.credentials.key", defaultValue = PluginGate.DEFAULT_CREDENTIALS_KEY)
  String credentialsKey;

  @Inject PluginGate gate;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject CompanyService companies;

  /**
   * @param plugin the plugin's name in its links ({@code /<plugin>/public/…}) and in the setting of their salt
   *     ({@code mpm.<plugin>.company-hash-salt})
   * @param badRequest the provider's 400 with a message
   */
  protected PublicPaymentPages(String plugin, long mpmPluginId, Function<String, ? extends ApiException> badRequest) {
    this.plugin = plugin;
    this.mpmPluginId = mpmPluginId;
    this.badRequest = badRequest;
  }

  private PaymentLinks links() {
    return new PaymentLinks("/" + plugin, config.getOptionalValue("mpm." + plugin + ".company-hash-salt",
        String.class).filter(s -> !s.isBlank()).orElse(credentialsKey));
  }

  private ApiException invalidCompany() {
    return badRequest.apply("Invalid company identifier");
  }

  /** Binds the request to the company of the link; 400 when the token or the hash is not the company's. */
  public long bind(String companyHash, String token) {
    PaymentLinks links = links();
    OptionalLong company = token == null ? OptionalLong.empty() : links.companyOf(token);
    if (company.isEmpty() || !links.valid(companyHash, company.getAsLong(), System.currentTimeMillis() / 1000)) {
      throw invalidCompany();
    }
    String database = registry.databaseOf(company.getAsLong()).orElseThrow(this::invalidCompany);
    tenant.set(company.getAsLong(), database);
    gate.requireEnabled(mpmPluginId);
    return company.getAsLong();
  }

  /** The start of the payment form's data: {@code {company:{id, name}}}, the provider adds its currencies. */
  protected Map<String, Object> formOf(long companyId) {
    Company c = companies.find(companyId).orElseThrow(this::invalidCompany);
    Map<String, Object> company = new LinkedHashMap<>();
    company.put("id", c.getId());
    company.put("name", c.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("company", company);
    return out;
  }

  /**
   * The console's links: permanent and 24-hour payment links, the 24-hour result link, the webhook URL when the
   * provider has one (null: none), the company.
   */
  protected Map<String, Object> urls(long companyId, String webhookUrl) {
    gate.requireEnabled(mpmPluginId);
    PaymentLinks links = links();
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permanent_payment_url", links.permanentPaymentUrl(companyId));
    out.put("time_based_payment_url", links.publicUrl(companyId, "payment", now));
    out.put("time_based_result_url", links.publicUrl(companyId, "result", now));
    if (webhookUrl != null) {
      out.put("webhook_url", webhookUrl);
    }
    out.put("company_id", companyId);
    return out;
  }

  /** A 24-hour payment link for an agent to hand to a customer. */
  public String agentPaymentUrl(long companyId, Long customerId, Long agentId) {
    gate.requireEnabled(mpmPluginId);
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
