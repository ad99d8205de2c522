package org.mpm.plugins.safaricom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KenyanPhoneTest {

  @Test
  void everyCommonFormBecomesE164() {
    for (String raw : new String[] {"0712345678", "712345678", "254712345678", "+254712345678", "0712 345 678",
        "+254-712-345-678"}) {
      assertEquals("+254712345678", KenyanPhone.normalise(raw), raw);
    }
    assertEquals("+254110345678", KenyanPhone.normalise("0110345678"));
    assertEquals("254712345678", KenyanPhone.forDaraja("+254712345678"));
  }

  @Test
  void otherNumbersAreRefused() {
    for (String raw : new String[] {"+255712345678", "0212345678", "07123456", "07123456789", "abc", "", "2547123"}) {
      assertNull(KenyanPhone.normalise(raw), raw);
    }
    assertNull(KenyanPhone.normalise(null));
  }

  @Test
  void darajaPasswordIsBase64OfShortcodePasskeyAndTimestamp() {
    // Daraja's sandbox example: shortcode 174379, its published passkey, timestamp 20160216165627.
    assertEquals("MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJh"
        + "ZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3",
        DarajaClient.password("174379", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
            "20160216165627"));
  }
}
