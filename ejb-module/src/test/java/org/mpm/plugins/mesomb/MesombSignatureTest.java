package org.mpm.plugins.mesomb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MesombSignatureTest {

  static final byte[] BODY = "{\"id\":\"evt-1\",\"object_type\":\"payment\"}".getBytes(StandardCharsets.UTF_8);
  static final long T = 1_764_000_000L;

  static String hmac(String message, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void signsTheTimestampADotAndTheRawBody() throws Exception {
    String expected = "t=" + T + ",v1=" + hmac(T + "." + new String(BODY, StandardCharsets.UTF_8), "whsec");
    assertEquals(expected, MesombSignature.header(BODY, "whsec", T));
    assertTrue(MesombSignature.valid(BODY, expected, "whsec", T + 10));
  }

  @Test
  void refusesAnotherSecretBodyOrTimestamp() {
    String header = MesombSignature.header(BODY, "whsec", T);
    assertFalse(MesombSignature.valid(BODY, header, "other", T));
    assertFalse(MesombSignature.valid("{}".getBytes(StandardCharsets.UTF_8), header, "whsec", T));
    assertFalse(MesombSignature.valid(BODY, header.replace("t=" + T, "t=" + (T + 1)), "whsec", T));
    assertFalse(MesombSignature.valid(BODY, header, "", T));
    assertFalse(MesombSignature.valid(BODY, null, "whsec", T));
    assertFalse(MesombSignature.valid(BODY, "v1=" + header.split("v1=")[1], "whsec", T));
    assertFalse(MesombSignature.valid(BODY, "t=x," + header.split(",")[1], "whsec", T));
  }

  @Test
  void refusesATimestampOutsideTheTolerance() {
    String header = MesombSignature.header(BODY, "whsec", T);
    assertTrue(MesombSignature.valid(BODY, header, "whsec", T + MesombSignature.TOLERANCE_SECONDS));
    assertFalse(MesombSignature.valid(BODY, header, "whsec", T + MesombSignature.TOLERANCE_SECONDS + 1));
    assertFalse(MesombSignature.valid(BODY, header, "whsec", T - MesombSignature.TOLERANCE_SECONDS - 1));
  }

  @Test
  void acceptsOneMatchingSignatureAmongSeveralWhileTheSecretRotates() {
    String current = MesombSignature.header(BODY, "new", T);
    String old = MesombSignature.header(BODY, "old", T).split(",")[1];
    assertTrue(MesombSignature.valid(BODY, current + "," + old, "old", T));
    assertTrue(MesombSignature.valid(BODY, current + "," + old, "new", T));
  }
}
