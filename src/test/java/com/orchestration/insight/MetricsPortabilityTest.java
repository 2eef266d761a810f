package com.orchestration.insight;

import static com.orchestration.insight.MetricsScenario.A;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.cluster.FreshPostgresDatabase;
import com.orchestration.organization.Domain;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The metrics SQL is portable: every statement of {@link MetricsRepository} gives the same answer on H2 2.3 and on
 * PostgreSQL 15 for the {@link MetricsScenario} history (plus one open cross-functional Camunda task). Each database
 * is fresh: Camunda's own schema script, then our Flyway migrations — no Spring context, no engine. The exact values
 * are asserted on H2 through the API ({@link MetricsApiTest}); here only that PostgreSQL agrees, and that the data
 * is really there. PostgreSQL gets a {@link FreshPostgresDatabase}, dropped afterwards: the test fails (never skips)
 * when the server is not reachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsPortabilityTest {

  FreshPostgresDatabase database;
  MetricsRepository h2;
  MetricsRepository postgres;

  static final List<MetricsQuery> QUERIES = List.of(
      new MetricsQuery(Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"), null, A),
      new MetricsQuery(Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"),
          Domain.FRONTEND, A),
      new MetricsQuery(Instant.parse("2021-03-02T12:00:00Z"), Instant.parse("2021-03-03T11:00:00Z"),
          Domain.QA, null),
      new MetricsQuery(Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-04-01T00:00:00Z"), null, null));

  @BeforeAll
  void databases() {
    h2 = seeded(new DriverManagerDataSource("jdbc:h2:mem:metrics-portability;DB_CLOSE_DELAY=-1", "sa", ""), "h2");
    database = FreshPostgresDatabase.create("metrics");
    postgres = seeded(new DriverManagerDataSource(database.url(), database.user(), database.password()), "postgres");
  }

  @AfterAll
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private static MetricsRepository seeded(DataSource dataSource, String camundaDialect) {
    JdbcClient jdbc = MetricsScenario.onFreshSchema(dataSource, camundaDialect);
    // one open, unclaimed validation task of instruction A for team-qa
    Timestamp created = Timestamp.from(Instant.parse("2021-03-05T10:00:00Z"));
    jdbc.sql("insert into act_re_procdef (id_, rev_, key_, version_, startable_) values "
        + "('gate-cross-functional:1:1', 1, 'gate-cross-functional', 1, true)").update();
    jdbc.sql("insert into act_ru_execution (id_, rev_, proc_inst_id_, business_key_, proc_def_id_, "
        + "suspension_state_) values ('pi-1', 1, 'pi-1', ?, 'gate-cross-functional:1:1', 1)").param(A).update();
    jdbc.sql("insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, "
        + "task_def_key_, create_time_, suspension_state_) values ('task-1', 1, 'pi-1', 'pi-1', "
        + "'gate-cross-functional:1:1', 'Validate quality', 'Task_ValidateQuality', ?, 1)").param(created).update();
    jdbc.sql("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) values "
        + "('link-1', 1, 'team-qa', 'candidate', 'task-1')").update();
    return new MetricsRepository(jdbc);
  }

  <T> void sameList(Function<MetricsRepository, List<T>> statement) {
    assertThat(statement.apply(postgres)).containsExactlyInAnyOrderElementsOf(statement.apply(h2));
  }

  <T> void same(Function<MetricsRepository, T> statement) {
    assertThat(statement.apply(postgres)).isEqualTo(statement.apply(h2));
  }

  @Test
  void everyMetricsStatementGivesTheSameAnswerOnPostgresAsOnH2() {
    assertThat(h2.completions(QUERIES.get(0))).hasSize(3);
    assertThat(h2.stateEntries(QUERIES.get(0))).hasSize(34);
    assertThat(h2.queues(QUERIES.get(0))).hasSize(1);
    assertThat(h2.progress(QUERIES.get(0))).hasSize(1);

    for (MetricsQuery q : QUERIES) {
      sameList(r -> r.completions(q));
      sameList(r -> r.stateEntries(q));
      same(r -> r.breachesPerState(q));
      same(r -> r.activity(q));
      same(r -> r.escalationsPerLevel(q));
      sameList(r -> r.reviews(q));
      same(r -> r.reassignments(q));
      same(r -> r.estimateAccuracy(q));
      sameList(r -> r.handoffs(q));
      sameList(r -> r.tiers(q));
      same(r -> r.goNoGo(q));
      same(r -> r.wip(q));
      sameList(r -> r.queues(q));
      sameList(r -> r.openItems(q));
      sameList(r -> r.gateTasks(q));
      sameList(r -> r.progress(q));
    }
    same(r -> r.instructionExists(A));
    same(r -> r.instructionExists("INS-NOPE"));
    same(r -> r.assigneesOfOpenWork(A));
    sameList(MetricsRepository::wipPerStateAndDomain);
    same(MetricsRepository::openEscalationsPerLevel);
    same(MetricsRepository::instructionsPerState);
  }
}
