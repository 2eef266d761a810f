package com.orchestration.insight;

import static com.orchestration.insight.MetricsScenario.A;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.cluster.FreshPostgresDatabase;
import com.orchestration.platform.FiredRule;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The critical-path, slip and calibration SQL is portable: every statement of {@link CriticalPathRepository},
 * {@link SlipRepository} and {@link CalibrationRepository} — reads, the row lock ({@code for update}), inserts and
 * updates — gives the same answer on H2 2.3 and on PostgreSQL 15, each a fresh database with Camunda's schema script
 * and our migrations and the {@link MetricsScenario} history (instruction A with its tasks and dependencies). Like
 * {@link MetricsPortabilityTest}, the exact values are asserted on H2 elsewhere; here that PostgreSQL agrees. Fails,
 * never skips, without the PostgreSQL server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightPortabilityTest {

  record Db(JdbcClient jdbc, TransactionTemplate transaction, CriticalPathRepository paths, SlipRepository slips,
      CalibrationRepository calibration) {}

  FreshPostgresDatabase database;
  Db h2;
  Db postgres;

  @BeforeAll
  void databases() {
    h2 = seeded(new DriverManagerDataSource("jdbc:h2:mem:insight-portability;DB_CLOSE_DELAY=-1", "sa", ""), "h2");
    database = FreshPostgresDatabase.create("insight");
    postgres = seeded(new DriverManagerDataSource(database.url(), database.user(), database.password()), "postgres");
  }

  @AfterAll
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private static Db seeded(DataSource dataSource, String camundaDialect) {
    JdbcClient jdbc = MetricsScenario.onFreshSchema(dataSource, camundaDialect);
    return new Db(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        new CriticalPathRepository(jdbc), new SlipRepository(jdbc), new CalibrationRepository(jdbc));
  }

  <T> void same(Function<Db, T> statement) {
    assertThat(statement.apply(postgres)).isEqualTo(statement.apply(h2));
  }

  <T> void sameList(Function<Db, List<T>> statement) {
    assertThat(statement.apply(postgres)).containsExactlyInAnyOrderElementsOf(statement.apply(h2));
  }

  @Test
  void criticalPathReadsGiveTheSameAnswer() {
    assertThat(h2.paths().items(List.of(A))).isNotEmpty();
    assertThat(h2.paths().dependencies(List.of(A))).isNotEmpty();

    sameList(db -> db.paths().items(List.of(A, "INS-NOPE")));
    sameList(db -> db.paths().dependencies(List.of(A)));
    same(db -> db.paths().instructions(List.of(A, "INS-NOPE")));
  }

  @Test
  void slipRowsLockInsertAndDecideTheSameWay() {
    Instant at = Instant.parse("2021-03-10T09:00:00Z");
    for (Db db : List.of(h2, postgres)) {
      db.slips().insertBaseline(A);
      db.transaction().executeWithoutResult(s -> db.slips().lockBaseline(A));
      long id = db.slips().insert(new SlipRepository.Slip(0, A, db.slips().nextSlipNumber(A), at, 16.0, 16.0, 24.5,
          0.531, 20.5, Instant.parse("2021-03-12T22:30:00Z"), List.of("TT1", "TT2"), List.of("frontend", "qa"),
          "rule_slipBeyondThreshold", "over", "OPEN", null, null, null, null, null));
      db.slips().linkProcessInstance(id, "pi-scope-1");
      db.slips().setReference(A, 24.5);
      assertThat(db.slips().hasOpenSlip(A)).isTrue();
      assertThat(db.slips().decide(id, "SCOPE_REDUCED", "erin", at.plusSeconds(3600), "later", "TT2")).isTrue();
      assertThat(db.slips().decide(id, "ACCEPTED", "erin", at.plusSeconds(7200), "again", null))
          .as("a decided slip is not decided twice").isFalse();
      db.slips().acceptBaseline(A, 24.5, "erin", at.plusSeconds(3600));
    }

    same(db -> db.slips().baselineExists(A));
    same(db -> db.slips().hasOpenSlip(A));
    same(db -> db.slips().nextSlipNumber(A));
    same(db -> db.slips().ofInstruction(A).stream().map(s -> s.slipNumber() + " " + s.state() + " " + s.decidedBy()
        + " " + s.decidedAt() + " " + s.path() + " " + s.domains() + " " + s.projectedCompletion() + " "
        + s.cancelledTasks() + " " + s.processInstanceId()).toList());
    same(db -> db.transaction().execute(s -> db.slips().lockBaseline(A)));
    same(db -> db.paths().baselines(List.of(A)));
    same(db -> db.paths().latestSlips(List.of(A)));
  }

  @Test
  void tierOutcomesAndSamplesAreCountedTheSameWay() {
    Instant at = Instant.parse("2021-03-20T12:00:00Z");
    for (Db db : List.of(h2, postgres)) {
      CalibrationRepository.Size size = db.calibration().sizeOf(A);
      db.calibration().insertOutcome(A, 2, 3, 3, "rule_tierThree", size, at, List.of("frontend", "qa"),
          List.of(new FiredRule("base-tier", "rule_feature", "feature", java.util.Map.of()),
              new FiredRule("scope-adjustment", "rule_oneRaisingFlag", "one raising flag", java.util.Map.of())));
    }

    same(db -> db.calibration().sizeOf(A));
    same(db -> db.calibration().outcomeExists(A));
    for (CalibrationRepository.Filter filter : List.of(new CalibrationRepository.Filter(null, null, null),
        new CalibrationRepository.Filter(Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"),
            "qa"),
        new CalibrationRepository.Filter(null, Instant.parse("2021-03-20T12:00:00Z"), null))) {
      sameList(db -> db.calibration().tierCells(filter));
      sameList(db -> db.calibration().ruleCounts(filter));
    }
    assertThat(h2.calibration().tierCells(new CalibrationRepository.Filter(null, null, null))).hasSize(1);
    assertThat(h2.calibration().ruleCounts(new CalibrationRepository.Filter(null, null, null))).hasSize(2);
    List<String> people = h2.jdbc().sql("select distinct person_id from performance_sample").query(String.class)
        .list();
    assertThat(people).isNotEmpty();
    for (String person : people) {
      sameList(db -> db.calibration().samplesOf(person));
    }
  }
}
