package org.mpm.plugins.safaricom;

/** A company's Daraja account in clear, held only for the calls to Daraja. */
public record DarajaAccount(long companyId, String consumerKey, String consumerSecret, String passkey,
    String shortcode, String environment, String resultUrl) {

  public boolean production() {
    return "production".equals(environment);
  }

  @Override
  public String toString() {
    return "DarajaAccount[company=" + companyId + ", shortcode=" + shortcode + ", environment=" + environment + "]";
  }
}
