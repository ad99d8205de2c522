package org.mpm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpm.user.ResetTokens.Composite;

class ResetTokensTest {

  @Test
  void tokensAreLongRandomAndStoredOnlyAsTheirHash() {
    String token = ResetTokens.newToken();
    assertTrue(token.matches("[A-Za-z0-9]{64}"), token);
    assertNotEquals(token, ResetTokens.newToken());
    String hash = ResetTokens.hash(token);
    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertEquals(hash, ResetTokens.hash(token), "the same token always gives the same hash");
    assertFalse(hash.contains(token));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ResetTokens.hash("abc"));
  }

  @Test
  void compositeTokensAreMpmsBase64UrlJson() {
    // base64url of {"e":"a@b.co","t":"abc"} without padding, as MPM's encodeCompositeToken writes it
    assertEquals("eyJlIjoiYUBiLmNvIiwidCI6ImFiYyJ9", ResetTokens.encode("a@b.co", "abc"));
    assertEquals(Optional.of(new Composite("a@b.co", "abc")), ResetTokens.decode("eyJlIjoiYUBiLmNvIiwidCI6ImFiYyJ9"));
    String token = ResetTokens.newToken();
    String composite = ResetTokens.encode("owner+x@example.com", token);
    assertTrue(composite.matches("[A-Za-z0-9_-]+"), "safe in a URL: " + composite);
    assertEquals(Optional.of(new Composite("owner+x@example.com", token)), ResetTokens.decode(composite));
  }

  @Test
  void decodingTakesPaddingAndTheStandardAlphabetToo() {
    assertEquals(Optional.of(new Composite("owner+x@example.com", "T0k")),
        ResetTokens.decode("eyJlIjoib3duZXIreEBleGFtcGxlLmNvbSIsInQiOiJUMGsifQ=="));
  }

  @Test
  void anythingElseDecodesToNothing() {
    for (String bad : new String[] {null, "", "%%%", "not base64!", "eyJlIjoiYUBiLmNvIn0", "WzEsMl0",
        "eyJlIjoxLCJ0IjoieCJ9", "eyJlIjoiIiwidCI6IngifQ", "eyJlIjoiYUBiLmNvIiwidCI6IiJ9", "e30", "bnVsbA",
        "eyJlIjoi", "x".repeat(ResetTokens.MAX_COMPOSITE + 1)}) {
      assertEquals(Optional.empty(), ResetTokens.decode(bad), String.valueOf(bad));
    }
  }

  @Test
  void aTokenLivesForItsLifetimeFromItsCreation() {
    LocalDateTime created = LocalDateTime.of(2025, 3, 1, 9, 0, 0);
    Duration hour = Duration.ofMinutes(60);
    assertTrue(ResetTokens.live(created, created, hour));
    assertTrue(ResetTokens.live(created, created.plusMinutes(59).plusSeconds(59), hour));
    assertFalse(ResetTokens.live(created, created.plusMinutes(60), hour));
    assertFalse(ResetTokens.live(created, created.plusDays(1), hour));
    assertTrue(ResetTokens.live(created, created.minusSeconds(5), hour), "a clock a little behind");
    assertFalse(ResetTokens.live(null, created, hour), "a row without a time is no token");
    assertFalse(ResetTokens.live(created, created.plusSeconds(2), Duration.ofSeconds(1)));
  }
}
