package org.mpm.plugins.flutterwave;

/**
 * A validated {@code PUT /api/flutterwave/credential} body; a null secret keeps the stored one (the console sends
 * the secrets blank unless they are retyped).
 */
public record FlutterwaveCredentialForm(String secretKey, String publicKey, String encryptionKey,
    String webhookSecretHash, String callbackUrl, String merchantName, String merchantEmail, String environment) {}
