package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DueWorkTest {

  @Test
  void theQuestionAsksEachDatabaseByItsPlaceInTheList() {
    DueWork.Queue q = new DueWork.Queue("payment_jobs", "state = 'pending' AND next_attempt_at <= ?");
    assertEquals("SELECT 0 FROM DUAL WHERE EXISTS (SELECT 1 FROM `mpm_a`.`payment_jobs` WHERE state = 'pending'"
        + " AND next_attempt_at <= ?) UNION ALL SELECT 1 FROM DUAL WHERE EXISTS (SELECT 1 FROM `mpm_b`.`payment_jobs`"
        + " WHERE state = 'pending' AND next_attempt_at <= ?)", q.question(List.of("mpm_a", "mpm_b")));
    assertEquals(1, q.parameters());
    assertEquals(0, new DueWork.Queue("placement_changes", "id > 0").parameters());
  }

  @Test
  void noDatabaseOrTableNameOutsideTheSafeOnes() {
    DueWork.Queue q = new DueWork.Queue("mails", "status = 0");
    assertThrows(RuntimeException.class, () -> q.question(List.of("mpm_a", "x`; DROP DATABASE y; --")));
    assertThrows(RuntimeException.class, () -> new DueWork.Queue("mails` m, `other", "1 = 1"));
  }
}
