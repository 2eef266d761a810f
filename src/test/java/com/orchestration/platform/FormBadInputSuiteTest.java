package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 part 5 for the form-backed completions, through both of Camunda's REST APIs — {@code /engine-rest} (HTTP
 * Basic, what scripts and agents use) and the webapps' {@code /camunda/api/engine/engine/default} (the session
 * Tasklist uses): the main forms (submit-instruction, write-tactical-plan, start-work, do-work, review-code) fed
 * missing, wrong, mistyped, oversized and foreign variables. Every answer is a 400 RFC 7807 problem detail naming the
 * field (with Camunda's {@code message}, which Tasklist shows), the task stays open in the same state, no table gains
 * a row, and no expression is evaluated. Also the CVE attack requests on both paths, beyond
 * {@link CveMitigationTest} (which covers the plain requests) and {@link ExpressionKeyGuardFilterTest}.
 */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormBadInputSuiteTest {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";
  static final String HUGE = "x".repeat(1024 * 1024);
  static final String SERIALIZED_JAVA = "{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":"
      + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ExpressionProbe probe;
  @Autowired LifecycleDriver lifecycle;
  @Autowired InstructionDriver instructions;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  final Map<String, WebappSession> sessions = new HashMap<>();
  final List<WorkItem> workItems = new ArrayList<>();
  WorkItem assigned;
  WorkItem inProgress;
  WorkItem underReview;
  String planning;
  List<String> tables;

  /** One bad completion: which form, who sends it, its variables (JSON), and the field the answer must name. */
  record Case(String form, String user, Supplier<String> target, String variables, String field) {}

  @BeforeAll
  void fixtures() {
    lifecycle.startClock();
    tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
        + "and table_type = 'BASE TABLE' and table_name not like 'ACT_RU_METER%' and table_name not like "
        + "'ACT_RU_TASK_METER%'").query(String.class).list();
    assigned = plan();
    inProgress = plan();
    lifecycle.complete(inProgress, "Task_StartWork", inProgress.assignee(), Map.of("workAccepted", true));
    underReview = plan();
    lifecycle.complete(underReview, "Task_StartWork", underReview.assignee(), Map.of("workAccepted", true));
    lifecycle.complete(underReview, "Task_DoWork", underReview.assignee(), Map.of("workOutcome", "submit",
        "summary", "Paging done", "testsRun", "OrderHistoryTest", "hoursSpent", 1.5));
    Instruction tier2 = instructions.submit(InstructionDriver.request("Fix the rounding of order totals", "fix",
        List.of("backend"), List.of(), "normal"), "erin");
    planning = tier2.key();
    assertThat(lifecycle.reload(underReview).state()).isEqualTo(TaskState.UNDER_REVIEW);
  }

  @AfterAll
  void cleanUp() {
    lifecycle.cleanUp(workItems);
    instructions.cleanUp();
  }

  WorkItem plan() {
    WorkItem item = lifecycle.plan(2, LifecycleDriver.frontendTask(WorkItemDrafts.newInstructionKey(), "TT1.1"))
        .get(0);
    workItems.add(item);
    return item;
  }

  String taskOf(WorkItem item, String definitionKey) {
    return lifecycle.task(item, definitionKey).getId();
  }

  List<Case> cases() {
    String ic = lifecycle.reload(assigned).assignee();
    String worker = lifecycle.reload(inProgress).assignee();
    String peer = lifecycle.task(underReview, "Task_ReviewCode").getAssignee();
    Supplier<String> start = () -> "/process-definition/key/instruction/submit-form";
    Supplier<String> plan = () -> "/task/" + instructions.task(planning, "Task_WriteTacticalPlan", null).getId();
    Supplier<String> startWork = () -> "/task/" + taskOf(assigned, "Task_StartWork");
    Supplier<String> doWork = () -> "/task/" + taskOf(inProgress, "Task_DoWork");
    Supplier<String> review = () -> "/task/" + taskOf(underReview, "Task_ReviewCode");
    String submit = "\"workOutcome\":{\"value\":\"submit\"},\"summary\":{\"value\":\"Paging\"},"
        + "\"testsRun\":{\"value\":\"OrderHistoryTest\"}";
    return List.of(
        new Case("submit-instruction", "erin", start, "{}", "title"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"\"}}", "title"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"" + "t".repeat(201) + "\"}}", "title"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"" + HUGE + "\"}}", "title"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"priority\":{\"value\":"
            + "\"urgent\"}}", "priority"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"workType\":{\"value\":"
            + "\"hack\"}}", "workType"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"estimateHours\":"
            + "{\"value\":\"lots\"}}", "estimateHours"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"customerCommitment\":"
            + "{\"value\":\"maybe\",\"type\":\"Boolean\"}}", "customerCommitment"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"deadline\":"
            + "{\"value\":\"tomorrow\"}}", "deadline"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"affectedDomains\":"
            + "{\"value\":\"[\\\"mobile\\\"]\",\"type\":\"Json\"}}", "affectedDomains[0]"),
        new Case("submit-instruction", "erin", start, "{\"title\":{\"value\":\"Fix\"},\"tier\":{\"value\":0}}",
            "tier"),
        new Case("submit-instruction", "erin", start, "{\"title\":" + SERIALIZED_JAVA + "}", "title"),
        new Case("write-tactical-plan", "tom", plan, "{}", "tacticalTasks"),
        new Case("write-tactical-plan", "tom", plan, "{\"tacticalTasks\":{\"value\":\"garbage\"}}", "tacticalTasks"),
        new Case("write-tactical-plan", "tom", plan, "{\"tacticalTasks\":{\"value\":\"" + HUGE + "\"}}",
            "tacticalTasks"),
        new Case("write-tactical-plan", "tom", plan, "{\"tierOverride\":{\"value\":\"9\"}}", "tierOverride"),
        new Case("write-tactical-plan", "tom", plan, "{\"tierOverride\":{\"value\":\"3\"}}", "tierOverrideReason"),
        new Case("write-tactical-plan", "tom", plan, "{\"tier\":{\"value\":0}}", "tier"),
        new Case("start-work", ic, startWork, "{}", "workAccepted"),
        new Case("start-work", ic, startWork, "{\"workAccepted\":{\"value\":false}}", "workAccepted"),
        new Case("start-work", ic, startWork, "{\"workAccepted\":{\"value\":\"maybe\"}}", "workAccepted"),
        new Case("start-work", ic, startWork, "{\"workAccepted\":{\"value\":\"maybe\",\"type\":\"Boolean\"}}",
            "workAccepted"),
        new Case("start-work", ic, startWork, "{\"workAccepted\":{\"value\":true},\"assignee\":{\"value\":"
            + "\"marco\"}}", "assignee"),
        new Case("start-work", ic, startWork, "{\"workAccepted\":" + SERIALIZED_JAVA + "}", "workAccepted"),
        new Case("do-work", worker, doWork, "{}", "workOutcome"),
        new Case("do-work", worker, doWork, "{\"workOutcome\":{\"value\":\"maybe\"}}", "workOutcome"),
        new Case("do-work", worker, doWork, "{\"workOutcome\":{\"value\":\"submit\"},\"hoursSpent\":{\"value\":1}}",
            "summary"),
        new Case("do-work", worker, doWork, "{" + submit + ",\"hoursSpent\":{\"value\":\"lots\"}}", "hoursSpent"),
        new Case("do-work", worker, doWork, "{" + submit + ",\"hoursSpent\":{\"value\":1e9}}", "hoursSpent"),
        new Case("do-work", worker, doWork, "{" + submit + ",\"hoursSpent\":{\"value\":-1}}", "hoursSpent"),
        new Case("do-work", worker, doWork, "{" + submit + "}", "hoursSpent"),
        new Case("do-work", worker, doWork, "{\"workOutcome\":{\"value\":\"block\"}}", "blockerType"),
        new Case("do-work", worker, doWork, "{" + submit.replace("Paging", HUGE) + ",\"hoursSpent\":{\"value\":1}}",
            "summary"),
        new Case("do-work", worker, doWork, "{" + submit + ",\"hoursSpent\":{\"value\":1},\"workItemId\":"
            + "{\"value\":1}}", "workItemId"),
        new Case("do-work", worker, doWork, "{" + submit + ",\"hoursSpent\":{\"value\":[1]}}", "hoursSpent"),
        new Case("review-code", peer, review, "{}", "peerReviewOutcome"),
        new Case("review-code", peer, review, "{\"peerReviewOutcome\":{\"value\":\"maybe\"}}", "peerReviewOutcome"),
        new Case("review-code", peer, review, "{\"peerReviewOutcome\":{\"value\":\"changes\"}}", "reviewFindings"),
        new Case("review-code", peer, review, "{\"peerReviewOutcome\":{\"value\":\"changes\"},\"reviewFindings\":"
            + "{\"value\":\"no severity here\"}}", "reviewFindings"),
        new Case("review-code", peer, review, "{\"peerReviewOutcome\":{\"value\":\"approve\"},\"reworkCount\":"
            + "{\"value\":0}}", "reworkCount"));
  }

  @Test
  void badFormCompletionsAreRefusedNamingTheFieldOnBothRestPathsAndChangeNothing() throws Exception {
    int touches = probe.touches();
    Map<String, Long> before = counts();
    Map<WorkItem, TaskState> states = new LinkedHashMap<>();
    for (WorkItem item : List.of(assigned, inProgress, underReview)) {
      states.put(item, lifecycle.reload(item).state());
    }
    SoftAssertions softly = new SoftAssertions();
    for (Case c : cases()) {
      String target = c.target().get();
      String action = target.startsWith("/task/") ? "/complete" : "";
      String body = "{\"variables\":" + c.variables() + "}";
      expectProblem(softly, c, WebappSession.basic(port, "POST", ENGINE_REST + target + action, c.user(), "demo",
          body));
      String webappAction = target.startsWith("/task/") ? "/submit-form" : "";
      expectProblem(softly, c, session(c.user()).postJson(WEBAPP + target + webappAction, body));
    }
    softly.assertAll();

    states.forEach((item, state) -> assertThat(lifecycle.reload(item).state()).isEqualTo(state));
    assertThat(counts()).as("rows written by refused completions").isEqualTo(before);
    assertThat(probe.touches()).isEqualTo(touches);
  }

  @Test
  void expressionsAndMarkupInFormTextAreStoredVerbatimNeverEvaluated() {
    WorkItem item = plan();
    lifecycle.complete(item, "Task_StartWork", item.assignee(), Map.of("workAccepted", true));
    String summary = "${1+1} #{1+1} ${expressionProbe.touch()} #{expressionProbe.touch()} <script>alert(1)</script>";
    int touches = probe.touches();

    HttpResponse<String> submitted = session(item.assignee()).postJson(
        WEBAPP + "/task/" + taskOf(item, "Task_DoWork") + "/submit-form",
        "{\"variables\":{\"workOutcome\":{\"value\":\"submit\"},\"summary\":{\"value\":\"" + summary + "\"},"
            + "\"testsRun\":{\"value\":\"' or 1=1 --\"},\"hoursSpent\":{\"value\":1}}}");

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    WorkItem after = lifecycle.reload(item);
    assertThat(after.state()).isEqualTo(TaskState.UNDER_REVIEW);
    assertThat(runtime.getVariable(after.processInstanceId(), "summary")).isEqualTo(summary);
    assertThat(runtime.getVariable(after.processInstanceId(), "testsRun")).isEqualTo("' or 1=1 --");
    assertThat(probe.touches()).isEqualTo(touches);
  }

  @Test
  void completingAnUnknownOrAlreadyCompletedTaskIsNotFoundOnBothPaths() throws Exception {
    WorkItem item = plan();
    String taskId = taskOf(item, "Task_StartWork");
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
          expectRefused(softly, WebappSession.basic(port, "POST", ENGINE_REST + path, user, password, attack));
          expectRefused(softly, WebappSession.basic(port, "POST", ENGINE_REST + "/engine/default" + path, user,
              password, attack));
        }
        expectRefused(softly, session("alice").postJson(WEBAPP + path, attack));
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

  // ------------------------------------------------------------------------------------------------- helpers

  void expectProblem(SoftAssertions softly, Case c, HttpResponse<String> response) {
    String what = c.form() + " " + abbreviate(c.variables()) + " via " + response.request().uri().getPath()
        + " → " + response.statusCode() + " " + abbreviate(response.body());
    softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
    softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
        .startsWith("application/problem+json");
    try {
      JsonNode problem = json.readTree(response.body());
      softly.assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
      softly.assertThat(problem.path("field").asText()).as(what)
          .matches(named -> BadInputSuiteTest.sameField(named, c.field()), "names " + c.field());
      softly.assertThat(problem.path("detail").asText()).as(what).isNotBlank();
      softly.assertThat(problem.path("message").asText()).as("Tasklist shows message: " + what).isNotBlank();
    } catch (Exception e) {
      softly.fail("not JSON: " + what);
    }
  }

  void expectRefused(SoftAssertions softly, HttpResponse<String> response) {
    String what = response.request().uri() + " → " + response.statusCode() + " " + abbreviate(response.body());
    softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
    softly.assertThat(response.body()).as(what).contains("CVE-2026-109432");
  }

  WebappSession session(String user) {
    return sessions.computeIfAbsent(user, u -> WebappSession.login(port, u, "demo", "tasklist"));
  }

  /** Rows per table, in one statement (the tables of Camunda, Flyway and ours; metrics excluded). */
  Map<String, Long> counts() {
    String sql = tables.stream().map(t -> "select '" + t + "' as t, count(*) as n from \"" + t + "\"")
        .collect(java.util.stream.Collectors.joining(" union all "));
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }


  static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
