package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SPEC §8.2 on PostgreSQL, whose locking differs from H2's: the same scenario against a fresh database migrated with
 * our Flyway scripts. CI starts PostgreSQL; when it is not reachable this test fails (it never skips). Server:
 * {@code -Dorchestration.test.postgres.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}), user postgres.
 */
class ConcurrentReservationPostgresTest {

  private static final String SERVER = System.getProperty("orchestration.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = System.getProperty("orchestration.test.postgres.user", "postgres");
  private static final String PASSWORD = System.getProperty("orchestration.test.postgres.password", "");
  private static final String DATABASE = "orchestration_captest";

  private StandaloneCapacityDatabase db;

  @BeforeEach
  void freshDatabase() {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
         Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + DATABASE + " with (force)");
      sql.execute("create database " + DATABASE);
    } catch (SQLException e) {
      fail("PostgreSQL is not reachable at " + SERVER + " as user " + USER + " (" + e.getMessage() + "). This test "
          + "checks the capacity row lock on PostgreSQL and must not be skipped: start PostgreSQL 15 (CI does), "
          + "or point -Dorchestration.test.postgres.url at one.");
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T09:00:00Z")));
    db = new StandaloneCapacityDatabase(new DriverManagerDataSource(SERVER + DATABASE, USER, PASSWORD));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void concurrentAssignmentsToOneIcNeverPassTheCap() throws Exception {
    ConcurrentReservationScenario.Outcome outcome =
        ConcurrentReservationScenario.run(db, "cap-pg-ic", "INS-20261124-991");

    ConcurrentReservationScenario.assertCapHeld(outcome);
    assertThat(db.capacity.workload("cap-pg-ic").band()).isEqualTo(Band.NO_NEW_WORK);
  }
}
