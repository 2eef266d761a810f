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
import com.orchestration.platform.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** BPMN instruction and strategic-task end to end, one test per tier (SPEC §4), every user task as its persona. */
@OrchestrationTest
class InstructionProcessTest {

  @Autowired InstructionDriver driver;
  @Autowired LifecycleDriver lifecycle;
  @Autowired WorkItemService workItems;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @BeforeEach
  void fixTheClock() {
    lifecycle.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp();
  }

  List<String> decisionKinds(String key) {
    return driver.instructions.decisions(key).stream().map(InstructionDecision::kind).toList();
  }

  void assertNothingLeft(String key) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .as("process instances of %s still running", key).isZero();
    assertThat(jdbc.sql("select count(*) from capacity_reservation r join work_item w on w.id = r.work_item_id "
        + "where w.instruction_key = ?").param(key).query(Integer.class).single()).as("reservations").isZero();
  }

  @Test
  void tierZeroQuestionIsAnsweredByTheTechLeadGroupAndCompletes() {
    Instruction ins = driver.submit(request("How do we rotate the signing keys?", "question", List.of(), List.of(),
        "normal"), "alice");
    assertThat(ins.key()).matches("INS-20261124-\\d{3}");
    assertThat(ins.tier()).isZero();
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.PLANNING);

    assertThatThrownBy(() -> driver.complete(ins.key(), "Task_AnswerQuestion", null, "alice",
        Map.of("answer", "x"))).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.complete(ins.key(), "Task_AnswerQuestion", null, "tom", Map.of()))
        .hasMessageContaining("The answer is required");
    driver.complete(ins.key(), "Task_AnswerQuestion", null, "tom",
        Map.of("answer", "With the key-rotation runbook: docs/runbooks/keys.md"));

    Instruction done = driver.get(ins.key());
    assertThat(done.state()).isEqualTo(InstructionState.COMPLETED);
    assertThat(done.answer()).contains("key-rotation runbook");
    assertThat(decisionKinds(ins.key())).containsExactly("classification", "admission", "answer", "end");
    assertNothingLeft(ins.key());
  }

  @Test
  void tierOneInstructionBecomesOneTaskThatRunsTheLifecycle() {
    Instruction ins = driver.submit(request("Document the order export", "docs", List.of("frontend"), List.of(),
        "normal"), "alice");
    assertThat(ins.tier()).isEqualTo(1);
    List<WorkItem> items = workItems.ofInstruction(ins.key());
    assertThat(items).singleElement().satisfies(item -> {
      assertThat(item.taskKey()).isEqualTo("TT1");
      assertThat(item.kind()).isEqualTo(TaskKind.TACTICAL);
      assertThat(item.estimateHours()).isEqualTo(0.5);
      assertThat(item.state()).isEqualTo(TaskState.ASSIGNED);
    });
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.EXECUTING);

    driver.finishTactical(ins.key(), "TT1");

    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.COMPLETED);
    assertNothingLeft(ins.key());
  }

  @Test
  void tierOneWithoutADomainIsRefusedNamingTheField() {
    assertThatThrownBy(() -> driver.submit(request("Document the export", "docs", List.of(), List.of(), "normal"),
        "alice"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("affectedDomains"));
  }

  @Test
  void tierTwoPlanWithACycleIsRefusedNamingTheCycleAndNothingIsCreated() {
    Instruction ins = driver.submit(request("Fix the broken price rounding", "fix", List.of("frontend"), List.of(),
        "normal"), "alice");
    assertThat(ins.tier()).isEqualTo(2);
    String cyclic = """
        TT1 | frontend | 2 | Round in the basket | deps: TT2
        TT2 | frontend | 2 | Round in the invoice | deps: TT1
        TT3 | frontend | 1 | Regression tests""";

    assertThatThrownBy(() -> driver.complete(ins.key(), "Task_WriteTacticalPlan", null, "tom",
        Map.of("tacticalTasks", cyclic)))
        .hasMessageContaining("Dependency cycle: TT1 → TT2 → TT1")
        .hasMessageContaining("tacticalTasks[0].dependencies");
    assertThat(workItems.ofInstruction(ins.key())).isEmpty();
    assertThat(driver.openTaskKeys(ins.key())).containsExactly("Task_WriteTacticalPlan");

    assertThatThrownBy(() -> driver.complete(ins.key(), "Task_WriteTacticalPlan", null, "tom",
        Map.of("tacticalTasks", "TT1 | frontend | 9 | Too big")))
        .hasMessageContaining("more than one day");
    assertThatThrownBy(() -> driver.complete(ins.key(), "Task_WriteTacticalPlan", null, "alice",
        Map.of("tacticalTasks", "TT1 | frontend | 2 | Fine")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(workItems.ofInstruction(ins.key())).isEmpty();
  }

  @Test
  void tierTwoRunsTheTechLeadsPlanThroughHandoffAndInstructionValidationToCompleted() {
    Instruction ins = driver.submit(request("Fix the broken price rounding", "fix", List.of("frontend"), List.of(),
        "high"), "alice");
    driver.complete(ins.key(), "Task_WriteTacticalPlan", null, "tom", Map.of("tacticalTasks", """
        # rounding fix
        TT1 | data     | 2 | Round in the price view | skills: sql:intermediate
        TT2 | frontend | 2 | Show rounded prices     | deps: TT1
        TT3 | frontend | 1 | Regression tests        | deps: TT2"""));

    List<WorkItem> items = workItems.ofInstruction(ins.key());
    assertThat(items).extracting(WorkItem::taskKey).containsExactly("TT1", "TT2", "TT3");
    assertThat(workItems.get(ins.key(), "TT2").state()).isEqualTo(TaskState.PENDING);
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.EXECUTING);

    driver.finishTactical(ins.key(), "TT1");
    assertThat(lifecycle.states(workItems.get(ins.key(), "TT1"))).contains(TaskState.READY_FOR_HANDOFF);
    assertThat(workItems.get(ins.key(), "TT2").state()).isNotEqualTo(TaskState.PENDING);
    driver.finishTactical(ins.key(), "TT2");
    driver.finishTactical(ins.key(), "TT3");

    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.VALIDATION);
    // QA finds the validation in Tasklist's "To review" filter
    org.camunda.bpm.engine.filter.Filter toReview = filters.createTaskFilterQuery().filterName("To review")
        .singleResult();
    List<org.camunda.bpm.engine.task.Task> listed = driver.asUser("hannah", () -> filters.list(toReview.getId()));
    assertThat(listed).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .contains("Task_ValidateQuality");
    driver.complete(ins.key(), "Task_ValidateQuality", null, "hannah", InstructionDriver.qa(85));

    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.COMPLETED);
    assertThat(decisionKinds(ins.key())).contains("instruction-gate").containsSubsequence("classification",
        "admission", "instruction-gate", "end").doesNotContain("cancellation");
    assertNothingLeft(ins.key());
  }

  static Map<String, Object> strategicPlan(String tasks, int riskEach, boolean core) {
    Map<String, Object> v = new HashMap<>();
    v.put("objective", "Customers see and filter their order history");
    v.put("strategicTasks", tasks);
    for (String category : RiskScores.CATEGORIES) {
      v.put(category, riskEach);
    }
    v.put("coreArchitecture", core);
    return v;
  }

  void breakDownAndApprove(String key, String st, String lead, String breakdown) {
    driver.complete(key, "Task_BreakDownStrategicTask", st, lead, Map.of("tacticalTasks", breakdown));
    driver.complete(key, "Task_ReviewBreakdown", st, "tom", Map.of("breakdownDecision", "approve"));
  }

  void runStrategic(String key, String st, String lead, String breakdown, String... tts) {
    breakDownAndApprove(key, st, lead, breakdown);
    for (String tt : tts) {
      driver.finishTactical(key, tt);
    }
    driver.validateStrategic(key, st);
  }

  Map<String, Object> goNoGo(boolean noCriticalBugs) {
    Map<String, Object> v = new HashMap<>();
    for (String item : GoNoGoTaskListener.ITEMS) {
      v.put(item, true);
    }
    v.put("noCriticalBugs", noCriticalBugs);
    v.put("securityReview", "notApplicable");
    return v;
  }

  @Test
  void tierThreeRunsPlanArchitectureRiskCheckpointStrategicTasksAndANoGoLoopToCompleted() {
    Instruction ins = driver.submit(request("Add an order history page", "feature", List.of("frontend"), List.of(),
        "normal"), "alice");
    String key = ins.key();
    assertThat(ins.tier()).isEqualTo(3);
    driver.complete(key, "Task_WriteStrategicPlan", null, "tom", strategicPlan("""
        ST1 | frontend | 1 | Order list UI
        ST2 | data     | 1 | Order history view | risk: medium
        ST3 | frontend | 1 | Filters            | deps: ST1
        ST4 | data     | 2 | Indexes            | deps: ST2
        ST5 | frontend | 1 | Help page          | deps: ST3""", 5, true));
    assertThat(workItems.ofInstruction(key)).as("nothing is created before the plan is approved").isEmpty();

    // core architecture flag → gate 4 on the plan
    driver.complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "approve",
        "architectureFindings", "MEDIUM: keep the view read-only"));
    // risk sum 30 → approved with checkpoints: the EM must name them
    assertThat(driver.get(key).state()).isEqualTo(InstructionState.RISK_REVIEW);
    assertThatThrownBy(() -> driver.complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve")))
        .hasMessageContaining("checkpoints");
    assertThatThrownBy(() -> driver.complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve",
        "checkpoints", "ST9"))).hasMessageContaining("'ST9' is not a strategic task of this plan");
    driver.complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve", "checkpoints", "st2"));

    assertThat(workItems.ofInstruction(key)).extracting(WorkItem::taskKey)
        .containsExactly("ST1", "ST2", "ST3", "ST4", "ST5");
    assertThat(driver.get(key).checkpoints()).containsExactly("ST2");
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.IN_PLANNING);
    assertThat(workItems.get(key, "ST3").state()).as("waits for ST1").isEqualTo(TaskState.PENDING);
    assertThat(driver.task(key, "Task_BreakDownStrategicTask", "ST1").getDueDate().toInstant())
        .as("IN_PLANNING target of state-sla: 24 h").isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));

    // the wrong DL may not break down ST1 (frontend)
    assertThatThrownBy(() -> driver.complete(key, "Task_BreakDownStrategicTask", "ST1", "dana",
        Map.of("tacticalTasks", "TT1.1 | frontend | 2 | Build the list"))).isInstanceOf(AuthorizationException.class);
    // a key of another ST is refused
    assertThatThrownBy(() -> driver.complete(key, "Task_BreakDownStrategicTask", "ST1", "fiona",
        Map.of("tacticalTasks", "TT2.1 | frontend | 2 | Build the list")))
        .hasMessageContaining("'TT2.1' is not a task of ST1");
    // TL requests changes once
    driver.complete(key, "Task_BreakDownStrategicTask", "ST1", "fiona",
        Map.of("tacticalTasks", "TT1.1 | frontend | 2 | Build the list"));
    driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom", Map.of("breakdownDecision", "changes",
        "breakdownNotes", "add an empty state"));
    breakDownAndApprove(key, "ST1", "fiona", """
        TT1.1 | frontend | 2 | Build the list
        TT1.2 | frontend | 1 | Empty state | deps: TT1.1""");
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.IN_PROGRESS);
    driver.finishTactical(key, "TT1.1");
    driver.finishTactical(key, "TT1.2");
    driver.validateStrategic(key, "ST1");
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.COMPLETED);
    assertThat(workItems.get(key, "ST3").state()).as("released by ST1").isEqualTo(TaskState.IN_PLANNING);

    breakDownAndApprove(key, "ST2", "dana", "TT2.1 | data | 2 | Create the view | skills: sql:intermediate");
    driver.finishTactical(key, "TT2.1");
    driver.validateStrategic(key, "ST2");
    // EM checkpoint after ST2
    driver.complete(key, "Task_ReviewCheckpoint", "ST2", "erin", Map.of("checkpointDecision", "continue"));
    assertThat(workItems.get(key, "ST2").state()).isEqualTo(TaskState.COMPLETED);

    runStrategic(key, "ST3", "fiona", "TT3.1 | frontend | 2 | Filter by date | deps: TT1.1", "TT3.1");
    runStrategic(key, "ST4", "dana", "TT4.1 | data | 2 | Index on customer and date", "TT4.1");
    runStrategic(key, "ST5", "fiona", "TT5.1 | frontend | 1 | Help page", "TT5.1");

    // go/no-go: NO_GO needs owners and a date, loops to remediation
    assertThat(driver.get(key).state()).isEqualTo(InstructionState.GO_NO_GO);
    assertThatThrownBy(() -> driver.complete(key, "Task_DecideGoNoGo", null, "erin", goNoGo(false)))
        .hasMessageContaining("owners");
    Map<String, Object> noGo = goNoGo(false);
    noGo.put("goNoGoNotes", "fiona: fix the crash on empty filters");
    noGo.put("reevaluationDate", "2026-11-26");
    driver.complete(key, "Task_DecideGoNoGo", null, "erin", noGo);
    assertThat(driver.get(key).goNoGo()).isEqualTo("NO_GO");
    driver.complete(key, "Task_PlanRemediation", null, "tom",
        Map.of("remediationTasks", "TT5.2 | frontend | 1 | Fix the crash on empty filters | deps: TT3.1"));
    driver.finishTactical(key, "TT5.2");
    Map<String, Object> go = goNoGo(true);
    go.put("monitoringInPlace", false);
    driver.complete(key, "Task_DecideGoNoGo", null, "erin", go);

    Instruction done = driver.get(key);
    assertThat(done.state()).isEqualTo(InstructionState.COMPLETED);
    assertThat(done.goNoGo()).isEqualTo("GO_WITH_CAVEATS");
    assertThat(InstructionService.progress(workItems.ofInstruction(key))).isEqualTo(1.0);
    List<InstructionDecision> decisions = driver.instructions.decisions(key);
    assertThat(decisions).extracting(InstructionDecision::kind).containsSubsequence("classification", "admission",
        "strategic-plan", "plan-architecture", "plan-architecture-review", "risk", "risk-review", "breakdown-review",
        "strategic-gate", "checkpoint", "go-no-go", "remediation", "go-no-go", "end");
    assertThat(decisions).filteredOn(d -> d.kind().equals("plan-architecture-review")).singleElement()
        .satisfies(d -> {
          assertThat(d.actor()).isEqualTo("arjun");
          assertThat(d.reason()).contains("MEDIUM: keep the view read-only");
        });
    assertThat(decisions).filteredOn(d -> d.kind().equals("plan-warning"))
        .as("remediation tasks and small breakdowns: only first breakdowns are held to 3–10")
        .allSatisfy(d -> assertThat(d.subject()).isNotNull());
    assertThat(decisions).filteredOn(d -> d.kind().equals("risk")).singleElement()
        .satisfies(d -> assertThat(d.outcome()).isEqualTo("APPROVE_WITH_CHECKPOINTS"));
    assertThat(decisions).filteredOn(d -> d.kind().equals("go-no-go")).last()
        .satisfies(d -> assertThat(d.reason()).contains("monitoring"));
    assertNothingLeft(key);
  }

  @Test
  void tierFourRunsWithArchitectureReviewAndTheEmsRiskTaskToCompleted() {
    Instruction ins = driver.submit(request("Migrate orders to the new schema", "migration", List.of("data"),
        List.of("databaseSchemaChange"), "high"), "alice");
    String key = ins.key();
    assertThat(ins.tier()).isEqualTo(4);
    StringBuilder plan = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      plan.append("ST").append(i).append(" | ").append(i % 2 == 0 ? "data" : "frontend").append(" | 1 | Part ")
          .append(i).append(i > 1 ? " | deps: ST" + (i - 1) : "").append('\n');
    }
    // one parallel group and 10 tasks: the plan alone would not need gate 4; the core flag asks for it
    driver.complete(key, "Task_WriteStrategicPlan", null, "tom", strategicPlan(plan.toString(), 2, true));
    driver.complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "changes",
        "architectureFindings", "HIGH: no rollback for the schema change"));
    assertThat(driver.task(key, "Task_WriteStrategicPlan", null)).isNotNull();
    driver.complete(key, "Task_WriteStrategicPlan", null, "tom", strategicPlan(plan.toString(), 2, true));
    driver.complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "approve"));
    // risk sum 12 would be auto-approved, but tier 4 always gets the EM task
    driver.complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "conditions",
        "riskConditions", "weekly demo to the EM"));
    assertThat(driver.get(key).riskOutcome()).isEqualTo("APPROVED_WITH_CONDITIONS");
    for (int i = 1; i <= 10; i++) {
      String domain = i % 2 == 0 ? "data" : "frontend";
      runStrategic(key, "ST" + i, domain.equals("data") ? "dana" : "fiona",
          "TT" + i + ".1 | " + domain + " | 1 | Do part " + i, "TT" + i + ".1");
    }
    Map<String, Object> go = goNoGo(true);
    driver.complete(key, "Task_DecideGoNoGo", null, "erin", go);
    assertThat(driver.get(key).state()).isEqualTo(InstructionState.COMPLETED);
    assertThat(driver.get(key).goNoGo()).isEqualTo("GO");
    assertThat(driver.instructions.decisions(key)).filteredOn(d -> d.kind().equals("plan-warning")).isNotEmpty();
    assertNothingLeft(key);
  }

  @Test
  void theTechLeadRebalancesATaskOfTheBreakdownToAnotherDomainWhereItRunsAfterAHandoff() {
    String key = plannedFeature("Add saved searches", "ST1 | frontend | 2 | Saved searches", 1);
    driver.complete(key, "Task_BreakDownStrategicTask", "ST1", "fiona", Map.of("tacticalTasks", """
        TT1.1 | frontend | 2 | Save a search from the filter bar
        TT1.2 | frontend | 2 | Store saved searches per customer | deps: TT1.1"""));

    // a rebalance names at least one move, known tasks and known domains; a refusal creates nothing
    assertThatThrownBy(() -> driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom",
        Map.of("breakdownDecision", "rebalance"))).hasMessageContaining("at least one move");
    assertThatThrownBy(() -> driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom",
        Map.of("breakdownDecision", "rebalance", "rebalanceMoves", "TT1.2 -> mobile")))
        .hasMessageContaining("rebalanceMoves line 1").hasMessageContaining("Unknown domain 'mobile'");
    assertThatThrownBy(() -> driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom",
        Map.of("breakdownDecision", "rebalance", "rebalanceMoves", "TT1.1 -> frontend\nTT3.1 -> backend")))
        .hasMessageContaining("rebalanceMoves line 2").hasMessageContaining("TT3.1 is not a task of this breakdown");
    assertThat(workItems.ofInstruction(key)).extracting(WorkItem::kind).containsOnly(TaskKind.STRATEGIC);

    driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom", Map.of("breakdownDecision", "rebalance",
        "rebalanceMoves", "TT1.2 -> backend", "breakdownNotes", "storing them is backend work"));

    assertThat(workItems.get(key, "TT1.1").domain()).isEqualTo(com.orchestration.organization.Domain.FRONTEND);
    assertThat(workItems.get(key, "TT1.2").domain()).isEqualTo(com.orchestration.organization.Domain.BACKEND);
    assertThat(workItems.get(key, "TT1.2").state()).as("waits for TT1.1").isEqualTo(TaskState.PENDING);
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.IN_PROGRESS);
    List<InstructionDecision> decisions = driver.instructions.decisions(key);
    assertThat(decisions).filteredOn(d -> d.kind().equals("breakdown-review")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo("ST1");
      assertThat(d.outcome()).isEqualTo("rebalance");
      assertThat(d.reason()).isEqualTo("1 move(s); storing them is backend work");
      assertThat(d.actor()).isEqualTo("tom");
    });
    assertThat(decisions).filteredOn(d -> d.kind().equals("rebalance")).singleElement().satisfies(d -> {
      assertThat(d.subject()).isEqualTo("ST1");
      assertThat(d.outcome()).isEqualTo("1 moved");
      assertThat(d.reason()).isEqualTo("TT1.2 → backend");
      assertThat(d.actor()).isEqualTo("tom");
    });

    // the dependency now crosses domains: TT1.1 is handed off to the backend lead before TT1.2 starts
    driver.finishTactical(key, "TT1.1");
    assertThat(lifecycle.states(workItems.get(key, "TT1.1"))).contains(TaskState.READY_FOR_HANDOFF);
    driver.finishTactical(key, "TT1.2");
    WorkItem moved = workItems.get(key, "TT1.2");
    assertThat(moved.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(identity.createUserQuery().memberOfGroup("team-backend").userId(moved.assignee()).count())
        .as("%s works in the backend team", moved.assignee()).isEqualTo(1);
    driver.validateStrategic(key, "ST1");
    goAndComplete(key);
  }

  @Test
  void theEmsCheckpointAsksForMoreTasksWhichRunBeforeTheStrategicTaskCompletes() {
    // risk sum 30: approved with checkpoints, the EM names ST1
    String key = plannedFeature("Add a returns page", "ST1 | frontend | 1 | Returns page", 5);
    driver.complete(key, "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "approve", "checkpoints", "ST1"));
    breakDownAndApprove(key, "ST1", "fiona", "TT1.1 | frontend | 2 | List the returns of a customer");
    driver.finishTactical(key, "TT1.1");
    driver.validateStrategic(key, "ST1");
    assertThat(driver.task(key, "Task_ReviewCheckpoint", "ST1")).isNotNull();
    assertThatThrownBy(() -> driver.complete(key, "Task_ReviewCheckpoint", "ST1", "erin",
        Map.of("checkpointDecision", "changes"))).hasMessageContaining("What must be added");

    driver.complete(key, "Task_ReviewCheckpoint", "ST1", "erin", Map.of("checkpointDecision", "changes",
        "checkpointNotes", "show the refund status of each return"));

    // back to the domain lead, with the EM's words and the tasks that exist
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.IN_PLANNING);
    org.camunda.bpm.engine.task.Task breakdown = driver.task(key, "Task_BreakDownStrategicTask", "ST1");
    assertThat((String) driver.tasks.getVariable(breakdown.getId(), "planFeedback"))
        .isEqualTo("The engineering manager asked at the checkpoint:\nshow the refund status of each return");
    assertThat((String) driver.tasks.getVariable(breakdown.getId(), "existingTaskKeysText")).isEqualTo("TT1.1");
    breakDownAndApprove(key, "ST1", "fiona", "TT1.2 | frontend | 1 | Refund status column | deps: TT1.1");
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.IN_PROGRESS);
    driver.finishTactical(key, "TT1.2");
    driver.validateStrategic(key, "ST1");
    // the checkpoint comes again after the new work
    driver.complete(key, "Task_ReviewCheckpoint", "ST1", "erin", Map.of("checkpointDecision", "continue"));

    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.COMPLETED);
    assertThat(driver.instructions.decisions(key)).filteredOn(d -> d.kind().equals("checkpoint"))
        .extracting(InstructionDecision::subject, InstructionDecision::outcome, InstructionDecision::reason,
            InstructionDecision::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ST1", "changes", "show the refund status of each return", "erin"),
            org.assertj.core.groups.Tuple.tuple("ST1", "continue", "—", "erin"));
    assertThat(workItems.ofInstruction(key)).filteredOn(i -> i.kind() == TaskKind.TACTICAL)
        .extracting(WorkItem::taskKey).containsExactly("TT1.1", "TT1.2");
    goAndComplete(key);
  }

  /** A tier-3 feature of the frontend whose strategic plan the TL has written (not core architecture). */
  String plannedFeature(String title, String plan, int riskEach) {
    Instruction ins = driver.submit(request(title, "feature", List.of("frontend"), List.of(), "normal"), "alice");
    assertThat(ins.tier()).isEqualTo(3);
    driver.complete(ins.key(), "Task_WriteStrategicPlan", null, "tom", strategicPlan(plan, riskEach, false));
    return ins.key();
  }

  /** The EM says GO: the instruction completes and leaves nothing behind. */
  void goAndComplete(String key) {
    driver.complete(key, "Task_DecideGoNoGo", null, "erin", goNoGo(true));
    assertThat(driver.get(key).state()).isEqualTo(InstructionState.COMPLETED);
    assertNothingLeft(key);
  }

  @Test
  void theRiskReviewCanRejectAndNothingIsCreated() {
    Instruction ins = driver.submit(request("Add a loyalty programme", "feature", List.of("frontend"), List.of(),
        "low"), "alice");
    driver.complete(ins.key(), "Task_WriteStrategicPlan", null, "tom", strategicPlan("""
        ST1 | frontend | 1 | Points UI
        ST2 | frontend | 2 | Points rules""", 7, false));
    driver.complete(ins.key(), "Task_ReviewRisk", null, "erin", Map.of("riskDecision", "reject",
        "riskNotes", "not this quarter"));
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.REJECTED);
    assertThat(workItems.ofInstruction(ins.key())).isEmpty();
    assertNothingLeft(ins.key());
  }

  @Test
  void theTechLeadOverridesTheTierAndTheInstructionFollowsTheNewTier() {
    Instruction ins = driver.submit(request("Add a CSV export button", "feature", List.of("frontend"), List.of(),
        "normal"), "alice");
    assertThat(ins.tier()).isEqualTo(3);
    assertThatThrownBy(() -> driver.complete(ins.key(), "Task_WriteStrategicPlan", null, "tom",
        Map.of("tierOverride", "2"))).hasMessageContaining("reason for the tier override");
    driver.complete(ins.key(), "Task_WriteStrategicPlan", null, "tom",
        Map.of("tierOverride", "2", "tierOverrideReason", "one component, a few hours"));
    Instruction after = driver.get(ins.key());
    assertThat(after.tier()).isEqualTo(2);
    assertThat(after.classifiedTier()).isEqualTo(3);
    assertThat(driver.openTaskKeys(ins.key())).containsExactly("Task_WriteTacticalPlan");
    assertThat(driver.instructions.decisions(ins.key())).filteredOn(d -> d.kind().equals("tier-override"))
        .singleElement().satisfies(d -> {
          assertThat(d.outcome()).isEqualTo("tier 3 → 2");
          assertThat(d.reason()).isEqualTo("one component, a few hours");
          assertThat(d.actor()).isEqualTo("tom");
        });
  }

  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void theTasklistStartFormRegistersTheInstructionWithItsBusinessKey() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("instruction")
        .latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>();
    form.put("title", "Explain how the retry policy works");
    form.put("affectedDomains", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"backend\"]").create());
    form.put("scopeFlags", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create());
    form.put("priority", "low");
    form.put("customerCommitment", false);

    org.camunda.bpm.engine.runtime.ProcessInstance pi = driver.asUser("lena",
        () -> forms.submitStartForm(definition, form));

    String key = (String) runtime.getVariable(pi.getId(), "instructionKey");
    driver.submitted.add(key);
    assertThat(key).matches("INS-20261124-\\d{3}");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .isEqualTo(key);
    Instruction ins = driver.get(key);
    assertThat(ins.tier()).isZero();
    assertThat(ins.workTypeInferred()).isTrue();
    assertThat(ins.submittedBy()).isEqualTo("lena");
    assertThat(ins.affectedDomains()).containsExactly("backend");
    assertThat(driver.openTaskKeys(key)).containsExactly("Task_AnswerQuestion");

    form.put("title", " ");
    assertThatThrownBy(() -> driver.asUser("lena", () -> forms.submitStartForm(definition, form)))
        .hasMessageContaining("[title]");
  }

  @Test
  void aDescriptionLongerThanAProcessVariableHoldsIsKeptWholeOnTheInstruction() {
    String description = "Why the retry policy backs off. ".repeat(300);
    Instruction ins = driver.submit(new IntakeRequest("Explain the retry policy", description, "question",
        List.of(), List.of(), "low", null, false, null), "alice");
    assertThat(driver.get(ins.key()).description()).hasSize(description.strip().length());
    assertThat((String) runtime.getVariable(driver.get(ins.key()).processInstanceId(), "description")).hasSize(4000);
  }

  @Test
  void theEstimateIsOneTaskAtTierOneAndTheAdmissionLoadAbove() {
    assertThatThrownBy(() -> driver.submit(new IntakeRequest("Document the export", null, "docs",
        List.of("frontend"), List.of(), "normal", null, false, 9.0), "alice"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 8 hours");
    Instruction big = driver.submit(new IntakeRequest("Migrate the ledger", null, "migration", List.of("data"),
        List.of("databaseSchemaChange"), "normal", null, false, 120.0), "alice");
    assertThat(big.estimateHours()).isEqualTo(120.0);
    assertThat(driver.instructions.decisions(big.key())).filteredOn(d -> d.kind().equals("admission"))
        .singleElement().satisfies(d -> assertThat(d.reason()).startsWith("load with this instruction"));
  }

  @Test
  void progressCountsAStrategicTaskThatIsNotBrokenDownYetAsOpenWork() {
    Instant now = Instant.parse("2026-11-24T09:00:00Z");
    WorkItem st1 = item("ST1", TaskKind.STRATEGIC, null, TaskState.IN_PROGRESS, now);
    WorkItem st2 = item("ST2", TaskKind.STRATEGIC, null, TaskState.PENDING, now);
    WorkItem done = item("TT1.1", TaskKind.TACTICAL, "ST1", TaskState.COMPLETED, now);
    WorkItem dropped = item("TT1.2", TaskKind.TACTICAL, "ST1", TaskState.CANCELLED, now);
    assertThat(InstructionService.progress(List.of(st1, st2, done, dropped))).isEqualTo(0.5);
    assertThat(InstructionService.progress(List.of(st1, done))).isEqualTo(1.0);
    assertThat(InstructionService.progress(List.of())).isZero();
  }

  static WorkItem item(String key, TaskKind kind, String parent, TaskState state, Instant now) {
    return new WorkItem(1, "INS-20261124-999", key, kind, parent, com.orchestration.organization.Domain.FRONTEND,
        key, null, null, 2, 0, null, com.orchestration.lifecycle.Complexity.SIMPLE,
        com.orchestration.lifecycle.Priority.NORMAL, null, false, false, new java.util.TreeMap<>(),
        new java.util.TreeSet<>(), List.of(), null, state, null, now, now, 0);
  }

  @Test
  void aBlockedStrategicValidationEscalatesToTheTechLeadWhoSendsItBackToPlanning() {
    Instruction ins = driver.submit(request("Add a wishlist", "feature", List.of("frontend"), List.of(),
        "normal"), "alice");
    String key = ins.key();
    driver.complete(key, "Task_WriteStrategicPlan", null, "tom", strategicPlan("ST1 | frontend | 1 | Wishlist UI",
        1, false));
    breakDownAndApprove(key, "ST1", "fiona", "TT1.1 | frontend | 2 | Build the wishlist");
    driver.finishTactical(key, "TT1.1");
    Map<String, Object> blocked = new HashMap<>(InstructionDriver.qa(95));
    blocked.put("qaOutcome", "BLOCKED");
    blocked.put("qaFindings", "CRITICAL: the wishlist leaks other customers' items");
    driver.complete(key, "Task_ValidateQuality", "ST1", "hannah", blocked);

    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.ESCALATED);
    org.camunda.bpm.engine.task.Task escalation = driver.task(key, "Task_ResolveEscalation", "ST1");
    assertThat(driver.candidate(escalation)).isEqualTo("tom");
    driver.complete(escalation, "tom", Map.of("resolution", "replan", "guidance", "add an authorization check"));
    driver.runJobs(key);

    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.IN_PLANNING);
    assertThat(driver.instructions.decisions(key)).filteredOn(d -> d.kind().equals("strategic-escalation"))
        .singleElement().satisfies(d -> {
          assertThat(d.outcome()).isEqualTo("replan");
          assertThat(d.actor()).isEqualTo("tom");
        });
    breakDownAndApprove(key, "ST1", "fiona", "TT1.2 | frontend | 1 | Check the owner | deps: TT1.1");
    driver.finishTactical(key, "TT1.2");
    driver.validateStrategic(key, "ST1");
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.COMPLETED);
    assertThat(driver.get(key).state()).isEqualTo(InstructionState.GO_NO_GO);
  }
}
