package org.mpm.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailStepsTest {

  @Test
  void retriesWaitLongerEachTimeUpToAQuarterOfAnHour() {
    assertEquals(Duration.ofSeconds(30), MailSteps.retryDelay(1));
    assertEquals(Duration.ofSeconds(60), MailSteps.retryDelay(2));
    assertEquals(Duration.ofSeconds(120), MailSteps.retryDelay(3));
    assertEquals(Duration.ofMinutes(8), MailSteps.retryDelay(5));
    assertEquals(Duration.ofMinutes(15), MailSteps.retryDelay(6));
    assertEquals(Duration.ofMinutes(15), MailSteps.retryDelay(60));
    assertEquals(Duration.ofSeconds(30), MailSteps.retryDelay(0));
  }
}
