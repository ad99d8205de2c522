package org.mpm.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AndroidSmsGatewayTest {

  @Test
  void fcmFailuresAreReadFromItsAnswer() {
    assertEquals(0, AndroidSmsGateway.failures("{\"multicast_id\":1,\"success\":1,\"failure\":0,\"results\":[]}"));
    assertEquals(1,
        AndroidSmsGateway.failures("{\"success\":0,\"failure\":1,\"results\":[{\"error\":\"Unavailable\"}]}"));
    assertEquals(0, AndroidSmsGateway.failures(""));
    assertEquals(0, AndroidSmsGateway.failures("not json"));
  }
}
