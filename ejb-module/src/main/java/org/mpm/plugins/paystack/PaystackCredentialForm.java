package org.mpm.plugins.paystack;

/** A validated {@code PUT /api/paystack/credential} body. */
public record PaystackCredentialForm(String secretKey, String publicKey, String callbackUrl, String merchantName,
    String merchantEmail, String environment) {}
