package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.capacity.CapacityService;
import com.orchestration.escalation.EscalationLevel;
import com.orchestration.escalation.EscalationOpenedEvent;
import com.orchestration.escalation.EscalationRecord;
import com.orchestration.lifecycle.SlaEvent;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.SlaThresholdRecordedEvent;
import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The Micrometer meters at /actuator/prometheus (SPEC §10.1): who may scrape, what the gauges and counters show. */
@OrchestrationTest
class PrometheusMetersTest {

  static final String KEY = "INS-MET-PROMETHEUS";

  @Autowired TestRestTemplate rest;
  @Autowired MeterRegistry registry;
  @Autowired OrchestrationMeters meters;
  @Autowired MetricsRepository repository;
  @Autowired CapacityService capacity;
  @Autowired JdbcClient jdbc;
  @Autowired WorkItemService workItems;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationEventPublisher events;

  @AfterEach
  void removeItems() {
    jdbc.sql("delete from work_item where instruction_key = ?").param(KEY).update();
    meters.refresh();
  }

  ResponseEntity<String> scrape(String user, String password) {
    return (user == null ? rest : rest.withBasicAuth(user, password))
        .exchange("/actuator/prometheus", HttpMethod.GET, null, String.class);
  }

  @Test
  void anAdministratorScrapesEveryGaugeAndCounter() {
    ResponseEntity<String> response = scrape("admin", "admin");

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).contains(
        "orchestration_tasks_wip{domain=\"backend\",state=\"ASSIGNED\"}",
        "orchestration_tasks_wip{domain=\"data\",state=\"IN_PLANNING\"}",
        "orchestration_system_utilisation ",
        "orchestration_domain_utilisation{domain=\"qa\"}",
        "orchestration_queue_depth{group=\"tech-leads\"}",
        "orchestration_escalations_open{level=\"TL\"}",
        "orchestration_instructions{state=\"EXECUTING\"}",
        "orchestration_tasks_completed_total{domain=\"frontend\",kind=\"tactical\"}",
        "orchestration_tasks_cancelled_total{domain=\"frontend\",kind=\"tactical\"}",
        "orchestration_sla_events_total{kind=\"breach\",state=\"BLOCKED\"}",
        "orchestration_escalations_opened_total{domain=\"backend\",level=\"DL\"}");
  }

  @Test
  void anIcAndAnonymousCallersCannotScrape() {
    assertThat(scrape("alice", "demo").getStatusCode().value()).isEqualTo(403);
    assertThat(scrape(null, null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void gaugesShowTheDatabaseAsOfTheLastRefresh() {
    meters.refresh();
    double before = wip(registry, "BLOCKED", "security");

    insert("TT1", "security", "BLOCKED");
    double beforeRefresh = wip(registry, "BLOCKED", "security");
    meters.refresh();

    assertThat(beforeRefresh).isEqualTo(before);
    assertThat(wip(registry, "BLOCKED", "security")).isEqualTo(before + 1);
  }

  @Test
  void aScrapeWithinTheRefreshIntervalReusesTheSnapshot() {
    AtomicLong nanos = new AtomicLong(1_000);
    SimpleMeterRegistry own = new SimpleMeterRegistry();
    new OrchestrationMeters(own, repository, capacity, Duration.ofSeconds(30), nanos::get);
    double before = wip(own, "ESCALATED", "devops");

    insert("TT1", "devops", "ESCALATED");
    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    double within = wip(own, "ESCALATED", "devops");
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    double after = wip(own, "ESCALATED", "devops");

    assertThat(within).isEqualTo(before);
    assertThat(after).isEqualTo(before + 1);
  }

  @Test
  void countersCountEventsWhoseTransactionCommittedAndNothingRolledBack() {
    WorkItem completed = workItems.get(insert("TT2", "qa", "COMPLETED"));
    double before = counter("orchestration.tasks.completed", "domain", "qa", "kind", "tactical");

    transactions.executeWithoutResult(s -> events.publishEvent(new TaskClosedEvent(completed, "system", "done")));
    transactions.executeWithoutResult(s -> {
      events.publishEvent(new TaskClosedEvent(completed, "system", "done"));
      s.setRollbackOnly();
    });

    assertThat(counter("orchestration.tasks.completed", "domain", "qa", "kind", "tactical")).isEqualTo(before + 1);
  }

  @Test
  void slaEventsAndEscalationsAreCountedByKindStateAndLevel() {
    double breaches = counter("orchestration.sla.events", "kind", "breach", "state", "UNDER_REVIEW");
    double escalations = counter("orchestration.escalations.opened", "level", "EM", "domain", "data");
    Instant now = Instant.parse("2026-11-26T09:00:00Z");

    // called directly: published, these made-up events would reach the announcements too
    meters.slaThresholdRecorded(new SlaThresholdRecordedEvent(new SlaEvent(1, 1, KEY, "TT1",
        TaskState.UNDER_REVIEW, SlaEventKind.BREACH, now, now, now, null, false, null)));
    meters.escalationOpened(new EscalationOpenedEvent(new EscalationRecord(1, 1, KEY, "TT1", "other", null,
        EscalationLevel.EM, "engineering-managers", "rule_other", null, now, now, 0, null, null, null, null,
        "none", null), Domain.DATA));

    assertThat(counter("orchestration.sla.events", "kind", "breach", "state", "UNDER_REVIEW"))
        .isEqualTo(breaches + 1);
    assertThat(counter("orchestration.escalations.opened", "level", "EM", "domain", "data"))
        .isEqualTo(escalations + 1);
  }

  long insert(String taskKey, String domain, String state) {
    Timestamp now = Timestamp.from(Instant.parse("2026-11-26T09:00:00Z"));
    jdbc.sql("""
            insert into work_item (instruction_key, task_key, kind, domain, title, estimate_hours, complexity,
              priority, state, created_at, updated_at)
            values (?, ?, 'TACTICAL', ?, 'Prometheus probe', 2, 'SIMPLE', 'NORMAL', ?, ?, ?)""")
        .params(KEY, taskKey, domain, state, now, now).update();
    return jdbc.sql("select id from work_item where instruction_key = ? and task_key = ?").params(KEY, taskKey)
        .query(Long.class).single();
  }

  static double wip(MeterRegistry registry, String state, String domain) {
    return registry.get("orchestration.tasks.wip").tags("state", state, "domain", domain).gauge().value();
  }

  double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }
}
