package com.orchestration.communication;

import static com.orchestration.intake.InstructionDriver.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDecision;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.InstructionService;
import com.orchestration.intake.InstructionState;
import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.ForbiddenException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Incidents (SPEC §9.5): the EM declares one through the API or the start form, every open tier ≥ 2 instruction is
 * suspended (Camunda suspension: no completion, no timers), tier 0–1 work goes on, {@code all} is told; resolving
 * resumes exactly what the incident suspended.
 */
@OrchestrationTest
class IncidentTest {

  static final String TWO_TASKS = """
      TT1 | frontend | 2 | Round in the price view
      TT2 | frontend | 1 | Regression tests | deps: TT1""";

  @LocalServerPort int port;
  @Autowired InstructionDriver driver;
  @Autowired LifecycleDriver lifecycle;
  @Autowired IncidentService incidents;
  @Autowired AnnouncementService announcements;
  @Autowired InstructionService instructions;
  @Autowired WorkItemService workItems;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ObjectMapper json;

  /** An instance the admin test suspends by hand; activated again even when that test fails half-way. */
  String suspendedByAdmin;

  @BeforeEach
  void fixTheClock() {
    lifecycle.startClock();
  }

  /** Resume first: a suspended instruction cannot take its cancel message. */
  @AfterEach
  void resolveAndCancelLeftovers() {
    ClockUtil.reset();
    lifecycle.startClock();
    for (Incident open : incidents.search(IncidentState.OPEN, 100)) {
      driver.asUser("erin", () -> incidents.resolve(open.id(), "test cleanup", "erin",
          List.of("engineering-managers")));
    }
    if (suspendedByAdmin != null && runtime.createProcessInstanceQuery().processInstanceId(suspendedByAdmin)
        .suspended().count() > 0) {
      runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(suspendedByAdmin).activate();
    }
    driver.cleanUp();
    ClockUtil.reset();
  }

  /** A tier-2 instruction whose plan runs: the instruction process plus one lifecycle per task, TT1 ASSIGNED. */
  Instruction executingTierTwo() {
    Instruction ins = driver.submit(request("Fix the broken price rounding", "fix", List.of("frontend"), List.of(),
        "high"), "alice");
    assertThat(ins.tier()).isEqualTo(2);
    driver.complete(ins.key(), "Task_WriteTacticalPlan", null, "tom", Map.of("tacticalTasks", TWO_TASKS));
    assertThat(driver.get(ins.key()).state()).isEqualTo(InstructionState.EXECUTING);
    assertThat(workItems.get(ins.key(), "TT1").state()).isEqualTo(TaskState.ASSIGNED);
    return ins;
  }

  Instruction tierOne() {
    Instruction ins = driver.submit(request("Document the order export", "docs", List.of("frontend"), List.of(),
        "normal"), "alice");
    assertThat(ins.tier()).isEqualTo(1);
    return ins;
  }

  long suspended(String instructionKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(instructionKey).suspended().count();
  }

  long active(String instructionKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(instructionKey).active().count();
  }

  Map<String, Instant> timerDueDates(String processInstanceId) {
    Map<String, Instant> due = new HashMap<>();
    management.createJobQuery().processInstanceId(processInstanceId).timers().list()
        .forEach(job -> due.put(job.getId(), job.getDuedate().toInstant()));
    return due;
  }

  HttpResponse<String> api(String method, String path, String user, String body) {
    return WebappSession.basic(port, method, path, user, "demo", body);
  }

  JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  static String declaration(String title) {
    return "{\"title\":\"" + title + "\",\"description\":\"The payment provider is down; do not deploy.\","
        + "\"severity\":\"sev1\",\"affectedDomains\":[\"backend\",\"devops\"]}";
  }

  List<Announcement> incidentAnnouncements(String incidentKey) {
    return announcements.channel(Channels.ALL, "erin", 0, null, 500).stream()
        .filter(a -> a.type() == AnnouncementType.INCIDENT && a.subject().contains(incidentKey + " "))
        .toList();
  }

  List<String> incidentDecisions(String instructionKey) {
    return instructions.decisions(instructionKey).stream().filter(d -> d.kind().equals("incident"))
        .map(InstructionDecision::outcome).toList();
  }

  Incident declareAsErin(String title) {
    return driver.asUser("erin", () -> incidents.declare(new Incident.Declaration(title, "Something broke", "sev2",
        List.of()), "erin", List.of("engineering-managers")));
  }

  Incident resolveAsErin(long id) {
    return driver.asUser("erin", () -> incidents.resolve(id, "Fixed and verified", "erin",
        List.of("engineering-managers")));
  }

  @Test
  void theEmDeclaresThroughTheApiAndTierTwoWorkStopsUntilSheResolvesIt() throws Exception {
    Instruction tierTwo = executingTierTwo();
    Instruction tierOne = tierOne();
    long tierTwoInstances = active(tierTwo.key());
    assertThat(tierTwoInstances).as("the instruction and its two lifecycles").isGreaterThanOrEqualTo(3);
    WorkItem tt1 = workItems.get(tierTwo.key(), "TT1");
    Map<String, Instant> timersBefore = timerDueDates(tt1.processInstanceId());
    Task startWork = tasks.createTaskQuery().processInstanceId(tt1.processInstanceId())
        .taskDefinitionKey("Task_StartWork").singleResult();
    assertThat(timersBefore).isNotEmpty();
    assertThat(startWork.getDueDate()).isNotNull();

    HttpResponse<String> declared = api("POST", "/api/incidents", "erin", declaration("Payments down"));

    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    JsonNode incident = body(declared);
    long id = incident.get("id").asLong();
    String key = incident.get("key").asText();
    assertThat(key).isEqualTo("INC-" + id);
    assertThat(incident.get("state").asText()).isEqualTo("open");
    assertThat(incident.get("declaredBy").asText()).isEqualTo("erin");
    assertThat(incident.get("severity").asText()).isEqualTo("sev1");
    assertThat(incident.get("suspendedInstructions").toString()).contains(tierTwo.key())
        .doesNotContain(tierOne.key());
    // Then: every instance of the tier-2 instruction is suspended (Cockpit shows it so), the tier-1 one runs on
    assertThat(active(tierTwo.key())).isZero();
    assertThat(suspended(tierTwo.key())).isEqualTo(tierTwoInstances);
    assertThat(suspended(tierOne.key())).isZero();
    assertThat(active(tierOne.key())).isPositive();
    assertThat(incidents.suspensions(id)).filteredOn(s -> s.instructionKey().equals(tierTwo.key()))
        .hasSize((int) tierTwoInstances)
        .extracting(Incident.Suspension::processDefinitionKey).contains("instruction", "task-lifecycle");
    assertThat(incidentDecisions(tierTwo.key())).containsExactly("suspended");

    // Then: the IC cannot start the suspended task, neither through the engine nor as Tasklist does (REST)
    Task suspendedStartWork = tasks.createTaskQuery().taskId(startWork.getId()).singleResult();
    assertThat(suspendedStartWork.isSuspended()).isTrue();
    assertThatThrownBy(() -> driver.complete(suspendedStartWork, tt1.assignee(), Map.of("workAccepted", true)))
        .isInstanceOf(SuspendedEntityInteractionException.class);
    HttpResponse<String> tasklist = api("POST", "/engine-rest/task/" + startWork.getId() + "/complete",
        tt1.assignee(), "{\"variables\":{\"workAccepted\":{\"value\":true}}}");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isGreaterThanOrEqualTo(400);
    assertThat(tasklist.body()).containsIgnoringCase("suspended");
    assertThat(workItems.get(tt1.id()).state()).isEqualTo(TaskState.ASSIGNED);

    // Then: two days later no SLA timer of the tier-2 lifecycle is executable; the tier-1 lifecycle's are due
    lifecycle.advance(Duration.ofDays(2));
    assertThat(management.createJobQuery().processInstanceId(tt1.processInstanceId()).timers().count())
        .isPositive();
    assertThat(management.createJobQuery().processInstanceId(tt1.processInstanceId()).executable().count())
        .isZero();
    WorkItem tierOneTask = workItems.ofInstruction(tierOne.key()).get(0);
    assertThat(management.createJobQuery().processInstanceId(tierOneTask.processInstanceId()).executable().count())
        .as("the same clock makes the running tier-1 lifecycle's timers due").isPositive();

    // When: the EM resolves through the API, two days after declaring
    HttpResponse<String> resolved = api("POST", "/api/incidents/" + id + "/resolve", "erin",
        "{\"resolutionNote\":\"Provider back since 10:40; payments verified\"}");

    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(body(resolved).get("state").asText()).isEqualTo("resolved");
    assertThat(body(resolved).get("resolvedBy").asText()).isEqualTo("erin");
    assertThat(suspended(tierTwo.key())).isZero();
    assertThat(active(tierTwo.key())).isEqualTo(tierTwoInstances);
    assertThat(incidents.suspensions(id)).extracting(Incident.Suspension::releaseOutcome).containsOnly("resumed");
    // Then: the SLA clock stood still: timers and the due date moved on by the two days, nothing is due now
    assertThat(timerDueDates(tt1.processInstanceId())).allSatisfy((job, due) ->
        assertThat(due).isEqualTo(timersBefore.get(job).plus(Duration.ofDays(2))));
    assertThat(tasks.createTaskQuery().taskId(startWork.getId()).singleResult().getDueDate().toInstant())
        .isEqualTo(startWork.getDueDate().toInstant().plus(Duration.ofDays(2)));
    assertThat(management.createJobQuery().processInstanceId(tt1.processInstanceId()).executable().count())
        .isZero();
    assertThat(incidentDecisions(tierTwo.key())).containsExactly("suspended", "resumed");
    // the API resolve completed the incident process's own task: the process ended
    String incidentProcess = incident.get("processInstanceId").asText();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(incidentProcess).singleResult()
        .getEndTime()).isNotNull();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(incidentProcess)
        .taskDefinitionKey("Task_ResolveIncident").finished().count()).isEqualTo(1);

    // Then: the IC starts the task now
    driver.complete(tasks.createTaskQuery().taskId(startWork.getId()).singleResult(), tt1.assignee(),
        Map.of("workAccepted", true));
    driver.runJobs(tierTwo.key());
    assertThat(workItems.get(tt1.id()).state()).isEqualTo(TaskState.IN_PROGRESS);

    // Then: all heard about it twice, critical, with the instruction named
    assertThat(incidentAnnouncements(key)).hasSize(2).allSatisfy(a -> {
      assertThat(a.priority()).isEqualTo(Priority.CRITICAL);
      assertThat(a.channel()).isEqualTo("all");
      assertThat(a.author()).isEqualTo(AnnouncementService.SYSTEM);
      assertThat(a.affectedInstructions()).contains(tierTwo.key()).doesNotContain(tierOne.key());
      assertThat(a.affectedDomains()).containsExactly("backend", "devops");
    });
    assertThat(incidentAnnouncements(key).get(0).subject()).startsWith("Incident " + key + " (sev1): Payments down");
    assertThat(incidentAnnouncements(key).get(1).subject()).startsWith("Resolved: incident " + key);
    assertThat(incidentAnnouncements(key).get(1).message()).contains("Provider back since 10:40");
  }

  @Test
  void onlyTheEngineeringManagerMayDeclareOrResolveAndBadInputNamesTheField() throws Exception {
    int openBefore = incidents.search(IncidentState.OPEN, 100).size();

    HttpResponse<String> byTom = api("POST", "/api/incidents", "tom", declaration("Payments down"));
    HttpResponse<String> byAlice = api("POST", "/api/incidents", "alice", declaration("Payments down"));
    HttpResponse<String> noSeverity = api("POST", "/api/incidents", "erin",
        "{\"title\":\"Payments down\",\"description\":\"x\"}");
    HttpResponse<String> badDomain = api("POST", "/api/incidents", "erin",
        "{\"title\":\"Payments down\",\"description\":\"x\",\"severity\":\"sev2\",\"affectedDomains\":[\"billing\"]}");

    assertThat(byTom.statusCode()).isEqualTo(403);
    assertThat(body(byTom).get("detail").asText()).contains("Only the engineering manager").contains("tom");
    assertThat(byAlice.statusCode()).isEqualTo(403);
    assertThat(noSeverity.statusCode()).isEqualTo(400);
    assertThat(body(noSeverity).get("field").asText()).isEqualTo("severity");
    assertThat(body(noSeverity).get("detail").asText()).contains("sev1", "sev2", "sev3");
    assertThat(badDomain.statusCode()).isEqualTo(400);
    assertThat(body(badDomain).get("field").asText()).isEqualTo("affectedDomains[0]");
    assertThat(incidents.search(IncidentState.OPEN, 100)).hasSize(openBefore);

    Incident open = declareAsErin("Build farm down");
    HttpResponse<String> resolveByTom = api("POST", "/api/incidents/" + open.id() + "/resolve", "tom",
        "{\"resolutionNote\":\"fixed\"}");
    HttpResponse<String> resolveWithoutNote = api("POST", "/api/incidents/" + open.id() + "/resolve", "erin",
        "{\"resolutionNote\":\" \"}");
    assertThat(resolveByTom.statusCode()).isEqualTo(403);
    assertThat(resolveWithoutNote.statusCode()).isEqualTo(400);
    assertThat(body(resolveWithoutNote).get("field").asText()).isEqualTo("resolutionNote");
    assertThat(incidents.get(open.id()).isOpen()).isTrue();

    resolveAsErin(open.id());
    HttpResponse<String> again = api("POST", "/api/incidents/" + open.id() + "/resolve", "erin",
        "{\"resolutionNote\":\"twice\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(api("GET", "/api/incidents/999999", "tom", null).statusCode()).isEqualTo(404);
    HttpResponse<String> list = api("GET", "/api/incidents?state=resolved", "alice", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(open.key());
  }

  @Test
  void theEmDeclaresAndResolvesWithTheTasklistFormsAndTheTechLeadMayNotStartIt() {
    Instruction tierTwo = driver.submit(request("Fix the broken price rounding", "fix", List.of("frontend"),
        List.of(), "normal"), "alice");
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("incident").latestVersion()
        .singleResult().getId();
    Map<String, Object> form = new HashMap<>();
    form.put("incidentTitle", "Database failover");
    form.put("incidentDescription", "Primary database lost; running on the replica.");
    form.put("incidentSeverity", "sev1");
    form.put("affectedDomains", SpinValues.jsonValue("[\"data\"]").create());

    assertThatThrownBy(() -> driver.asUser("tom", () -> forms.submitStartForm(definition, form)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.asUser("alice", () -> forms.submitStartForm(definition, form)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(active(tierTwo.key())).isPositive();

    Map<String, Object> untitled = new HashMap<>(form);
    untitled.put("incidentTitle", " ");
    assertThatThrownBy(() -> driver.asUser("erin", () -> forms.submitStartForm(definition, untitled)))
        .isInstanceOf(FormInputException.class).hasMessageContaining("[incidentTitle]");

    ProcessInstance pi = driver.asUser("erin", () -> forms.submitStartForm(definition, form));

    Incident incident = incidents.search(IncidentState.OPEN, 100).stream()
        .filter(i -> pi.getId().equals(i.processInstanceId())).findFirst().orElseThrow();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .isEqualTo(incident.key());
    assertThat(incident.declaredBy()).isEqualTo("erin");
    assertThat(incident.affectedDomains()).containsExactly("data");
    assertThat(incident.suspendedInstructions()).contains(tierTwo.key());
    assertThat(suspended(tierTwo.key())).isPositive();
    assertThat(active(tierTwo.key())).isZero();
    assertThat(incidentAnnouncements(incident.key())).hasSize(1);
    assertThat(runtime.getVariable(pi.getId(), "suspendedSummary").toString()).contains(tierTwo.key());

    Task resolve = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ResolveIncident")
        .singleResult();
    assertThatThrownBy(() -> driver.complete(resolve, "tom", Map.of("resolutionNote", "fixed")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.complete(resolve, "erin", Map.of()))
        .hasMessageContaining("[resolutionNote]");
    assertThat(incidents.get(incident.id()).isOpen()).isTrue();

    driver.complete(resolve, "erin", Map.of("resolutionNote", "Failed back to the primary"));

    Incident resolved = incidents.get(incident.id());
    assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(resolved.resolvedBy()).isEqualTo("erin");
    assertThat(resolved.resolutionNote()).isEqualTo("Failed back to the primary");
    assertThat(suspended(tierTwo.key())).isZero();
    assertThat(incidentAnnouncements(incident.key())).hasSize(2);
    // the tech lead plans as usual again
    driver.complete(tierTwo.key(), "Task_WriteTacticalPlan", null, "tom", Map.of("tacticalTasks", TWO_TASKS));
    assertThat(driver.get(tierTwo.key()).state()).isEqualTo(InstructionState.EXECUTING);
  }

  @Test
  void anInstructionSubmittedDuringTheIncidentIsHeldAtItsFirstStepAndResumedWithIt() {
    Incident incident = declareAsErin("Payments down");

    Instruction lateTierTwo = driver.submit(request("Fix the broken coupon rounding", "fix", List.of("frontend"),
        List.of(), "normal"), "alice");
    Instruction lateTierOne = tierOne();

    assertThat(active(lateTierTwo.key())).isZero();
    assertThat(suspended(lateTierTwo.key())).isEqualTo(1);
    assertThat(driver.openTaskKeys(lateTierTwo.key())).containsExactly("Task_WriteTacticalPlan");
    assertThat(incidents.get(incident.id()).suspendedInstructions()).contains(lateTierTwo.key())
        .doesNotContain(lateTierOne.key());
    assertThat(suspended(lateTierOne.key())).isZero();
    assertThat(workItems.ofInstruction(lateTierOne.key())).singleElement()
        .satisfies(item -> assertThat(item.state()).isEqualTo(TaskState.ASSIGNED));
    assertThatThrownBy(() -> driver.complete(lateTierTwo.key(), "Task_WriteTacticalPlan", null, "tom",
        Map.of("tacticalTasks", TWO_TASKS))).isInstanceOf(SuspendedEntityInteractionException.class);
    assertThatThrownBy(() -> instructions.requestCancel(lateTierTwo.key(), "tom", List.of("tech-leads"),
        "not now")).isInstanceOf(ConflictException.class).hasMessageContaining("suspended");

    resolveAsErin(incident.id());

    assertThat(suspended(lateTierTwo.key())).isZero();
    driver.complete(lateTierTwo.key(), "Task_WriteTacticalPlan", null, "tom", Map.of("tacticalTasks", TWO_TASKS));
    assertThat(driver.get(lateTierTwo.key()).state()).isEqualTo(InstructionState.EXECUTING);
  }

  @Test
  void resolvingResumesOnlyWhatNoOtherOpenIncidentHoldsAndNeverWhatAnAdminSuspended() {
    Instruction ours = driver.submit(request("Fix the broken price rounding", "fix", List.of("frontend"),
        List.of(), "normal"), "alice");
    Instruction admins = driver.submit(request("Fix the broken tax rounding", "fix", List.of("frontend"),
        List.of(), "normal"), "alice");
    String adminsProcess = driver.get(admins.key()).processInstanceId();
    suspendedByAdmin = adminsProcess;
    runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(adminsProcess).suspend();

    Incident first = declareAsErin("Payments down");
    Incident second = declareAsErin("Build farm down");

    assertThat(first.suspendedInstructions()).contains(ours.key()).doesNotContain(admins.key());
    assertThat(incidents.suspensions(second.id())).filteredOn(s -> s.instructionKey().equals(ours.key()))
        .extracting(Incident.Suspension::action).containsOnly("held");

    resolveAsErin(first.id());

    assertThat(suspended(ours.key())).as("the second incident still holds it").isPositive();
    assertThat(incidents.suspensions(first.id())).filteredOn(s -> s.instructionKey().equals(ours.key()))
        .extracting(Incident.Suspension::releaseOutcome).containsOnly("still-held");
    assertThat(incidentAnnouncements(first.key()).get(1).message()).contains(second.key());

    resolveAsErin(second.id());

    assertThat(suspended(ours.key())).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(adminsProcess).singleResult().isSuspended())
        .as("suspended by an admin for another reason: not ours to resume").isTrue();
  }

  @Test
  void theProcessStepRefusesSomeoneWhoIsNotTheEngineeringManager() {
    assertThatThrownBy(() -> driver.asUser("tom", () -> incidents.open(new Incident.Declaration("x", "y", "sev3",
        List.of()), "tom", List.of("tech-leads"), null)))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("engineering manager");
  }
}
