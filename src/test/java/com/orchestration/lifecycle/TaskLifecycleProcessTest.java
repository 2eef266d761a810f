package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleDriver.frontendTask;
import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** BPMN task-lifecycle, path by path (SPEC §5.2), with the job executor off and the engine clock fixed. */
@OrchestrationTest
class TaskLifecycleProcessTest {

  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  final List<WorkItem> created = new ArrayList<>();

  @BeforeEach
  void fixTheClock() {
    driver.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp(created);
  }

  List<WorkItem> plan(int tier, WorkItem.Draft... drafts) {
    List<WorkItem> items = driver.plan(tier, drafts);
    created.addAll(items);
    return items;
  }

  ProcessInstance instance(WorkItem item) {
    return runtime.createProcessInstanceQuery().processInstanceId(driver.processInstanceId(item)).singleResult();
  }

  /** The peer the gate assigned the review to (lowest review load, never the author). */
  String reviewer(WorkItem item) {
    return driver.task(item, "Task_ReviewCode").getAssignee();
  }

  String assignee(WorkItem item) {
    return (String) driver.variable(item, LifecycleVariables.ASSIGNEE);
  }


  /** A complete package for a frontend → backend handoff (the "any other pair" checklist). */
  static Map<String, Object> handoffPackage() {
    Map<String, Object> v = new HashMap<>();
    v.put("artifacts", "order-history.tsx | code | https://git.example/web/pull/42 | complete");
    v.put("checklistDone", org.camunda.spin.plugin.variable.SpinValues
        .jsonValue("[\"Summary\",\"Artifacts listed\",\"Contact\"]").create());
    v.put("knownIssues", "none");
    v.put("contact", "the assignee, #team-frontend");
    return v;
  }

  static Map<String, Object> submission() {
    Map<String, Object> v = new HashMap<>();
    v.put("workOutcome", "submit");
    v.put("summary", "Order history page with cursor pagination");
    v.put("testsRun", "12 component tests, 3 Playwright flows: all green");
    v.put("hoursSpent", 2.5);
    return v;
  }

  void workUntilSubmitted(WorkItem item) {
    String ic = assignee(item);
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    driver.complete(item, "Task_DoWork", ic, submission());
  }

  @Test
  void aTier2TaskGoesThroughAssignmentWorkPeerReviewAndDomainApprovalToCompleted() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String ic = assignee(item);
    assertThat(ic).isIn("lena", "marco", "yuki");
    BpmnAwareTests.assertThat(instance(item)).isWaitingAt("Task_StartWork");
    assertThat(tasks.createTaskQuery().processInstanceId(item.processInstanceId()).singleResult().getAssignee())
        .isEqualTo(ic);

    workUntilSubmitted(item);
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));
    driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));

    assertThat(driver.states(item)).containsExactly(TaskState.PENDING, TaskState.ASSIGNED, TaskState.IN_PROGRESS,
        TaskState.UNDER_REVIEW, TaskState.DOMAIN_REVIEW, TaskState.COMPLETED);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(item.processInstanceId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(item.processInstanceId())
        .activityId("EndEvent_TaskCompleted").count()).isEqualTo(1);
    assertThat(reservations(item)).isZero();
    assertThat(jdbc.sql("select actual_hours from performance_sample where work_item_id = ?").param(item.id())
        .query(Double.class).single()).isEqualTo(2.5);
  }

  @Test
  void theDomainChecklistComesFromTheDmnAndApprovalRequiresConfirmingIt() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    workUntilSubmitted(item);
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));

    assertThat((String) driver.variable(item, "domainChecklistText"))
        .contains("Accessibility WCAG 2.1 AA").contains("No errors or warnings in the browser console");
    assertThatThrownBy(() -> driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "approve")))
        .hasMessageContaining("Confirm that you checked every item").hasMessageContaining("domainChecklistConfirmed");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.DOMAIN_REVIEW);
  }

  @Test
  void aTier1TaskNeedsOnlyThePeerReview() {
    WorkItem item = plan(1, frontendTask(newInstructionKey(), "TT1")).get(0);
    workUntilSubmitted(item);
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));

    assertThat(driver.states(item)).containsExactly(TaskState.PENDING, TaskState.ASSIGNED, TaskState.IN_PROGRESS,
        TaskState.UNDER_REVIEW, TaskState.COMPLETED);
  }

  @Test
  void aTaskWaitsInPendingUntilItsLastDependencyCompletesThenIsAssigned() {
    String ins = newInstructionKey();
    List<WorkItem> items = plan(1, frontendTask(ins, "TT1"), frontendTask(ins, "TT2"), frontendTask(ins, "TT3", "TT1", "TT2"));
    WorkItem last = items.get(2);
    BpmnAwareTests.assertThat(instance(last)).isWaitingAt("Gateway_WaitForDependency");
    assertThat(driver.reload(last).state()).isEqualTo(TaskState.PENDING);

    completeTier1(items.get(0));
    BpmnAwareTests.assertThat(instance(last)).isWaitingAt("Gateway_WaitForDependency");
    completeTier1(items.get(1));

    assertThat(driver.reload(last).state()).isEqualTo(TaskState.ASSIGNED);
    BpmnAwareTests.assertThat(instance(last)).isWaitingAt("Task_StartWork");
  }

  @Test
  void theHourlyRecheckReleasesATaskWhoseDependencyCompletedUnnoticed() {
    String ins = newInstructionKey();
    List<WorkItem> items = plan(1, frontendTask(ins, "TT1"), frontendTask(ins, "TT2", "TT1"));
    // The dependency completes without a message reaching the dependant (a race with its own check).
    WorkItem first = items.get(0);
    driver.lifecycle.cancel(first.id(), "tom", "test");
    jdbc.sql("update work_item set state = 'COMPLETED' where id = ?").param(first.id()).update();

    driver.advance(Duration.ofMinutes(61));
    driver.executeDueJobs(items.toArray(WorkItem[]::new));

    assertThat(driver.reload(items.get(1)).state()).isEqualTo(TaskState.ASSIGNED);
  }

  void completeTier1(WorkItem item) {
    workUntilSubmitted(item);
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aTaskInAnotherDomainThatDependsOnThisOneMakesItGoThroughReadyForHandoff() {
    String ins = newInstructionKey();
    List<WorkItem> items = plan(2, frontendTask(ins, "TT1.1"),
        LifecycleDriver.draft(ins, "TT2.1", Domain.BACKEND, Map.of("java", SkillLevel.INTERMEDIATE), "TT1.1"));
    WorkItem upstream = items.get(0);
    workUntilSubmitted(upstream);
    driver.complete(upstream, "Task_ReviewCode", reviewer(upstream), Map.of("peerReviewOutcome", "approve"));
    driver.complete(upstream, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));
    assertThat(driver.reload(upstream).state()).isEqualTo(TaskState.READY_FOR_HANDOFF);
    driver.complete(upstream, "Task_PrepareHandoffPackage", assignee(upstream), handoffPackage());
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_ReviewHandoff").taskCandidateGroup("leads-backend")
        .processInstanceBusinessKey(upstream.instructionKey()).count()).isEqualTo(1);

    // Tasklist does not offer the review to the upstream lead; the downstream lead accepts.
    assertThatThrownBy(() -> driver.complete(upstream, "Task_ReviewHandoff", "fiona", Map.of("handoffDecision", "accept")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    driver.complete(upstream, "Task_ReviewHandoff", "bruno", Map.of("handoffDecision", "accept"));

    assertThat(driver.reload(upstream).state()).isEqualTo(TaskState.COMPLETED);
    // Released: assigned now (an agent of the backend team starts at once, so it may already be in progress).
    assertThat(driver.states(items.get(1))).startsWith(TaskState.PENDING, TaskState.ASSIGNED);
  }

  @Test
  void aBlockerTheIcResolvesGoesBackToInProgress() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String ic = assignee(item);
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    driver.complete(item, "Task_DoWork", ic, Map.of("workOutcome", "block", "blockerType", "missing_dependency",
        "blockerDescription", "The orders API has no paging yet", "blockerTried", "Asked in #backend"));
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.BLOCKED);

    driver.complete(item, "Task_ResolveBlocker", ic, Map.of("blockerOutcome", "resolved",
        "resolutionNote", "Paging landed in the API"));

    assertThat(driver.states(item)).endsWith(TaskState.BLOCKED, TaskState.IN_PROGRESS);
    assertThat(driver.workItems.transitions(item.id()).get(3).reason())
        .isEqualTo("blocker (missing_dependency): The orders API has no paging yet");
    BpmnAwareTests.assertThat(instance(item)).isWaitingAt("Task_DoWork");
  }

  @Test
  void anIncompleteSubmissionIsRefusedWithTheFieldNamedAndTheTaskStaysOpen() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String ic = assignee(item);
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    Map<String, Object> noTests = submission();
    noTests.remove("testsRun");

    assertThatThrownBy(() -> driver.complete(item, "Task_DoWork", ic, noTests))
        .hasMessageContaining("The tests you ran is required").hasMessageContaining("testsRun");
    assertThatThrownBy(() -> driver.complete(item, "Task_DoWork", ic, Map.of("workOutcome", "done")))
        .hasMessageContaining("must be one of submit, block");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.IN_PROGRESS);
    BpmnAwareTests.assertThat(instance(item)).isWaitingAt("Task_DoWork");
  }

  @Test
  void theAuthorCannotReviewTheirOwnTaskAndChangesNeedFindings() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String ic = assignee(item);
    workUntilSubmitted(item);

    // The review is assigned to a peer; the author cannot even work on it.
    assertThat(reviewer(item)).isNotEqualTo(ic).isIn("lena", "marco", "yuki");
    assertThatThrownBy(() -> driver.complete(item, "Task_ReviewCode", ic, Map.of("peerReviewOutcome", "approve")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> driver.complete(item, "Task_ReviewCode", reviewer(item),
        Map.of("peerReviewOutcome", "changes")))
        .hasMessageContaining("at least one finding");
    assertThatThrownBy(() -> driver.complete(item, "Task_ReviewCode", reviewer(item),
        Map.of("peerReviewOutcome", "changes", "reviewFindings", "looks odd")))
        .hasMessageContaining("Line 1 of the findings is 'looks odd'");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.UNDER_REVIEW);
  }

  @Test
  void requestedChangesSendTheTaskBackToInProgressAndCountTheRound() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String ic = assignee(item);
    workUntilSubmitted(item);

    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "changes",
        "reviewFindings", "HIGH: pagination loses the filter\nLOW: typo in the empty state"));

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(driver.variable(item, "reworkCount")).isEqualTo(1);
    BpmnAwareTests.assertThat(instance(item)).isWaitingAt("Task_DoWork");

    driver.complete(item, "Task_DoWork", ic, submission());
    assertThat(tasks.getVariables(driver.task(item, "Task_ReviewCode").getId()))
        .as("the second review round opens without the first round's decision")
        .doesNotContainKeys("peerReviewOutcome", "reviewFindings")
        .containsEntry("reworkCount", 1);
  }

  @Test
  void theAssignedSlaWarningFiresOnceAfterEightHoursAndTheTaskKeepsWaiting() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);

    driver.advance(Duration.ofHours(9));
    driver.executeDueJobs(item);

    assertThat(jdbc.sql("select kind from sla_event where work_item_id = ? and state = 'ASSIGNED'").param(item.id())
        .query(String.class).list()).containsExactly("WARNING");
    BpmnAwareTests.assertThat(instance(item)).isWaitingAt("Task_StartWork");
  }

  @Test
  void theDueDateInTasklistIsTheStatesSlaTarget() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);

    assertThat(driver.task(item, "Task_StartWork").getDueDate().toInstant())
        .isEqualTo(LifecycleDriver.MONDAY_MORNING_PLUS_ONE.plus(Duration.ofHours(4)));
  }

  @Test
  void aLeadReassignsAnAssignedTaskAndTheCapacityMovesWithIt() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String first = assignee(item);
    String other = List.of("lena", "marco").stream().filter(p -> !p.equals(first)).findFirst().orElseThrow();

    driver.lifecycle.requestReassign(item.instructionKey(), item.taskKey(), other, "fiona",
        List.of("leads-frontend", "domain-leads"), "rebalancing");

    assertThat(driver.reload(item).assignee()).isEqualTo(other);
    assertThat(driver.task(item, "Task_StartWork").getAssignee()).isEqualTo(other);
    assertThat(jdbc.sql("select person_id from capacity_reservation where work_item_id = ?").param(item.id())
        .query(String.class).list()).containsExactly(other);
    assertThat(driver.states(item)).endsWith(TaskState.ASSIGNED, TaskState.ASSIGNED);
  }

  @Test
  void cancellationFromEveryOpenStateLeavesNoTimerTaskOrReservation() {
    String ins = newInstructionKey();
    List<WorkItem> items = plan(2, frontendTask(ins, "TT1.1"), frontendTask(ins, "TT1.2"), frontendTask(ins, "TT1.3"),
        frontendTask(ins, "TT1.4"), frontendTask(ins, "TT1.5"), frontendTask(ins, "TT1.6", "TT1.1"));
    WorkItem assigned = items.get(0);
    WorkItem inProgress = items.get(1);
    driver.complete(inProgress, "Task_StartWork", assignee(inProgress), Map.of("workAccepted", true));
    WorkItem blocked = items.get(2);
    driver.complete(blocked, "Task_StartWork", assignee(blocked), Map.of("workAccepted", true));
    driver.complete(blocked, "Task_DoWork", assignee(blocked), Map.of("workOutcome", "block",
        "blockerType", "scope_ambiguity", "blockerDescription", "Which filters?", "blockerTried", "Read the ticket"));
    WorkItem underReview = items.get(3);
    workUntilSubmitted(underReview);
    WorkItem domainReview = items.get(4);
    workUntilSubmitted(domainReview);
    driver.complete(domainReview, "Task_ReviewCode", reviewer(domainReview), Map.of("peerReviewOutcome", "approve"));
    WorkItem pending = items.get(5);
    assertThat(List.of(assigned, inProgress, blocked, underReview, domainReview, pending))
        .extracting(w -> driver.reload(w).state())
        .containsExactly(TaskState.ASSIGNED, TaskState.IN_PROGRESS, TaskState.BLOCKED, TaskState.UNDER_REVIEW,
            TaskState.DOMAIN_REVIEW, TaskState.PENDING);

    for (WorkItem item : List.of(assigned, inProgress, blocked, underReview, domainReview, pending)) {
      driver.lifecycle.requestCancel(ins, item.taskKey(), "tom", List.of("tech-leads"), "scope dropped");
    }

    for (WorkItem item : items) {
      assertThat(driver.reload(item).state()).isEqualTo(TaskState.CANCELLED);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(item.processInstanceId()).count()).isZero();
      assertThat(management.createJobQuery().processInstanceId(item.processInstanceId()).count()).isZero();
      assertThat(tasks.createTaskQuery().processInstanceId(item.processInstanceId()).count()).isZero();
      assertThat(reservations(item)).isZero();
    }
    assertThat(driver.workItems.transitions(blocked.id()).get(driver.workItems.transitions(blocked.id()).size() - 1))
        .satisfies(t -> {
          assertThat(t.actor()).isEqualTo("tom");
          assertThat(t.reason()).isEqualTo("scope dropped");
        });
  }

  @Test
  void onlyTheTechLeadOrTheManagerCancelsAndAlwaysWithAReason() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);

    assertThatThrownBy(() -> driver.lifecycle.requestCancel(item.instructionKey(), item.taskKey(), "fiona",
        List.of("leads-frontend", "domain-leads"), "not needed"))
        .hasMessageContaining("Only the tech lead or the engineering manager");
    assertThatThrownBy(() -> driver.lifecycle.requestCancel(item.instructionKey(), item.taskKey(), "tom",
        List.of("tech-leads"), " "))
        .hasMessageContaining("needs a reason");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ASSIGNED);
  }

  @Test
  void theDomainLeadRequestingChangesSendsTheTaskBackToInProgress() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    workUntilSubmitted(item);
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));

    assertThatThrownBy(() -> driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "changes")))
        .hasMessageContaining("at least one finding");
    driver.complete(item, "Task_ApproveDomain", "fiona", Map.of("domainApprovalOutcome", "changes",
        "reviewFindings", "HIGH: focus is lost after paging"));

    assertThat(driver.states(item)).endsWith(TaskState.DOMAIN_REVIEW, TaskState.IN_PROGRESS);
    assertThat(driver.variable(item, "reworkCount")).isEqualTo(1);
  }

  @Test
  void whenTheGateTableSaysNoGateATier1TaskGoesFromInProgressStraightToCompleted() {
    String changed = new String(readModel("dmn/required-gates.dmn"))
        .replace("<inputEntry id=\"UnaryTests_PeerReviewForTasksTier\"><text>&gt;= 1</text>",
            "<inputEntry id=\"UnaryTests_PeerReviewForTasksTier\"><text>&gt;= 2</text>");
    assertThat(changed).contains("&gt;= 2</text>");
    String deployment = repository.createDeployment().name("gates-changed-in-modeler")
        .addString("required-gates.dmn", changed).deploy().getId();
    try {
      WorkItem item = plan(1, frontendTask(newInstructionKey(), "TT1")).get(0);
      String ic = assignee(item);
      driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
      driver.complete(item, "Task_DoWork", ic, submission());

      assertThat(driver.states(item)).containsExactly(TaskState.PENDING, TaskState.ASSIGNED, TaskState.IN_PROGRESS,
          TaskState.COMPLETED);
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}: warning after {1} h, breach and escalation after {2} h")
  @org.junit.jupiter.params.provider.CsvSource({"UNDER_REVIEW, 8, 24", "DOMAIN_REVIEW, 16, 48"})
  void reviewStatesFireTheirWarningAndBreachOnceEachInOrderEvenWhenTimeJumpsPastBoth(TaskState state, int warningHours,
      int escalationHours) {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    workUntilSubmitted(item);
    if (state == TaskState.DOMAIN_REVIEW) {
      driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));
    }

    driver.advance(Duration.ofHours(escalationHours).plusMinutes(5));
    driver.executeDueJobs(item);

    assertThat(jdbc.sql("select kind from sla_event where work_item_id = ? and state = ? order by id")
        .params(item.id(), state.name()).query(String.class).list()).containsExactly("WARNING", "BREACH");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("escalation")
        .processInstanceIds(new java.util.HashSet<>(driver.instanceTree(item))).count())
        .as("one escalation for the breach").isEqualTo(1);
    assertThat(driver.reload(item).state()).isEqualTo(state);
    assertThat(jdbc.sql("select due_at from sla_event where work_item_id = ? and state = ? and kind = 'WARNING'")
        .params(item.id(), state.name()).query(java.sql.Timestamp.class).single().toInstant())
        .isEqualTo(LifecycleDriver.MONDAY_MORNING_PLUS_ONE.plus(Duration.ofHours(warningHours)));
  }

  static byte[] readModel(String path) {
    try {
      return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  WorkItem.Draft securitySensitive(String ins) {
    WorkItem.Draft d = frontendTask(ins, "TT1.1");
    return new WorkItem.Draft(d.instructionKey(), d.taskKey(), d.kind(), null, d.domain(), "Login form with MFA",
        d.description(), d.acceptanceCriteria(), d.estimateHours(), d.complexity(), d.priority(), null, true, false,
        d.requiredSkills(), d.niceToHaveSkills(), d.dependencies());
  }

  void approveBothReviews(WorkItem item) {
    workUntilSubmitted(item);
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));
    driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "approve", "domainChecklistConfirmed", true));
  }

  @Test
  void aSecuritySensitiveTaskIsValidatedByQaAndSecurityBeforeItCompletes() {
    WorkItem item = plan(2, securitySensitive(newInstructionKey())).get(0);
    approveBothReviews(item);
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.DOMAIN_REVIEW);

    driver.complete(item, "Task_ValidateQuality", "hannah", Map.of("qaCoverage", 86, "securityCritical", false,
        "qaOutcome", "PASS"));
    driver.complete(item, "Task_ValidateSecurity", "kofi", Map.of("securityOutcome", "PASS"));

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aFixableValidationSendsTheTaskBackForRework() {
    WorkItem item = plan(2, securitySensitive(newInstructionKey())).get(0);
    approveBothReviews(item);

    driver.complete(item, "Task_ValidateQuality", "hannah", Map.of("qaCoverage", 70, "securityCritical", false,
        "qaOutcome", "FIXABLE", "qaFindings", "HIGH: no test for the MFA timeout"));
    driver.complete(item, "Task_ValidateSecurity", "kofi", Map.of("securityOutcome", "PASS"));

    assertThat(driver.states(item)).endsWith(TaskState.DOMAIN_REVIEW, TaskState.IN_PROGRESS);
    assertThat(driver.variable(item, "reworkCount")).isEqualTo(1);
  }

  @Test
  void aBlockedValidationEscalatesWithTheFindings() {
    WorkItem item = plan(2, securitySensitive(newInstructionKey())).get(0);
    approveBothReviews(item);

    driver.complete(item, "Task_ValidateQuality", "hannah", Map.of("qaCoverage", 95, "securityCritical", false,
        "qaOutcome", "PASS"));
    driver.complete(item, "Task_ValidateSecurity", "kofi", Map.of("securityOutcome", "BLOCKED",
        "securityFindings", "CRITICAL: MFA codes logged in plain text"));

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ESCALATED);
    assertThat(driver.workItems.transitions(item.id())).last().satisfies(t -> assertThat(t.reason())
        .contains("Cross-functional validation blocked").contains("MFA codes logged in plain text"));
  }

  @Test
  void theAuthorMayNameAnEligiblePeerAsReviewerButNotSomeoneOutsideTheTeam() {
    WorkItem item = plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    String ic = assignee(item);
    String chosen = List.of("yuki", "lena", "marco").stream().filter(p -> !p.equals(ic)).findFirst().orElseThrow();
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    Map<String, Object> outsider = submission();
    outsider.put("preferredReviewer", "alice");

    assertThatThrownBy(() -> driver.complete(item, "Task_DoWork", ic, outsider)).hasMessageContaining("alice");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.IN_PROGRESS);

    Map<String, Object> choice = submission();
    choice.put("preferredReviewer", chosen);
    driver.complete(item, "Task_DoWork", ic, choice);

    assertThat(reviewer(item)).isEqualTo(chosen);
    assertThat(jdbc.sql("select count(*) from capacity_reservation where work_item_id = ? and person_id = ? and kind = 'REVIEW'")
        .params(item.id(), chosen).query(Long.class).single()).isEqualTo(1);
  }

  long reservations(WorkItem item) {
    return jdbc.sql("select count(*) from capacity_reservation where work_item_id = ?").param(item.id())
        .query(Long.class).single();
  }
}
