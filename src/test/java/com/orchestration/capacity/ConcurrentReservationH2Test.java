package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** SPEC §8.2 on H2 (the test and demo database): concurrent assignments never push an IC over the cap. */
class ConcurrentReservationH2Test {

  private StandaloneCapacityDatabase db;

  @BeforeEach
  void freshDatabase() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T09:00:00Z")));
    db = new StandaloneCapacityDatabase(new DriverManagerDataSource(
        "jdbc:h2:mem:captest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000", "sa", ""));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    db.jdbc.sql("shutdown").update();
  }

  @Test
  void concurrentAssignmentsToOneIcNeverPassTheCap() throws Exception {
    ConcurrentReservationScenario.Outcome outcome =
        ConcurrentReservationScenario.run(db, "cap-h2-ic", "INS-20261124-990");

    ConcurrentReservationScenario.assertCapHeld(outcome);
    assertThat(db.capacity.workload("cap-h2-ic").band()).isEqualTo(Band.NO_NEW_WORK);
  }
}
