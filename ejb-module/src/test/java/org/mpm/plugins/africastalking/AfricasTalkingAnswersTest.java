package org.mpm.plugins.africastalking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mpm.sms.Sms;

class AfricasTalkingAnswersTest {

  @Test
  void theOneRecipientOfAnAnswer() {
    String answer = "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: KES 0.8000\",\"Recipients\":[{"
        + "\"statusCode\":101,\"number\":\"+254711XXXYYY\",\"status\":\"Success\",\"cost\":\"KES 0.8000\","
        + "\"messageId\":\"ATPid_SampleTxnId123\"}]}}";
    assertEquals("ATPid_SampleTxnId123", AfricasTalkingGateway.recipient(answer).getString("messageId"));
    assertNull(AfricasTalkingGateway.recipient("{\"SMSMessageData\":{\"Message\":\"InvalidPhoneNumber\","
        + "\"Recipients\":[]}}"));
    assertNull(AfricasTalkingGateway.recipient("The supplied authentication is invalid"));
  }

  @Test
  void deliveryStatusesAsMessageStatuses() {
    assertEquals(Sms.STATUS_DELIVERED, AfricasTalkingMessages.smsStatus("Success"));
    assertEquals(Sms.STATUS_FAILED, AfricasTalkingMessages.smsStatus("Rejected"));
    assertEquals(Sms.STATUS_FAILED, AfricasTalkingMessages.smsStatus("Failed"));
    assertEquals(Sms.STATUS_SENT, AfricasTalkingMessages.smsStatus("Buffered"));
  }
}
