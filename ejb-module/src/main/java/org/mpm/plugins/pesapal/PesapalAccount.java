package org.mpm.plugins.pesapal;

/**
 * A company's Pesapal account in clear, for the vendor client only: consumer key and secret, environment
 * ({@code test} or {@code live}), the IPN id Pesapal gave the company's notification URL, the payer-facing callback
 * URL, the merchant e-mail (billing address of an order) and the currency of its orders.
 */
public record PesapalAccount(long companyId, String consumerKey, String consumerSecret, String environment,
    String ipnId, String callbackUrl, String merchantEmail, String currency) {

  public boolean live() {
    return "live".equals(environment);
  }

  public boolean hasKeys() {
    return consumerKey != null && !consumerKey.isEmpty() && consumerSecret != null && !consumerSecret.isEmpty();
  }

  @Override
  public String toString() {
    return "PesapalAccount[company=" + companyId + ", environment=" + environment + "]";
  }
}
