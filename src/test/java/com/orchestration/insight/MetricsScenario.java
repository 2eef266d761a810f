package com.orchestration.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A known history in March 2021, written straight into our tables with fixed timestamps (no engine, no clock), so
 * every metric has one exact expected value. Everything belongs to instruction {@link #A} (or {@link #B}), and the
 * tests filter by it, so other test classes' data cannot move a number; {@link #remove()} deletes every row again.
 * Assignees are ids of nobody ({@code metrics-ic-*}) and nothing reserves capacity, so nothing here shows up in
 * another person's workload or standup.
 *
 * <pre>
 * A (tier 2, classified 1, backend+frontend, EXECUTING)          times are 2021-03-dd hh:mm UTC
 *   ST1 strategic backend  PENDING 01 08:00 → IN_PLANNING 01 09:00 → IN_PROGRESS 01 17:00      (WARNING in planning)
 *   ST2 strategic data     PENDING 06 08:00 → IN_PLANNING 06 09:00                              (no tactical tasks)
 *   TT1 backend  created 01 08:00, ASSIGNED 09, IN_PROGRESS 10, BLOCKED 12, IN_PROGRESS 14, UNDER_REVIEW 16,
 *                IN_PROGRESS 18 (peer: changes), UNDER_REVIEW 02 09:00, DOMAIN_REVIEW 10, COMPLETED 12
 *                BREACH in its first IN_PROGRESS stay; est 4 h, actual 4.8 h; handoff 02 12:00 → accepted 18:00
 *   TT2 backend  created 02 08:00, ASSIGNED 08:30, ASSIGNED 09:00 (reassigned), IN_PROGRESS 10, UNDER_REVIEW 14,
 *                DOMAIN_REVIEW 15, IN_PROGRESS 17 (domain: changes), UNDER_REVIEW 03 09:00, DOMAIN_REVIEW 10,
 *                COMPLETED 11; est 5 h, actual 7 h; handoff 03 11:00 → one round back → accepted 04 11:00
 *   TT3 backend  created 03 08:00, ASSIGNED 09, IN_PROGRESS 10, COMPLETED 13; est 3 h, actual 2.5 h;
 *                handoff 03 13:00 not accepted
 *   TT4 frontend created 04 08:00, ASSIGNED 09, IN_PROGRESS 10, BLOCKED 11, ESCALATED 15 (open)
 *                BREACH in BLOCKED (fired 04 15:00), BREACH in ESCALATED fired 2021-04-02 (after the period);
 *                escalations DL 04 15:00 (timed out 23:00), TL 04 23:00 (open)
 *   TT5 backend  PENDING since 05 08:00, waits for TT4
 *   TT6 backend  created 05 08:00, ASSIGNED 09 (open), BREACH in ASSIGNED fired 06 09:00
 *   TT7 frontend created 05 08:00, CANCELLED 11:00
 *   TT8 backend  created 06 05:00, ASSIGNED 06:00 (open)
 *   reviews: TT1 peer r1 changes, peer r2 approve, domain r1 approve; TT2 peer r1 approve, domain r1 changes,
 *            peer r2 approve, domain r2 approve; TT3 domain r1 approve; ST1 QA r1 fixable, QA r2 pass, security r1 pass
 *   go/no-go: NO_GO 10, GO_WITH_CAVEATS 12, GO 2021-04-05 (after the period)
 * B (tier 3, classified 3, data, COMPLETED, created 2021-03-04; no tasks)
 * </pre>
 */
final class MetricsScenario {

  static final String A = "INS-MET-20210301";
  static final String B = "INS-MET-20210304";
  static final String PERIOD_FROM = "2021-03-01";
  static final String PERIOD_TO = "2021-03-31";
  /** "Now" for the bottleneck report: 2021-03-06 12:00 UTC. */
  static final Instant NOW = at("06 12:00");

  private final JdbcClient jdbc;
  final List<Long> items = new ArrayList<>();
  long tt1;
  long tt2;
  long tt3;
  long tt4;
  long tt5;
  long tt6;
  long tt7;
  long tt8;
  long st1;
  long st2;

  MetricsScenario(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A database of its own with the scenario, without the application: Camunda's engine tables from the engine jar's
   * script for {@code camundaDialect} ({@code h2}, {@code postgres}), our Flyway migrations, then {@link #create}.
   * The portability tests run the same statements on one of each and compare the answers.
   */
  static JdbcClient onFreshSchema(DataSource dataSource, String camundaDialect) {
    new ResourceDatabasePopulator(new ClassPathResource(
        "org/camunda/bpm/engine/db/create/activiti." + camundaDialect + ".create.engine.sql")).execute(dataSource);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").baselineOnMigrate(true)
        .baselineVersion("0").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    new MetricsScenario(jdbc).create();
    return jdbc;
  }

  /** "dd hh:mm" in March 2021, UTC. */
  static Instant at(String dayAndTime) {
    return Instant.parse("2021-03-" + dayAndTime.replace(' ', 'T') + ":00Z");
  }

  MetricsScenario create() {
    remove();
    instruction(A, 2, 1, "backend,frontend", "EXECUTING", at("01 07:00"));
    instruction(B, 3, 3, "data", "COMPLETED", at("04 07:00"));
    decision(A, "go-no-go", "NO_GO", at("10 10:00"));
    decision(A, "go-no-go", "GO_WITH_CAVEATS", at("12 10:00"));
    decision(A, "go-no-go", "GO", Instant.parse("2021-04-05T10:00:00Z"));
    decision(A, "tier-override", "tier 1 → 2", at("01 07:30"));

    st1 = item("ST1", "STRATEGIC", null, "backend", 16, null, "IN_PROGRESS", at("01 08:00"));
    path(st1, "01 08:00 PENDING", "01 09:00 IN_PLANNING", "01 17:00 IN_PROGRESS");
    sla(st1, "IN_PLANNING", "WARNING", at("01 09:00"), at("01 15:00"));
    st2 = item("ST2", "STRATEGIC", null, "data", 8, null, "IN_PLANNING", at("06 08:00"));
    path(st2, "06 08:00 PENDING", "06 09:00 IN_PLANNING");

    tt1 = item("TT1.1", "TACTICAL", "ST1", "backend", 4, "metrics-ic-1", "COMPLETED", at("01 08:00"));
    path(tt1, "01 08:00 PENDING", "01 09:00 ASSIGNED", "01 10:00 IN_PROGRESS", "01 12:00 BLOCKED",
        "01 14:00 IN_PROGRESS", "01 16:00 UNDER_REVIEW", "01 18:00 IN_PROGRESS", "02 09:00 UNDER_REVIEW",
        "02 10:00 DOMAIN_REVIEW", "02 12:00 COMPLETED");
    sla(tt1, "IN_PROGRESS", "BREACH", at("01 10:00"), at("01 11:30"));
    assignment(tt1, "metrics-ic-1", at("01 09:00"), null);
    review(tt1, "peer-review", 1, "changes", at("01 18:00"));
    review(tt1, "peer-review", 2, "approve", at("02 10:00"));
    review(tt1, "domain-approval", 1, "approve", at("02 12:00"));
    sample(tt1, "metrics-ic-1", "backend", 4, 4.8, at("02 12:00"));
    handoff(tt1, at("02 12:00"), at("02 18:00"), 0);

    tt2 = item("TT1.2", "TACTICAL", "ST1", "backend", 5, "metrics-ic-2", "COMPLETED", at("02 08:00"));
    path(tt2, "02 08:00 PENDING", "02 08:30 ASSIGNED", "02 09:00 ASSIGNED", "02 10:00 IN_PROGRESS",
        "02 14:00 UNDER_REVIEW", "02 15:00 DOMAIN_REVIEW", "02 17:00 IN_PROGRESS", "03 09:00 UNDER_REVIEW",
        "03 10:00 DOMAIN_REVIEW", "03 11:00 COMPLETED");
    assignment(tt2, "metrics-ic-1", at("02 08:30"), at("02 09:00"));
    assignment(tt2, "metrics-ic-2", at("02 09:00"), null);
    review(tt2, "peer-review", 1, "approve", at("02 15:00"));
    review(tt2, "domain-approval", 1, "changes", at("02 17:00"));
    review(tt2, "peer-review", 2, "approve", at("03 10:00"));
    review(tt2, "domain-approval", 2, "approve", at("03 11:00"));
    sample(tt2, "metrics-ic-2", "backend", 5, 7, at("03 11:00"));
    handoff(tt2, at("03 11:00"), at("04 11:00"), 1);

    tt3 = item("TT1.3", "TACTICAL", "ST1", "backend", 3, "metrics-ic-1", "COMPLETED", at("03 08:00"));
    path(tt3, "03 08:00 PENDING", "03 09:00 ASSIGNED", "03 10:00 IN_PROGRESS", "03 13:00 COMPLETED");
    assignment(tt3, "metrics-ic-1", at("03 09:00"), null);
    review(tt3, "domain-approval", 1, "approve", at("03 12:30"));
    sample(tt3, "metrics-ic-1", "backend", 3, 2.5, at("03 13:00"));
    handoff(tt3, at("03 13:00"), null, 0);

    tt4 = item("TT1.4", "TACTICAL", "ST1", "frontend", 6, "metrics-ic-3", "ESCALATED", at("04 08:00"));
    path(tt4, "04 08:00 PENDING", "04 09:00 ASSIGNED", "04 10:00 IN_PROGRESS", "04 11:00 BLOCKED",
        "04 15:00 ESCALATED");
    assignment(tt4, "metrics-ic-3", at("04 09:00"), null);
    sla(tt4, "BLOCKED", "BREACH", at("04 11:00"), at("04 15:00"));
    sla(tt4, "ESCALATED", "BREACH", at("04 15:00"), Instant.parse("2021-04-02T09:00:00Z"));
    long dl = escalation(tt4, "DL", at("04 15:00"), at("04 23:00"), "timeout", null);
    escalation(tt4, "TL", at("04 23:00"), null, null, dl);

    tt5 = item("TT1.5", "TACTICAL", "ST1", "backend", 2, null, "PENDING", at("05 08:00"));
    path(tt5, "05 08:00 PENDING");
    jdbc.sql("insert into work_item_dependency (work_item_id, depends_on_id) values (?, ?)").params(tt5, tt4)
        .update();

    tt6 = item("TT1.6", "TACTICAL", "ST1", "backend", 4, "metrics-ic-4", "ASSIGNED", at("05 08:00"));
    path(tt6, "05 08:00 PENDING", "05 09:00 ASSIGNED");
    assignment(tt6, "metrics-ic-4", at("05 09:00"), null);
    sla(tt6, "ASSIGNED", "BREACH", at("05 09:00"), at("06 09:00"));

    tt7 = item("TT1.7", "TACTICAL", "ST1", "frontend", 2, null, "CANCELLED", at("05 08:00"));
    path(tt7, "05 08:00 PENDING", "05 11:00 CANCELLED");

    tt8 = item("TT1.8", "TACTICAL", "ST1", "backend", 3, "metrics-ic-5", "ASSIGNED", at("06 05:00"));
    path(tt8, "06 05:00 PENDING", "06 06:00 ASSIGNED");
    assignment(tt8, "metrics-ic-5", at("06 06:00"), null);

    review(st1, "cross-functional-qa", 1, "fixable", at("03 12:00"));
    review(st1, "cross-functional-qa", 2, "pass", at("03 15:00"));
    review(st1, "cross-functional-security", 1, "pass", at("03 12:00"));
    return this;
  }

  /** Deletes every row of both instructions, children first. */
  void remove() {
    String ofItems = " where work_item_id in (select id from work_item where instruction_key in (?, ?))";
    for (String table : List.of("work_item_dependency", "state_transition", "assignment", "capacity_reservation",
        "performance_sample", "sla_event", "heartbeat", "handoff", "review")) {
      jdbc.sql("delete from " + table + ofItems).params(A, B).update();
    }
    jdbc.sql("delete from escalation where parent_escalation_id is not null and instruction_key in (?, ?)")
        .params(A, B).update();
    jdbc.sql("delete from escalation where instruction_key in (?, ?)").params(A, B).update();
    jdbc.sql("delete from work_item where instruction_key in (?, ?)").params(A, B).update();
    jdbc.sql("delete from instruction_decision where instruction_key in (?, ?)").params(A, B).update();
    jdbc.sql("delete from instruction where instruction_key in (?, ?)").params(A, B).update();
    items.clear();
  }

  private void instruction(String key, int tier, int classified, String domains, String state, Instant created) {
    jdbc.sql("""
            insert into instruction (instruction_key, title, work_type, work_type_inferred, affected_domains,
              scope_flags, priority, customer_commitment, estimate_hours, tier, classified_tier, tier_confidence,
              tier_reason, state, submitted_by, created_at, updated_at)
            values (?, ?, 'FEATURE', false, ?, '', 'NORMAL', false, 40, ?, ?, 0.9, 'metrics scenario', ?, 'erin',
              ?, ?)""")
        .params(key, "Metrics scenario " + key, domains, tier, classified, state, ts(created), ts(created))
        .update();
  }

  private void decision(String key, String kind, String outcome, Instant at) {
    jdbc.sql("""
            insert into instruction_decision (instruction_key, kind, outcome, reason, actor, occurred_at)
            values (?, ?, ?, 'metrics scenario', 'erin', ?)""")
        .params(key, kind, outcome, ts(at)).update();
  }

  private long item(String taskKey, String kind, String parent, String domain, double estimate, String assignee,
      String state, Instant created) {
    jdbc.sql("""
            insert into work_item (instruction_key, task_key, kind, parent_task_key, domain, title, estimate_hours,
              complexity, priority, assignee, state, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, 'MODERATE', 'NORMAL', ?, ?, ?, ?)""")
        .params(A, taskKey, kind, parent, domain, "Metrics " + taskKey, estimate, assignee, state, ts(created),
            ts(created))
        .update();
    long id = jdbc.sql("select id from work_item where instruction_key = ? and task_key = ?").params(A, taskKey)
        .query(Long.class).single();
    items.add(id);
    return id;
  }

  /** Transitions "dd hh:mm STATE" in order; the first comes from nothing. */
  private void path(long item, String... steps) {
    String from = null;
    for (String step : steps) {
      int space = step.lastIndexOf(' ');
      String to = step.substring(space + 1);
      jdbc.sql("""
              insert into state_transition (work_item_id, from_state, to_state, occurred_at, actor, reason)
              values (?, ?, ?, ?, 'system', 'metrics scenario')""")
          .params(item, from, to, ts(at(step.substring(0, space)))).update();
      from = to;
    }
  }

  private void sla(long item, String state, String kind, Instant entered, Instant fired) {
    jdbc.sql("""
            insert into sla_event (work_item_id, instruction_key, task_key, state, kind, state_entered_at, due_at,
              fired_at)
            values (?, ?, (select task_key from work_item where id = ?), ?, ?, ?, ?, ?)""")
        .params(item, A, item, state, kind, ts(entered), ts(fired), ts(fired)).update();
  }

  private void assignment(long item, String assignee, Instant decided, Instant superseded) {
    jdbc.sql("""
            insert into assignment (work_item_id, assignee, rationale, decided_by, decided_at, superseded_at)
            values (?, ?, 'metrics scenario', 'system', ?, ?)""")
        .params(item, assignee, ts(decided), ts(superseded)).update();
  }

  private void review(long item, String gate, int round, String outcome, Instant decided) {
    jdbc.sql("""
            insert into review (work_item_id, instruction_key, task_key, gate, round, reviewer, author, outcome,
              opened_at, decided_at, duration_seconds)
            values (?, ?, (select task_key from work_item where id = ?), ?, ?, 'metrics-reviewer', 'metrics-ic-1', ?,
              ?, ?, 0)""")
        .params(item, A, item, gate, round, outcome, ts(decided), ts(decided)).update();
  }

  private void sample(long item, String person, String domain, double estimate, double actual, Instant at) {
    jdbc.sql("""
            insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours, actual_hours,
              first_time_approved, completed_at)
            values (?, ?, ?, 'MODERATE', ?, ?, true, ?)""")
        .params(person, item, domain, estimate, actual, ts(at)).update();
  }

  private void handoff(long item, Instant started, Instant accepted, int rounds) {
    jdbc.sql("""
            insert into handoff (work_item_id, instruction_key, task_key, from_domain, to_domains, started_at,
              accepted_at, rounds, state, process_instance_id)
            values (?, ?, (select task_key from work_item where id = ?), 'backend', 'frontend', ?, ?, ?, ?, 'none')""")
        .params(item, A, item, ts(started), ts(accepted), rounds, accepted == null ? "PREPARING" : "ACCEPTED")
        .update();
  }

  private long escalation(long item, String level, Instant opened, Instant closed, String outcome, Long parent) {
    jdbc.sql("""
            insert into escalation (work_item_id, instruction_key, task_key, reason_type, level, resolver_group,
              rule_id, opened_at, due_at, closed_at, outcome, process_instance_id, parent_escalation_id)
            values (?, ?, (select task_key from work_item where id = ?), 'missing_dependency', ?, 'leads-frontend',
              'rule_metrics', ?, ?, ?, ?, 'none', ?)""")
        .params(item, A, item, level, ts(opened), ts(opened.plusSeconds(8 * 3600)), ts(closed), outcome, parent)
        .update();
    return jdbc.sql("select max(id) from escalation where work_item_id = ?").param(item).query(Long.class).single();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
