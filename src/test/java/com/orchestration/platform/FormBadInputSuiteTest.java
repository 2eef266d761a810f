package com.orchestration.platform;

import static com.orchestration.platform.FormProbes.ALL_INJECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orchestration.OrchestrationTest;
import com.orchestration.insight.ScopeReviewDriver;
import com.orchestration.WebappSession;
import com.orchestration.communication.Incident;
import com.orchestration.communication.IncidentService;
import com.orchestration.communication.IncidentState;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.InstructionState;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillLevel;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 part 5 for every form-backed completion — each user task and start event with a {@code camunda:formRef}
 * in {@code bpmn/}, all 27 forms — through both of Camunda's REST APIs: {@code /engine-rest} (HTTP Basic, what
 * scripts and agents use) and the webapps' {@code /camunda/api/engine/engine/default} (the session and CSRF token
 * Tasklist uses). Also the CVE attack requests on both paths, beyond {@link CveMitigationTest} (which covers the
 * plain requests) and {@link ExpressionKeyGuardFilterTest}.
 *
 * <p>The bad values are derived from the form JSON ({@link FormSchema}, {@link FormProbes}): every input field is
 * fed what it must not take — a required field left out or blank, the wrong JSON type for its component (a number or
 * a list in a text field, text in a number field or a checkbox, a value that is none of a radio's or checklist's
 * options), text over the form's {@code maxLength} and 1 MB of it, numbers outside {@code min}/{@code max}, and the
 * injection strings (SQL, {@code ${…}}, {@code #{…}}, {@code <script>}) wherever the field is not free text — plus
 * variables that are no field of the form and serialized objects. A field shown only for one choice
 * ({@code conditional.hide: =decision != "value"}) is probed with that choice made, as Tasklist would submit it. Each
 * answer must be a 400 RFC 7807 problem detail naming the field, with Camunda's {@code message} (which Tasklist
 * shows); afterwards no table has gained or lost a row, no runtime variable, task, execution, work item or
 * instruction has changed, the task is still open, and no expression was evaluated ({@link ExpressionProbe}).
 *
 * <p>Then the form is completed once with a valid answer whose free-text fields hold all the injection strings,
 * through one of the two paths (alternating): it must be accepted, and the text must be stored exactly as sent. That
 * completion is also how the next row's task is reached: the rows drive the real processes as their personas do, in
 * order, so a row is mostly "where this form's task comes from, as whom, and what a valid answer is"
 * ({@link #rows()}). None needs {@code startBeforeActivity}. A form without a row fails
 * {@link #everyFormOfTheModelsHasARow()}.
 */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormBadInputSuiteTest {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";
  static final Object ABSENT = new Object();
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ExpressionProbe probe;
  @Autowired LifecycleDriver lifecycle;
  @Autowired LifecycleService lifecycles;
  @Autowired WorkItemService workItemService;
  @Autowired InstructionDriver instructions;
  @Autowired IncidentService incidents;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ClientErrorLogFilter logFilter;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired ScopeReviewDriver scopeReviews;

  final HttpClient http = HttpClient.newHttpClient();
  final Map<String, WebappSession> sessions = new HashMap<>();
  final List<WorkItem> workItems = new ArrayList<>();
  TableCounts tables;

  // What one row leaves for the next (the rows run in order, each completing its form).
  String domainRebalancing;
  final List<WorkItem> overloaded = new ArrayList<>();
  String incidentProcess;
  WorkItem handedOff;
  String strategic;

  @BeforeAll
  void fixtures() {
    lifecycle.startClock();
    tables = new TableCounts(jdbc);
  }

  @AfterAll
  void cleanUp() {
    for (Incident open : incidents.search(IncidentState.OPEN, 100)) {
      instructions.asUser("erin", () -> incidents.resolve(open.id(), "test cleanup", "erin",
          List.of("engineering-managers")));
    }
    List<WorkItem> all = new ArrayList<>(workItems);
    all.addAll(overloaded);
    lifecycle.cleanUp(all);
    scopeReviews.cleanUp();
    instructions.cleanUp();
    deleteRebalancings();
    ClockUtil.reset();
  }

  // ============================================================================================== the rows

  /** One form-backed completion: its form, the BPMN element that shows it, how the suite reaches a live one. */
  record Row(String form, String element, String how, Supplier<Completion> reach) {}

  /** The table, in the order it runs: each row's valid completion leads to a later row's task. */
  List<Row> rows() {
    return List.of(
        // --------------------------------------------------------------- capacity-rebalancing (frontend, data)
        new Row("rebalance-team", "Task_RebalanceTeam", "lena pushed over the cap by four tasks only she can do "
            + "(one reassigned to her by her lead) starts a rebalancing of frontend; fiona (DL) decides",
            () -> {
              deleteRebalancings();
              String ins = WorkItemDrafts.newInstructionKey();
              List<WorkItem> items = lifecycle.plan(2, lenaOnly(ins, "TT1", Priority.HIGH, 8, SkillLevel.ADVANCED),
                  lenaOnly(ins, "TT2", Priority.HIGH, 8, SkillLevel.ADVANCED),
                  lenaOnly(ins, "TT3", Priority.HIGH, 5.6, SkillLevel.ADVANCED),
                  lenaOnly(ins, "TT4", Priority.LOW, 7.2, SkillLevel.INTERMEDIATE));
              overloaded.addAll(items);
              if (!"lena".equals(items.get(3).assignee())) {
                lifecycles.requestReassign(ins, "TT4", "lena", "fiona", List.of("leads-frontend"),
                    "Lena knows this flow");
              }
              String pi = rebalancing(Domain.FRONTEND);
              return onTask(task(pi, "Task_RebalanceTeam"), "fiona")
                  .valid("teamDecision", "approve").valid("teamNote", ALL_INJECTIONS)
                  .structured("editedMoves")
                  .extra("reject without a reason", Map.of("teamDecision", "reject", "teamNote", ABSENT), "teamNote");
            }),
        new Row("rebalance-domains", "Task_RebalanceDomains", "data filled to 1.00 by six 8 h tasks for mei and "
            + "luis starts a rebalancing of data; tom (TL) decides; escalating leads to the next row",
            () -> {
              deleteRebalancings();
              String ins = WorkItemDrafts.newInstructionKey();
              List<WorkItem.Draft> drafts = new ArrayList<>();
              drafts.add(new WorkItem.Draft(ins, "ST1", TaskKind.STRATEGIC, null, Domain.DATA,
                  "Order analytics pipeline", "Daily order facts", "Backfilled", 48, Complexity.MODERATE,
                  Priority.NORMAL, null, false, false, Map.of(), Set.of(), List.of()));
              for (int i = 1; i <= 6; i++) {
                drafts.add(new WorkItem.Draft(ins, "TT1." + i, TaskKind.TACTICAL, "ST1", Domain.DATA,
                    "Order facts part " + i, "Model and load", "dbt tests green", 8, Complexity.MODERATE,
                    Priority.NORMAL, null, false, false, Map.of("python", SkillLevel.INTERMEDIATE, "sql",
                    SkillLevel.INTERMEDIATE), Set.of(), List.of()));
              }
              List<WorkItem> items = workItemService.createAll(drafts, "tom", "test plan");
              overloaded.addAll(items);
              items.subList(1, items.size()).forEach(i -> lifecycles.start(i.id(), 2, "Finance needs order facts"));
              domainRebalancing = rebalancing(Domain.DATA);
              Completion c = onTask(task(domainRebalancing, "Task_RebalanceDomains"), "tom")
                  .valid("domainAction", "escalate").valid("domainNote", ALL_INJECTIONS).valid("loanDays", 5)
                  .extra("dismiss without a note", Map.of("domainAction", "dismiss", "domainNote", ABSENT),
                      "domainNote");
              firstOption(domainRebalancing, "lendOptions").ifPresent(ic -> c.valid("lendIc", ic));
              firstOption(domainRebalancing, "deferOptions").ifPresent(st -> c.valid("deferTasks", List.of(st)));
              return c;
            }),
        new Row("review-domain-capacity", "Task_ReviewDomainCapacity", "the TL's escalation of the previous row; "
            + "erin (EM) decides", () -> onTask(task(domainRebalancing, "Task_ReviewDomainCapacity"), "erin")
                .valid("emDecision", ALL_INJECTIONS)
                .then((pi, softly) -> {
                  lifecycle.cleanUp(overloaded);
                  overloaded.clear();
                  lifecycle.startClock();
                })),
        // --------------------------------------------------------------- incident
        new Row("declare-incident", "StartEvent_IncidentDeclared", "the start form, as erin (EM); the valid "
            + "declaration suspends every open tier 2+ instruction until the next row resolves it",
            () -> onStartForm("incident", "erin").foreign("declaredBy", "incidentId")
                .valid("incidentTitle", "Payments down " + ALL_INJECTIONS).valid("incidentDescription", ALL_INJECTIONS)
                .valid("incidentSeverity", "sev3").valid("affectedDomains", List.of("backend"))
                .then((pi, softly) -> incidentProcess = pi)),
        new Row("resolve-incident", "Task_ResolveIncident", "the incident declared by the previous row; erin",
            () -> onTask(task(incidentProcess, "Task_ResolveIncident"), "erin").valid("resolutionNote", ALL_INJECTIONS)
                .then((pi, softly) -> softly.assertThat(incidents.search(IncidentState.OPEN, 100))
                    .noneMatch(i -> pi.equals(i.processInstanceId())))),
        // --------------------------------------------------------------- instruction, tiers 0 and 2
        new Row("answer-question", "Task_AnswerQuestion", "a tier-0 question (workType question, no domain); tom",
            () -> {
              String key = instructions.submit(InstructionDriver.request("How do we rotate the signing keys?",
                  "question", List.of(), List.of(), "normal"), "alice").key();
              return onTask(instructions.task(key, "Task_AnswerQuestion", null), "tom")
                  .valid("answer", ALL_INJECTIONS)
                  .then((pi, softly) -> softly.assertThat(instructions.get(key).answer()).isEqualTo(ALL_INJECTIONS));
            }),
        new Row("write-tactical-plan", "Task_WriteTacticalPlan", "a tier-2 fix in backend; tom (TL)",
            () -> {
              String key = instructions.submit(InstructionDriver.request("Fix the rounding of order totals", "fix",
                  List.of("backend"), List.of(), "normal"), "erin").key();
              return onTask(instructions.task(key, "Task_WriteTacticalPlan", null), "tom")
                  .valid("tacticalTasks", "TT1 | backend | 2 | Round the totals " + ALL_INJECTIONS)
                  .valid("tierOverrideReason", ALL_INJECTIONS)
                  .structured("tacticalTasks")
                  .extra("a tier override without a reason", Map.of("tierOverride", "3", "tierOverrideReason", ABSENT),
                      "tierOverrideReason")
                  .then((pi, softly) -> softly.assertThat(workItemService.get(key, "TT1").description())
                      .isEqualTo("Round the totals " + ALL_INJECTIONS));
            }),
        // --------------------------------------------------------------- one task's lifecycle, tier 2
        new Row("start-work", "Task_StartWork", "a security-sensitive frontend task whose backend dependent makes "
            + "it hand off; its assignee", () -> {
              String ins = WorkItemDrafts.newInstructionKey();
              List<WorkItem> items = lifecycle.plan(2, securityFrontendTask(ins),
                  WorkItemDrafts.tactical(ins, "TT1.2", Domain.BACKEND, 2, "TT1.1"));
              workItems.addAll(items);
              handedOff = items.get(0);
              return onTask(lifecycle.task(handedOff, "Task_StartWork"), handedOff.assignee())
                  .valid("workAccepted", true);
            }),
        new Row("do-work", "Task_DoWork", "the started task; its assignee reports a blocker",
            () -> onTask(lifecycle.task(handedOff, "Task_DoWork"), handedOff.assignee())
                .valid("workOutcome", "block").valid("blockerType", "other")
                .valid("blockerDescription", ALL_INJECTIONS).valid("blockerTried", ALL_INJECTIONS)
                .valid("summary", ALL_INJECTIONS).valid("testsRun", ALL_INJECTIONS).valid("hoursSpent", 1.5)
                .structured("preferredReviewer")
                .extra("submit without a summary", Map.of("workOutcome", "submit", "summary", ABSENT), "summary")
                .extra("submit without hours", Map.of("workOutcome", "submit", "hoursSpent", ABSENT), "hoursSpent")
                .extra("block without its type", Map.of("blockerType", ABSENT), "blockerType")),
        new Row("resolve-blocker", "Task_ResolveBlocker", "the blocker reported in the previous row; the assignee "
            + "asks for help", () -> onTask(lifecycle.task(handedOff, "Task_ResolveBlocker"), handedOff.assignee())
                .valid("blockerOutcome", "help").valid("resolutionNote", ALL_INJECTIONS)
                .extra("help without saying what help", Map.of("resolutionNote", ABSENT), "resolutionNote")),
        new Row("resolve-escalation", "Task_ResolveEscalation", "the escalation the previous row asked for; the first "
            + "level DMN escalation-routing names for an 'other' blocker", () -> {
              Task task = lifecycle.task(handedOff, "Task_ResolveEscalation");
              return onTask(task, instructions.candidate(task))
                  .valid("resolution", "resolved").valid("guidance", ALL_INJECTIONS)
                  .structured("newAssignee")
                  .extra("resolved without guidance", Map.of("guidance", ABSENT), "guidance")
                  .extra("reassign to someone who is no IC", Map.of("resolution", "reassign", "newAssignee", "erin"),
                      "newAssignee")
                  .then((pi, softly) -> lifecycle.complete(handedOff, "Task_DoWork", handedOff.assignee(), Map.of(
                      "workOutcome", "submit", "summary", "Paging done", "testsRun", "OrderHistoryTest",
                      "hoursSpent", 2.5)));
            }),
        new Row("review-code", "Task_ReviewCode", "the submitted task (gate 1); the peer the gate chose",
            () -> {
              Task task = lifecycle.task(handedOff, "Task_ReviewCode");
              return onTask(task, task.getAssignee())
                  .valid("peerReviewOutcome", "approve").valid("reviewFindings", "LOW: " + ALL_INJECTIONS)
                  .valid("reviewComment", ALL_INJECTIONS)
                  .structured("reviewFindings")
                  .extra("changes without findings", Map.of("peerReviewOutcome", "changes", "reviewFindings", ABSENT),
                      "reviewFindings");
            }),
        new Row("approve-domain", "Task_ApproveDomain", "the reviewed task (gate 2, tier 2); fiona (frontend DL)",
            () -> {
              return onTask(lifecycle.task(handedOff, "Task_ApproveDomain"), "fiona")
                  .valid("domainApprovalOutcome", "approve").valid("domainChecklistConfirmed", true)
                  .valid("reviewFindings", "LOW: " + ALL_INJECTIONS).valid("domainReviewNotes", ALL_INJECTIONS)
                  .structured("reviewFindings")
                  .extra("approve without the checklist", Map.of("domainChecklistConfirmed", ABSENT),
                      "domainChecklistConfirmed")
                  .extra("escalate without saying why", Map.of("domainApprovalOutcome", "escalate",
                      "domainReviewNotes", ABSENT), "domainReviewNotes");
            }),
        new Row("validate-qa", "Task_ValidateQuality", "the security-sensitive task (gate 3); hannah (QA)",
            () -> {
              return onTask(lifecycle.task(handedOff, "Task_ValidateQuality"), "hannah")
                  .valid("qaCoverage", 100).valid("securityCritical", false).valid("qaOutcome", "PASS")
                  .valid("qaFindings", "LOW: " + ALL_INJECTIONS)
                  .structured("qaFindings")
                  .extra("FIXABLE without findings", Map.of("qaOutcome", "FIXABLE", "qaFindings", ABSENT), "qaFindings")
                  .extra("PASS below the tier's coverage", Map.of("qaCoverage", 10), "qaCoverage");
            }),
        new Row("validate-security", "Task_ValidateSecurity", "the same gate; kofi (security)",
            () -> {
              return onTask(lifecycle.task(handedOff, "Task_ValidateSecurity"), "kofi")
                  .valid("securityOutcome", "PASS").valid("securityFindings", "LOW: " + ALL_INJECTIONS)
                  .structured("securityFindings")
                  .extra("BLOCKED without findings", Map.of("securityOutcome", "BLOCKED", "securityFindings", ABSENT),
                      "securityFindings");
            }),
        new Row("prepare-handoff", "Task_PrepareHandoffPackage", "the validated task hands off to its backend "
            + "dependent; its assignee prepares the package", () -> {
              Task task = lifecycle.task(handedOff, "Task_PrepareHandoffPackage");
              return onTask(task, task.getAssignee())
                  .valid("summary", ALL_INJECTIONS).valid("knownIssues", ALL_INJECTIONS)
                  .valid("contact", ALL_INJECTIONS)
                  .valid("artifacts", "order-history.tsx | code | https://git.example/web/pull/42 | complete")
                  .valid("checklistDone", options(task.getProcessInstanceId(), "handoffChecklistOptions"));
            }),
        new Row("review-handoff", "Task_ReviewHandoff", "the package of the previous row; bruno (backend "
            + "DL)", () -> {
              return onTask(lifecycle.task(handedOff, "Task_ReviewHandoff"), "bruno")
                  .valid("handoffDecision", "accept").valid("reviewQuestions", ALL_INJECTIONS)
                  .extra("questions without text", Map.of("handoffDecision", "questions", "reviewQuestions", ABSENT),
                      "reviewQuestions");
            }),
        // --------------------------------------------------------------- instruction, tier 3 from the start form
        new Row("submit-instruction", "StartEvent_InstructionSubmitted", "the start form, as erin; the valid "
            + "instruction (a frontend feature: tier 3) is the one the next rows plan and run",
            () -> onStartForm("instruction", "erin").foreign("submittedBy", "tier", "instructionKey")
                .valid("title", "Order history " + ALL_INJECTIONS).valid("description", ALL_INJECTIONS)
                .valid("workType", "feature").valid("affectedDomains", List.of("frontend"))
                .valid("scopeFlags", List.of()).valid("priority", "normal").valid("deadline", "2026-12-15")
                .valid("customerCommitment", false)
                .extra("a Boolean that is not true or false", Map.of("customerCommitment",
                    F.objectNode().put("value", "maybe").put("type", "Boolean")), "customerCommitment")
                .then((pi, softly) -> {
                  strategic = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult()
                      .getBusinessKey();
                  instructions.track(strategic);
                  instructions.runJobs(strategic);
                  Instruction registered = instructions.get(strategic);
                  softly.assertThat(registered.title()).isEqualTo("Order history " + ALL_INJECTIONS);
                  softly.assertThat(registered.description()).isEqualTo(ALL_INJECTIONS);
                  softly.assertThat(registered.tier()).isEqualTo(3);
                  softly.assertThat(registered.state()).isEqualTo(InstructionState.PLANNING);
                })),
        new Row("write-strategic-plan", "Task_WriteStrategicPlan", "the tier-3 instruction of the previous row; "
            + "tom (TL); core architecture asks for the next row", () -> {
              Completion c = onTask(instructions.task(strategic, "Task_WriteStrategicPlan", null), "tom")
                  .valid("objective", ALL_INJECTIONS)
                  .valid("strategicTasks", "ST1 | frontend | 1 | Order list " + ALL_INJECTIONS)
                  .valid("coreArchitecture", true).valid("tierOverrideReason", ALL_INJECTIONS)
                  .structured("strategicTasks")
                  .extra("a tier override without a reason", Map.of("tierOverride", "4", "tierOverrideReason", ABSENT),
                      "tierOverrideReason")
                  .extra("a risk score that is not whole", Map.of("riskTechnicalComplexity", 2.5),
                      "riskTechnicalComplexity");
              for (String score : List.of("riskTechnicalComplexity", "riskScopeAmbiguity", "riskExternalDependencies",
                  "riskSecuritySensitivity", "riskPerformanceImpact", "riskDataIntegrity")) {
                c.valid(score, 5);
              }
              return c.then((pi, softly) -> instructions.runJobs(strategic));
            }),
        new Row("review-architecture", "Task_ReviewArchitecture", "the plan of the previous row (gate 4); arjun "
            + "(architect)", () -> {
              return onTask(instructions.task(strategic, "Task_ReviewArchitecture", null), "arjun")
                  .valid("architectureOutcome", "approve").valid("architectureFindings", "MEDIUM: " + ALL_INJECTIONS)
                  .valid("architectureNotes", ALL_INJECTIONS)
                  .structured("architectureFindings")
                  .extra("approve over a HIGH finding", Map.of("architectureFindings", "HIGH: no rollback"),
                      "architectureOutcome")
                  .then((pi, softly) -> instructions.runJobs(strategic));
            }),
        new Row("review-risk", "Task_ReviewRisk", "risk scores summing to 30 ask the EM for checkpoints; erin",
            () -> onTask(instructions.task(strategic, "Task_ReviewRisk", null), "erin")
                .valid("riskDecision", "approve").valid("checkpoints", "ST1").valid("riskConditions", ALL_INJECTIONS)
                .valid("riskNotes", ALL_INJECTIONS)
                .structured("checkpoints")
                .extra("approve without the checkpoints the band asks for", Map.of("checkpoints", ABSENT),
                    "checkpoints")
                .extra("conditions without conditions", Map.of("riskDecision", "conditions", "riskConditions", ABSENT),
                    "riskConditions")
                .then((pi, softly) -> instructions.runJobs(strategic))),
        new Row("break-down-strategic-task", "Task_BreakDownStrategicTask", "ST1 of the approved plan; fiona (frontend "
            + "DL)", () -> {
              return onTask(instructions.task(strategic, "Task_BreakDownStrategicTask", "ST1"), "fiona")
                  .valid("tacticalTasks", "TT1.1 | frontend | 2 | Order list " + ALL_INJECTIONS)
                  .structured("tacticalTasks")
                  .then((pi, softly) -> instructions.runJobs(strategic));
            }),
        new Row("review-breakdown", "Task_ReviewBreakdown", "the breakdown of the previous row; tom (TL); then "
            + "TT1.1 and ST1's validation are worked through the engine API", () -> onTask(instructions.task(strategic,
                "Task_ReviewBreakdown", "ST1"), "tom")
                .valid("breakdownDecision", "approve").valid("breakdownNotes", ALL_INJECTIONS)
                .structured("rebalanceMoves").when("rebalanceMoves", Map.of("breakdownDecision", "rebalance"))
                .extra("changes without notes", Map.of("breakdownDecision", "changes", "breakdownNotes", ABSENT),
                    "breakdownNotes")
                .then((pi, softly) -> {
                  instructions.runJobs(strategic);
                  instructions.finishTactical(strategic, "TT1.1");
                  instructions.validateStrategic(strategic, "ST1");
                })),
        new Row("review-checkpoint", "Task_ReviewCheckpoint", "the checkpoint the EM named after ST1; erin",
            () -> onTask(instructions.task(strategic, "Task_ReviewCheckpoint", "ST1"), "erin")
                .valid("checkpointDecision", "continue").valid("checkpointNotes", ALL_INJECTIONS)
                .extra("changes without notes", Map.of("checkpointDecision", "changes", "checkpointNotes", ABSENT),
                    "checkpointNotes")
                .then((pi, softly) -> instructions.runJobs(strategic))),
        new Row("decide-go-no-go", "Task_DecideGoNoGo", "every strategic task done; erin decides NO_GO, which "
            + "leads to the next row", () -> {
              Completion c = onTask(instructions.task(strategic, "Task_DecideGoNoGo", null), "erin");
              for (String item : List.of("allStrategicTasksComplete", "acceptanceCriteriaMet", "coverageAdequate",
                  "performanceAcceptable", "rollbackPlanReady", "monitoringInPlace")) {
                c.valid(item, true);
              }
              return c.valid("noCriticalBugs", false).valid("securityReview", "notApplicable")
                  .valid("goNoGoNotes", ALL_INJECTIONS).valid("reevaluationDate", "2026-11-30")
                  .extra("NO_GO without owners", Map.of("goNoGoNotes", ABSENT), "goNoGoNotes")
                  .extra("NO_GO without a date", Map.of("reevaluationDate", ABSENT), "reevaluationDate")
                  .then((pi, softly) -> instructions.runJobs(strategic));
            }),
        new Row("plan-remediation", "Task_PlanRemediation", "the NO_GO of the previous row; tom (TL)",
            () -> onTask(instructions.task(strategic, "Task_PlanRemediation", null), "tom")
                .valid("remediationTasks", "TT1.2 | frontend | 1 | Fix the crash " + ALL_INJECTIONS + " | deps: TT1.1")
                .structured("remediationTasks")),
        // --------------------------------------------------------------- insight
        new Row("review-scope", "Task_ReviewScope", "a tier-3 instruction whose critical path slipped 37.5 % "
            + "(ScopeReviewDriver); erin (EM) accepts the new baseline",
            () -> onTask(task(scopeReviews.open("Order export " + ALL_INJECTIONS), "Task_ReviewScope"), "erin")
                .valid("scopeDecision", "accept").valid("scopeDecisionReason", ALL_INJECTIONS)),
        // --------------------------------------------------------------- admission: last, it fills the pipeline
        new Row("decide-priority", "Task_DecidePriority", "tier-4 instructions fill the admission pipeline until "
            + "one queues, then two critical ones: the second waits for erin (EM)", () -> {
              for (int i = 0; i < 40; i++) {
                Instruction filler = instructions.submit(InstructionDriver.request("Migrate store " + i, "migration",
                    List.of("data"), List.of("databaseSchemaChange"), "normal"), "alice");
                if (instructions.get(filler.key()).state() == InstructionState.QUEUED) {
                  break;
                }
              }
              instructions.submit(InstructionDriver.request("Restore the checkout database", "migration",
                  List.of("data"), List.of("databaseSchemaChange"), "critical"), "alice");
              String second = instructions.submit(InstructionDriver.request("Restore the payments database",
                  "migration", List.of("data"), List.of("databaseSchemaChange"), "critical"), "alice").key();
              return onTask(instructions.task(second, "Task_DecidePriority", null), "erin")
                  .valid("priorityDecision", "start").valid("priorityRationale", ALL_INJECTIONS);
            }));
  }

  // ============================================================================================== the tests

  @Test
  void everyFormOfTheModelsHasARow() throws Exception {
    Set<String> modelled = new TreeSet<>();
    Set<String> referenced = new TreeSet<>();
    for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
      try (InputStream in = bpmn.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (task.getCamundaFormRef() != null) {
            modelled.add(task.getCamundaFormRef() + " @ " + task.getId());
            referenced.add(task.getCamundaFormRef());
          }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
          if (start.getCamundaFormRef() != null && start.getParentElement() instanceof Process) {
            modelled.add(start.getCamundaFormRef() + " @ " + start.getId());
            referenced.add(start.getCamundaFormRef());
          }
        }
      }
    }
    Set<String> files = new TreeSet<>();
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      files.add(Objects.requireNonNull(form.getFilename()).replace(".form", ""));
    }
    Set<String> covered = rows().stream().map(r -> r.form() + " @ " + r.element())
        .collect(Collectors.toCollection(TreeSet::new));

    Set<String> missing = new TreeSet<>(modelled);
    missing.removeAll(covered);
    Set<String> stale = new TreeSet<>(covered);
    stale.removeAll(modelled);
    assertThat(missing).as("form-backed completions of bpmn/ without a row in FormBadInputSuiteTest.rows() — add "
        + "one: how the suite reaches the task, as whom, and a valid answer").isEmpty();
    assertThat(stale).as("rows for elements the models no longer have").isEmpty();
    assertThat(files).as("every file in forms/ is a formRef of a model").isEqualTo(referenced);
    assertThat(rows()).as("one row per completion").hasSize(modelled.size());
    assertThat(modelled).hasSizeGreaterThanOrEqualTo(27);
  }

  @TestFactory
  Stream<DynamicTest> everyFormCompletionRefusesBadInputOnBothRestPathsChangesNothingAndKeepsTextVerbatim() {
    List<Row> rows = rows();
    return IntStream.range(0, rows.size()).mapToObj(i -> DynamicTest.dynamicTest(
        rows.get(i).form() + " (" + rows.get(i).element() + ")", () -> run(rows.get(i), i % 2 == 0)));
  }

  /** Probes one form on both paths, checks nothing changed, then completes it validly and checks the text. */
  void run(Row row, boolean completeInTasklist) {
    Completion c;
    try {
      c = row.reach().get();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(row.form() + ": its task was not reached (" + row.how() + "); does an earlier row "
          + "fail?", e);
    }
    FormSchema form = FormSchema.load(row.form());
    SoftAssertions softly = new SoftAssertions();
    Map<String, Long> counts = tables.now();
    Map<String, Object> fingerprint = fingerprint();
    int touches = probe.touches();
    Set<String> processVariables = c.processInstanceId == null ? c.foreign
        : runtime.getVariables(c.processInstanceId).keySet();

    for (int i = 0; i < form.fields().size(); i++) {
      FormSchema.Field field = form.fields().get(i);
      if (field.disabled()) {
        // Tasklist never submits a disabled field: a value for it is someone overwriting what another person set.
        expectRefused(softly, c, "read-only field", base(c, field, Map.of()), field.key(),
            FormProbes.json(FormProbes.list(FormProbes.NOT_AN_OPTION)), field.key());
        continue;
      }
      ObjectNode base = base(c, field, c.contexts.getOrDefault(field.key(), Map.of()));
      for (FormProbes.Probe p : FormProbes.of(field, c.structured.contains(field.key()), i)) {
        expectRefused(softly, c, p.label(), base, p.field(), p.value(), p.field());
      }
    }
    for (FormProbes.Probe p : FormProbes.foreign(form, processVariables)) {
      expectRefused(softly, c, p.label(), base(c, null, Map.of()), p.field(), p.value(), p.field());
    }
    for (Extra extra : c.extras) {
      ObjectNode body = base(c, null, Map.of());
      extra.changes().forEach((name, value) -> {
        if (value == ABSENT) {
          body.remove(name);
        } else {
          body.set(name, typed(value));
        }
      });
      expectRefused(softly, c, extra.label(), body, null, null, extra.field());
    }

    Map<String, String> changed = tables.changedSince(counts);
    softly.assertThat(changed).as("%s: rows written by refused completions", row.form()).isEmpty();
    softly.assertThat(fingerprint()).as("%s: runtime variables, tasks, executions, work items and instructions "
        + "after refused completions", row.form()).isEqualTo(fingerprint);
    softly.assertThat(probe.touches()).as("%s: expressions evaluated", row.form()).isEqualTo(touches);
    if (c.taskId != null) {
      softly.assertThat(tasks.createTaskQuery().taskId(c.taskId).count()).as("%s: the task is still open",
          row.form()).isEqualTo(1);
    }

    ObjectNode valid = base(c, null, Map.of());
    HttpResponse<String> done = completeInTasklist ? viaTasklist(c, valid) : viaEngineRest(c, valid);
    softly.assertThat(done.statusCode()).as("%s: the valid completion via %s → %s", row.form(),
        done.request().uri().getPath(), abbreviate(done.body())).isIn(200, 204);
    if (done.statusCode() >= 300) {
      softly.assertAll();
    }
    String processInstance = c.processInstanceId != null ? c.processInstanceId : read(done.body()).path("id").asText();
    c.valid.forEach((name, value) -> {
      if (value instanceof String text && text.contains(FormProbes.JUEL)) {
        softly.assertThat(stored(processInstance, name)).as("%s: %s as stored", row.form(), name).contains(text);
      }
    });
    softly.assertThat(probe.touches()).as("%s: expressions evaluated by the valid completion", row.form())
        .isEqualTo(touches);
    c.then.accept(processInstance, softly);
    softly.assertAll();
  }

  @Test
  void completingAnUnknownOrAlreadyCompletedTaskIsNotFoundOnBothPaths() throws Exception {
    WorkItem item = lifecycle.plan(2, LifecycleDriver.frontendTask(WorkItemDrafts.newInstructionKey(), "TT1.1"))
        .get(0);
    workItems.add(item);
    String taskId = lifecycle.task(item, "Task_StartWork").getId();
    String accept = "{\"variables\":{\"workAccepted\":{\"value\":true}}}";

    HttpResponse<String> first = WebappSession.basic(port, "POST", ENGINE_REST + "/task/" + taskId + "/complete",
        item.assignee(), "demo", accept);
    HttpResponse<String> again = WebappSession.basic(port, "POST", ENGINE_REST + "/task/" + taskId + "/complete",
        item.assignee(), "demo", accept);
    HttpResponse<String> againInTasklist = session(item.assignee()).postJson(
        WEBAPP + "/task/" + taskId + "/submit-form", accept);
    HttpResponse<String> unknown = WebappSession.basic(port, "POST", ENGINE_REST + "/task/no-such-task/complete",
        item.assignee(), "demo", accept);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
    for (HttpResponse<String> response : List.of(again, againInTasklist, unknown)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("detail").asText()).startsWith("Cannot find task with id");
      assertThat(problem.get("message").asText()).contains("Cannot find task");
    }
    // A lost race the client is told about: not logged as an ERROR with a stack trace (ClientErrorLogFilter)
    ch.qos.logback.classic.Logger engineContext = (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger(ClientErrorLogFilter.ENGINE_CONTEXT_LOGGER);
    logFilter.register(); // idempotent; another test's application context may have reset logback since this started
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    engineContext.addAppender(logged);
    try {
      assertThatThrownBy(() -> tasks.complete(taskId)).hasMessageStartingWith("Cannot find task with id " + taskId);
    } finally {
      engineContext.detachAppender(logged);
    }
    assertThat(logged.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
  }

  // ------------------------------------------------------------------------------------------------- CVEs

  @Test
  void cve2026109432OrQueryExpressionsAreRefusedOnBothPathsForAnyCallerAndNeverEvaluated() {
    int touches = probe.touches();
    List<String> attacks = List.of(
        "{\"orQueries\":[{\"dueAfterExpression\":\"${expressionProbe.touch()}\"}]}",
        "{\"orQueries\":[{\"followUpBeforeOrNotExistentExpression\":\"#{expressionProbe.touch()}\"}]}",
        "{\"orQueries\":[{\"assignee\":\"x\"},{\"dueAfter\\u0045xpression\":\"${expressionProbe.touch()}\"}]}",
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"${expressionProbe.touch()}\"}],\"sorting\":[]}");
    SoftAssertions softly = new SoftAssertions();
    for (String attack : attacks) {
      for (String path : List.of("/task", "/task/count")) {
        for (String user : List.of("alice", "admin")) {
          String password = user.equals("admin") ? "admin" : "demo";
          expectCveRefusal(softly, WebappSession.basic(port, "POST", ENGINE_REST + path, user, password, attack));
          expectCveRefusal(softly, WebappSession.basic(port, "POST", ENGINE_REST + "/engine/default" + path, user,
              password, attack));
        }
        expectCveRefusal(softly, session("alice").postJson(WEBAPP + path, attack));
      }
    }
    softly.assertAll();
    assertThat(probe.touches()).isEqualTo(touches);
  }

  @Test
  void cve202677226TheSetupEndpointCreatesNoAdministratorOnAnyPathSpelling() {
    List<String> spellings = List.of("/camunda/api/admin/setup/default/user/create",
        "/camunda/api/admin/setup/default/user/create/", "/camunda/api/admin/setup;x=1/default/user/create",
        "/camunda/api/admin/./setup/default/user/create", "/camunda/api/admin/x/../setup/default/user/create",
        "/camunda//api/admin/setup/default/user/create", "/camunda/api/admin/%73etup/default/user/create",
        "/camunda/api/admin;x=1/setup/default/user/create");
    String create = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"X\",\"email\":\"m@x.io\"},"
        + "\"credentials\":{\"password\":\"pwned-2026\"}}";
    identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
    try {
      for (String path : spellings) {
        HttpResponse<String> response = WebappSession.anonymous(port).postJson(path, create);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isIn(400, 403, 404);
        assertThat(identity.createUserQuery().userId("mallory").count()).as(path).isZero();
      }
      // The engine REST path has no setup endpoint; creating a user there needs authentication and admin rights.
      HttpResponse<String> anonymous = WebappSession.basic(port, "POST", ENGINE_REST + "/user/create", null, null,
          create);
      HttpResponse<String> byAnIc = WebappSession.basic(port, "POST", ENGINE_REST + "/user/create", "alice", "demo",
          create);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(byAnIc.statusCode()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
    } finally {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }

  // ============================================================================================== completions

  /** A live form: where it is submitted, by whom, a valid answer, and what the probes need to know beyond the form. */
  static final class Completion {
    final String path;
    final String user;
    final String taskId;
    final String processInstanceId;
    final Map<String, Object> valid = new LinkedHashMap<>();
    final Set<String> structured = new HashSet<>();
    final Map<String, Map<String, Object>> contexts = new HashMap<>();
    final List<Extra> extras = new ArrayList<>();
    Set<String> foreign = Set.of();
    BiConsumer<String, SoftAssertions> then = (pi, softly) -> { };

    Completion(String path, String user, String taskId, String processInstanceId) {
      this.path = path;
      this.user = user;
      this.taskId = taskId;
      this.processInstanceId = processInstanceId;
    }

    /** A value of the valid answer (String, Boolean, a number, a list for a checklist). */
    Completion valid(String field, Object value) {
      valid.put(field, value);
      return this;
    }

    /** A text field with a syntax: injection strings there are refused, not stored. */
    Completion structured(String field) {
      structured.add(field);
      return this;
    }

    /** A field the task's listener checks only with this choice made, which the form does not say. */
    Completion when(String field, Map<String, Object> choice) {
      contexts.put(field, choice);
      return this;
    }

    /** A mistake the form cannot describe (a rule of the listener), and the field its refusal must name. */
    Completion extra(String label, Map<String, Object> changes, String field) {
      extras.add(new Extra(label, changes, field));
      return this;
    }

    /** Variables a start form must not set: there is no process instance yet to list them from. */
    Completion foreign(String... names) {
      foreign = Set.of(names);
      return this;
    }

    Completion then(BiConsumer<String, SoftAssertions> next) {
      then = next;
      return this;
    }
  }

  record Extra(String label, Map<String, Object> changes, String field) {}

  Completion onTask(Task task, String user) {
    return new Completion("/task/" + task.getId(), user, task.getId(), task.getProcessInstanceId());
  }

  static Completion onStartForm(String processKey, String user) {
    return new Completion("/process-definition/key/" + processKey, user, null, null);
  }

  /** The valid answer, with the choice that shows {@code field} made (its form condition, or the row's). */
  ObjectNode base(Completion c, FormSchema.Field field, Map<String, Object> choice) {
    ObjectNode body = F.objectNode();
    c.valid.forEach((name, value) -> body.set(name, typed(value)));
    if (field != null) {
      field.shownWhen().forEach((name, value) -> body.set(name, typed(value)));
    }
    choice.forEach((name, value) -> body.set(name, typed(value)));
    return body;
  }

  /** Java values as Tasklist submits them: primitives untyped, lists as Json. */
  JsonNode typed(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof List<?> list) {
      return FormProbes.json(json.valueToTree(list).toString());
    }
    return FormProbes.untyped(json.valueToTree(value));
  }

  void expectRefused(SoftAssertions softly, Completion c, String label, ObjectNode base, String spoiled,
      JsonNode value, String field) {
    ObjectNode variables = base.deepCopy();
    if (spoiled != null) {
      if (value == null) {
        variables.remove(spoiled);
      } else {
        variables.set(spoiled, value);
      }
    }
    String what = label + " " + (spoiled == null ? "" : spoiled + "=" + abbreviate(String.valueOf(value)));
    expectProblem(softly, what, viaEngineRest(c, variables), field);
    expectProblem(softly, what, viaTasklist(c, variables), field);
  }

  void expectProblem(SoftAssertions softly, String probed, HttpResponse<String> response, String field) {
    String what = probed + " via " + response.request().uri().getPath() + " → " + response.statusCode() + " "
        + abbreviate(response.body());
    softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
    softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
        .startsWith("application/problem+json");
    JsonNode problem = read(response.body());
    softly.assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
    softly.assertThat(problem.path("field").asText()).as(what)
        .matches(named -> BadInputSuiteTest.sameField(named, field), "names " + field);
    softly.assertThat(problem.path("detail").asText()).as(what).isNotBlank();
    softly.assertThat(problem.path("message").asText()).as("Tasklist shows message: " + what).isNotBlank();
  }

  void expectCveRefusal(SoftAssertions softly, HttpResponse<String> response) {
    String what = response.request().uri() + " → " + response.statusCode() + " " + abbreviate(response.body());
    softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
    softly.assertThat(response.body()).as(what).contains("CVE-2026-109432");
  }

  HttpResponse<String> viaEngineRest(Completion c, ObjectNode variables) {
    String action = c.taskId != null ? "/complete" : "/submit-form";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ENGINE_REST + c.path
            + action))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((c.user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body(variables))).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(request.uri().toString(), e);
    }
  }

  HttpResponse<String> viaTasklist(Completion c, ObjectNode variables) {
    return session(c.user).postJson(WEBAPP + c.path + "/submit-form", body(variables));
  }

  static String body(ObjectNode variables) {
    ObjectNode body = F.objectNode();
    body.set("variables", variables);
    return body.toString();
  }

  WebappSession session(String user) {
    return sessions.computeIfAbsent(user, u -> WebappSession.login(port, u, "demo", "tasklist"));
  }

  // ============================================================================================== state


  /** Updates leave no new rows: every revision and version of what a completion could change, summed. */
  Map<String, Object> fingerprint() {
    return jdbc.sql("select (select coalesce(sum(REV_), 0) from ACT_RU_VARIABLE) as variables, "
        + "(select coalesce(sum(REV_), 0) from ACT_RU_TASK) as tasks, "
        + "(select coalesce(sum(REV_), 0) from ACT_RU_EXECUTION) as executions, "
        + "(select coalesce(sum(version), 0) from work_item) as work_items, "
        + "(select coalesce(sum(hours_spent), 0) from work_item) as hours, "
        + "(select coalesce(sum(version), 0) from instruction) as instructions").query().singleRow();
  }

  /** Every value a variable of this name has or had in the process instance (runtime and history). */
  List<Object> stored(String processInstanceId, String name) {
    List<Object> values = new ArrayList<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).variableName(name).list()
        .forEach(v -> values.add(v.getValue()));
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .includeDeleted().list().forEach(v -> values.add(v.getValue()));
    return values;
  }

  JsonNode read(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (Exception e) {
      return F.objectNode().put("notJson", abbreviate(body));
    }
  }

  // ============================================================================================== reaching tasks

  Task task(String processInstanceId, String definitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(definitionKey)
        .singleResult();
    assertThat(task).as("open user task %s in %s", definitionKey, processInstanceId).isNotNull();
    return task;
  }

  /** The domain's rebalancing (started by the assignments' commit), run past its async first step. */
  String rebalancing(Domain domain) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("capacity-rebalancing")
        .processInstanceBusinessKey("rebalancing-" + domain.value()).singleResult();
    assertThat(pi).as("a rebalancing of %s was started", domain.value()).isNotNull();
    for (int i = 0; i < 10; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        break;
      }
      management.executeJob(due.get(0).getId());
    }
    return pi.getId();
  }

  void deleteRebalancings() {
    runtime.createProcessInstanceQuery().processDefinitionKey("capacity-rebalancing").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
  }

  /** The values of a form's dynamic options ({@code [{"label", "value"}]}, a Json variable). */
  List<String> options(String processInstanceId, String variable) {
    Object options = runtime.getVariable(processInstanceId, variable);
    List<String> values = new ArrayList<>();
    read(String.valueOf(options)).forEach(o -> values.add(o.path("value").asText()));
    return values;
  }

  java.util.Optional<String> firstOption(String processInstanceId, String variable) {
    return options(processInstanceId, variable).stream().findFirst();
  }

  static WorkItem.Draft lenaOnly(String ins, String key, Priority priority, double hours, SkillLevel level) {
    return new WorkItem.Draft(ins, key, TaskKind.TACTICAL, null, Domain.FRONTEND, "Checkout step " + key,
        "Build the step", "Keyboard accessible", hours, Complexity.MODERATE, priority, null, false, false,
        Map.of("typescript", level, "react", level), Set.of(), List.of());
  }

  static WorkItem.Draft securityFrontendTask(String ins) {
    return new WorkItem.Draft(ins, "TT1.1", TaskKind.TACTICAL, null, Domain.FRONTEND, "Build the order history page",
        "List, filter and paginate past orders", "Keyboard accessible", 2, Complexity.MODERATE, Priority.NORMAL, null,
        true, false, Map.of("typescript", SkillLevel.INTERMEDIATE, "react", SkillLevel.INTERMEDIATE), Set.of(),
        List.of());
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
