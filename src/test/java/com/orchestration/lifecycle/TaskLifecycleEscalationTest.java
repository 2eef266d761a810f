package com.orchestration.lifecycle;

import static com.orchestration.lifecycle.LifecycleDriver.frontendTask;
import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.escalation.EscalationRecord;
import com.orchestration.escalation.EscalationService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every way into ESCALATED and every way out of it (SPEC §5.2, §6), through the called escalation process. */
@OrchestrationTest
class TaskLifecycleEscalationTest {

  @Autowired LifecycleDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired EscalationService escalations;
  @Autowired JdbcClient jdbc;

  final List<WorkItem> created = new ArrayList<>();

  @BeforeEach
  void fixTheClock() {
    driver.startClock();
  }

  @AfterEach
  void cancelLeftovers() {
    driver.cleanUp(created);
  }

  WorkItem plan(WorkItem.Draft draft) {
    WorkItem item = driver.plan(2, draft).get(0);
    created.add(item);
    return item;
  }

  /** The peer the gate assigned the review to (lowest review load, never the author). */
  String reviewer(WorkItem item) {
    return driver.task(item, "Task_ReviewCode").getAssignee();
  }

  String assignee(WorkItem item) {
    return (String) driver.variable(item, LifecycleVariables.ASSIGNEE);
  }

  /** The open "Resolve escalation" task of the task's escalation (a called process instance). */
  Task escalationTask(WorkItem item) {
    ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("escalation")
        .processInstanceIds(new java.util.HashSet<>(driver.instanceTree(item))).singleResult();
    assertThat(escalation).as("an escalation runs for %s", item.qualifiedKey()).isNotNull();
    return tasks.createTaskQuery().processInstanceId(escalation.getId()).singleResult();
  }

  List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  void resolve(WorkItem item, String user, Map<String, Object> decision) {
    Task task = escalationTask(item);
    driver.asUser(user, () -> tasks.complete(task.getId(), decision));
  }

  void block(WorkItem item) {
    String ic = assignee(item);
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    driver.complete(item, "Task_DoWork", ic, Map.of("workOutcome", "block", "blockerType", "technical_uncertainty",
        "blockerDescription", "Virtualised list flickers on Safari", "blockerTried", "Two libraries"));
  }

  @Test
  void noEligibleIcEscalatesToTheTechLeadWithEveryCandidateAndWhy() {
    WorkItem item = plan(LifecycleDriver.draft(newInstructionKey(), "TT1.1", Domain.FRONTEND,
        Map.of("accessibility-testing", SkillLevel.EXPERT)));

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ESCALATED);
    Task task = escalationTask(item);
    assertThat(candidateGroups(task)).containsExactly("tech-leads");
    EscalationRecord record = escalations.forWorkItem(item.id()).get(0);
    assertThat(record.reasonType()).isEqualTo("no_eligible_ic");
    assertThat(record.reasonDetail()).contains("lena").contains("marco").contains("yuki");

    resolve(item, "tom", Map.of("resolution", "cancel", "guidance", "Nobody can do this; the architect will"));

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(driver.workItems.transitions(item.id())).last()
        .satisfies(t -> assertThat(t.actor()).isEqualTo("tom"));
  }

  @Test
  void askingForHelpGoesToTheDomainLeadWhoseGuidanceSendsTheIcBackToWork() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    block(item);

    driver.complete(item, "Task_ResolveBlocker", assignee(item),
        Map.of("blockerOutcome", "help", "resolutionNote", "Need a decision on the list library"));
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ESCALATED);
    assertThat(candidateGroups(escalationTask(item))).containsExactly("leads-frontend");

    resolve(item, "fiona", Map.of("resolution", "resolved", "guidance", "Use react-window, pin 1.8"));

    assertThat(driver.states(item)).endsWith(TaskState.BLOCKED, TaskState.ESCALATED, TaskState.IN_PROGRESS);
    assertThat(driver.workItems.transitions(item.id())).last()
        .satisfies(t -> assertThat(t.reason()).isEqualTo("escalation resolved: Use react-window, pin 1.8"));
    BpmnAwareTests.assertThat(runtime.createProcessInstanceQuery()
        .processInstanceId(item.processInstanceId()).singleResult()).isWaitingAt("Task_DoWork");
  }

  @Test
  void aResolverReassignsTheEscalatedTaskToAnotherIc() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    String first = assignee(item);
    block(item);
    driver.complete(item, "Task_ResolveBlocker", first, Map.of("blockerOutcome", "help", "resolutionNote", "stuck"));
    String other = List.of("lena", "marco").stream().filter(p -> !p.equals(first)).findFirst().orElseThrow();

    resolve(item, "fiona", Map.of("resolution", "reassign", "guidance", "Pair with the list expert",
        "newAssignee", other));

    WorkItem after = driver.reload(item);
    assertThat(after.state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(after.assignee()).isEqualTo(other);
    assertThat(driver.task(item, "Task_StartWork").getAssignee()).isEqualTo(other);
  }

  @Test
  void fourHoursBlockedEscalatesToTheDomainLeadAndEightHoursToTheTechLead() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    block(item);

    driver.advance(Duration.ofHours(4).plusMinutes(1));
    driver.executeDueJobs(item);
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ESCALATED);
    assertThat(candidateGroups(escalationTask(item))).containsExactly("leads-frontend");
    assertThat(jdbc.sql("select kind from sla_event where work_item_id = ? and state = 'BLOCKED' order by id")
        .param(item.id()).query(String.class).list()).containsExactly("WARNING", "BREACH");

    driver.advance(Duration.ofHours(4));
    driver.executeDueJobs(item);

    assertThat(candidateGroups(escalationTask(item))).containsExactly("tech-leads");
  }

  @Test
  void theThirdReviewRoundThatSendsTheTaskBackEscalatesToTheDomainLead() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    String ic = assignee(item);
    String peer = List.of("marco", "lena", "yuki").stream().filter(p -> !p.equals(ic)).findFirst().orElseThrow();
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    for (int round = 1; round <= 3; round++) {
      driver.complete(item, "Task_DoWork", ic, TaskLifecycleProcessTest.submission());
      driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "changes",
          "reviewFindings", "MEDIUM: round " + round + " still misses the empty state"));
    }

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ESCALATED);
    assertThat(escalations.forWorkItem(item.id()).get(0).reasonType()).isEqualTo("rework_limit");
    assertThat(candidateGroups(escalationTask(item))).containsExactly("leads-frontend");
  }

  @Test
  void theDomainLeadEscalatesADomainReviewToTheTechLead() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    String ic = assignee(item);
    driver.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    driver.complete(item, "Task_DoWork", ic, TaskLifecycleProcessTest.submission());
    driver.complete(item, "Task_ReviewCode", reviewer(item), Map.of("peerReviewOutcome", "approve"));

    assertThatThrownBy(() -> driver.complete(item, "Task_ApproveDomain", "fiona",
        Map.of("domainApprovalOutcome", "escalate")))
        .hasMessageContaining("Why the tech lead must decide is required");
    driver.complete(item, "Task_ApproveDomain", "fiona", Map.of("domainApprovalOutcome", "escalate",
        "domainReviewNotes", "Conflicts with the design system roadmap"));

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ESCALATED);
    assertThat(candidateGroups(escalationTask(item))).containsExactly("tech-leads");
  }

  @Test
  void anInProgressTaskTakingTwiceItsEstimateIsEscalatedToTheDomainLeadWhileWorkGoesOn() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    driver.complete(item, "Task_StartWork", assignee(item), Map.of("workAccepted", true));

    driver.advance(Duration.ofHours(4).plusMinutes(1));
    driver.executeDueJobs(item);

    assertThat(jdbc.sql("select kind from sla_event where work_item_id = ? and state = 'IN_PROGRESS' order by id")
        .param(item.id()).query(String.class).list()).containsExactly("WARNING", "BREACH");
    assertThat(candidateGroups(escalationTask(item))).containsExactly("leads-frontend");
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(driver.task(item, "Task_DoWork")).isNotNull();
  }

  @Test
  void aTaskNotStartedWithin24HoursIsEscalatedToTheDomainLeadWhoseReassignmentMovesIt() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    String first = assignee(item);
    String other = List.of("lena", "marco").stream().filter(p -> !p.equals(first)).findFirst().orElseThrow();

    driver.advance(Duration.ofHours(24).plusMinutes(1));
    driver.executeDueJobs(item);
    assertThat(jdbc.sql("select kind from sla_event where work_item_id = ? and state = 'ASSIGNED' order by id")
        .param(item.id()).query(String.class).list()).containsExactly("WARNING", "BREACH");
    assertThat(candidateGroups(escalationTask(item))).containsExactly("leads-frontend");

    resolve(item, "fiona", Map.of("resolution", "reassign", "guidance", "Take it over today", "newAssignee", other));
    driver.executeDueJobs(item);

    assertThat(driver.reload(item).assignee()).isEqualTo(other);
    assertThat(driver.reload(item).state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(driver.task(item, "Task_StartWork").getAssignee()).isEqualTo(other);
  }

  @Test
  void cancellingAnEscalatedTaskEndsItsEscalationToo() {
    WorkItem item = plan(frontendTask(newInstructionKey(), "TT1.1"));
    block(item);
    driver.complete(item, "Task_ResolveBlocker", assignee(item), Map.of("blockerOutcome", "help", "resolutionNote", "stuck"));
    String escalationInstance = escalationTask(item).getProcessInstanceId();

    driver.lifecycle.requestCancel(item.instructionKey(), item.taskKey(), "erin", List.of("engineering-managers"),
        "customer withdrew the request");

    assertThat(driver.reload(item).state()).isEqualTo(TaskState.CANCELLED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(escalationInstance).count()).isZero();
    assertThat(escalations.forWorkItem(item.id())).allSatisfy(r -> assertThat(r.closedAt()).isNotNull());
  }
}
