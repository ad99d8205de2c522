package org.mpm.plugins.flutterwave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.mpm.plugins.flutterwave.FlutterwaveClient.Charge;

class FlutterwaveWebhookTest {

  @Test
  void theVerifHashMustBeTheStoredHashExactly() {
    assertTrue(FlutterwaveWebhookHash.matches("my-dashboard-hash-1", "my-dashboard-hash-1"));
    assertFalse(FlutterwaveWebhookHash.matches("my-dashboard-hash-2", "my-dashboard-hash-1"));
    assertFalse(FlutterwaveWebhookHash.matches("MY-DASHBOARD-HASH-1", "my-dashboard-hash-1"));
    assertFalse(FlutterwaveWebhookHash.matches("my-dashboard-hash-1 ", "my-dashboard-hash-1"));
    assertFalse(FlutterwaveWebhookHash.matches("my-dashboard-hash", "my-dashboard-hash-1"));
  }

  @Test
  void noHeaderOrNoStoredHashNeverMatches() {
    assertFalse(FlutterwaveWebhookHash.matches(null, "h1"));
    assertFalse(FlutterwaveWebhookHash.matches("", "h1"));
    assertFalse(FlutterwaveWebhookHash.matches("", ""));
    assertFalse(FlutterwaveWebhookHash.matches("h1", null));
    assertFalse(FlutterwaveWebhookHash.matches("h1", ""));
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void readsTheV3DataAndTheOlderFlatBody() {
    Charge v3 = Charge.of(json("{\"id\":285959875,\"tx_ref\":\"Links-616626414629\",\"flw_ref\":\"PeterEkene/FLW2\","
        + "\"amount\":100.5,\"currency\":\"NGN\",\"charged_amount\":102,\"status\":\"successful\","
        + "\"processor_response\":\"Approved by Financial Institution\"}"));
    assertEquals("285959875", v3.id());
    assertEquals("Links-616626414629", v3.txRef());
    assertEquals(new BigDecimal("100.5"), v3.amount());
    assertEquals("NGN", v3.currency());
    assertTrue(v3.successful());
    Charge flat = Charge.ofLegacy(json("{\"id\":1,\"txRef\":\"r-1\",\"flwRef\":\"F1\",\"amount\":\"250\","
        + "\"currency\":\"GHS\",\"status\":\"failed\",\"event.type\":\"CARD_TRANSACTION\"}"));
    assertEquals("r-1", flat.txRef());
    assertEquals(new BigDecimal("250"), flat.amount());
    assertFalse(flat.successful());
    Charge bad = Charge.of(json("{\"tx_ref\":null,\"amount\":\"lots\",\"status\":\"SUCCESSFUL\"}"));
    assertNull(bad.txRef());
    assertNull(bad.amount());
    assertFalse(bad.successful());
  }
}
