package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationScenarios.*;
import static com.orchestration.escalation.EscalationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.WorkItemService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code escalation} (SPEC §6, §5.3 ESCALATED row, §15): each outcome, the ladder by hand and by time. */
@OrchestrationTest
class EscalationProcessTest {

  static final Instant MONDAY_9AM = Instant.parse("2026-11-23T09:00:00Z");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired WorkItemService workItems;
  @Autowired EscalationService escalations;

  EscalationScenarios scenarios;

  @BeforeEach
  void setUp() {
    scenarios = new EscalationScenarios(runtimeService, taskService, managementService, workItems);
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void technicalUncertaintyGoesToTheDomainLeadWithAnEightHourDueDate() {
    // When a backend IC's technical question is escalated
    ProcessInstance pi = scenarios.start("technical_uncertainty", "Unsure whether to paginate by cursor or offset");

    // Then the backend DL's group has the resolver task, due in 8 h, and nobody else sees it
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ResolveEscalation");
    Task task = scenarios.resolverTask(pi);
    assertThat(task.getDueDate()).isEqualTo(Date.from(MONDAY_9AM.plus(Duration.ofHours(8))));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("leads-backend")
        .count()).isEqualTo(1);
    for (String other : List.of("leads-frontend", "tech-leads", "engineering-managers", "architects",
        "team-backend")) {
      assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(other).count())
          .as(other).isZero();
    }
    // And the record says which rule sent it where
    EscalationRecord record = single(pi);
    assertThat(record.level()).isEqualTo(EscalationLevel.DL);
    assertThat(record.resolverGroup()).isEqualTo("leads-backend");
    assertThat(record.ruleId()).isEqualTo("rule_blockerStartsAtDomainLead");
    assertThat(record.ruleDescription()).contains("domain lead first");
    assertThat(record.open()).isTrue();
    assertThat(record.openedAt()).isEqualTo(MONDAY_9AM);
    assertThat(record.reasonDetail()).isEqualTo("Unsure whether to paginate by cursor or offset");
  }

  @Test
  void domainLeadResolvesWithGuidanceAsHimselfWithAuthorizationOn() {
    // Given
    ProcessInstance pi = scenarios.start("technical_uncertainty", "Cursor or offset pagination?");

    // When bruno, logged in with his groups, completes the task
    identityService.setAuthentication(BACKEND_DL, BACKEND_DL_GROUPS);
    scenarios.decide(pi, "resolved", "Use keyset pagination on (created_at, id)", null);
    identityService.clearAuthentication();

    // Then the caller gets the outcome and the record is closed by bruno
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_EscalationDecided");
    assertThat(outputs(pi)).containsEntry(OUTCOME, "resolved")
        .containsEntry(GUIDANCE, "Use keyset pagination on (created_at, id)")
        .containsEntry(RESOLVED_BY, BACKEND_DL).containsEntry(NEW_ASSIGNEE, null)
        .containsEntry(ESCALATION_ID, single(pi).id());
    EscalationRecord record = single(pi);
    assertThat(record.outcome()).isEqualTo("resolved");
    assertThat(record.resolvedBy()).isEqualTo(BACKEND_DL);
    assertThat(record.closedAt()).isEqualTo(MONDAY_9AM);
  }

  @Test
  void anotherDomainsLeadMayNotCompleteTheTask() {
    // Given
    ProcessInstance pi = scenarios.start("missing_dependency", "Waiting for the payments schema");

    String taskId = scenarios.resolverTask(pi).getId();

    // When the frontend lead looks for it and tries to complete it, authenticated with authorization on
    identityService.setAuthentication("fiona", List.of("leads-frontend", "domain-leads", "all-engineering"));

    // Then she does not see it, the engine refuses, and the task stays open
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(RESOLUTION, "resolved", FORM_GUIDANCE, "x")))
        .hasMessageContaining("fiona");
    identityService.clearAuthentication();
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ResolveEscalation");
  }

  @Test
  void reassignToANamedIcReturnsThatIc() {
    ProcessInstance pi = scenarios.start("scope_ambiguity", "Which currency rules apply?");

    scenarios.decide(pi, "reassign", "Bob knows the currency module", "bob");

    assertThat(outputs(pi)).containsEntry(OUTCOME, "reassign").containsEntry(NEW_ASSIGNEE, "bob");
    assertThat(single(pi).outcome()).isEqualTo("reassign");
    assertThat(single(pi).outcomeNote()).isEqualTo("reassign to bob: Bob knows the currency module");
  }

  @Test
  void reassignWithoutAssigneeLeavesTheChoiceToAssignment() {
    ProcessInstance pi = scenarios.start("scope_ambiguity", "Which currency rules apply?");

    scenarios.decide(pi, "reassign", null, "  ");

    assertThat(outputs(pi)).containsEntry(OUTCOME, "reassign").containsEntry(NEW_ASSIGNEE, null);
  }

  @Test
  void reassignToSomeoneWhoIsNotAnIcIsRefusedWithAMessage() {
    ProcessInstance pi = scenarios.start("scope_ambiguity", "Which currency rules apply?");

    assertThatThrownBy(() -> scenarios.decide(pi, "reassign", null, TL))
        .hasMessageContaining("'tom' is not an active individual contributor");
    assertThatThrownBy(() -> scenarios.decide(pi, "reassign", null, "nobody"))
        .hasMessageContaining("'nobody' is not an active individual contributor");

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ResolveEscalation");
    assertThat(single(pi).open()).isTrue();
  }

  @Test
  void replanSendsTheTaskBackForANewBreakdown() {
    ProcessInstance pi = scenarios.start("scope_ambiguity", "The task mixes two features");

    scenarios.decide(pi, "replan", "Split into API and UI tasks", null);

    assertThat(outputs(pi)).containsEntry(OUTCOME, "replan").containsEntry(GUIDANCE, "Split into API and UI tasks");
  }

  @Test
  void techLeadMayCancel() {
    // Given nobody in the domain can take the task: straight to the TL
    ProcessInstance pi = scenarios.start("no_eligible_ic",
        "alice: over capacity (40/40 h); bob: unavailable until 2026-11-30; carlos: lacks kafka (advanced)");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("tech-leads")
        .count()).isEqualTo(1);

    // When tom cancels it
    identityService.setAuthentication(TL, TL_GROUPS);
    scenarios.decide(pi, "cancel", "Dropped from this release", null);

    // Then
    assertThat(outputs(pi)).containsEntry(OUTCOME, "cancel").containsEntry(RESOLVED_BY, TL);
    assertThat(single(pi).ruleId()).isEqualTo("rule_noEligibleIcStartsAtTechLead");
  }

  @Test
  void domainLeadMayNotCancelAndIsToldWhy() {
    ProcessInstance pi = scenarios.start("external_dependency", "The payment provider's sandbox is down");

    assertThatThrownBy(() -> scenarios.decide(pi, "cancel", "Not worth it", null))
        .hasMessageContaining("Only the tech lead or the engineering manager may cancel; choose another outcome");

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ResolveEscalation");
    assertThat(single(pi).open()).isTrue();
  }

  @Test
  void resolvedOrEscalatedWithoutGuidanceAndUnknownOutcomesAreRefused() {
    ProcessInstance pi = scenarios.start("external_dependency", "The payment provider's sandbox is down");

    assertThatThrownBy(() -> scenarios.decide(pi, "resolved", " ", null))
        .hasMessageContaining("Write the guidance the IC needs");
    assertThatThrownBy(() -> scenarios.decide(pi, "escalate", null, null))
        .hasMessageContaining("Write a note for the next level");
    assertThatThrownBy(() -> scenarios.decide(pi, "ignore", "x", null))
        .hasMessageContaining("Choose an outcome: resolved, reassign, escalate, replan or cancel");

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ResolveEscalation");
  }

  @Test
  void escalatedByHandFromDomainLeadToTechLeadToEngineeringManager() {
    // Given a scope question at the DL
    ProcessInstance pi = scenarios.start("scope_ambiguity", "Product and sales disagree on the refund rules");

    // When the DL and then the TL escalate, an hour apart
    scenarios.decide(pi, "escalate", "Needs a product decision across teams", null);
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(1))));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("tech-leads")
        .count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(pi.getId(), PATH)).isEqualTo("DL → TL");
    assertThat((String) runtimeService.getVariable(pi.getId(), HISTORY))
        .contains("DL (leads-backend): escalated — Needs a product decision across teams");
    scenarios.decide(pi, "escalate", "Budget question: refunds cost money", null);

    // Then the EM has it, due 8 h after the TL escalated, and cannot go higher
    Task emTask = scenarios.resolverTask(pi);
    assertThat(taskService.createTaskQuery().taskId(emTask.getId()).taskCandidateGroup("engineering-managers")
        .count()).isEqualTo(1);
    assertThat(emTask.getDueDate()).isEqualTo(Date.from(MONDAY_9AM.plus(Duration.ofHours(9))));
    assertThat(runtimeService.getVariable(pi.getId(), PATH)).isEqualTo("DL → TL → EM");
    assertThatThrownBy(() -> scenarios.decide(pi, "escalate", "Up!", null))
        .hasMessageContaining("The engineering manager is the last level");

    // When the EM decides
    identityService.setAuthentication(EM, EM_GROUPS);
    scenarios.decide(pi, "resolved", "Full refunds within 14 days", null);

    // Then three records, chained, each closed with its outcome
    List<EscalationRecord> levels = escalations.ofProcessInstance(pi.getId());
    assertThat(levels).extracting(EscalationRecord::level)
        .containsExactly(EscalationLevel.DL, EscalationLevel.TL, EscalationLevel.EM);
    assertThat(levels).extracting(EscalationRecord::outcome).containsExactly("escalated", "escalated", "resolved");
    assertThat(levels).extracting(EscalationRecord::ruleId).containsExactly("rule_blockerStartsAtDomainLead",
        "rule_domainLeadHandsToTechLead", "rule_techLeadHandsToEngineeringManager");
    assertThat(levels.get(0).parentEscalationId()).isNull();
    assertThat(levels.get(1).parentEscalationId()).isEqualTo(levels.get(0).id());
    assertThat(levels.get(2).parentEscalationId()).isEqualTo(levels.get(1).id());
    assertThat(levels.get(1).outcomeNote()).isEqualTo("Budget question: refunds cost money");
    assertThat(outputs(pi)).containsEntry(OUTCOME, "resolved").containsEntry(RESOLVED_BY, EM)
        .containsEntry(ESCALATION_ID, levels.get(2).id());
  }

  @Test
  void escalatesToTechLeadAfterEightHoursUnresolved() {
    // Given
    ProcessInstance pi = scenarios.start("missing_dependency", "Needs the payments team's refund endpoint");

    // When 7 h 59 min pass nothing fires; at 8 h the level's SLA runs out
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofMinutes(479))));
    assertThat(scenarios.fireDueTimers(pi)).isZero();
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(8))));
    assertThat(scenarios.fireDueTimers(pi)).isEqualTo(1);

    // Then the TL has it and the DL's record says why it moved
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("tech-leads")
        .count()).isEqualTo(1);
    List<EscalationRecord> levels = escalations.ofProcessInstance(pi.getId());
    assertThat(levels).hasSize(2);
    assertThat(levels.get(0).outcome()).isEqualTo("timeout");
    assertThat(levels.get(0).outcomeNote()).isEqualTo("escalated automatically after 8 h at domain lead");
    assertThat(levels.get(0).resolvedBy()).isEqualTo("system");
    assertThat(levels.get(1).level()).isEqualTo(EscalationLevel.TL);
    assertThat(levels.get(1).open()).isTrue();
    assertThat(levels.get(1).dueAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(16)));
  }

  @Test
  void timeJumpingTwentyFourHoursFiresEachLevelOnceAndInOrder() {
    // Given
    ProcessInstance pi = scenarios.start("scope_ambiguity", "Product and sales disagree on the refund rules");

    // When the node was down for 24 h and the job executor catches up
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(24))));
    int fired = scenarios.fireDueTimers(pi);

    // Then DL (due +8 h), TL (due +16 h) and EM (due +24 h) each ran out once, in that order: the EM keeps it
    assertThat(fired).isEqualTo(3);
    List<EscalationRecord> levels = escalations.ofProcessInstance(pi.getId());
    assertThat(levels).extracting(EscalationRecord::level)
        .containsExactly(EscalationLevel.DL, EscalationLevel.TL, EscalationLevel.EM);
    assertThat(levels).extracting(EscalationRecord::outcome).containsExactly("timeout", "timeout", null);
    assertThat(levels).extracting(EscalationRecord::dueAt).containsExactly(MONDAY_9AM.plus(Duration.ofHours(8)),
        MONDAY_9AM.plus(Duration.ofHours(16)), MONDAY_9AM.plus(Duration.ofHours(32)));
    assertThat(levels.get(2).reminders()).isEqualTo(1);
    Task emTask = scenarios.resolverTask(pi);
    assertThat(taskService.createTaskQuery().taskId(emTask.getId()).taskCandidateGroup("engineering-managers")
        .count()).isEqualTo(1);
    assertThat(emTask.getDueDate()).isEqualTo(Date.from(MONDAY_9AM.plus(Duration.ofHours(32))));
  }

  @Test
  void architecturalQuestionGoesFromDomainLeadToArchitectsWhoMayNotCancel() {
    // Given
    Map<String, Object> vars = scenarios.blockedBackendTask("technical_uncertainty", "Event sourcing for orders?");
    vars.put(ARCHITECTURAL, true);
    ProcessInstance pi = scenarios.start(vars);

    // When the DL escalates
    scenarios.decide(pi, "escalate", "This decides the storage model for all order services", null);

    // Then the architects have it, without the right to cancel
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("architects")
        .count()).isEqualTo(1);
    assertThat(escalations.ofProcessInstance(pi.getId()).get(1).ruleId())
        .isEqualTo("rule_architecturalUncertaintyGoesToArchitects");
    identityService.setAuthentication(ARCHITECT, List.of("architects", "all-engineering"));
    assertThatThrownBy(() -> scenarios.decide(pi, "cancel", "no", null))
        .hasMessageContaining("Only the tech lead or the engineering manager may cancel");
  }

  @Test
  void slaBreachStartsWhereTheCallerSaysWithTheCallersFirstSla() {
    // Given 8 h BLOCKED (SPEC §5.3: → TL), with a 4 h first level
    Map<String, Object> vars = scenarios.blockedBackendTask("sla_breach", "Blocked since 01:00 on a flaky test");
    vars.put(SLA_STATE, "BLOCKED");
    vars.put(START_LEVEL, "TL");
    vars.put(FIRST_LEVEL_SLA_HOURS, 4);

    // When
    ProcessInstance pi = scenarios.start(vars);

    // Then
    EscalationRecord record = single(pi);
    assertThat(record.level()).isEqualTo(EscalationLevel.TL);
    assertThat(record.ruleId()).isEqualTo("rule_slaBreachStartsAtTechLead");
    assertThat(record.dueAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(4)));
  }

  @Test
  void unknownReasonGoesToTheTechLeadAndKeepsWhatTheCallerSaid() {
    ProcessInstance pi = scenarios.start("cosmic_rays", "Bit flips in the build cache");

    EscalationRecord record = single(pi);
    assertThat(record.level()).isEqualTo(EscalationLevel.TL);
    assertThat(record.reasonType()).isEqualTo("other");
    assertThat(record.reasonDetail()).isEqualTo("(reason type 'cosmic_rays') Bit flips in the build cache");
  }

  @Test
  void cancellingTheEscalationFromOutsideWithdrawsTheOpenRecordAndLeavesNoTimer() {
    // Given
    ProcessInstance pi = scenarios.start("external_dependency", "Vendor API down");

    // When the instruction is cancelled
    runtimeService.deleteProcessInstance(pi.getId(), "instruction cancelled");

    // Then
    EscalationRecord record = single(pi);
    assertThat(record.outcome()).isEqualTo("withdrawn");
    assertThat(record.closedAt()).isNotNull();
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private EscalationRecord single(ProcessInstance pi) {
    List<EscalationRecord> levels = escalations.ofProcessInstance(pi.getId());
    assertThat(levels).hasSize(1);
    return levels.get(0);
  }

  /** The process's last variable values, read from history once the instance ended. */
  private Map<String, Object> outputs(ProcessInstance pi) {
    BpmnAwareTests.assertThat(pi).isEnded();
    Map<String, Object> values = new java.util.HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list()) {
      values.put(v.getName(), v.getValue());
    }
    for (String output : List.of(OUTCOME, GUIDANCE, NEW_ASSIGNEE, RESOLVED_BY, ESCALATION_ID)) {
      values.putIfAbsent(output, null);
    }
    return values;
  }
}
