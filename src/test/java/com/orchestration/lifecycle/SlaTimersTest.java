package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract with the task-lifecycle BPMN, on a small model built here: "load SLA" before a wait, two
 * non-interrupting boundary timers from its variables, handlers that record the warning and the breach.
 */
@OrchestrationTest
class SlaTimersTest {

  static final Instant ENTERED = Instant.parse("2026-11-24T09:00:00Z");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired WorkItemService workItems;
  @Autowired SlaService sla;

  @BeforeEach
  void deployProbe() {
    ClockUtil.setCurrentTime(Date.from(ENTERED));
    BpmnModelInstance model = Bpmn.createExecutableProcess("sla-probe")
        .startEvent("StartEvent_Probe")
        .serviceTask("Task_LoadAssignedSla").camundaDelegateExpression("${loadSlaDurationsDelegate}")
          .camundaInputParameter("slaState", "ASSIGNED")
        .userTask("Task_StartWork")
          .boundaryEvent("Timer_AssignedWarning").cancelActivity(false).timerWithDuration("${slaWarningDuration}")
          .serviceTask("Task_RecordWarning").camundaDelegateExpression("${recordSlaWarningDelegate}")
          .endEvent("EndEvent_Warned")
        .moveToActivity("Task_StartWork")
          .boundaryEvent("Timer_AssignedEscalation").cancelActivity(false)
          .timerWithDuration("${slaEscalationDuration}")
          .serviceTask("Task_RecordBreach").camundaDelegateExpression("${recordSlaBreachDelegate}")
          .endEvent("EndEvent_Escalated")
        .moveToActivity("Task_StartWork")
        .endEvent("EndEvent_Started")
        .done();
    repositoryService.createDeployment().name("sla-probe").addModelInstance("sla-probe.bpmn", model).deploy();
  }

  @AfterEach
  void removeProbe() {
    ClockUtil.reset();
    repositoryService.createDeploymentQuery().deploymentName("sla-probe").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  private ProcessInstance start(WorkItem task) {
    return runtimeService.startProcessInstanceByKey("sla-probe", task.qualifiedKey(),
        Map.of("workItemId", task.id(), "tier", 2));
  }

  private List<Job> dueTimers(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable()
        .orderByJobDuedate().asc().list();
  }

  @Test
  void setsTheTimerDurationsAndDueTimesOfTheStateFromTheTable() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);

    ProcessInstance pi = start(task);

    Map<String, Object> vars = runtimeService.getVariables(pi.getId());
    assertThat(vars).containsEntry("slaWarningDuration", "PT8H").containsEntry("slaEscalationDuration", "PT24H")
        .containsEntry("slaEscalationTarget", "DL").containsEntry("slaTargetDue", Date.from(ENTERED.plus(4, ChronoUnit.HOURS)))
        .containsEntry("slaEnteredState", "ASSIGNED").containsEntry("slaEnteredAt", Date.from(ENTERED))
        // nothing that no timer, due date or handler reads: every variable is written again on each state entry
        .doesNotContainKeys("slaTargetDuration", "slaEscalationAction", "slaWarningDue", "slaEscalationDue");
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().orderByJobDuedate().asc()
        .list()).extracting(Job::getDuedate).containsExactly(Date.from(ENTERED.plus(8, ChronoUnit.HOURS)),
            Date.from(ENTERED.plus(24, ChronoUnit.HOURS)));
  }

  @Test
  void timeJumpingPastBothThresholdsRecordsOneWarningThenOneBreach() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);
    ProcessInstance pi = start(task);
    assertThat(dueTimers(pi)).isEmpty();

    ClockUtil.setCurrentTime(Date.from(ENTERED.plus(25, ChronoUnit.HOURS)));
    List<Job> due = dueTimers(pi);
    due.forEach(job -> managementService.executeJob(job.getId()));

    assertThat(due).hasSize(2);
    assertThat(sla.eventsOf(task.id())).extracting(SlaEvent::kind)
        .containsExactly(SlaEventKind.WARNING, SlaEventKind.BREACH);
    SlaEvent warning = sla.eventsOf(task.id()).get(0);
    SlaEvent breach = sla.eventsOf(task.id()).get(1);
    assertThat(warning.dueAt()).isEqualTo(ENTERED.plus(8, ChronoUnit.HOURS));
    assertThat(warning.forStandup()).isTrue();
    assertThat(breach.dueAt()).isEqualTo(ENTERED.plus(24, ChronoUnit.HOURS));
    assertThat(breach.firedAt()).isEqualTo(ENTERED.plus(25, ChronoUnit.HOURS));
    assertThat(breach.state()).isEqualTo(TaskState.ASSIGNED);
    assertThat(breach.processInstanceId()).isEqualTo(pi.getId());
    assertThat(dueTimers(pi)).as("non-interrupting timers fire once").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("the task is still waiting").isEqualTo(1);
  }

  @Test
  void aBreachRunFirstStillRecordsTheWarningBeforeItAndTheLateWarningJobWritesNothing() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);
    ProcessInstance pi = start(task);
    ClockUtil.setCurrentTime(Date.from(ENTERED.plus(25, ChronoUnit.HOURS)));
    List<Job> due = dueTimers(pi);

    managementService.executeJob(due.get(1).getId());
    managementService.executeJob(due.get(0).getId());

    assertThat(sla.eventsOf(task.id())).extracting(SlaEvent::kind)
        .containsExactly(SlaEventKind.WARNING, SlaEventKind.BREACH);
  }

  @Test
  void aRetriedHandlerRecordsOnce() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);
    ProcessInstance pi = start(task);
    ClockUtil.setCurrentTime(Date.from(ENTERED.plus(25, ChronoUnit.HOURS)));
    dueTimers(pi).forEach(job -> managementService.executeJob(job.getId()));
    Instant warningDue = ENTERED.plus(8, ChronoUnit.HOURS);
    Instant escalationDue = ENTERED.plus(24, ChronoUnit.HOURS);

    boolean warningAgain = sla.record(task.id(), TaskState.ASSIGNED, SlaEventKind.WARNING, ENTERED, warningDue,
        pi.getId());
    boolean breachAgain = sla.recordBreach(task.id(), TaskState.ASSIGNED, ENTERED, warningDue, escalationDue,
        pi.getId());

    assertThat(warningAgain).isFalse();
    assertThat(breachAgain).isFalse();
    assertThat(sla.eventsOf(task.id())).hasSize(2);
  }
}
