package org.mpm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mpm.settings.BingKeyCheck.Verdict;

class BingKeyCheckTest {

  static String answer(String code, int status, String description) {
    return "{\"authenticationResultCode\":\"" + code + "\",\"brandLogoUri\":"
        + "\"http://dev.virtualearth.net/Branding/logo_powered_by.png\",\"copyright\":\"Copyright\","
        + "\"resourceSets\":[],\"statusCode\":" + status + ",\"statusDescription\":\"" + description + "\","
        + "\"traceId\":\"abc\"}";
  }

  @Test
  void validCredentialsAreValid() {
    assertEquals(Verdict.VALID, BingKeyCheck.of(200, answer("ValidCredentials", 200, "OK")));
    // A request Bing refuses for another reason still authenticated the key.
    assertEquals(Verdict.VALID, BingKeyCheck.of(400, answer("ValidCredentials", 400, "Bad Request")));
  }

  @Test
  void refusedCredentialsAreInvalid() {
    for (String code : new String[] {"InvalidCredentials", "CredentialsExpired", "NotAuthorized", "NoCredentials"}) {
      assertEquals(Verdict.INVALID, BingKeyCheck.of(401, answer(code, 401, "Unauthorized")), code);
    }
    // A 401 without Bing's body still refuses the key.
    assertEquals(Verdict.INVALID, BingKeyCheck.of(401, "<html>Unauthorized</html>"));
  }

  @Test
  void noVerdictWithoutBingsAnswer() {
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(500, answer("ValidCredentials", 500, "Internal Server Error")));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(503, ""));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(429, answer("ValidCredentials", 429, "Too Many Requests")));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(200, "<html>a captive portal</html>"));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(200, "[1, 2]"));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(200, "{\"authenticationResultCode\":7}"));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(200, null));
    assertEquals(Verdict.UNKNOWN, BingKeyCheck.of(200, answer("None", 200, "OK")));
  }

  @Test
  void resultCodeOfAnyBody() {
    assertEquals("InvalidCredentials", BingKeyCheck.resultCode(answer("InvalidCredentials", 401, "Unauthorized")));
    assertNull(BingKeyCheck.resultCode("{\"statusCode\":200"));
    assertNull(BingKeyCheck.resultCode("   "));
  }
}
