package org.mpm.st;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Africa's Talking's SMS API as documented: {@code POST /version1/messaging}, form fields
 * {@code username}, {@code to}, {@code message}, optional {@code from}, header {@code apiKey}; answered 201
 * {@code {"SMSMessageData": {"Message": "Sent to 1/1 Total Cost: KES 0.8000", "Recipients": [{"statusCode": 101,
 * "number", "status": "Success", "cost", "messageId"}]}}}. No or an empty {@code apiKey} is 401 "The supplied
 * authentication is invalid"; a missing {@code username} or {@code to} is 400. Faults by API key: {@code DOWN-…}
 * 500, {@code FAIL<n>-…} a recipient refused with status {@code InsufficientBalance} (405) on the first n calls.
 */
final class AfricasTalkingSimulator extends VendorSimulator {

  private final AtomicLong ids = new AtomicLong(1000);

  static AfricasTalkingSimulator start() throws IOException {
    AfricasTalkingSimulator s = new AfricasTalkingSimulator();
    s.listen();
    return s;
  }

  /** The messages sent with this API key, as their form fields. */
  List<Map<String, String>> sentWith(String apiKey) {
    return requests().stream().filter(r -> r.path().equals("/version1/messaging")
        && apiKey.equals(r.headers().get("apikey"))).map(Request::form).toList();
  }

  @Override
  Answer answer(Request r) {
    if (!"POST".equals(r.method()) || !r.path().equals("/version1/messaging")) {
      return new Answer(404, "");
    }
    String key = r.headers().get("apikey");
    if (key == null || key.isEmpty()) {
      return new Answer(401, "The supplied authentication is invalid");
    }
    Map<String, String> form = r.form();
    if (form.get("username") == null || form.get("to") == null || form.get("message") == null) {
      return new Answer(400, "Request is missing required form field 'to'");
    }
    if (down(key)) {
      return new Answer(500, "Internal Server Error");
    }
    String number = form.get("to");
    if (failsNow(key)) {
      return new Answer(201, "{\"SMSMessageData\":{\"Message\":\"Sent to 0/1 Total Cost: 0\",\"Recipients\":[{"
          + "\"statusCode\":405,\"number\":\"" + number + "\",\"status\":\"InsufficientBalance\",\"cost\":\"0\","
          + "\"messageId\":\"None\"}]}}");
    }
    String id = "ATXid_" + Long.toHexString(ids.incrementAndGet()) + "f3c9a1";
    return new Answer(201, "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: KES 0.8000\",\"Recipients\":[{"
        + "\"statusCode\":101,\"number\":\"" + number + "\",\"status\":\"Success\",\"cost\":\"KES 0.8000\","
        + "\"messageId\":\"" + id + "\"}]}}");
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_AFRICASTALKING_URL", baseUrl(), "MPM_AFRICASTALKING_TIMEOUT_MS", "2000");
  }
}
