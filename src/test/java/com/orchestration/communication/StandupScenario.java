package com.orchestration.communication;

import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.ReservationKind;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.HeartbeatRequest;
import com.orchestration.lifecycle.HeartbeatService;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.SlaService;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A devops week with exact numbers, seeded through the services (work items and transitions through
 * {@link WorkItemService}, capacity through {@link CapacityService}, SLA events through {@link SlaService}, a heartbeat
 * through {@link HeartbeatService}). Escalation and handoff records have no public writer outside their capabilities
 * (their processes write them), so the fixture inserts those rows with the columns their services write. No
 * lifecycle process is started. Instruction keys are dated 2031 so no other test's data shares them.
 *
 * <pre>
 * INS-20310311-901  ST1 (STRATEGIC, IN_PROGRESS) with tactical tasks, all devops:
 *   TT1.0 grace  COMPLETED Fri 03-07 (before the daily window)        est 2, spent 2
 *   TT1.1 ivan   COMPLETED Mon 03-10 10:00                             est 3, spent 3
 *   TT1.2 ivan   IN_PROGRESS since Mon 10:00, no heartbeat             est 8, spent 2, remaining 6, due Tue 17:00
 *   TT1.3 ivan   BLOCKED since Mon 10:00 (external dependency), HIGH   est 6; SLA breach Tue 06:00
 *   TT1.4 grace  ASSIGNED since Mon 10:00; SLA warning Mon 18:00       est 4
 *   TT1.5        PENDING, depends on TT1.2 and TT1.4                   est 3, due Fri 03-14 17:00
 *   TT1.6 grace  IN_PROGRESS since Mon 10:00, heartbeat Tue 07:00      est 6, spent 3, remaining 3
 *   TT1.8        CANCELLED
 *   TT1.9        ESCALATED (no eligible IC), open escalation to TL      est 2
 * INS-20310311-902  TT1 noah ASSIGNED                                   est 2
 * Handoffs: TT1.0 devops → backend IN_REVIEW (open); TT1.1 devops → data ACCEPTED Mon 15:00.
 * Escalations: TT1.3 DL opened Mon 11:00, closed 12:00 (resolved); TT1.9 TL opened Mon 14:00, open.
 * </pre>
 * The report is generated on Tuesday 2031-03-11 09:00 UTC: daily window from Monday 00:00.
 */
@Component
class StandupScenario {

  static final String A = "INS-20310311-901";
  static final String B = "INS-20310311-902";
  static final Instant FRIDAY = Instant.parse("2031-03-07T10:00:00Z");
  static final Instant MONDAY = Instant.parse("2031-03-10T10:00:00Z");
  static final Instant TUESDAY = Instant.parse("2031-03-11T09:00:00Z");
  static final Instant TT12_DEADLINE = Instant.parse("2031-03-11T17:00:00Z");
  static final Instant TT15_DEADLINE = Instant.parse("2031-03-14T17:00:00Z");

  final WorkItemService workItems;
  final LifecycleService lifecycle;
  final CapacityService capacity;
  final SlaService sla;
  final HeartbeatService heartbeats;
  final JdbcClient jdbc;
  final TransactionTemplate transactions;

  final Map<String, WorkItem> items = new HashMap<>();

  StandupScenario(WorkItemService workItems, LifecycleService lifecycle, CapacityService capacity, SlaService sla,
      HeartbeatService heartbeats, JdbcClient jdbc, TransactionTemplate transactions) {
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.capacity = capacity;
    this.sla = sla;
    this.heartbeats = heartbeats;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  WorkItem item(String key) {
    return workItems.get(items.get(key).id());
  }

  void seed() {
    if (!items.isEmpty()) {
      return;
    }
    at(FRIDAY);
    List<WorkItem.Draft> drafts = new ArrayList<>();
    drafts.add(new WorkItem.Draft(A, "ST1", TaskKind.STRATEGIC, null, Domain.DEVOPS, "Move CI to the new cluster",
        null, null, 40, Complexity.HIGH, Priority.HIGH, null, false, false, Map.of(), Set.of(), List.of()));
    drafts.add(tt(A, "TT1.0", "Inventory the pipelines", 2, Priority.NORMAL, null));
    drafts.add(tt(A, "TT1.1", "Provision the runners", 3, Priority.NORMAL, null));
    drafts.add(tt(A, "TT1.2", "Migrate the build jobs", 8, Priority.NORMAL, TT12_DEADLINE));
    drafts.add(tt(A, "TT1.3", "Raise the cloud quota", 6, Priority.HIGH, null));
    drafts.add(tt(A, "TT1.4", "Move the secrets", 4, Priority.NORMAL, null));
    drafts.add(tt(A, "TT1.5", "Switch DNS to the new cluster", 3, Priority.NORMAL, TT15_DEADLINE, "TT1.2", "TT1.4"));
    drafts.add(tt(A, "TT1.6", "Dashboards for the runners", 6, Priority.NORMAL, null));
    drafts.add(tt(A, "TT1.8", "Keep the old cluster warm", 2, Priority.LOW, null));
    drafts.add(tt(A, "TT1.9", "Tune the autoscaler", 2, Priority.NORMAL, null));
    workItems.createAll(drafts, "tom", "standup scenario").forEach(w -> items.put(w.taskKey(), w));
    WorkItem b = workItems.create(new WorkItem.Draft(B, "TT1", TaskKind.TACTICAL, null, Domain.DEVOPS,
        "Rotate the TLS certificates", null, null, 2, Complexity.SIMPLE, Priority.NORMAL, null, false, false,
        Map.of(), Set.of(), List.of()), "tom", "standup scenario");
    items.put("B/TT1", b);

    move("ST1", TaskState.IN_PLANNING, null);
    move("ST1", TaskState.IN_PROGRESS, null);
    move("TT1.0", TaskState.ASSIGNED, "grace");
    move("TT1.0", TaskState.IN_PROGRESS, null);
    sla.record(id("TT1.0"), TaskState.IN_PROGRESS, SlaEventKind.WARNING, FRIDAY, FRIDAY.plusSeconds(7200), null);
    workItems.recordProgress(id("TT1.0"), 2, null);
    move("TT1.0", TaskState.COMPLETED, null);
    move("TT1.8", TaskState.CANCELLED, null);

    at(MONDAY);
    move("TT1.1", TaskState.ASSIGNED, "ivan");
    move("TT1.1", TaskState.IN_PROGRESS, null);
    workItems.recordProgress(id("TT1.1"), 3, null);
    move("TT1.1", TaskState.COMPLETED, null);
    move("TT1.2", TaskState.ASSIGNED, "ivan");
    move("TT1.2", TaskState.IN_PROGRESS, null);
    workItems.recordProgress(id("TT1.2"), 2, 6.0);
    move("TT1.3", TaskState.ASSIGNED, "ivan");
    move("TT1.3", TaskState.IN_PROGRESS, null);
    workItems.transition(id("TT1.3"), TaskState.BLOCKED, "ivan",
        "blocker (external_dependency): waiting for the cloud quota");
    move("TT1.4", TaskState.ASSIGNED, "grace");
    move("TT1.6", TaskState.ASSIGNED, "grace");
    move("TT1.6", TaskState.IN_PROGRESS, null);
    workItems.transition(id("TT1.9"), TaskState.ESCALATED, "system",
        "escalated (no_eligible_ic): nobody in devops is free with autoscaler skills");
    move("B/TT1", TaskState.ASSIGNED, "noah");
    transactions.executeWithoutResult(status -> {
      reserve("TT1.2", "ivan");
      reserve("TT1.3", "ivan");
      reserve("TT1.4", "grace");
      reserve("TT1.6", "grace");
      reserve("B/TT1", "noah");
    });
    escalation("TT1.3", "external_dependency", "DL", "leads-devops", MONDAY.plusSeconds(3600),
        MONDAY.plusSeconds(7200), "resolved");
    escalation("TT1.9", "no_eligible_ic", "TL", "tech-leads", MONDAY.plusSeconds(4 * 3600), null, null);
    handoff("TT1.0", "backend", "IN_REVIEW", MONDAY.plusSeconds(2 * 3600), null);
    handoff("TT1.1", "data", "ACCEPTED", MONDAY.plusSeconds(3 * 3600), MONDAY.plusSeconds(5 * 3600));

    at(MONDAY.plusSeconds(8 * 3600));
    sla.record(id("TT1.4"), TaskState.ASSIGNED, SlaEventKind.WARNING, MONDAY, MONDAY.plusSeconds(8 * 3600), null);

    at(Instant.parse("2031-03-11T06:00:00Z"));
    sla.record(id("TT1.3"), TaskState.BLOCKED, SlaEventKind.BREACH, MONDAY, MONDAY.plusSeconds(8 * 3600), null);
    at(Instant.parse("2031-03-11T07:00:00Z"));
    heartbeats.record(A, "TT1.6", new HeartbeatRequest(50, 3.0, 3.0, "dashboards half done"), "grace");
    at(TUESDAY);
  }

  /** Cancels what is still open (capacity released) and removes the rows the fixture inserted by hand. */
  void cleanUp() {
    for (WorkItem seeded : items.values()) {
      WorkItem current = workItems.get(seeded.id());
      if (current.state().isOpen()) {
        lifecycle.requestCancel(current.instructionKey(), current.taskKey(), "tom", List.of("tech-leads"),
            "standup test cleanup");
      }
    }
    jdbc.sql("delete from escalation where instruction_key in (:keys)").param("keys", List.of(A, B)).update();
    jdbc.sql("delete from handoff where instruction_key in (:keys)").param("keys", List.of(A, B)).update();
    items.clear();
    ClockUtil.reset();
  }

  private long id(String key) {
    return items.get(key).id();
  }

  private void move(String key, TaskState to, String assignee) {
    WorkItem current = workItems.get(id(key));
    workItems.transition(current, to, assignee != null ? assignee : current.assignee(), "system", "scenario");
  }

  private void reserve(String key, String person) {
    WorkItem item = workItems.get(id(key));
    capacity.reserve(item.id(), person, ReservationKind.TASK, item.remaining(), 0.95);
  }

  private void escalation(String key, String reason, String level, String group, Instant opened, Instant closed,
      String outcome) {
    WorkItem item = workItems.get(id(key));
    jdbc.sql("""
            insert into escalation (work_item_id, instruction_key, task_key, reason_type, level, resolver_group,
              rule_id, opened_at, due_at, closed_at, outcome, process_instance_id)
            values (?, ?, ?, ?, ?, ?, 'rule_test', ?, ?, ?, ?, 'standup-test')""")
        .params(item.id(), item.instructionKey(), item.taskKey(), reason, level, group, Timestamp.from(opened),
            Timestamp.from(opened.plusSeconds(8 * 3600)), closed == null ? null : Timestamp.from(closed), outcome)
        .update();
  }

  private void handoff(String key, String to, String state, Instant started, Instant accepted) {
    WorkItem item = workItems.get(id(key));
    jdbc.sql("""
            insert into handoff (work_item_id, instruction_key, task_key, from_domain, to_domains, started_at,
              accepted_at, accepted_by, rounds, state, process_instance_id)
            values (?, ?, ?, 'devops', ?, ?, ?, ?, 0, ?, 'standup-test')""")
        .params(item.id(), item.instructionKey(), item.taskKey(), to, Timestamp.from(started),
            accepted == null ? null : Timestamp.from(accepted), accepted == null ? null : "dana", state)
        .update();
  }

  private static WorkItem.Draft tt(String instruction, String key, String title, double estimate, Priority priority,
      Instant deadline, String... dependencies) {
    return new WorkItem.Draft(instruction, key, TaskKind.TACTICAL, "ST1", Domain.DEVOPS, title, null, null, estimate,
        Complexity.MODERATE, priority, deadline, false, false, Map.of(), Set.of(), List.of(dependencies));
  }
}
