package org.mpm.plugins.vodacommz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** What the Vodacom MZ plugin sends: the bearer Vodacom decrypts, and the third-party reference it accepts. */
class VodacomMzReferencesTest {

  @Test
  void theBearerIsTheApiKeyEncryptedWithThePublicKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    String bearer = VodacomMzClient.bearer("my-api-key", publicKey);
    Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    cipher.init(Cipher.DECRYPT_MODE, keys.getPrivate());
    assertEquals("my-api-key", new String(cipher.doFinal(Base64.getDecoder().decode(bearer)),
        StandardCharsets.UTF_8));
    // PKCS#1 v1.5 is randomised: each bearer differs
    assertNotEquals(bearer, VodacomMzClient.bearer("my-api-key", publicKey));
  }

  @Test
  void anUnusableKeyIsRefusedBeforeAnythingIsSent() {
    assertThrows(GeneralSecurityException.class, () -> VodacomMzClient.bearer("k", "AAAA"));
    assertThrows(GeneralSecurityException.class, () -> VodacomMzClient.bearer("k", "not a key at all!"));
    assertThrows(IllegalArgumentException.class, () -> VodacomMzClient.bearer(null, "AAAA"));
  }

  @Test
  void theReferenceIsTwentyLettersAndDigitsAfterWhatIsPaidFor() {
    String r = VodacomMzService.reference("SHS-2024-000117");
    assertEquals(20, r.length());
    assertTrue(r.startsWith("SHS20240"), r);
    assertTrue(r.matches("[A-Za-z0-9]{20}"), r);
    assertTrue(VodacomMzService.reference("42").startsWith("42"));
    assertNotEquals(VodacomMzService.reference("42"), VodacomMzService.reference("42"));
  }
}
