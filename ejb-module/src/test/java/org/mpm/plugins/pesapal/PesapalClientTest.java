package org.mpm.plugins.pesapal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** How Pesapal's answers are read: its error object is present on success too, with every value null. */
class PesapalClientTest {

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aStatusAnswerWithAnEmptyErrorObjectIsNoError() {
    assertNull(PesapalClient.error(json("{\"status_code\":1,\"amount\":100,\"error\":{\"error_type\":null,"
        + "\"code\":null,\"message\":null,\"call_back_url\":null},\"status\":\"200\"}")));
    assertNull(PesapalClient.error(json("{\"token\":\"t\",\"error\":null,\"status\":\"200\"}")));
    assertNull(PesapalClient.error(json("{\"order_tracking_id\":\"x\",\"error\":{\"code\":\"\"}}")));
  }

  @Test
  void anErrorObjectAStringErrorOrAStatusOtherThan200IsAnError() {
    assertEquals("Invalid consumer_key or consumer_secret provided", PesapalClient.error(json("{\"token\":null,"
        + "\"error\":{\"error_type\":\"api_error\",\"code\":\"invalid_consumer_key_or_secret_provided\","
        + "\"message\":\"Invalid consumer_key or consumer_secret provided\"},\"status\":\"500\"}")));
    assertEquals("{\"code\":\"payment_details_not_found\"}", PesapalClient.error(json("{\"error\":"
        + "{\"code\":\"payment_details_not_found\"}}")));
    assertEquals("bad request", PesapalClient.error(json("{\"error\":\"bad request\"}")));
    assertEquals("Request failed", PesapalClient.error(json("{\"status\":\"500\",\"message\":\"Request failed\"}")));
    assertEquals("status 400", PesapalClient.error(json("{\"status\":\"400\"}")));
  }

  @Test
  void numbersAndTextsAreReadAlike() {
    JsonObject o = json("{\"amount\":100.50,\"currency\":\"KES\",\"n\":null,\"o\":{\"a\":1}}");
    assertEquals("100.50", PesapalClient.text(o, "amount"));
    assertEquals("KES", PesapalClient.text(o, "currency"));
    assertNull(PesapalClient.text(o, "n"));
    assertNull(PesapalClient.text(o, "missing"));
    assertEquals("{\"a\":1}", PesapalClient.text(o, "o"));
  }
}
