package org.mpm.plugins.safaricom;

/**
 * A validated {@code PUT /api/safaricom/credential} body; a null secret (consumer key, consumer secret, passkey)
 * keeps the stored one, as MPM's form sends blank secrets for "no change".
 */
public record SafaricomCredentialForm(String consumerKey, String consumerSecret, String passkey, String shortcode,
    String environment, String validationUrl, String confirmationUrl, String timeoutUrl, String resultUrl) {}
