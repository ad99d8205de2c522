package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * {@code kill -9} of the server while a bulk message to 1,000 customers is being pushed to the company's Android
 * gateway phone: after the restart every customer has exactly one message, every message ends sent, and only the
 * pushes that were on their way when the server died are made again.
 */
class BulkSmsCrashIT {

  @Test
  void killedWhileSendingABulkLosesNoMessageAndWritesNoneTwice() throws Exception {
    TestServer server = TestServer.get();
    Api api = new Api(server);
    String token = "SLOW-" + System.nanoTime();
    Tenant t = AndroidGatewayIT.withPhoneOf(api, "bulk-crash", token);
    FcmSimulator fcm = server.fcm();
    StringBuilder phones = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      phones.append(i == 0 ? "" : ",").append("\"+2557170").append(String.format("%05d", i)).append('"');
    }
    Resp r = api.post("/api/sms/bulk", "{\"type\":\"person\",\"receivers\":[" + phones + "],\"message\":"
        + "\"Crash bulk\"}", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(1000, r.obj().getJsonObject("data").getInt("queued"));
    for (int i = 0; i < 3000 && fcm.pushesTo(token).size() < 150; i++) {
      Thread.sleep(20);
    }
    // checked before the kill, so that a slow machine fails this test alone and leaves the server running
    assertTrue(fcm.pushesTo(token).size() >= 150, "150 pushes within a minute: " + fcm.pushesTo(token).size());
    server.kill();
    int pushedAtCrash = fcm.pushesTo(token).size();
    long sentAtCrash = count(t, "SELECT COUNT(*) FROM sms WHERE body = 'Crash bulk' AND status = 1");
    server.restart();
    assertTrue(sentAtCrash < 1000, "killed in the middle: " + pushedAtCrash + " pushed, " + sentAtCrash
        + " recorded sent");

    for (int i = 0; i < 1800 && count(t, "SELECT COUNT(*) FROM sms WHERE body = 'Crash bulk' AND status = 0") > 0;
        i++) {
      Thread.sleep(100);
    }
    assertEquals(1000, count(t, "SELECT COUNT(*) FROM sms WHERE body = 'Crash bulk'"));
    assertEquals(1000, count(t, "SELECT COUNT(DISTINCT receiver) FROM sms WHERE body = 'Crash bulk'"));
    assertEquals(1000, count(t, "SELECT COUNT(*) FROM sms WHERE body = 'Crash bulk' AND status = 1"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND state <> 'done'"));
    List<JsonObject> pushes = fcm.pushesTo(token);
    Map<String, Integer> perMessage = new HashMap<>();
    for (JsonObject p : pushes) {
      perMessage.merge(p.getJsonObject("data").getString("callback"), 1, Integer::sum);
    }
    assertEquals(1000, perMessage.size(), "every message reached the phone");
    int again = pushes.size() - 1000;
    System.out.println("BulkSmsCrashIT: killed after " + pushedAtCrash + " pushes (" + sentAtCrash
        + " recorded sent); " + pushes.size() + " pushes in all, " + again + " made again after the restart");
    assertTrue(again <= 1, again + " pushes made twice: at most the one on its way when the server died");
  }
}
