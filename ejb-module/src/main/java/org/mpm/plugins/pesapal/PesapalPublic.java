package org.mpm.plugins.pesapal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.plugin.PublicPaymentPages;
import org.mpm.plugins.pesapal.PesapalTransactions.Row;

/**
 * Pesapal's public payment pages (no login): the company comes from the link's {@code ?ct=} token and the
 * {@code {companyHash}} in the path must be the company's ({@link PublicPaymentPages}, prefix {@code /pesapal}, salt
 * {@code mpm.pesapal.company-hash-salt}, by default the credentials key); else 400 "Invalid company identifier".
 * Also the links themselves, for the console.
 */
@ApplicationScoped
public class PesapalPublic extends PublicPaymentPages {

  @Inject PesapalPayments payments;
  @EJB PesapalTransactions rows;
  @EJB PesapalCredentials credentials;

  public PesapalPublic() {
    super("pesapal", PesapalCredentials.PLUGIN_ID, m -> new PesapalException(400, m));
  }

  /** The payment form's data: the company, the currency of its orders and the currencies Pesapal takes. */
  public Map<String, Object> form(long companyId) {
    Map<String, Object> out = formOf(companyId);
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
    return urls(companyId, null);
  }
}
