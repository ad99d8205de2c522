package org.mpm.plugin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a plugin's credentials at rest: AES-256-GCM, a fresh 12-byte nonce per value, stored as
 * {@code gcm1:} + base64(nonce ‖ ciphertext ‖ tag). The key is SHA-256 of the configured passphrase.
 */
public final class CredentialCipher {

  static final String PREFIX = "gcm1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public CredentialCipher(String passphrase) {
    if (passphrase == null || passphrase.isBlank()) {
      throw new IllegalArgumentException("The credentials key is empty");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String encrypt(String clear) {
    if (clear == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The clear value; an empty or legacy unencrypted value is returned as it is. */
  public String decrypt(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
      return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("A stored credential cannot be decrypted with the configured key", e);
    }
  }

  /** What an API answer shows of a secret: its last four characters behind asterisks, never the secret. */
  public static String mask(String clear) {
    if (clear == null || clear.isEmpty()) {
      return clear;
    }
    int shown = clear.length() > 8 ? 4 : 0;
    return "*".repeat(8) + clear.substring(clear.length() - shown);
  }

  /**
   * The secret to store when a form sends back what an answer showed: the stored secret when {@code sent} is its
   * mask (the console returns the whole credential, the masked key included), else what was sent.
   */
  public static String unlessMasked(String sent, String storedClear) {
    return sent != null && storedClear != null && !storedClear.isEmpty() && sent.equals(mask(storedClear))
        ? storedClear : sent;
  }
}
