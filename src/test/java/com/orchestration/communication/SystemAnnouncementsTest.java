package com.orchestration.communication;

import static com.orchestration.lifecycle.LifecycleDriver.frontendTask;
import static com.orchestration.lifecycle.WorkItemDrafts.newInstructionKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.escalation.EscalationVariables;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.InstructionState;
import com.orchestration.intake.RiskScores;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.SlaEvent;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.SlaService;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The system's own announcements (SPEC §9.2), each from the real place that records the event: the task lifecycle's
 * SLA timers, the escalation process, the strategic-task and instruction processes.
 */
@OrchestrationTest
class SystemAnnouncementsTest {

  @Autowired LifecycleDriver lifecycle;
  @Autowired InstructionDriver instructions;
  @Autowired AnnouncementService announcements;
  @Autowired WorkItemService workItems;
  @Autowired SlaService sla;
  @Autowired RuntimeService runtime;

  final List<WorkItem> created = new ArrayList<>();
  final List<String> escalations = new ArrayList<>();
  /** The newest announcement before the test: the test reads only what came after it. */
  long before;

  @BeforeEach
  void fixTheClock() {
    lifecycle.startClock();
    before = announcements.inbox("erin", 0, null, 1).stream().mapToLong(Announcement::id).max().orElse(0);
  }

  @AfterEach
  void cleanUp() {
    escalations.forEach(id -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test cleanup");
      }
    });
    instructions.cleanUp();
    lifecycle.cleanUp(created);
  }

  /** The system's announcements about an instruction, as the EM (who reads every channel) sees them. */
  List<Announcement> about(String instructionKey) {
    return announcements.inbox("erin", before, null, AnnouncementService.MAX_LIMIT).stream()
        .filter(a -> a.author().equals(AnnouncementService.SYSTEM))
        .filter(a -> a.affectedInstructions().contains(instructionKey)).toList();
  }

  static List<String> channelsOf(List<Announcement> list, AnnouncementType type) {
    return list.stream().filter(a -> a.type() == type).map(Announcement::channel).toList();
  }

  @Test
  void aBlockedTaskPastItsSlaIsAnnouncedToTheTeamAndTheLeadsAndEachEscalationLevelToItsLeads() {
    // Given a frontend task blocked by its IC
    WorkItem item = lifecycle.plan(2, frontendTask(newInstructionKey(), "TT1.1")).get(0);
    created.add(item);
    String ic = (String) lifecycle.variable(item, "assignee");
    lifecycle.complete(item, "Task_StartWork", ic, Map.of("workAccepted", true));
    lifecycle.complete(item, "Task_DoWork", ic, Map.of("workOutcome", "block", "blockerType",
        "technical_uncertainty", "blockerDescription", "Virtualised list flickers on Safari", "blockerTried",
        "Two libraries"));
    assertThat(about(item.instructionKey())).as("nothing before a threshold fires").isEmpty();

    // When 4 hours pass: the warning and the breach fire, the escalation goes to the domain lead
    lifecycle.advance(Duration.ofHours(4).plusMinutes(1));
    lifecycle.executeDueJobs(item);

    // Then: warning to the team (normal), breach to the team and the tech leads (high), blocker to domain-leads
    List<Announcement> after4h = about(item.instructionKey());
    assertThat(after4h).filteredOn(a -> a.type() == AnnouncementType.SLA_BREACH)
        .extracting(Announcement::channel, Announcement::priority, a -> a.subject().substring(0, 12))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("frontend-team", Priority.NORMAL, "SLA warning:"),
            org.assertj.core.groups.Tuple.tuple("frontend-team", Priority.HIGH, "SLA breached"),
            org.assertj.core.groups.Tuple.tuple("tech-leads", Priority.HIGH, "SLA breached"));
    assertThat(after4h).filteredOn(a -> a.type() == AnnouncementType.SLA_BREACH).allSatisfy(a -> {
      assertThat(a.subject()).contains(item.qualifiedKey()).contains("BLOCKED");
      assertThat(a.affectedDomains()).containsExactly("frontend");
      assertThat(a.actionItems()).anySatisfy(action -> assertThat(action).startsWith(ic + ":"));
    });
    assertThat(channelsOf(after4h, AnnouncementType.BLOCKER)).containsExactly("domain-leads");
    assertThat(after4h).filteredOn(a -> a.type() == AnnouncementType.BLOCKER).singleElement().satisfies(a -> {
      assertThat(a.subject()).startsWith("Escalated to the domain lead: " + item.qualifiedKey());
      assertThat(a.message()).contains("leads-frontend");
    });
    // the SLA events say who was told
    assertThat(sla.eventsOf(item.id())).extracting(SlaEvent::kind, SlaEvent::notified).containsExactly(
        org.assertj.core.groups.Tuple.tuple(SlaEventKind.WARNING, "frontend-team"),
        org.assertj.core.groups.Tuple.tuple(SlaEventKind.BREACH, "frontend-team, tech-leads"));

    // When the domain lead's level runs out: the tech lead's level is announced to tech-leads
    lifecycle.advance(Duration.ofHours(4));
    lifecycle.executeDueJobs(item);
    List<Announcement> blockers = about(item.instructionKey()).stream()
        .filter(a -> a.type() == AnnouncementType.BLOCKER).toList();
    assertThat(blockers).extracting(Announcement::channel, Announcement::priority).containsExactly(
        org.assertj.core.groups.Tuple.tuple("domain-leads", Priority.NORMAL),
        org.assertj.core.groups.Tuple.tuple("tech-leads", Priority.HIGH));
    assertThat(blockers.get(1).message()).startsWith("Escalation moved up");
  }

  ProcessInstance escalateToTheEngineeringManager(Priority priority) {
    String key = newInstructionKey();
    WorkItem item = workItems.create(new WorkItem.Draft(key, "TT1.1", TaskKind.TACTICAL, null, Domain.BACKEND,
        "Checkout payments", "Card payments", "Works", 4, Complexity.MODERATE, priority, null, false, false,
        Map.of(), Set.of(), List.of()), "tom", "test");
    Map<String, Object> vars = new HashMap<>();
    vars.put(EscalationVariables.WORK_ITEM_ID, item.id());
    vars.put(EscalationVariables.INSTRUCTION_KEY, key);
    vars.put(EscalationVariables.TASK_KEY, "TT1.1");
    vars.put(EscalationVariables.DOMAIN, "backend");
    vars.put(EscalationVariables.TIER, 2);
    vars.put(EscalationVariables.REASON_TYPE, "sla_breach");
    vars.put(EscalationVariables.REASON_DETAIL, "PENDING four times its target");
    vars.put(EscalationVariables.CROSS_DOMAIN, false);
    vars.put(EscalationVariables.ARCHITECTURAL, false);
    vars.put(EscalationVariables.CRITICAL_PATH_AT_RISK, false);
    vars.put(EscalationVariables.SLA_STATE, "PENDING");
    vars.put(EscalationVariables.START_LEVEL, "EM");
    ProcessInstance pi = runtime.startProcessInstanceByKey("escalation", key, vars);
    escalations.add(pi.getId());
    return pi;
  }

  @Test
  void anEscalationAtTheEngineeringManagerGoesToAllOnlyForACriticalTask() {
    ProcessInstance critical = escalateToTheEngineeringManager(Priority.CRITICAL);
    ProcessInstance normal = escalateToTheEngineeringManager(Priority.NORMAL);

    List<Announcement> criticalPosts = about(runtime.createProcessInstanceQuery()
        .processInstanceId(critical.getId()).singleResult().getBusinessKey());
    assertThat(criticalPosts).singleElement().satisfies(a -> {
      assertThat(a.channel()).isEqualTo("all");
      assertThat(a.type()).isEqualTo(AnnouncementType.BLOCKER);
      assertThat(a.priority()).isEqualTo(Priority.CRITICAL);
      assertThat(a.subject()).startsWith("Escalated to the engineering manager:");
    });
    List<Announcement> normalPosts = about(normal.getBusinessKey());
    assertThat(normalPosts).extracting(Announcement::channel, Announcement::priority)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tech-leads", Priority.HIGH));
  }

  static Map<String, Object> strategicPlan(String tasks) {
    Map<String, Object> v = new HashMap<>();
    v.put("objective", "Customers see their order history");
    v.put("strategicTasks", tasks);
    for (String category : RiskScores.CATEGORIES) {
      v.put(category, 2);
    }
    v.put("coreArchitecture", false);
    return v;
  }

  static Map<String, Object> go() {
    Map<String, Object> v = new HashMap<>();
    for (String item : List.of("allStrategicTasksComplete", "acceptanceCriteriaMet", "coverageAdequate",
        "performanceAcceptable", "noCriticalBugs", "rollbackPlanReady", "monitoringInPlace")) {
      v.put(item, true);
    }
    v.put("securityReview", "notApplicable");
    return v;
  }

  @Test
  void aCompletedStrategicTaskIsAMilestoneAndATierThreeInstructionIsCelebratedOnAll() {
    // Given a tier-3 instruction with two strategic tasks
    Instruction ins = instructions.submit(InstructionDriver.request("Add an order history page", "feature",
        List.of("frontend"), List.of(), "normal"), "alice");
    String key = ins.key();
    assertThat(ins.tier()).isEqualTo(3);
    instructions.complete(key, "Task_WriteStrategicPlan", null, "tom", strategicPlan("""
        ST1 | frontend | 1 | Order list UI
        ST2 | data     | 1 | Order history view"""));

    // When ST1 completes
    instructions.complete(key, "Task_BreakDownStrategicTask", "ST1", "fiona",
        Map.of("tacticalTasks", "TT1.1 | frontend | 1 | Build the list"));
    instructions.complete(key, "Task_ReviewBreakdown", "ST1", "tom", Map.of("breakdownDecision", "approve"));
    instructions.finishTactical(key, "TT1.1");
    instructions.validateStrategic(key, "ST1");
    assertThat(workItems.get(key, "ST1").state()).isEqualTo(TaskState.COMPLETED);

    // Then a milestone on tech-leads and frontend-team, nothing on all yet
    List<Announcement> afterSt1 = about(key);
    assertThat(channelsOf(afterSt1, AnnouncementType.MILESTONE)).containsExactly("tech-leads", "frontend-team");
    assertThat(afterSt1).filteredOn(a -> a.type() == AnnouncementType.MILESTONE).allSatisfy(a -> {
      assertThat(a.subject()).isEqualTo("Milestone: " + key + "/ST1 completed — Order list UI");
      assertThat(a.message()).contains("1 of 2 strategic tasks are completed")
          .contains("Add an order history page");
    });
    assertThat(channelsOf(afterSt1, AnnouncementType.CELEBRATION)).isEmpty();

    // When ST2 completes and the EM says go
    instructions.complete(key, "Task_BreakDownStrategicTask", "ST2", "dana",
        Map.of("tacticalTasks", "TT2.1 | data | 1 | Create the view | skills: sql:intermediate"));
    instructions.complete(key, "Task_ReviewBreakdown", "ST2", "tom", Map.of("breakdownDecision", "approve"));
    instructions.finishTactical(key, "TT2.1");
    instructions.validateStrategic(key, "ST2");
    instructions.complete(key, "Task_DecideGoNoGo", null, "erin", go());
    assertThat(instructions.get(key).state()).isEqualTo(InstructionState.COMPLETED);

    // Then ST2's milestone went to the data team, and the instruction is celebrated on all
    List<Announcement> done = about(key);
    assertThat(channelsOf(done, AnnouncementType.MILESTONE))
        .containsExactly("tech-leads", "frontend-team", "tech-leads", "data-team");
    assertThat(done).filteredOn(a -> a.type() == AnnouncementType.CELEBRATION).singleElement().satisfies(a -> {
      assertThat(a.channel()).isEqualTo("all");
      assertThat(a.subject()).isEqualTo("Completed: Add an order history page (" + key + ")");
      assertThat(a.message()).contains("Tier 3").contains("2 tasks").contains("go/no-go: GO");
      assertThat(a.affectedDomains()).containsExactly("data", "frontend");
    });
  }

  @Test
  void aSmallInstructionIsNotCelebrated() {
    Instruction ins = instructions.submit(InstructionDriver.request("Document the order export", "docs",
        List.of("frontend"), List.of(), "normal"), "alice");
    assertThat(ins.tier()).isEqualTo(1);
    instructions.finishTactical(ins.key(), "TT1");

    assertThat(instructions.get(ins.key()).state()).isEqualTo(InstructionState.COMPLETED);
    assertThat(channelsOf(about(ins.key()), AnnouncementType.CELEBRATION)).isEmpty();
  }
}
