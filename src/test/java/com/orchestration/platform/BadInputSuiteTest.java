package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orchestration.OrchestrationTest;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.lifecycle.LifecycleDriver;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemDrafts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 part 5, SPEC §13 "bad input anywhere → a clear error naming the field; nothing half-written": every
 * operation of our API, as listed by the OpenAPI document at test time, is fed unknown ids, injection strings,
 * malformed JSON, wrong types, missing fields, {@code null}s and 1 MB strings. Every answer must be a 4xx RFC 7807
 * problem detail (naming the field where one is to blame), no table may gain or lose a row, and no expression may
 * be evaluated ({@link ExpressionProbe}).
 *
 * <p>The probes are derived from the OpenAPI document (path and query parameters, request body schemas with their
 * nested properties). What the document cannot say — who may call an operation and which existing ids get a request
 * past its 404 to the validation — is one row in {@link #endpoints()}. An operation without a row fails
 * {@link #everyOperationOfTheApiHasARow()}, so a new endpoint cannot be forgotten: add its row.
 *
 * <p>Form completions through Camunda's REST APIs and the CVE requests are in {@link FormBadInputSuiteTest}.
 */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSuiteTest {

  static final String SQL = "' or 1=1 --";
  static final String JUEL = "${expressionProbe.touch()}";
  static final String DEFERRED = "#{expressionProbe.touch()}";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final List<String> INJECTIONS = List.of(SQL, "${1+1}", JUEL, "#{1+1}", DEFERRED, SCRIPT);
  static final String HUGE = "x".repeat(1024 * 1024);
  static final String LONG_QUERY = "q".repeat(4000);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ExpressionProbe probe;
  @Autowired LifecycleDriver lifecycle;
  @Autowired InstructionDriver instructions;
  @Autowired RuntimeService runtime;

  final HttpClient http = HttpClient.newHttpClient();
  JsonNode openApi;
  TableCounts tables;

  String waitingForTacticalPlan;
  String waitingForBreakdown;
  WorkItem assigned;
  WorkItem inProgress;
  final List<WorkItem> workItems = new ArrayList<>();

  /**
   * One operation of our API: who may call it, the existing ids that take a request past its 404 to the validation,
   * and a valid body whose fields the probes spoil one at a time (never sent as it is).
   */
  record Endpoint(String method, String template, String caller, Map<String, String> existing, String validBody) {
    String key() {
      return method + " " + template;
    }
  }

  static Endpoint get(String template) {
    return new Endpoint("GET", template, "alice", Map.of(), null);
  }

  static Endpoint get(String template, Map<String, String> existing) {
    return new Endpoint("GET", template, "alice", existing, null);
  }

  static Endpoint post(String template, String caller, Map<String, String> existing, String validBody) {
    return new Endpoint("POST", template, caller, existing, validBody);
  }

  /** The table: one row per operation. Adding an endpoint to the API means adding its row here. */
  List<Endpoint> endpoints() {
    Map<String, String> assignedTask = Map.of("instructionKey", assigned.instructionKey(),
        "taskKey", assigned.taskKey());
    Map<String, String> workedTask = Map.of("instructionKey", inProgress.instructionKey(),
        "taskKey", inProgress.taskKey());
    String tacticalTask = "{\"key\":\"TT1\",\"domain\":\"backend\",\"estimate\":2,\"description\":\"Reproduce\","
        + "\"dependencies\":[],\"requiredSkills\":{\"java\":\"intermediate\"},\"niceToHaveSkills\":[\"sql\"],"
        + "\"complexity\":\"moderate\",\"securitySensitive\":false,\"architectural\":false,"
        + "\"acceptanceCriteria\":\"Totals match\"}";
    return List.of(
        get("/api/people"),
        get("/api/people/{id}", Map.of("id", "alice")),
        get("/api/people/{id}/workload", Map.of("id", "alice")),
        get("/api/skills"),
        get("/api/capacity"),
        get("/api/capacity/forecast"),
        get("/api/instructions"),
        get("/api/instructions/{key}", Map.of("key", waitingForTacticalPlan)),
        get("/api/instructions/{key}/critical-path", Map.of("key", waitingForBreakdown)),
        post("/api/instructions", "erin", Map.of(),
            "{\"title\":\"Fix totals\",\"description\":\"Off by a cent\",\"workType\":\"fix\","
                + "\"affectedDomains\":[\"backend\"],\"scopeFlags\":[\"singleFileNoDependencies\"],"
                + "\"priority\":\"normal\",\"deadline\":\"2026-12-01\",\"customerCommitment\":false,"
                + "\"estimateHours\":1.5}"),
        post("/api/instructions/classification", "alice", Map.of(),
            "{\"title\":\"Fix totals\",\"description\":\"Off by a cent\",\"workType\":\"fix\","
                + "\"affectedDomains\":[\"backend\"],\"scopeFlags\":[\"securitySensitive\"],\"priority\":\"high\"}"),
        post("/api/instructions/{key}/plan", "tom", Map.of("key", waitingForTacticalPlan),
            "{\"tacticalTasks\":[" + tacticalTask + "],\"tierOverride\":2,\"tierOverrideReason\":\"as classified\","
                + "\"objective\":null,\"strategicTasks\":null,\"riskScores\":null,\"coreArchitecture\":null}"),
        post("/api/instructions/{key}/strategic-tasks/{st}/breakdown", "bruno",
            Map.of("key", waitingForBreakdown, "st", "ST1"),
            "{\"tacticalTasks\":[" + tacticalTask.replace("TT1", "TT1.1") + "]}"),
        post("/api/instructions/{key}/cancel", "tom", Map.of("key", waitingForTacticalPlan),
            "{\"reason\":\"withdrawn\"}"),
        get("/api/tasks/{instructionKey}/{taskKey}", assignedTask),
        post("/api/tasks/{instructionKey}/{taskKey}/heartbeat", inProgress.assignee(), workedTask,
            "{\"progressPercent\":40,\"hoursSpent\":1.5,\"remainingHours\":2,\"note\":\"paging done\"}"),
        post("/api/tasks/{instructionKey}/{taskKey}/reassign", "fiona", assignedTask,
            "{\"assignee\":\"" + otherFrontendIc(assigned) + "\",\"reason\":\"rebalancing\"}"),
        post("/api/tasks/{instructionKey}/{taskKey}/cancel", "tom", assignedTask, "{\"reason\":\"descoped\"}"),
        get("/api/sla-events"),
        get("/api/escalations"),
        get("/api/escalations/{id}", Map.of("id", "1")),
        get("/api/handoffs"),
        get("/api/handoffs/{id}", Map.of("id", "1")),
        get("/api/reviews"),
        get("/api/reviews/first-time-approval/{personId}", Map.of("personId", "lena")),
        post("/api/assignments/preview", "fiona", Map.of(),
            "{\"domain\":\"backend\",\"requiredSkills\":{\"java\":\"intermediate\"},\"niceToHaveSkills\":[\"sql\"],"
                + "\"complexity\":\"moderate\",\"priority\":\"normal\",\"estimateHours\":4,"
                + "\"deadline\":\"2026-12-01T17:00:00Z\"}"),
        get("/api/incidents"),
        get("/api/incidents/{id}", Map.of("id", "1")),
        get("/api/incidents/{id}/suspensions", Map.of("id", "1")),
        // The EM declares with a valid body only in IncidentTest: a declared incident suspends every instruction.
        post("/api/incidents", "erin", Map.of(),
            "{\"title\":\"Payments down\",\"description\":\"Provider outage\",\"severity\":\"sev2\","
                + "\"affectedDomains\":[\"backend\"]}"),
        post("/api/incidents/{id}/resolve", "erin", Map.of("id", "987654321"),
            "{\"resolutionNote\":\"Provider back\"}"),
        get("/api/channels"),
        get("/api/channels/{channel}/announcements", Map.of("channel", "backend-team")),
        get("/api/channels/{channel}/announcements/{id}", Map.of("channel", "backend-team", "id", "1")),
        post("/api/channels/{channel}/announcements", "alice", Map.of("channel", "backend-team"),
            "{\"type\":\"blocker\",\"priority\":\"high\",\"subject\":\"Staging is down\","
                + "\"message\":\"Deploys fail since 9:00\",\"affectedInstructions\":[],"
                + "\"affectedDomains\":[\"backend\"],\"actionItems\":[\"bruno: check the runner\"]}"),
        get("/api/inbox"),
        get("/api/inbox/stream"),
        get("/api/standups"),
        post("/api/standups", "fiona", Map.of(), null),
        get("/api/rebalancing"),
        post("/api/rebalancing/run", "tom", Map.of(), null),
        post("/api/rebalancing/loans/{id}/return", "tom", Map.of("id", "987654321"), null),
        post("/api/rebalancing/deferrals/{id}/undo", "tom", Map.of("id", "987654321"), null),
        // Calibration is for the leads: an IC would be refused (403) before any filter is read.
        new Endpoint("GET", "/api/calibration", "tom", Map.of(), null),
        new Endpoint("GET", "/api/calibration/people/{id}", "tom", Map.of("id", "alice"), null),
        get("/api/metrics"),
        get("/api/insight/bottlenecks"));
  }

  @BeforeAll
  void fixtures() throws Exception {
    lifecycle.startClock();
    openApi = json.readTree(send("GET", "/api/openapi", "alice", null, null).body());
    tables = new TableCounts(jdbc);
    Instruction tier2 = instructions.submit(InstructionDriver.request("Fix the rounding of order totals", "fix",
        List.of("backend"), List.of(), "normal"), "erin");
    waitingForTacticalPlan = tier2.key();
    Instruction tier3 = instructions.submit(InstructionDriver.request("Order service", "feature",
        List.of("backend", "data"), List.of(), "normal"), "erin");
    waitingForBreakdown = tier3.key();
    HttpResponse<String> plan = send("POST", "/api/instructions/" + tier3.key() + "/plan", "tom", null,
        "{\"objective\":\"Customers see their orders\",\"strategicTasks\":["
            + "{\"key\":\"ST1\",\"domain\":\"backend\",\"estimate\":2,\"description\":\"Order API\"},"
            + "{\"key\":\"ST2\",\"domain\":\"data\",\"estimate\":2,\"description\":\"Order schema\"}],"
            + "\"riskScores\":{\"technicalComplexity\":2,\"scopeAmbiguity\":2,\"externalDependencies\":2,"
            + "\"securitySensitivity\":2,\"performanceImpact\":2,\"dataIntegrity\":2}}");
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    assigned = lifecycle.plan(2, LifecycleDriver.frontendTask(nextKey(), "TT1.1")).get(0);
    inProgress = lifecycle.plan(2, LifecycleDriver.frontendTask(nextKey(), "TT1.1")).get(0);
    workItems.addAll(List.of(assigned, inProgress));
    lifecycle.complete(inProgress, "Task_StartWork", inProgress.assignee(), Map.of("workAccepted", true));
    inProgress = lifecycle.reload(inProgress);
  }

  @AfterAll
  void cleanUp() {
    lifecycle.cleanUp(workItems);
    instructions.cleanUp();
  }

  static String nextKey() {
    return WorkItemDrafts.newInstructionKey();
  }

  static String otherFrontendIc(WorkItem item) {
    return List.of("lena", "marco", "yuki").stream().filter(p -> !p.equals(item.assignee())).findFirst()
        .orElseThrow();
  }

  @Test
  void everyOperationOfTheApiHasARow() {
    Set<String> documented = new TreeSet<>(operations().keySet());
    Set<String> covered = new TreeSet<>();
    endpoints().forEach(e -> covered.add(e.key()));

    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(covered);
    Set<String> stale = new TreeSet<>(covered);
    stale.removeAll(documented);
    assertThat(missing).as("operations of /api/openapi without a row in BadInputSuiteTest.endpoints() — add one "
        + "per operation: who may call it, existing ids, a valid body").isEmpty();
    assertThat(stale).as("rows for operations the API no longer has").isEmpty();
    assertThat(documented).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void unknownIdsAndInjectionsInPathsAreNotFoundOrInvalid() {
    SoftAssertions softly = new SoftAssertions();
    int before = probe.touches();
    for (Endpoint endpoint : endpoints()) {
      JsonNode operation = operations().get(endpoint.key());
      Map<String, Long> counts = tables.now();
      for (JsonNode parameter : parameters(operation, "path")) {
        String name = parameter.get("name").asText();
        boolean numeric = parameter.path("schema").path("type").asText().equals("integer");
        List<String> values = new ArrayList<>(INJECTIONS);
        values.add(numeric ? "987654321" : "NOPE-404");
        for (String value : values) {
          Map<String, String> ids = new LinkedHashMap<>(endpoint.existing());
          ids.put(name, value);
          HttpResponse<String> response = send(endpoint.method(), path(endpoint.template(), ids), endpoint.caller(),
              null, endpoint.validBody());
          boolean notANumber = numeric && !value.matches("[0-9]+");
          // An encoded '/' (as in "</script>") is refused by Tomcat itself, before routing: 400 without a field.
          Set<Integer> expected = notANumber ? Set.of(400) : value.contains("/") ? Set.of(400, 404) : Set.of(404);
          expectProblem(softly, response, expected, notANumber && !value.contains("/") ? name : null);
        }
      }
      expectUnchanged(softly, endpoint, counts);
    }
    softly.assertThat(probe.touches()).as("expressions evaluated").isEqualTo(before);
    softly.assertAll();
  }

  @Test
  void injectionsAndOverlongValuesInQueryParametersAreRefusedOrMatchNothing() {
    SoftAssertions softly = new SoftAssertions();
    int before = probe.touches();
    for (Endpoint endpoint : endpoints()) {
      JsonNode operation = operations().get(endpoint.key());
      for (JsonNode parameter : parameters(operation, "query")) {
        String name = parameter.get("name").asText();
        List<String> values = new ArrayList<>(INJECTIONS);
        values.add(LONG_QUERY);
        values.add("%");
        for (String value : values) {
          String path = path(endpoint.template(), endpoint.existing()) + "?" + name + "=" + encode(value);
          HttpResponse<String> response = send(endpoint.method(), path, endpoint.caller(), null, null);
          if (response.statusCode() == 200) {
            softly.assertThat(response.body()).as("%s: an injected filter matches nothing", path).isEqualTo("[]");
          } else {
            expectProblem(softly, response, Set.of(400), name);
          }
        }
      }
    }
    softly.assertThat(probe.touches()).as("expressions evaluated").isEqualTo(before);
    softly.assertAll();
  }

  @Test
  void malformedMissingAndMistypedBodiesAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    int before = probe.touches();
    for (Endpoint endpoint : endpoints()) {
      JsonNode operation = operations().get(endpoint.key());
      JsonNode schema = requestSchema(operation);
      if (schema == null) {
        continue;
      }
      String path = path(endpoint.template(), endpoint.existing());
      Map<String, Long> counts = tables.now();
      for (String malformed : List.of("{\"title\": ", "{\"a\":1}}", "[]", "null", "\"text\"", "42", "")) {
        expectProblem(softly, send("POST", path, endpoint.caller(), "application/json", malformed),
            Set.of(400), null);
      }
      expectProblem(softly, send("POST", path, endpoint.caller(), "text/plain", endpoint.validBody()),
          Set.of(415), null);
      ObjectNode unknown = valid(endpoint);
      unknown.put("bogusField", 1);
      expectProblem(softly, send("POST", path, endpoint.caller(), "application/json", unknown.toString()),
          Set.of(400), "bogusField");
      HttpResponse<String> empty = send("POST", path, endpoint.caller(), "application/json", "{}");
      expectProblem(softly, empty, Set.of(400), null);
      Set<String> required = new LinkedHashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      if (!required.isEmpty() && empty.statusCode() == 400) {
        softly.assertThat(required).as("%s {}: the field named is a required one", endpoint.key())
            .contains(json.readTree(empty.body()).path("field").asText());
      }
      for (Map.Entry<String, JsonNode> property : properties(schema, "").entrySet()) {
        String field = property.getKey();
        List<JsonNode> wrongs = new ArrayList<>(wrongValues(property.getValue()));
        if (field.endsWith("[0]") || field.endsWith(".java")) {
          wrongs.add(JsonNodeFactory.instance.nullNode());
        }
        for (JsonNode wrong : wrongs) {
          ObjectNode body = valid(endpoint);
          set(body, field, wrong);
          expectProblem(softly, send("POST", path, endpoint.caller(), "application/json", body.toString(),
              field + "=" + wrong), Set.of(400), field);
        }
      }
      expectUnchanged(softly, endpoint, counts);
    }
    softly.assertThat(probe.touches()).as("expressions evaluated").isEqualTo(before);
    softly.assertAll();
  }

  @Test
  void oneMegabyteStringsAreRefusedNamingTheFieldAndNothingIsWritten() {
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpoints()) {
      JsonNode schema = requestSchema(operations().get(endpoint.key()));
      if (schema == null) {
        continue;
      }
      String path = path(endpoint.template(), endpoint.existing());
      Map<String, Long> counts = tables.now();
      for (Map.Entry<String, JsonNode> property : properties(schema, "").entrySet()) {
        String field = property.getKey();
        if (!property.getValue().path("type").asText().equals("string") || !present(valid(endpoint), field)) {
          continue;
        }
        ObjectNode body = valid(endpoint);
        set(body, field, JsonNodeFactory.instance.textNode(HUGE));
        expectProblem(softly, send("POST", path, endpoint.caller(), "application/json", body.toString(),
            field + "=1 MB"), Set.of(400, 413), field);
      }
      expectUnchanged(softly, endpoint, counts);
    }
    softly.assertAll();
  }

  @Test
  void unknownRoutesMethodsAndMediaTypesAreProblemDetails() {
    SoftAssertions softly = new SoftAssertions();
    expectProblem(softly, send("GET", "/api/no-such-thing", "alice", null, null), Set.of(404), null);
    expectProblem(softly, send("PUT", "/api/instructions", "alice", "application/json", "{}"), Set.of(405), null);
    expectProblem(softly, send("DELETE", "/api/people/alice", "alice", null, null), Set.of(405), null);
    expectProblem(softly, send("POST", "/api/instructions", "alice", "application/xml", "<title/>"), Set.of(415),
        null);
    softly.assertAll();
  }

  @Test
  void injectedExpressionsAndMarkupAreStoredVerbatimAndNeverEvaluated() throws Exception {
    int before = probe.touches();
    String title = "${1+1} #{1+1} " + JUEL + " " + SCRIPT + " " + SQL;
    String description = DEFERRED + " ${'a'.concat('b')} <img src=x onerror=alert(1)>";
    HttpResponse<String> created = send("POST", "/api/instructions", "erin", "application/json",
        json.writeValueAsString(Map.of("title", title, "description", description, "workType", "docs",
            "affectedDomains", List.of("frontend"), "estimateHours", 0.5)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String key = json.readTree(created.body()).get("key").asText();
    instructions.track(key);

    JsonNode view = json.readTree(send("GET", "/api/instructions/" + key, "alice", null, null).body());
    assertThat(view.get("title").asText()).isEqualTo(title);
    assertThat(view.get("description").asText()).isEqualTo(description);
    JsonNode task = json.readTree(send("GET", "/api/tasks/" + key + "/TT1", "alice", null, null).body());
    assertThat(task.path("task").path("title").asText()).startsWith(title);
    String lifecycleInstance = task.path("task").path("processInstanceId").asText();
    assertThat((String) runtime.getVariable(lifecycleInstance, "taskTitle")).startsWith(title);

    HttpResponse<String> cancelled = send("POST", "/api/instructions/" + key + "/cancel", "tom",
        "application/json", json.writeValueAsString(Map.of("reason", "${1+1} " + JUEL)));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    JsonNode decisions = json.readTree(cancelled.body()).get("decisions");
    assertThat(decisions.get(decisions.size() - 1).get("reason").asText()).contains("${1+1} " + JUEL);
    assertThat(probe.touches()).as("expressions evaluated").isEqualTo(before);
  }

  @Test
  void aHeartbeatNoteWithExpressionsAndMarkupIsKeptVerbatim() throws Exception {
    String note = "${1+1} " + JUEL + " " + DEFERRED + " " + SCRIPT + " " + SQL;
    String path = "/api/tasks/" + inProgress.instructionKey() + "/" + inProgress.taskKey();
    HttpResponse<String> beat = send("POST", path + "/heartbeat", inProgress.assignee(), "application/json",
        json.writeValueAsString(Map.of("progressPercent", 10, "hoursSpent", 0.5, "remainingHours", 1.5,
            "note", note)));

    assertThat(beat.statusCode()).as(beat.body()).isEqualTo(201);
    JsonNode task = json.readTree(send("GET", path, "alice", null, null).body());
    assertThat(task.get("heartbeats").get(0).get("note").asText()).isEqualTo(note);
    assertThat(probe.touches()).isZero();
  }

  // ---------------------------------------------------------------------------------------------- assertions

  void expectProblem(SoftAssertions softly, HttpResponse<String> response, Set<Integer> statuses, String field) {
    String what = response.request().method() + " " + abbreviate(response.request().uri().toString())
        + response.request().headers().firstValue("X-Probe").map(p -> " [" + p + "]").orElse("") + " → "
        + response.statusCode() + " " + abbreviate(response.body());
    softly.assertThat(response.statusCode()).as(what).isIn(statuses);
    softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
        .startsWith("application/problem+json");
    JsonNode problem;
    try {
      problem = json.readTree(response.body());
    } catch (Exception e) {
      softly.fail("not a JSON problem detail: " + what);
      return;
    }
    softly.assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
    softly.assertThat(problem.path("title").asText()).as(what).isNotBlank();
    softly.assertThat(problem.path("detail").asText()).as(what).isNotBlank();
    softly.assertThat(problem.path("detail").asText().length()).as("detail is short: " + what)
        .isLessThanOrEqualTo(ClientErrors.MAX_DETAIL + 100);
    if (field != null && response.statusCode() == 400) {
      softly.assertThat(problem.path("field").asText()).as("field named: " + what)
          .matches(named -> sameField(named, field), "names " + field);
    }
  }

  /**
   * The field named is the one probed, or a more precise or the enclosing part of it at a path boundary:
   * {@code tacticalTasks line 2} for {@code tacticalTasks}, {@code requiredSkills} for {@code requiredSkills.java}.
   */
  static boolean sameField(String named, String probed) {
    return named.equals(probed) || refines(named, probed) || refines(probed, named);
  }

  private static boolean refines(String longer, String shorter) {
    return !shorter.isEmpty() && longer.startsWith(shorter)
        && " .[".indexOf(longer.charAt(shorter.length())) >= 0;
  }

  void expectUnchanged(SoftAssertions softly, Endpoint endpoint, Map<String, Long> before) {
    Map<String, String> changed = tables.changedSince(before);
    softly.assertThat(changed).as("rows written by refused requests to %s", endpoint.key()).isEmpty();
  }



  // ---------------------------------------------------------------------------------------------- OpenAPI

  /** "METHOD /path" → operation object, for every operation of the document. */
  Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new LinkedHashMap<>();
    openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
        operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    return operations;
  }

  static List<JsonNode> parameters(JsonNode operation, String in) {
    List<JsonNode> out = new ArrayList<>();
    operation.path("parameters").forEach(p -> {
      if (p.path("in").asText().equals(in)) {
        out.add(p);
      }
    });
    return out;
  }

  JsonNode requestSchema(JsonNode operation) {
    JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
    return schema.isMissingNode() ? null : resolve(schema);
  }

  JsonNode resolve(JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return openApi.path("components").path("schemas").path(name);
    }
    return schema;
  }

  /** Every property at any depth: {@code riskScores.dataIntegrity}, {@code tacticalTasks[0].estimate}. */
  Map<String, JsonNode> properties(JsonNode schema, String prefix) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = resolve(schema).path("properties").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode property = resolve(field.getValue());
      out.put(path, property);
      if (property.path("type").asText().equals("object") && property.has("properties")) {
        out.putAll(properties(property, path + "."));
      } else if (property.path("type").asText().equals("array")) {
        JsonNode items = resolve(property.path("items"));
        out.put(path + "[0]", items);
        if (items.has("properties")) {
          out.putAll(properties(items, path + "[0]."));
        }
      } else if (property.has("additionalProperties")) {
        out.put(path + ".java", resolve(property.get("additionalProperties")));
      }
    }
    return out;
  }

  /** Values of the wrong JSON type for a property: what a careless or hostile client sends. */
  static List<JsonNode> wrongValues(JsonNode property) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode object = f.objectNode().put("a", 1);
    return switch (property.path("type").asText()) {
      // An instant may also be given as epoch seconds (Jackson's JSR-310 reading); text must be ISO-8601.
      case "string" -> property.path("format").asText().equals("date-time")
          ? List.of(f.textNode("not-a-date"), f.booleanNode(true), object)
          : List.of(f.numberNode(12345), f.booleanNode(true), object);
      case "integer" -> List.of(f.textNode("seven"), f.numberNode(1.5), f.booleanNode(true), object);
      case "number" -> List.of(f.textNode("seven"), f.booleanNode(true), object);
      case "boolean" -> List.of(f.textNode("maybe"), f.numberNode(1));
      case "array" -> List.of(f.textNode("not-a-list"), object);
      case "object" -> List.of(f.textNode("not-an-object"), f.arrayNode().add(1));
      default -> List.of();
    };
  }

  ObjectNode valid(Endpoint endpoint) {
    try {
      ObjectNode body = (ObjectNode) json.readTree(endpoint.validBody());
      body.properties().removeIf(e -> e.getValue().isNull());
      return body;
    } catch (Exception e) {
      throw new IllegalStateException("valid body of " + endpoint.key() + " is not JSON", e);
    }
  }

  /** Sets {@code path} in {@code body}, creating the objects and first list elements on the way. */
  static void set(ObjectNode body, String path, JsonNode value) {
    String[] steps = path.split("\\.");
    JsonNode node = body;
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      boolean last = i == steps.length - 1;
      boolean indexed = step.endsWith("[0]");
      String name = indexed ? step.substring(0, step.length() - 3) : step;
      ObjectNode parent = (ObjectNode) node;
      if (indexed) {
        JsonNode list = parent.get(name);
        ArrayNode array = list instanceof ArrayNode a ? a : parent.putArray(name);
        if (last) {
          if (array.isEmpty()) {
            array.add(value);
          } else {
            array.set(0, value);
          }
          return;
        }
        if (array.isEmpty() || !array.get(0).isObject()) {
          array.removeAll();
          array.addObject();
        }
        node = array.get(0);
      } else if (last) {
        parent.set(name, value);
      } else {
        JsonNode child = parent.get(name);
        node = child instanceof ObjectNode o ? o : parent.putObject(name);
      }
    }
  }

  static boolean present(ObjectNode body, String path) {
    JsonNode node = body;
    for (String step : path.split("\\.")) {
      boolean indexed = step.endsWith("[0]");
      node = node.path(indexed ? step.substring(0, step.length() - 3) : step);
      if (indexed) {
        node = node.path(0);
      }
    }
    return !node.isMissingNode() && !node.isNull();
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  static String path(String template, Map<String, String> values) {
    String path = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
    }
    return path;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  HttpResponse<String> send(String method, String path, String user, String contentType, String body) {
    return send(method, path, user, contentType, body, null);
  }

  /** @param probe what is being tried, for the failure message (sent as a header the server ignores) */
  HttpResponse<String> send(String method, String path, String user, String contentType, String body,
      String probe) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null || method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !method.equals("GET")) {
      builder.header("Content-Type", contentType == null ? "application/json" : contentType);
    }
    if (probe != null) {
      builder.header("X-Probe", abbreviate(probe).replaceAll("[^\\x20-\\x7e]", "?"));
    }
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
