package com.orchestration.insight;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Instructions with known task graphs for critical-path tests, seeded through {@link WorkItemService} (states moved
 * without lifecycles, so nothing else runs), plus exact estimate factors: 20 performance samples dated 2099 are the
 * newest 20 of a person and a domain, so the factor is exactly the ratio whatever other tests completed. Instruction
 * rows are inserted with the columns intake writes (tier, state EXECUTING); keys come from {@link WorkItemDrafts}.
 * {@link #cleanUp()} cancels what is left, ends scope reviews, removes the samples and ends the instructions.
 */
@Component
class CriticalPathFixtures {

  static final Instant TUESDAY_9 = Instant.parse("2026-11-24T09:00:00Z");

  final WorkItemService workItems;
  final LifecycleService lifecycle;
  final RuntimeService runtime;
  final JdbcClient jdbc;

  final List<String> instructions = new ArrayList<>();
  final List<Long> sampleItems = new ArrayList<>();
  final List<WorkItem> created = new ArrayList<>();

  CriticalPathFixtures(WorkItemService workItems, LifecycleService lifecycle, RuntimeService runtime,
      JdbcClient jdbc) {
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /** A fresh instruction record in state EXECUTING. */
  String instruction(int tier, String title) {
    String key = WorkItemDrafts.newInstructionKey();
    Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    jdbc.sql("""
            insert into instruction (instruction_key, title, work_type, work_type_inferred, affected_domains,
              scope_flags, priority, customer_commitment, estimate_hours, tier, classified_tier, tier_confidence,
              tier_reason, state, submitted_by, created_at, updated_at)
            values (?, ?, 'FEATURE', false, 'backend,security', '', 'NORMAL', false, 40, ?, ?, 0.9, 'test', 'EXECUTING',
              'erin', ?, ?)""")
        .params(key, title, tier, tier, now, now).update();
    instructions.add(key);
    return key;
  }

  static WorkItem.Draft strategic(String key, String st, Domain domain, double days, String... dependencies) {
    return new WorkItem.Draft(key, st, TaskKind.STRATEGIC, null, domain, "Strategic task " + st, null, null,
        days * 8, Complexity.HIGH, Priority.NORMAL, null, false, false, Map.of(), Set.of(), List.of(dependencies));
  }

  static WorkItem.Draft tactical(String key, String tt, String parent, Domain domain, double hours,
      String... dependencies) {
    return new WorkItem.Draft(key, tt, TaskKind.TACTICAL, parent, domain, "Tactical task " + tt, "Do " + tt,
        "Done when " + tt + " works", hours, Complexity.MODERATE, Priority.NORMAL, null, false, false, Map.of(),
        Set.of(), List.of(dependencies));
  }

  /** Creates the tasks (in one call, so dependencies resolve) and returns them by task key. */
  Map<String, WorkItem> create(WorkItem.Draft... drafts) {
    Map<String, WorkItem> byKey = new HashMap<>();
    for (WorkItem item : workItems.createAll(List.of(drafts), "tom", "critical-path test")) {
      created.add(item);
      byKey.put(item.taskKey(), item);
    }
    return byKey;
  }

  WorkItem move(WorkItem item, TaskState to, String assignee) {
    WorkItem current = workItems.get(item.id());
    return workItems.transition(current, to, assignee != null ? assignee : current.assignee(), "system", "fixture");
  }

  /** ASSIGNED to {@code assignee}, then IN_PROGRESS with {@code spent} hours and the given remaining hours. */
  WorkItem start(WorkItem item, String assignee, double spent, Double remaining) {
    move(item, TaskState.ASSIGNED, assignee);
    move(item, TaskState.IN_PROGRESS, null);
    return workItems.recordProgress(item.id(), spent, remaining);
  }

  WorkItem complete(WorkItem item, String assignee, double actual) {
    start(item, assignee, actual, 0.0);
    return move(item, TaskState.COMPLETED, null);
  }

  /** 20 samples of actual / estimate = {@code ratio} for {@code person} in {@code domain}, newer than any other. */
  void calibrate(String person, Domain domain, double ratio) {
    String key = WorkItemDrafts.newInstructionKey();
    List<WorkItem.Draft> drafts = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      drafts.add(tactical(key, "TT" + i, null, domain, 2));
    }
    int n = 0;
    for (WorkItem item : workItems.createAll(drafts, "tom", "calibration samples")) {
      move(item, TaskState.CANCELLED, null);
      sampleItems.add(item.id());
      jdbc.sql("""
              insert into performance_sample (person_id, work_item_id, domain, complexity, estimate_hours,
                actual_hours, first_time_approved, completed_at)
              values (?, ?, ?, 'MODERATE', 2, ?, true, ?)""")
          .params(person, item.id(), domain.value(), BigDecimal.valueOf(2 * ratio),
              Timestamp.from(Instant.parse("2099-01-01T00:00:00Z").plusSeconds(60L * n++)))
          .update();
    }
  }

  void cleanUp() {
    // The instructions end first, so the cancellations below start no slip checks that could still fire.
    for (String key : instructions) {
      jdbc.sql("update instruction set state = 'CANCELLED' where instruction_key = ?").param(key).update();
      runtime.createProcessInstanceQuery().processDefinitionKey(ScopeReviewVariables.PROCESS_KEY)
          .processInstanceBusinessKey(key).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
    }
    for (WorkItem item : created) {
      WorkItem current = workItems.get(item.id());
      if (current.state().isOpen()) {
        if (current.processInstanceId() != null) {
          lifecycle.requestCancel(current.instructionKey(), current.taskKey(), "tom", List.of("tech-leads"),
              "critical-path test cleanup");
        } else {
          lifecycle.cancel(current.id(), "tom", "critical-path test cleanup");
        }
      }
    }
    if (!sampleItems.isEmpty()) {
      jdbc.sql("delete from performance_sample where work_item_id in (:ids)").param("ids", sampleItems).update();
    }
    created.clear();
    instructions.clear();
    sampleItems.clear();
    ClockUtil.reset();
  }
}
