package com.orchestration.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** BPMN gate-architecture-review (SPEC §7 gate 4): CRITICAL/HIGH block, MEDIUM warns, changes need findings. */
@OrchestrationTest
class ArchitectureGateProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired WorkItemService workItems;
  @Autowired ReviewService reviews;

  WorkItem strategicTask;
  ProcessInstance pi;

  @BeforeEach
  void startAReviewOfAnArchitecturalStrategicTask() {
    strategicTask = workItems.create(new WorkItem.Draft(WorkItemDrafts.newInstructionKey(), "ST3", TaskKind.STRATEGIC,
        null, Domain.BACKEND, "Split the order service into events", null, "Events replayable", 24,
        Complexity.HIGH, Priority.HIGH, null, false, true, Map.of(), java.util.Set.of(), List.of()), "tom", "plan");
    Map<String, Object> in = new HashMap<>();
    in.put("instructionKey", strategicTask.instructionKey());
    in.put("tier", 3);
    in.put("workItemId", strategicTask.id());
    in.put("taskKey", "ST3");
    in.put("architectureSubject", "ST3 — Split the order service into events");
    in.put("architectureContext", "Kafka topics per aggregate; outbox table; consumers idempotent");
    in.put("architectureReason", "strategic task flagged architectural (rule_architectureForArchitecturalStrategicTasks)");
    pi = runtime.startProcessInstanceByKey("gate-architecture-review", strategicTask.instructionKey(), in);
  }

  void decide(Map<String, Object> decision) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    identity.setAuthentication("arjun", List.of("architects", "all-engineering"));
    try {
      tasks.complete(task.getId(), decision);
    } finally {
      identity.clearAuthentication();
    }
  }

  Object output(String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  @Test
  void onlyArchitectsGetTheReview() {
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("architects").count())
        .isEqualTo(1);
  }

  @Test
  void highFindingsBlockApprovalAndChangesAreRecorded() {
    assertThatThrownBy(() -> decide(Map.of("architectureOutcome", "approve",
        "architectureFindings", "HIGH: no replay strategy for poison messages")))
        .hasMessageContaining("CRITICAL/HIGH finding(s) block approval");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewArchitecture");

    decide(Map.of("architectureOutcome", "changes", "architectureFindings",
        "HIGH: no replay strategy for poison messages\nMEDIUM: topic naming differs from the guideline"));

    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(output("architectureOutcome")).isEqualTo("changes");
    assertThat(output("architectureWarnings")).isEqualTo("topic naming differs from the guideline");
    assertThat(reviews.forWorkItem(strategicTask.id())).singleElement().satisfies(r -> {
      assertThat(r.gate()).isEqualTo(ReviewGate.ARCHITECTURE_REVIEW);
      assertThat(r.reviewer()).isEqualTo("arjun");
      assertThat(r.outcome()).isEqualTo("changes");
    });
  }

  @Test
  void mediumFindingsWarnButDoNotBlock() {
    decide(Map.of("architectureOutcome", "approve", "architectureFindings", "MEDIUM: document the outbox cleanup"));

    assertThat(output("architectureOutcome")).isEqualTo("approve");
    assertThat(output("architectureWarnings")).isEqualTo("document the outbox cleanup");
  }

  @Test
  void requestingChangesNeedsAFinding() {
    assertThatThrownBy(() -> decide(Map.of("architectureOutcome", "changes")))
        .hasMessageContaining("at least one finding");
  }
}
