package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/instructions} over real HTTP with HTTP Basic, as the personas of the demo organisation: submit, read
 * with tasks and decisions, list with filters, the tech lead's plan (which completes the Camunda user task as the
 * caller, validated by the task listener), a domain lead's breakdown, cancellation. Every instruction a test
 * submits is cancelled afterwards so its tasks' capacity does not leak into other tests.
 */
@OrchestrationTest
class InstructionControllerTest {

  private static final String BASE = "/api/instructions";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired InstructionService instructions;
  @Autowired WorkItemService workItems;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired InstructionDriver driver;

  final List<String> submitted = new ArrayList<>();

  @AfterEach
  void cancelLeftovers() {
    for (String key : submitted) {
      if (!instructions.get(key).state().isTerminal()) {
        instructions.requestCancel(key, "tom", List.of("tech-leads"), "test cleanup");
      }
    }
  }

  HttpResponse<String> call(String method, String path, String user, Object body) {
    try {
      return WebappSession.basic(port, method, path, user, "demo",
          body == null ? null : body instanceof String s ? s : json.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Submits as erin (EM) and remembers the key for clean-up; fails unless 201. */
  JsonNode submit(Map<String, Object> request) {
    HttpResponse<String> response = call("POST", BASE, "erin", request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode view = body(response);
    submitted.add(view.get("key").asText());
    return view;
  }

  JsonNode docsInstruction() {
    return submit(Map.of("title", "Document the order history page", "workType", "docs",
        "affectedDomains", List.of("frontend"), "estimateHours", 1.0));
  }

  JsonNode fixInstruction() {
    return submit(Map.of("title", "Fix the rounding of order totals", "workType", "fix",
        "affectedDomains", List.of("backend")));
  }

  static Map<String, Object> tactical(String key, String description, String... dependencies) {
    return Map.of("key", key, "domain", "backend", "estimate", 2, "description", description,
        "dependencies", List.of(dependencies));
  }

  JsonNode view(String key) {
    HttpResponse<String> response = call("GET", BASE + "/" + key, "alice", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.path(field).asText(null)));
    return out;
  }

  long openPlanTasks(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKeyIn("Task_WriteTacticalPlan", "Task_WriteStrategicPlan").count();
  }

  @Test
  void submittingCreatesTheInstructionAndTheViewExplainsItsTier() {
    HttpResponse<String> created = call("POST", BASE, "erin", Map.of("title", "Document the order history page",
        "workType", "docs", "affectedDomains", List.of("frontend"), "estimateHours", 1.0));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String key = body(created).get("key").asText();
    submitted.add(key);
    assertThat(key).matches("INS-\\d{8}-\\d{3}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/instructions/" + key);

    JsonNode view = view(key);
    assertThat(view.get("title").asText()).isEqualTo("Document the order history page");
    assertThat(view.get("tier").asInt()).isEqualTo(1);
    assertThat(view.get("classifiedTier").asInt()).isEqualTo(1);
    assertThat(view.get("tierOverridden").asBoolean()).isFalse();
    assertThat(view.get("tierReason").asText()).isNotBlank();
    assertThat(view.get("workType").asText()).isEqualTo("docs");
    assertThat(view.get("submittedBy").asText()).isEqualTo("erin");
    assertThat(view.get("state").asText()).isEqualTo("EXECUTING");
    JsonNode classification = view.get("decisions").get(0);
    assertThat(classification.get("kind").asText()).isEqualTo("classification");
    assertThat(classification.get("outcome").asText()).isEqualTo("tier 1");
    assertThat(classification.get("reason").asText()).contains("rule_docs");
    assertThat(classification.get("actor").asText()).isEqualTo("erin");
    assertThat(view.get("links").get("tasklist").asText()).isEqualTo("/camunda/app/tasklist/");
    assertThat(view.get("links").get("cockpit").asText())
        .startsWith("/camunda/app/cockpit/default/#/process-instance/");
  }

  @Test
  void aTierOneInstructionIsOneTacticalTaskWithoutProgressYet() {
    String key = docsInstruction().get("key").asText();

    JsonNode view = view(key);

    assertThat(view.get("strategicTasks")).isEmpty();
    JsonNode tasks = view.get("tacticalTasks");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("key").asText()).isEqualTo("TT1");
    assertThat(tasks.get(0).get("domain").asText()).isEqualTo("frontend");
    assertThat(tasks.get(0).get("estimateHours").asDouble()).isEqualTo(1.0);
    assertThat(tasks.get(0).get("state").asText()).isIn("ASSIGNED", "PENDING");
    assertThat(view.get("progress").asDouble()).isEqualTo(0.0);
    assertThat(view.get("counts").get("total").asInt()).isEqualTo(1);
    assertThat(view.get("counts").get("open").asInt()).isEqualTo(1);
    assertThat(view.get("counts").get("completed").asInt()).isZero();
    assertThat(view.has("pendingPlan")).isFalse();
  }

  @Test
  void listFiltersByTierStateAndPriorityAndRefusesValuesThatAreNotAllowed() {
    String key = docsInstruction().get("key").asText();

    HttpResponse<String> tierOne = call("GET", BASE + "?tier=1&state=executing&priority=normal&limit=500", "alice",
        null);
    HttpResponse<String> tierTwo = call("GET", BASE + "?tier=2", "alice", null);
    HttpResponse<String> badState = call("GET", BASE + "?state=bogus", "alice", null);
    HttpResponse<String> badTier = call("GET", BASE + "?tier=7", "alice", null);
    HttpResponse<String> badPriority = call("GET", BASE + "?priority=urgent", "alice", null);
    HttpResponse<String> badLimit = call("GET", BASE + "?limit=501", "alice", null);

    assertThat(tierOne.statusCode()).as(tierOne.body()).isEqualTo(200);
    JsonNode found = null;
    for (JsonNode summary : body(tierOne)) {
      assertThat(summary.get("tier").asInt()).isEqualTo(1);
      assertThat(summary.get("state").asText()).isEqualTo("EXECUTING");
      if (summary.get("key").asText().equals(key)) {
        found = summary;
      }
    }
    assertThat(found).as("%s in %s", key, tierOne.body()).isNotNull();
    assertThat(found.get("title").asText()).isEqualTo("Document the order history page");
    assertThat(found.get("priority").asText()).isEqualTo("normal");
    assertThat(found.get("progress").asDouble()).isEqualTo(0.0);
    assertThat(found.get("createdAt").asText()).isNotBlank();
    assertThat(texts(body(tierTwo), "key")).doesNotContain(key);

    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(body(badState).get("field").asText()).isEqualTo("state");
    assertThat(body(badState).get("detail").asText()).contains("bogus").contains("PLANNING, RISK_REVIEW");
    assertThat(badTier.statusCode()).isEqualTo(400);
    assertThat(body(badTier).get("field").asText()).isEqualTo("tier");
    assertThat(body(badTier).get("detail").asText()).contains("0, 1, 2, 3, 4");
    assertThat(badPriority.statusCode()).isEqualTo(400);
    assertThat(body(badPriority).get("field").asText()).isEqualTo("priority");
    assertThat(body(badPriority).get("detail").asText()).contains("critical, high, normal, low");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(body(badLimit).get("field").asText()).isEqualTo("limit");
  }

  List<JsonNode> list(String query) {
    HttpResponse<String> response = call("GET", BASE + "?" + query + "&limit=500", "alice", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    body(response).forEach(out::add);
    return out;
  }

  @Test
  void eachListFilterLeavesOutInstructionsOfOtherPrioritiesStatesAndTiers() {
    String docs = docsInstruction().get("key").asText(); // tier 1, normal, EXECUTING
    String fix = submit(Map.of("title", "Fix the rounding of order totals", "workType", "fix",
        "affectedDomains", List.of("backend"), "priority", "high")).get("key").asText(); // tier 2, PLANNING
    String question = submit(Map.of("title", "How are order totals rounded?", "workType", "question",
        "priority", "low")).get("key").asText(); // tier 0, PLANNING

    List<JsonNode> high = list("priority=HIGH");
    List<JsonNode> low = list("priority=low");
    List<JsonNode> planning = list("state=planning");
    List<JsonNode> tierZero = list("tier=0");
    List<JsonNode> highAndPlanning = list("priority=high&state=planning&tier=2");

    assertThat(high).allSatisfy(i -> assertThat(i.get("priority").asText()).isEqualTo("high"));
    assertThat(high).extracting(i -> i.get("key").asText()).contains(fix).doesNotContain(docs, question);
    assertThat(low).allSatisfy(i -> assertThat(i.get("priority").asText()).isEqualTo("low"));
    assertThat(low).extracting(i -> i.get("key").asText()).contains(question).doesNotContain(docs, fix);
    assertThat(planning).allSatisfy(i -> assertThat(i.get("state").asText()).isEqualTo("PLANNING"));
    assertThat(planning).extracting(i -> i.get("key").asText()).contains(fix, question).doesNotContain(docs);
    assertThat(tierZero).allSatisfy(i -> assertThat(i.get("tier").asInt()).isZero());
    assertThat(tierZero).extracting(i -> i.get("key").asText()).contains(question).doesNotContain(docs, fix);
    assertThat(highAndPlanning).extracting(i -> i.get("key").asText()).contains(fix).doesNotContain(docs, question);
  }

  @Test
  void aMissingTitleIsRefusedNamingTheFieldAndNothingIsStored() {
    int before = instructions.search(null, null, null, 500).size();

    HttpResponse<String> response = call("POST", BASE, "erin",
        Map.of("workType", "docs", "affectedDomains", List.of("frontend")));
    HttpResponse<String> typo = call("POST", BASE, "erin", Map.of("tittle", "Typo"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get("field").asText()).isEqualTo("title");
    assertThat(body(response).get("detail").asText()).contains("title is required");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(body(typo).get("field").asText()).isEqualTo("tittle");
    assertThat(instructions.search(null, null, null, 500)).hasSize(before);
  }

  @Test
  void anUnknownKeyIsNotFound() {
    HttpResponse<String> get = call("GET", BASE + "/INS-19990101-999", "alice", null);
    HttpResponse<String> plan = call("POST", BASE + "/INS-19990101-999/plan", "tom",
        Map.of("tacticalTasks", List.of(tactical("TT1", "x"))));
    HttpResponse<String> cancel = call("POST", BASE + "/INS-19990101-999/cancel", "tom", Map.of("reason", "x"));

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(body(get).get("detail").asText()).contains("INS-19990101-999");
    assertThat(plan.statusCode()).isEqualTo(404);
    assertThat(cancel.statusCode()).isEqualTo(404);
  }

  @Test
  void onlyATechLeadSubmitsAPlanAndARefusalChangesNothing() {
    String key = fixInstruction().get("key").asText();
    assertThat(view(key).get("state").asText()).isEqualTo("PLANNING");

    HttpResponse<String> byIc = call("POST", BASE + "/" + key + "/plan", "alice", Map.of("tacticalTasks",
        List.of(tactical("TT1", "Reproduce"), tactical("TT2", "Fix"), tactical("TT3", "Test"))));

    assertThat(byIc.statusCode()).isEqualTo(403);
    assertThat(body(byIc).get("detail").asText()).contains("tech lead").contains("alice");
    assertThat(view(key).get("state").asText()).isEqualTo("PLANNING");
    assertThat(workItems.ofInstruction(key)).isEmpty();
    assertThat(openPlanTasks(key)).isEqualTo(1);
  }

  @Test
  void aPlanWithADependencyCycleIsRefusedByTheTaskListenerAndCreatesNoTask() {
    JsonNode submittedView = fixInstruction();
    String key = submittedView.get("key").asText();
    assertThat(submittedView.get("tier").asInt()).isEqualTo(2);

    HttpResponse<String> response = call("POST", BASE + "/" + key + "/plan", "tom", Map.of("tacticalTasks",
        List.of(tactical("TT1", "Reproduce", "TT2"), tactical("TT2", "Fix", "TT1"), tactical("TT3", "Test"))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(body(response).get("detail").asText()).contains("TT1 → TT2 → TT1");
    assertThat(body(response).get("field").asText()).startsWith("tacticalTasks[0]");
    assertThat(workItems.ofInstruction(key)).isEmpty();
    assertThat(view(key).get("state").asText()).isEqualTo("PLANNING");
    assertThat(openPlanTasks(key)).isEqualTo(1);
  }

  @Test
  void aPlanWithAnInvalidTaskFieldNamesItsJsonPath() {
    String key = fixInstruction().get("key").asText();

    HttpResponse<String> response = call("POST", BASE + "/" + key + "/plan", "tom", Map.of("tacticalTasks",
        List.of(tactical("TT1", "Reproduce"), Map.of("key", "TT2", "domain", "mobile", "estimate", 2,
            "description", "Fix"))));
    HttpResponse<String> strategicFields = call("POST", BASE + "/" + key + "/plan", "tom",
        Map.of("objective", "Totals", "tacticalTasks", List.of(tactical("TT1", "Reproduce"))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(body(response).get("field").asText()).isEqualTo("tacticalTasks[1].domain");
    assertThat(body(response).get("detail").asText()).contains("mobile");
    assertThat(strategicFields.statusCode()).isEqualTo(400);
    assertThat(body(strategicFields).get("field").asText()).isEqualTo("objective");
    assertThat(workItems.ofInstruction(key)).isEmpty();
  }

  @Test
  void theTechLeadsTacticalPlanCreatesAndStartsItsTasks() {
    String key = fixInstruction().get("key").asText();

    HttpResponse<String> response = call("POST", BASE + "/" + key + "/plan", "tom", Map.of("tacticalTasks",
        List.of(tactical("TT1", "Reproduce the rounding error"), tactical("TT2", "Round half-even", "TT1"),
            tactical("TT3", "Regression test", "TT2"))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode view = body(response);
    assertThat(view.get("state").asText()).isEqualTo("EXECUTING");
    assertThat(texts(view.get("tacticalTasks"), "key")).containsExactly("TT1", "TT2", "TT3");
    assertThat(view.get("tacticalTasks").get(1).get("dependencies").get(0).asText()).isEqualTo("TT1");
    assertThat(view.get("counts").get("total").asInt()).isEqualTo(3);
    assertThat(view.get("progress").asDouble()).isEqualTo(0.0);
    assertThat(workItems.ofInstruction(key)).hasSize(3)
        .allSatisfy(item -> assertThat(item.processInstanceId()).isNotNull());
    assertThat(openPlanTasks(key)).isZero();

    HttpResponse<String> again = call("POST", BASE + "/" + key + "/plan", "tom",
        Map.of("tacticalTasks", List.of(tactical("TT4", "More"))));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).get("detail").asText()).contains("not waiting for a plan").contains("EXECUTING");
  }

  @Test
  void aLongPlanIsTakenAndItsJsonIsNotKeptAsAVariable() {
    String key = fixInstruction().get("key").asText();
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      tasks.add(Map.of("key", "TT" + i, "domain", "backend", "estimate", 2, "description", "Step " + i,
          "acceptanceCriteria", "Criterion " + i + ": " + "the totals match the ledger. ".repeat(20)));
    }

    HttpResponse<String> response = call("POST", BASE + "/" + key + "/plan", "tom", Map.of("tacticalTasks", tasks));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body(response).get("tacticalTasks")).hasSize(8);
    String instance = instructions.get(key).processInstanceId();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("tacticalTasksJson").count()).isZero();
    assertThat(completedBy(key, "Task_WriteTacticalPlan")).isEqualTo("tom");
  }

  @Test
  void aTierOverrideReroutesTheInstructionInsteadOfTakingThePlan() {
    String key = fixInstruction().get("key").asText();

    HttpResponse<String> withoutReason = call("POST", BASE + "/" + key + "/plan", "tom", Map.of("tierOverride", 3));
    HttpResponse<String> outOfRange = call("POST", BASE + "/" + key + "/plan", "tom",
        Map.of("tierOverride", 7, "tierOverrideReason", "bigger"));
    HttpResponse<String> overridden = call("POST", BASE + "/" + key + "/plan", "tom",
        Map.of("tierOverride", 3, "tierOverrideReason", "touches the order API of three services"));

    assertThat(withoutReason.statusCode()).as(withoutReason.body()).isEqualTo(400);
    assertThat(body(withoutReason).get("field").asText()).isEqualTo("tierOverrideReason");
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(body(outOfRange).get("field").asText()).isEqualTo("tierOverride");
    assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
    JsonNode view = body(overridden);
    assertThat(view.get("tier").asInt()).isEqualTo(3);
    assertThat(view.get("classifiedTier").asInt()).isEqualTo(2);
    assertThat(view.get("tierOverridden").asBoolean()).isTrue();
    assertThat(view.get("state").asText()).isEqualTo("PLANNING");
    assertThat(texts(view.get("decisions"), "kind")).contains("tier-override");
    assertThat(workItems.ofInstruction(key)).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_WriteStrategicPlan").count()).isEqualTo(1);

    HttpResponse<String> tactical = call("POST", BASE + "/" + key + "/plan", "tom",
        Map.of("tacticalTasks", List.of(tactical("TT1", "Reproduce"))));
    assertThat(tactical.statusCode()).isEqualTo(400);
    assertThat(body(tactical).get("field").asText()).isEqualTo("tacticalTasks");
    assertThat(body(tactical).get("detail").asText()).contains("strategic plan");
  }

  JsonNode featureInstruction() {
    return submit(Map.of("title", "Order service", "workType", "feature",
        "affectedDomains", List.of("backend", "data")));
  }

  static Map<String, Object> strategic(String key, String domain, String description) {
    return Map.of("key", key, "domain", domain, "estimate", 2, "description", description);
  }

  static Map<String, Object> strategicPlan(int riskScore) {
    Map<String, Object> scores = Map.of("technicalComplexity", riskScore, "scopeAmbiguity", riskScore,
        "externalDependencies", riskScore, "securitySensitivity", riskScore, "performanceImpact", riskScore,
        "dataIntegrity", riskScore);
    return Map.of("objective", "Customers see and manage their orders", "strategicTasks",
        List.of(strategic("ST1", "backend", "Order API"), strategic("ST2", "data", "Order schema")),
        "riskScores", scores, "coreArchitecture", false);
  }

  String completedBy(String key, String taskDefinitionKey) {
    List<String> ids = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(taskDefinitionKey).finished().list().stream().map(t -> t.getId()).toList();
    assertThat(ids).as("completed %s of %s", taskDefinitionKey, key).hasSize(1);
    return historyService.createUserOperationLogQuery().taskId(ids.get(0)).operationType("Complete").list()
        .get(0).getUserId();
  }

  @Test
  void aLowRiskStrategicPlanIsApprovedAndItsStrategicTasksWaitForTheirBreakdown() {
    JsonNode submittedView = featureInstruction();
    String key = submittedView.get("key").asText();
    assertThat(submittedView.get("tier").asInt()).isEqualTo(3);
    assertThat(submittedView.get("state").asText()).isEqualTo("PLANNING");
    assertThat(submittedView.has("pendingPlan")).isFalse();

    Map<String, Object> noScores = new java.util.HashMap<>(strategicPlan(2));
    noScores.remove("riskScores");
    Map<String, Object> badScore = new java.util.HashMap<>(strategicPlan(2));
    badScore.put("riskScores", Map.of("technicalComplexity", 11));
    HttpResponse<String> withoutScores = call("POST", BASE + "/" + key + "/plan", "tom", noScores);
    HttpResponse<String> scoreOutOfRange = call("POST", BASE + "/" + key + "/plan", "tom", badScore);
    HttpResponse<String> response = call("POST", BASE + "/" + key + "/plan", "tom", strategicPlan(2));

    assertThat(withoutScores.statusCode()).isEqualTo(400);
    assertThat(body(withoutScores).get("field").asText()).isEqualTo("riskScores");
    assertThat(scoreOutOfRange.statusCode()).isEqualTo(400);
    assertThat(body(scoreOutOfRange).get("field").asText()).isEqualTo("riskScores.technicalComplexity");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode view = body(response);
    assertThat(view.get("state").asText()).isEqualTo("EXECUTING");
    assertThat(view.get("objective").asText()).isEqualTo("Customers see and manage their orders");
    assertThat(view.get("riskScores").fieldNames()).toIterable().containsExactlyElementsOf(RiskScores.LABELS);
    assertThat(view.get("riskScores").get("data integrity").asInt()).isEqualTo(2);
    assertThat(view.get("riskOutcome").asText()).isEqualTo("AUTO_APPROVE");
    assertThat(texts(view.get("riskDecisions"), "outcome")).containsExactly("AUTO_APPROVE");
    assertThat(texts(view.get("decisions"), "kind")).contains("strategic-plan", "plan-architecture", "risk");
    assertThat(texts(view.get("strategicTasks"), "key")).containsExactly("ST1", "ST2");
    assertThat(texts(view.get("strategicTasks"), "domain")).containsExactly("backend", "data");
    assertThat(view.get("strategicTasks").get(0).get("tacticalTasks")).isEmpty();
    assertThat(completedBy(key, "Task_WriteStrategicPlan")).isEqualTo("tom");

    String path = BASE + "/" + key + "/strategic-tasks/";
    Map<String, Object> breakdown = Map.of("tacticalTasks", List.of(tactical("TT1.1", "Order endpoints"),
        tactical("TT1.2", "Validation", "TT1.1"), tactical("TT1.3", "Contract tests", "TT1.2")));
    HttpResponse<String> unknown = call("POST", path + "ST9/breakdown", "bruno", breakdown);
    HttpResponse<String> byTechLead = call("POST", path + "ST1/breakdown", "tom", breakdown);
    HttpResponse<String> byOtherLead = call("POST", path + "ST1/breakdown", "dana", breakdown);
    HttpResponse<String> wrongKeys = call("POST", path + "ST1/breakdown", "bruno", Map.of("tacticalTasks",
        List.of(tactical("TT2.1", "Order endpoints"))));
    HttpResponse<String> byLead = call("POST", path + "ST1/breakdown", "bruno", breakdown);
    HttpResponse<String> again = call("POST", path + "ST1/breakdown", "bruno", breakdown);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(byTechLead.statusCode()).isEqualTo(403);
    assertThat(body(byTechLead).get("detail").asText()).contains("Only a lead of the backend domain")
        .contains("ST1");
    assertThat(byOtherLead.statusCode()).isEqualTo(403);
    assertThat(wrongKeys.statusCode()).as(wrongKeys.body()).isEqualTo(400);
    assertThat(body(wrongKeys).get("field").asText()).isEqualTo("tacticalTasks[0].key");
    assertThat(byLead.statusCode()).as(byLead.body()).isEqualTo(200);
    assertThat(completedBy(key, "Task_BreakDownStrategicTask")).isEqualTo("bruno");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ReviewBreakdown").count()).isEqualTo(1);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).get("detail").asText()).contains("ST1").contains("not waiting for a breakdown");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_BreakDownStrategicTask").count()).as("ST2 still waits").isEqualTo(1);
  }

  @Test
  void aPlanWaitingForTheRiskReviewIsShownAsThePendingPlan() {
    String key = featureInstruction().get("key").asText();

    HttpResponse<String> response = call("POST", BASE + "/" + key + "/plan", "tom", strategicPlan(5));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode view = body(response);
    assertThat(view.get("state").asText()).isEqualTo("RISK_REVIEW");
    assertThat(view.get("strategicTasks")).isEmpty();
    JsonNode pending = view.get("pendingPlan");
    assertThat(texts(pending, "key")).containsExactly("ST1", "ST2");
    assertThat(pending.get(0).get("domain").asText()).isEqualTo("backend");
    assertThat(pending.get(0).get("estimate").asDouble()).isEqualTo(2.0);
    assertThat(pending.get(1).get("description").asText()).isEqualTo("Order schema");
    assertThat(texts(view.get("riskDecisions"), "outcome")).containsExactly("APPROVE_WITH_CHECKPOINTS");
    assertThat(view.get("riskDecisions").get(0).get("reason").asText()).contains("risk sum 30");

    HttpResponse<String> again = call("POST", BASE + "/" + key + "/plan", "tom", strategicPlan(2));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).get("detail").asText()).contains("its state is RISK_REVIEW");
  }

  @Test
  void theListShowsTheProgressOfTheDetailCountingStrategicTasksNotBrokenDownYet() {
    // Given a planned tier-3 instruction (ST1 backend, ST2 data) whose ST1 is broken into two tasks, one done
    String key = featureInstruction().get("key").asText();
    assertThat(call("POST", BASE + "/" + key + "/plan", "tom", strategicPlan(2)).statusCode()).isEqualTo(200);
    HttpResponse<String> brokenDown = call("POST", BASE + "/" + key + "/strategic-tasks/ST1/breakdown", "bruno",
        Map.of("tacticalTasks", List.of(tactical("TT1.1", "Order endpoints"), tactical("TT1.2", "Order paging"))));
    assertThat(brokenDown.statusCode()).as(brokenDown.body()).isEqualTo(200);
    driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom", Map.of("breakdownDecision", "approve"));
    driver.finishTactical(key, "TT1.1");

    // When the list and the detail are read
    JsonNode listed = null;
    for (JsonNode summary : body(call("GET", BASE + "?state=executing&limit=500", "alice", null))) {
      if (summary.get("key").asText().equals(key)) {
        listed = summary;
      }
    }

    // Then both say 1 of 3: TT1.1 done, TT1.2 open, ST2 (no breakdown yet) one open piece of work
    assertThat(listed).as("%s in the list", key).isNotNull();
    assertThat(listed.get("progress").asDouble()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(view(key).get("progress").asDouble()).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void theViewShowsTheGateResultsAndTheGoNoGoDecisionsWithTheirReasons() {
    String key = featureInstruction().get("key").asText();
    Map<String, Object> plan = new java.util.HashMap<>(strategicPlan(2));
    plan.put("strategicTasks", List.of(strategic("ST1", "backend", "Order API")));
    plan.put("coreArchitecture", true);
    HttpResponse<String> planned = call("POST", BASE + "/" + key + "/plan", "tom", plan);
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
    driver.complete(key, "Task_ReviewArchitecture", null, "arjun", Map.of("architectureOutcome", "approve",
        "architectureFindings", "MEDIUM: page the order list"));
    HttpResponse<String> brokenDown = call("POST", BASE + "/" + key + "/strategic-tasks/ST1/breakdown", "bruno",
        Map.of("tacticalTasks", List.of(tactical("TT1.1", "Order endpoints"))));
    assertThat(brokenDown.statusCode()).as(brokenDown.body()).isEqualTo(200);
    driver.complete(key, "Task_ReviewBreakdown", "ST1", "tom", Map.of("breakdownDecision", "approve"));
    driver.finishTactical(key, "TT1.1");
    driver.validateStrategic(key, "ST1");
    Map<String, Object> checklist = new java.util.HashMap<>();
    GoNoGoTaskListener.ITEMS.forEach(item -> checklist.put(item, true));
    checklist.put("monitoringInPlace", false);
    checklist.put("securityReview", "notApplicable");
    checklist.put("goNoGoNotes", "dashboards follow next week");
    driver.complete(key, "Task_DecideGoNoGo", null, "erin", checklist);

    JsonNode view = view(key);

    assertThat(view.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(view.get("progress").asDouble()).isEqualTo(1.0);
    JsonNode gates = view.get("gateResults");
    assertThat(texts(gates, "kind")).containsExactly("plan-architecture-review", "strategic-gate");
    assertThat(texts(gates, "subject")).containsExactly(null, "ST1");
    assertThat(texts(gates, "outcome")).containsExactly("architecture-review: approve", "cross-functional: pass");
    assertThat(texts(gates, "reason")).containsExactly("MEDIUM: page the order list", "no findings");
    assertThat(texts(gates, "actor")).containsExactly("arjun", "qa/security");
    JsonNode goNoGo = view.get("goNoGoDecisions");
    assertThat(goNoGo).hasSize(1);
    assertThat(goNoGo.get(0).get("kind").asText()).isEqualTo("go-no-go");
    assertThat(goNoGo.get(0).get("outcome").asText()).isEqualTo("GO_WITH_CAVEATS");
    assertThat(goNoGo.get(0).get("reason").asText()).isEqualTo(
        "caveats: monitoring not in place; notes: dashboards follow next week");
    assertThat(goNoGo.get(0).get("actor").asText()).isEqualTo("erin");
    assertThat(view.get("goNoGo").asText()).isEqualTo("GO_WITH_CAVEATS");
  }

  @Test
  void onlyTheTechLeadOrManagerCancelsWithAReasonAndEveryTaskIsCancelled() {
    String key = fixInstruction().get("key").asText();
    HttpResponse<String> planned = call("POST", BASE + "/" + key + "/plan", "tom", Map.of("tacticalTasks",
        List.of(tactical("TT1", "Reproduce"), tactical("TT2", "Fix", "TT1"), tactical("TT3", "Test", "TT2"))));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);

    HttpResponse<String> byIc = call("POST", BASE + "/" + key + "/cancel", "alice", Map.of("reason", "mine"));
    HttpResponse<String> noReason = call("POST", BASE + "/" + key + "/cancel", "tom", Map.of());
    HttpResponse<String> noBody = call("POST", BASE + "/" + key + "/cancel", "tom", null);

    assertThat(byIc.statusCode()).isEqualTo(403);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(body(noReason).get("field").asText()).isEqualTo("reason");
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(body(noBody).get("field").asText()).isEqualTo("reason");
    assertThat(view(key).get("state").asText()).isEqualTo("EXECUTING");

    HttpResponse<String> cancelled = call("POST", BASE + "/" + key + "/cancel", "tom",
        Map.of("reason", "the customer withdrew the request"));

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    JsonNode view = body(cancelled);
    assertThat(view.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(texts(view.get("tacticalTasks"), "state")).containsExactly("CANCELLED", "CANCELLED", "CANCELLED");
    assertThat(workItems.ofInstruction(key)).extracting(WorkItem::state).containsOnly(TaskState.CANCELLED);
    assertThat(view.get("counts").get("cancelled").asInt()).isEqualTo(3);
    JsonNode last = view.get("decisions").get(view.get("decisions").size() - 1);
    assertThat(last.get("kind").asText()).isEqualTo("cancellation");
    assertThat(last.get("reason").asText()).contains("the customer withdrew the request");
    assertThat(last.get("actor").asText()).isEqualTo("tom");

    HttpResponse<String> again = call("POST", BASE + "/" + key + "/cancel", "erin", Map.of("reason", "twice"));
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void theEndpointsAreDescribedInTheOpenApiDocument() {
    HttpResponse<String> response = call("GET", "/api/openapi", "alice", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/instructions/{key}/plan")
        .contains("/api/instructions/{key}/strategic-tasks/{st}/breakdown").contains("/api/instructions/{key}/cancel")
        .contains("InstructionView").contains("InstructionSummary").contains("CancelInstructionRequest");
  }
}
