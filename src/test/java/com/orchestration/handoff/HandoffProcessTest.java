package com.orchestration.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.SlaEventKind;
import com.orchestration.lifecycle.SlaService;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Process {@code handoff} (SPEC §9.3, §5.3 READY_FOR_HANDOFF) as the lifecycle calls it: a frontend task (IC lena,
 * DL fiona) handed to backend (DL bruno), so the "any other pair" checklist applies.
 */
@OrchestrationTest
class HandoffProcessTest {

  static final Instant MONDAY_9AM = Instant.parse("2026-11-23T09:00:00Z");
  static final List<String> BRUNO_GROUPS = List.of("leads-backend", "domain-leads", "all-engineering");
  static final String CODE = "order-history.tsx | code | https://git.example/web/pull/42 | complete";
  static final String CONTRACT_IN_PROGRESS = "orders-api.yaml | api_contract | https://git.example/api/orders | in_progress";
  static final String CONTRACT_DONE = "orders-api.yaml | api_contract | https://git.example/api/orders | complete";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired WorkItemService workItems;
  @Autowired HandoffService handoffs;
  @Autowired SlaService sla;
  @Autowired TestRestTemplate rest;

  WorkItem upstream;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
    String instructionKey = WorkItemDrafts.newInstructionKey();
    List<WorkItem> items = workItems.createAll(List.of(
        WorkItemDrafts.tactical(instructionKey, "TT1.1", Domain.FRONTEND, 6),
        WorkItemDrafts.tactical(instructionKey, "TT1.2", Domain.BACKEND, 4, "TT1.1")), "fiona", "plan accepted");
    upstream = items.get(0);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  ProcessInstance start() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("workItemId", upstream.id());
    vars.put("instructionKey", upstream.instructionKey());
    vars.put("taskKey", upstream.taskKey());
    vars.put("domain", "frontend");
    vars.put("tier", 2);
    vars.put("assignee", "lena");
    vars.put("handoffTargetDomains", "backend");
    vars.put("handoffGroups", "leads-backend");
    vars.put("summary", "Order history page with cursor pagination, 50 per page");
    return runtimeService.startProcessInstanceByKey("handoff", upstream.instructionKey(), vars);
  }

  Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  void prepare(ProcessInstance pi, String artifacts, String... done) {
    Map<String, Object> form = new HashMap<>();
    form.put("artifacts", artifacts);
    form.put("checklistDone", SpinValues.jsonValue(toJson(done)).create());
    form.put("knownIssues", "Sorting by amount is not there yet");
    form.put("contact", "lena, #team-frontend");
    taskService.complete(task(pi).getId(), form);
  }

  void review(ProcessInstance pi, String user, List<String> groups, String decision, String questions) {
    Map<String, Object> form = new HashMap<>();
    form.put("handoffDecision", decision);
    form.put("reviewQuestions", questions);
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(task(pi).getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static String toJson(String... items) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < items.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(items[i]).append('"');
    }
    return json.append(']').toString();
  }

  long handoffId(ProcessInstance pi) {
    return ((Number) runtimeService.getVariable(pi.getId(), "handoffId")).longValue();
  }

  @Test
  void opensTheRecordAndAsksTheUpstreamIcOrHerLeadForThePackageWithThePairsChecklist() {
    ProcessInstance pi = start();

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PrepareHandoffPackage");
    Task task = task(pi);
    assertThat(task.getAssignee()).isEqualTo("lena");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("leads-frontend"));
    assertThat(task.getDueDate()).isEqualTo(Date.from(MONDAY_9AM.plus(Duration.ofDays(1))));
    assertThat(runtimeService.getVariable(pi.getId(), "handoffChecklistText"))
        .isEqualTo("- Summary\n- Artifacts listed\n- Known issues (optional)\n- Contact");
    HandoffRecord record = handoffs.get(handoffId(pi));
    assertThat(record.state()).isEqualTo(HandoffState.PREPARING);
    assertThat(record.startedAt()).isEqualTo(MONDAY_9AM);
    assertThat(record.fromDomain()).isEqualTo("frontend");
    assertThat(record.toDomains()).isEqualTo("backend");
    assertThat(record.checklist()).extracting(ChecklistItem::item)
        .containsExactly("Summary", "Artifacts listed", "Known issues", "Contact");
  }

  @Test
  void anIncompletePackageGoesBackWithWhatIsMissingOnePerLineThenGoesToTheDownstreamLead() {
    ProcessInstance pi = start();

    // When lena forgets the contact item and one artifact is still in progress
    prepare(pi, CODE + "\n" + CONTRACT_IN_PROGRESS, "Summary", "Artifacts listed");

    // Then she gets the package back with both problems, one per line
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PrepareHandoffPackage");
    assertThat(runtimeService.getVariable(pi.getId(), "handoffMissing")).isEqualTo(
        "checklist: Contact\nartifact line 2 (orders-api.yaml): status in_progress, must be complete");
    assertThat(runtimeService.getVariable(pi.getId(), "handoffPackageComplete")).isEqualTo(false);
    assertThat(handoffs.get(handoffId(pi)).rounds()).isEqualTo(1);
    assertThat(handoffs.get(handoffId(pi)).state()).isEqualTo(HandoffState.PREPARING);

    // When she completes it
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(2))));
    prepare(pi, CODE + "\n" + CONTRACT_DONE, "Summary", "Artifacts listed", "Contact");

    // Then the backend lead reviews it
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewHandoff");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("leads-backend")
        .count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(pi.getId(), "handoffMissing")).isEqualTo("none");
    HandoffRecord record = handoffs.get(handoffId(pi));
    assertThat(record.state()).isEqualTo(HandoffState.IN_REVIEW);
    assertThat(record.preparedAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
    assertThat(record.artifacts()).contains(CONTRACT_DONE);
    assertThat(record.checklist()).extracting(ChecklistItem::done).containsExactly(true, true, false, true);
  }

  @Test
  void aTickedItemThatIsNotOnTheChecklistIsRefusedNamingTheFieldAndTheTaskStaysOpen() {
    ProcessInstance pi = start();

    // When lena ticks the three items and one this pair's checklist does not have (only an API client can)
    assertThatThrownBy(() -> prepare(pi, CODE, "Summary", "Artifacts listed", "Contact", "Deployed to staging"))
        .hasRootCauseInstanceOf(com.orchestration.lifecycle.FormInputException.class)
        .hasMessageContaining("'deployed to staging' is not an item of this handoff's checklist; tick the items "
            + "that are done: Summary, Artifacts listed, Known issues, Contact [checklistDone]");

    // Then nothing was recorded and she still has the task
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PrepareHandoffPackage");
    assertThat(handoffs.get(handoffId(pi)).preparedAt()).isNull();
    assertThat(handoffs.get(handoffId(pi)).checklist()).extracting(ChecklistItem::done).containsOnly(false);
  }

  @Test
  void questionsGoBackToThePreparerAndTheDownstreamLeadAcceptsTheAnsweredPackage() {
    ProcessInstance pi = start();
    long id = handoffId(pi);
    prepare(pi, CODE, "Summary", "Artifacts listed", "Contact");

    // Questions without text are refused and the task stays open
    assertThatThrownBy(() -> review(pi, "bruno", BRUNO_GROUPS, "questions", " "))
        .hasMessageContaining("Questions for the preparer is required");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewHandoff");

    // bruno asks a question: back to lena, who sees it
    review(pi, "bruno", BRUNO_GROUPS, "questions", "Which endpoint returns the next cursor?");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PrepareHandoffPackage");
    assertThat(runtimeService.getVariable(pi.getId(), "handoffQuestions"))
        .isEqualTo("Which endpoint returns the next cursor?");
    assertThat(handoffs.get(id).state()).isEqualTo(HandoffState.PREPARING);
    assertThat(handoffs.get(id).questions()).isEqualTo("Which endpoint returns the next cursor?");

    // lena answers, bruno accepts a day later
    prepare(pi, CODE + "\n" + CONTRACT_DONE, "Summary", "Artifacts listed", "Contact");
    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofHours(20))));
    review(pi, "bruno", BRUNO_GROUPS, "accept", null);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_HandoffAccepted");
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("handoffOutcome").singleResult().getValue()).isEqualTo("accepted");
    HandoffRecord record = handoffs.get(id);
    assertThat(record.state()).isEqualTo(HandoffState.ACCEPTED);
    assertThat(record.acceptedBy()).isEqualTo("bruno");
    assertThat(record.acceptedAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(20)));
    assertThat(record.rounds()).isEqualTo(1);
    assertThat(record.questions()).isNull();
    assertThat(record.preparedBy()).isNotBlank();
  }

  @Test
  void onlyADownstreamLeadDecidesEvenAnAdminWhoPassesTaskAuthorization() {
    ProcessInstance pi = start();
    prepare(pi, CODE, "Summary", "Artifacts listed", "Contact");

    assertThatThrownBy(() -> review(pi, "admin", List.of("camunda-admin"), "accept", null))
        .hasMessageContaining("Only the lead of a downstream domain (backend) accepts this handoff");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewHandoff");
    assertThat(handoffs.get(handoffId(pi)).state()).isEqualTo(HandoffState.IN_REVIEW);

    // and the upstream lead does not even see the task, nor may she complete it
    String taskId = task(pi).getId();
    identityService.setAuthentication("fiona", List.of("leads-frontend", "domain-leads", "all-engineering"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("handoffDecision", "accept")))
        .hasMessageContaining("fiona");
  }

  @Test
  void theTechLeadsAreOfferedAHandoffMeetingOnceWhenTheTaskReachesNinetyPercent() {
    assertThat(handoffs.progressReported(upstream.id(), 80)).isEmpty();

    Optional<String> offered = handoffs.progressReported(upstream.id(), 92);

    assertThat(offered).isPresent();
    Task meeting = taskService.createTaskQuery().taskId(offered.get()).singleResult();
    try {
      assertThat(meeting.getName()).isEqualTo("Schedule handoff meeting: TT1.1");
      assertThat(meeting.getDescription()).contains("dependants in backend").contains("leads-frontend, leads-backend");
      assertThat(taskService.createTaskQuery().taskId(meeting.getId()).taskCandidateGroup("tech-leads").count())
          .isEqualTo(1);
      assertThat(handoffs.progressReported(upstream.id(), 95)).isEmpty();
      assertThat(taskService.createTaskQuery().taskName("Schedule handoff meeting: TT1.1").list())
          .extracting(Task::getId).containsExactly(meeting.getId());
      assertThat(handoffs.meetingTask(upstream.id())).contains(meeting.getId());
    } finally {
      taskService.deleteTask(meeting.getId(), true);
    }
  }

  @Test
  void aHeartbeatAtNinetyPercentOffersTheMeeting() {
    WorkItem assigned = workItems.transition(upstream, com.orchestration.lifecycle.TaskState.ASSIGNED, "lena",
        "system", "test");
    workItems.transition(assigned, com.orchestration.lifecycle.TaskState.IN_PROGRESS, "lena", "lena", "started");

    org.springframework.http.ResponseEntity<String> beat = rest.withBasicAuth("lena", "demo").postForEntity(
        "/api/tasks/" + upstream.instructionKey() + "/TT1.1/heartbeat",
        Map.of("progressPercent", 91, "hoursSpent", 5.5, "remainingHours", 0.5, "note", "almost there"), String.class);

    assertThat(beat.getStatusCode().value()).isEqualTo(201);
    Optional<String> meeting = handoffs.meetingTask(upstream.id());
    assertThat(meeting).isPresent();
    taskService.deleteTask(meeting.get(), true);
  }

  @Test
  void noMeetingForATaskWithoutCrossDomainDependants() {
    WorkItem downstream = workItems.get(upstream.instructionKey(), "TT1.2");
    assertThat(handoffs.progressReported(downstream.id(), 100)).isEmpty();
  }

  @Test
  void readyForHandoffWarnsAfterTwoDaysAndTheTechLeadCoordinatesAfterThree() {
    ProcessInstance pi = start();

    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofDays(1)).plusSeconds(60)));
    assertThat(dueTimers(pi)).isEmpty();

    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofDays(2)).plusSeconds(60)));
    dueTimers(pi).forEach(job -> managementService.executeJob(job.getId()));
    assertThat(sla.eventsOf(upstream.id())).extracting(e -> e.state(), e -> e.kind(), e -> e.dueAt())
        .containsExactly(org.assertj.core.api.Assertions.tuple(TaskState.READY_FOR_HANDOFF, SlaEventKind.WARNING,
            MONDAY_9AM.plus(Duration.ofDays(2))));

    ClockUtil.setCurrentTime(Date.from(MONDAY_9AM.plus(Duration.ofDays(3)).plusSeconds(60)));
    dueTimers(pi).forEach(job -> managementService.executeJob(job.getId()));
    assertThat(sla.eventsOf(upstream.id())).extracting(e -> e.kind())
        .containsExactly(SlaEventKind.WARNING, SlaEventKind.BREACH);
    ProcessInstance escalation = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(escalation).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceId(escalation.getId()).taskCandidateGroup("tech-leads")
        .count()).isEqualTo(1);
    // the handoff itself goes on
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_PrepareHandoffPackage");
  }

  List<Job> dueTimers(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list();
  }

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @Test
  void theApiListsHandoffsByInstructionStateAndDownstreamDomainAndNamesBadParameters() {
    ProcessInstance pi = start();
    long id = handoffId(pi);
    String ins = upstream.instructionKey();

    assertThat(list("?instructionKey=" + ins).getBody()).extracting(h -> ((Number) h.get("id")).longValue())
        .containsExactly(id);
    assertThat(list("?instructionKey=" + ins + "&state=PREPARING&toDomain=backend").getBody()).hasSize(1);
    assertThat(list("?instructionKey=" + ins + "&toDomain=qa").getBody()).isEmpty();
    assertThat(list("?instructionKey=" + ins + "&state=ACCEPTED").getBody()).isEmpty();

    ResponseEntity<Map<String, Object>> one = get("/api/handoffs/" + id);
    assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(one.getBody()).containsEntry("taskKey", "TT1.1").containsEntry("state", "PREPARING");

    assertThat(get("/api/handoffs?state=DONE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("/api/handoffs?state=DONE").getBody()).containsEntry("field", "state");
    assertThat(get("/api/handoffs?toDomain=marketing").getBody()).containsEntry("field", "toDomain");
    assertThat(get("/api/handoffs/987654321").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  ResponseEntity<List<Map<String, Object>>> list(String query) {
    return rest.withBasicAuth("tom", "demo").exchange("/api/handoffs" + query, HttpMethod.GET, null, LIST);
  }

  ResponseEntity<Map<String, Object>> get(String path) {
    return rest.withBasicAuth("tom", "demo").exchange(path, HttpMethod.GET, null, OBJECT);
  }
}
