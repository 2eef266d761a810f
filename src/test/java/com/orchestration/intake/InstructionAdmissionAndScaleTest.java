package com.orchestration.intake;

import static com.orchestration.intake.InstructionDriver.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admission (SPEC §4.3): the 85% rule, the queue released when capacity frees and hourly, priority arbitration with
 * the EM deciding between two critical instructions (the queue's release order: {@link AdmissionQueueTest});
 * cancellation of a tier-4 instruction at scale (30 strategic
 * and 150 tactical tasks) mid-flight, leaving nothing behind.
 */
@OrchestrationTest
class InstructionAdmissionAndScaleTest {

  @Autowired InstructionDriver driver;
  @Autowired LifecycleDriver lifecycle;
  @Autowired WorkItemService workItems;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired AdmissionService admission;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void fixTheClock() {
    lifecycle.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp();
  }

  /** Tier-4 instructions (80 h each by default) waiting in planning fill the admission pipeline. */
  List<Instruction> fillUntilOneQueues() {
    List<Instruction> admitted = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Instruction ins = driver.submit(request("Migrate store " + i, "migration", List.of("data"),
          List.of("databaseSchemaChange"), "normal"), "alice");
      if (driver.get(ins.key()).state() == InstructionState.QUEUED) {
        admitted.add(ins);
        return admitted;
      }
      admitted.add(ins);
    }
    throw new AssertionError("the pipeline never filled up");
  }

  @Test
  void overTheThresholdANormalInstructionQueuesAndIsReleasedWhenCapacityFrees() {
    List<Instruction> submitted = fillUntilOneQueues();
    Instruction queued = submitted.get(submitted.size() - 1);
    assertThat(driver.instructions.decisions(queued.key())).filteredOn(d -> d.kind().equals("admission"))
        .singleElement().satisfies(d -> {
          assertThat(d.outcome()).isEqualTo("queue");
          assertThat(d.reason()).contains("rule_otherOverThresholdQueues");
        });
    assertThat(driver.openTaskKeys(queued.key())).isEmpty();
    assertThat(admission.queue()).extracting(Instruction::key).contains(queued.key());

    // an hourly re-check with the load unchanged keeps it queued and records nothing new
    int recorded = driver.instructions.decisions(queued.key()).size();
    lifecycle.advance(Duration.ofMinutes(61));
    assertThat(driver.runJobs(queued.key())).as("the hourly timer").isEqualTo(1);
    assertThat(driver.get(queued.key()).state()).isEqualTo(InstructionState.QUEUED);
    assertThat(driver.instructions.decisions(queued.key())).hasSize(recorded);

    // cancelling a planned instruction leaves the pipeline: the queue is re-checked at once
    driver.instructions.requestCancel(submitted.get(0).key(), "erin", List.of("engineering-managers"),
        "superseded by the new storage plan");
    assertThat(driver.get(queued.key()).state()).isEqualTo(InstructionState.PLANNING);
    assertThat(driver.openTaskKeys(queued.key())).containsExactly("Task_WriteStrategicPlan");
  }

  @Test
  void twoCriticalInstructionsOverTheThresholdWaitForTheEmsDecision() {
    fillUntilOneQueues();
    Instruction first = driver.submit(request("Restore the checkout database", "migration",
        List.of("data"), List.of("databaseSchemaChange"), "critical"), "alice");
    // the first critical one wins against the normal instructions (DMN priority-arbitration)
    assertThat(driver.get(first.key()).state()).isEqualTo(InstructionState.PLANNING);
    assertThat(driver.instructions.decisions(first.key())).filteredOn(d -> d.kind().equals("arbitration"))
        .singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo("A_FIRST"));

    Instruction second = driver.submit(request("Restore the payments database", "migration",
        List.of("data"), List.of("databaseSchemaChange"), "critical"), "alice");
    assertThat(driver.get(second.key()).state()).isEqualTo(InstructionState.ARBITRATION);
    assertThat(driver.instructions.decisions(second.key())).filteredOn(d -> d.kind().equals("arbitration"))
        .singleElement().satisfies(d -> {
          assertThat(d.outcome()).isEqualTo("EM_DECIDES");
          assertThat(d.subject()).isEqualTo(first.key());
        });
    assertThat(driver.openTaskKeys(second.key())).containsExactly("Task_DecidePriority");
    assertThatThrownBy(() -> driver.complete(second.key(), "Task_DecidePriority", null, "tom",
        Map.of("priorityDecision", "start", "priorityRationale", "x"))).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.complete(second.key(), "Task_DecidePriority", null, "erin",
        Map.of("priorityDecision", "start"))).hasMessageContaining("The rationale is required");

    driver.complete(second.key(), "Task_DecidePriority", null, "erin",
        Map.of("priorityDecision", "start", "priorityRationale", "payments lose money by the minute"));
    assertThat(driver.get(second.key()).state()).isEqualTo(InstructionState.PLANNING);
    assertThat(driver.instructions.decisions(second.key())).filteredOn(d -> d.actor().equals("erin"))
        .singleElement().satisfies(d -> assertThat(d.reason()).contains("lose money"));
  }

  @Test
  void aTierFourInstructionWith30StrategicAnd150TacticalTasksPlansStartsAndCancelsCleanly() {
    Instruction ins = driver.submit(request("Move every service to the new platform", "migration",
        List.of("frontend", "backend", "data", "devops"), List.of("databaseSchemaChange"), "high"), "alice");
    String key = ins.key();
    assertThat(ins.tier()).isEqualTo(4);
    StringBuilder plan = new StringBuilder();
    String[] domains = {"frontend", "data"};
    for (int i = 1; i <= 30; i++) {
      plan.append("ST").append(i).append(" | ").append(domains[i % 2]).append(" | 2 | Platform part ").append(i)
          .append('\n');
    }
    Map<String, Object> v = new HashMap<>();
    v.put("objective", "Everything on the new platform");
    v.put("strategicTasks", plan.toString());
    for (String category : RiskScores.CATEGORIES) {
      v.put(category, 6);
    }
    driver.complete(key, "Task_WriteStrategicPlan", null, "tom", v);
    driver.complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "approve"));
    driver.complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_BreakDownStrategicTask").count()).isEqualTo(30);

    for (int i = 1; i <= 30; i++) {
      String domain = domains[i % 2];
      StringBuilder breakdown = new StringBuilder();
      for (int n = 1; n <= 5; n++) {
        breakdown.append("TT").append(i).append('.').append(n).append(" | ").append(domain).append(" | 2 | Step ")
            .append(n).append(n > 1 ? " | deps: TT" + i + "." + (n - 1) : "").append('\n');
      }
      driver.complete(key, "Task_BreakDownStrategicTask", "ST" + i, domain.equals("data") ? "dana" : "fiona",
          Map.of("tacticalTasks", breakdown.toString()));
      driver.complete(key, "Task_ReviewBreakdown", "ST" + i, "tom", Map.of("breakdownDecision", "approve"));
    }
    List<WorkItem> items = workItems.ofInstruction(key);
    assertThat(items).filteredOn(i -> i.kind() == TaskKind.TACTICAL).hasSize(150)
        .allSatisfy(i -> assertThat(i.processInstanceId()).isNotNull());
    assertThat(items).filteredOn(i -> i.kind() == TaskKind.STRATEGIC)
        .allSatisfy(i -> assertThat(i.state()).isEqualTo(TaskState.IN_PROGRESS));
    assertThat(items).filteredOn(i -> i.taskKey().endsWith(".2"))
        .allSatisfy(i -> assertThat(i.state()).as("waits for its dependency").isEqualTo(TaskState.PENDING));

    // mid-flight: one task in progress
    WorkItem started = workItems.get(key, "TT1.1");
    driver.complete(tasks.createTaskQuery().processInstanceBusinessKey(key).processVariableValueEquals("taskKey",
        "TT1.1").singleResult(), started.assignee(), Map.of("workAccepted", true));
    assertThat(workItems.get(key, "TT1.1").state()).isEqualTo(TaskState.IN_PROGRESS);

    assertThatThrownBy(() -> driver.instructions.requestCancel(key, "alice", List.of("team-backend"), "no"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> driver.instructions.requestCancel(key, "tom", List.of("tech-leads"), " "))
        .isInstanceOf(InvalidInputException.class);
    driver.instructions.requestCancel(key, "tom", List.of("tech-leads"), "the platform move is postponed");

    assertThat(driver.get(key).state()).isEqualTo(InstructionState.CANCELLED);
    assertThat(workItems.ofInstruction(key)).hasSize(180)
        .allSatisfy(i -> assertThat(i.state()).as(i.taskKey()).isEqualTo(TaskState.CANCELLED));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(jdbc.sql("select count(*) from capacity_reservation r join work_item w on w.id = r.work_item_id "
        + "where w.instruction_key = ?").param(key).query(Integer.class).single()).isZero();
    assertThat(driver.instructions.decisions(key)).last().satisfies(d -> {
      assertThat(d.kind()).isEqualTo("cancellation");
      assertThat(d.actor()).isEqualTo("tom");
      assertThat(d.reason()).contains("postponed").contains("180 open tasks cancelled");
    });
  }
}
