package com.orchestration.insight;

import static com.orchestration.insight.CriticalPathFixtures.tactical;
import static com.orchestration.insight.ScopeReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.ReservationKind;
import com.orchestration.insight.SlipRepository.Slip;
import com.orchestration.intake.InstructionService;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * BPMN scope-review path by path (SPEC §10.2): the EM accepts a new baseline, reduces scope (the named tasks are
 * cancelled through the lifecycle, capacity released), adds capacity (a manual rebalancing of the path's domain), is
 * refused with the line named for a bad task list, and the review ends when the instruction is cancelled.
 *
 * <pre>
 * tier 3: TT1 backend, estimate 4, alice IN_PROGRESS with 2 spent and 5 left
 *         TT2 backend, estimate 2, after TT1, assigned to alice (2 h reserved)
 *         TT3 security, estimate 2, after TT1, assigned to kofi (2 h reserved)       factors exactly 1.0
 * original 4 + 2 = 6, projected 2 + 5 + 2 = 9: +50 % → slip, path TT1 → TT2 (the smaller key of the tie)
 * </pre>
 */
@OrchestrationTest
class ScopeReviewProcessTest {

  @Autowired CriticalPathFixtures fixtures;
  @Autowired SlipCheckTrigger trigger;
  @Autowired SlipDetection detection;
  @Autowired CriticalPathService criticalPaths;
  @Autowired WorkItemService workItems;
  @Autowired CapacityService capacity;
  @Autowired InstructionService instructions;
  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  String key;
  Map<String, WorkItem> items;
  Slip slip;
  ProcessInstance review;
  boolean checksWere;

  @BeforeEach
  void slip() {
    checksWere = trigger.enabled(true);
    ClockUtil.setCurrentTime(java.util.Date.from(CriticalPathFixtures.TUESDAY_9));
    deleteRebalancings();
    fixtures.calibrate("alice", Domain.BACKEND, 1.0);
    fixtures.calibrate("kofi", Domain.SECURITY, 1.0);
    key = fixtures.instruction(3, "Invoice redesign");
    items = new HashMap<>(fixtures.create(tactical(key, "TT1", null, Domain.BACKEND, 4),
        tactical(key, "TT2", null, Domain.BACKEND, 2, "TT1"),
        tactical(key, "TT3", null, Domain.SECURITY, 2, "TT1")));
    fixtures.start(items.get("TT1"), "alice", 2, 5.0);
    fixtures.move(items.get("TT2"), TaskState.ASSIGNED, "alice");
    fixtures.move(items.get("TT3"), TaskState.ASSIGNED, "kofi");
    transactions.executeWithoutResult(status -> {
      capacity.reserve(items.get("TT2").id(), "alice", ReservationKind.TASK, 2, 10);
      capacity.reserve(items.get("TT3").id(), "kofi", ReservationKind.TASK, 2, 10);
    });

    slip = detection.check(key).orElseThrow();
    review = runtime.createProcessInstanceQuery().processInstanceId(slip.processInstanceId()).singleResult();
  }

  @AfterEach
  void cleanUp() {
    fixtures.cleanUp();
    trigger.enabled(checksWere);
    deleteRebalancings();
  }

  private void deleteRebalancings() {
    runtime.createProcessInstanceQuery().processDefinitionKey("capacity-rebalancing").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
  }

  private Task reviewTask() {
    return tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey("Task_ReviewScope")
        .singleResult();
  }

  private void decide(String user, Map<String, Object> variables) {
    Task task = reviewTask();
    driver.asUser(user, () -> tasks.complete(task.getId(), variables));
  }

  private Slip reloaded() {
    return detection.slipsOf(key).get(0);
  }

  private List<String> decisions() {
    return jdbc.sql("select outcome || ' ' || subject || ' by ' || actor from instruction_decision "
        + "where instruction_key = ? and kind = 'scope-review' order by id").param(key).query(String.class).list();
  }

  private long reservations(String taskKey) {
    return jdbc.sql("select count(*) from capacity_reservation where work_item_id = ?")
        .param(items.get(taskKey).id()).query(Long.class).single();
  }

  @Test
  void theSlipIsAnnouncedAndWaitsForTheEngineeringManagerWithTheFiguresInTheForm() {
    BpmnAwareTests.assertThat(review).hasPassed("Task_AnnounceSlip").isWaitingAt("Task_ReviewScope");
    assertThat(List.of(slip.originalHours(), slip.projectedHours(), slip.slipRatio())).containsExactly(6.0, 9.0, 0.5);
    assertThat(slip.path()).containsExactly("TT1", "TT2");
    Map<String, Object> variables = runtime.getVariables(review.getId());
    assertThat((String) variables.get(SLIP_SUMMARY)).contains("**Projected 9.0 h**", "baseline of 6.0 h", "+50 %");
    assertThat((String) variables.get(CRITICAL_PATH_TEXT)).contains("| TT1 Tactical task TT1 | backend | IN_PROGRESS "
        + "| alice | 5.0 h | 0.0 h |", "| TT2 Tactical task TT2 | backend | ASSIGNED | alice | 2.0 h | 0.0 h |");
    assertThat(variables.get(OPEN_TASKS_TEXT)).isEqualTo("TT1, TT2, TT3");
    assertThat(variables).containsKeys(WHY_IT_MATTERS, ACCEPTANCE_CRITERIA, DEADLINE_TEXT, DEPENDENCIES_TEXT,
        ESCALATION_PATH, ESTIMATE_HOURS);
  }

  @Test
  void acceptMakesTheProjectionTheNewBaseline() {
    decide("erin", Map.of(SCOPE_DECISION, ACCEPT, SCOPE_DECISION_REASON, "the customer wants the new layout"));

    BpmnAwareTests.assertThat(review).hasPassed("Task_AcceptBaseline").hasNotPassed("Task_CancelTasks",
        "Task_StartRebalancing").isEnded();
    assertThat(reloaded().state()).isEqualTo("ACCEPTED");
    assertThat(reloaded().decidedBy()).isEqualTo("erin");
    assertThat(reloaded().decisionReason()).isEqualTo("the customer wants the new layout");
    assertThat(criticalPaths.of(key).baselineHours()).isEqualTo(9.0);
    assertThat(jdbc.sql("select set_by from critical_path_baseline where instruction_key = ?").param(key)
        .query(String.class).single()).isEqualTo("erin");
    assertThat(decisions()).containsExactly("ACCEPTED slip 1 by erin");
  }

  @Test
  void reduceScopeCancelsTheNamedTasksAndReleasesTheirCapacity() {
    assertThat(reservations("TT2")).isEqualTo(1);
    assertThat(reservations("TT3")).isEqualTo(1);

    decide("erin", Map.of(SCOPE_DECISION, REDUCE_SCOPE, TASKS_TO_CANCEL, "TT2\n\n  TT3  \n",
        SCOPE_DECISION_REASON, "export to PDF moves to the next release"));

    BpmnAwareTests.assertThat(review).hasPassed("Task_CancelTasks").isEnded();
    assertThat(workItems.get(items.get("TT2").id()).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(workItems.get(items.get("TT3").id()).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(workItems.get(items.get("TT1").id()).state()).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(reservations("TT2")).isZero();
    assertThat(reservations("TT3")).isZero();
    assertThat(workItems.transitions(items.get("TT2").id()).get(workItems.transitions(items.get("TT2").id()).size()
        - 1).reason()).isEqualTo("scope reduced (slip 1): export to PDF moves to the next release");
    assertThat(reloaded().state()).isEqualTo("SCOPE_REDUCED");
    assertThat(reloaded().cancelledTasks()).isEqualTo("TT2,TT3");
    assertThat(decisions()).containsExactly("SCOPE_REDUCED slip 1 by erin");
    // What is left (TT1: 2 + 5 = 7) is now the reference: the cancellations' own check opened nothing new.
    assertThat(detection.slipsOf(key)).hasSize(1);
    assertThat(detection.check(key)).isEmpty();
  }

  @Test
  void badTaskListsAreRefusedNamingTheLineAndTheTaskStaysOpen() {
    fixtures.move(items.get("TT1"), TaskState.COMPLETED, null);

    assertThatThrownBy(() -> decide("erin", Map.of(SCOPE_DECISION, REDUCE_SCOPE, TASKS_TO_CANCEL, "TT2\nTT9",
        SCOPE_DECISION_REASON, "too much")))
        .hasMessageContaining("tasksToCancel line 2").hasMessageContaining("'TT9' is not an open tactical task")
        .hasMessageContaining("open ones: TT2, TT3");
    assertThatThrownBy(() -> decide("erin", Map.of(SCOPE_DECISION, REDUCE_SCOPE, TASKS_TO_CANCEL, "TT1",
        SCOPE_DECISION_REASON, "too much")))
        .as("a completed task cannot be cancelled").hasMessageContaining("tasksToCancel line 1");
    assertThatThrownBy(() -> decide("erin", Map.of(SCOPE_DECISION, REDUCE_SCOPE, TASKS_TO_CANCEL, "TT2\nTT2",
        SCOPE_DECISION_REASON, "too much"))).hasMessageContaining("tasksToCancel line 2")
        .hasMessageContaining("named twice");
    assertThatThrownBy(() -> decide("erin", Map.of(SCOPE_DECISION, REDUCE_SCOPE, TASKS_TO_CANCEL, " \n",
        SCOPE_DECISION_REASON, "too much"))).hasMessageContaining("[tasksToCancel]");
    assertThatThrownBy(() -> decide("erin", Map.of(SCOPE_DECISION, ACCEPT)))
        .hasMessageContaining("[scopeDecisionReason]");
    assertThatThrownBy(() -> decide("erin", Map.of(SCOPE_DECISION, "ignore", SCOPE_DECISION_REASON, "x")))
        .hasMessageContaining("[scopeDecision]");

    BpmnAwareTests.assertThat(review).isWaitingAt("Task_ReviewScope");
    assertThat(workItems.get(items.get("TT2").id()).state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(reloaded().state()).isEqualTo("OPEN");
    assertThat(decisions()).isEmpty();
  }

  @Test
  void addCapacityStartsAManualRebalancingOfTheDomainsOnThePath() {
    decide("erin", Map.of(SCOPE_DECISION, ADD_CAPACITY, SCOPE_DECISION_REASON, "backend is short this sprint"));

    BpmnAwareTests.assertThat(review).hasPassed("Task_StartRebalancing").isEnded();
    List<ProcessInstance> rebalancings = runtime.createProcessInstanceQuery()
        .processDefinitionKey("capacity-rebalancing").list();
    assertThat(rebalancings).extracting(ProcessInstance::getBusinessKey).containsExactly("rebalancing-backend");
    assertThat(runtime.getVariable(rebalancings.get(0).getId(), "rebalancingTrigger")).isEqualTo("manual");
    assertThat(reloaded().state()).isEqualTo("CAPACITY_ADDED");
    assertThat(historicOutcome()).startsWith("backend: rebalancing started (" + rebalancings.get(0).getId() + ")");
    assertThat(decisions()).containsExactly("CAPACITY_ADDED slip 1 by erin");
    // The projection at her decision is the reference now: the API no longer shows the slip she has dealt with
    CriticalPath after = criticalPaths.of(key);
    assertThat(after.baselineHours()).isEqualTo(9.0);
    assertThat(after.slipRatio()).isEqualTo(0.0);
    assertThat(after.slipping()).isFalse();
  }

  @Test
  void onlyTheEngineeringManagerDecidesAScopeReview() {
    assertThatThrownBy(() -> decide("tom", Map.of(SCOPE_DECISION, ACCEPT, SCOPE_DECISION_REASON, "fine by me")))
        .as("the tech lead").isNotNull();
    assertThatThrownBy(() -> decide("alice", Map.of(SCOPE_DECISION, ACCEPT, SCOPE_DECISION_REASON, "fine by me")))
        .as("the IC on the path").isNotNull();

    BpmnAwareTests.assertThat(review).isWaitingAt("Task_ReviewScope");
    assertThat(reloaded().state()).isEqualTo("OPEN");
    assertThat(decisions()).isEmpty();
  }

  private String historicOutcome() {
    return jdbc.sql("select reason from instruction_decision where instruction_key = ? and kind = 'scope-review'")
        .param(key).query(String.class).single();
  }

  @Test
  void theReviewEndsWithoutADecisionWhenTheInstructionIsCancelled() {
    instructions.cancelEverything(key, "tom", "the customer withdrew the request");

    BpmnAwareTests.assertThat(review).hasPassed("Task_WithdrawReview").isEnded();
    assertThat(reviewTask()).isNull();
    assertThat(reloaded().state()).isEqualTo("WITHDRAWN");
    assertThat(reloaded().decisionReason())
        .isEqualTo("instruction cancelled by tom: the customer withdrew the request");
    assertThat(decisions()).containsExactly("WITHDRAWN slip 1 by system");
  }
}
