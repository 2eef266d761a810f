package com.orchestration.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives instructions over HTTP as the demo personas, the way the walkthrough's API section does: our {@code /api}
 * for intake, plan and breakdown, Camunda's {@code /engine-rest} for every user task (claim, then complete with the
 * form's variables). Each call goes to the next node in turn unless a node is named, so consecutive steps of one
 * instruction run on different nodes.
 */
final class ClusterClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "demo";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin";

  /** Who completes a task offered to a group. */
  static final Map<String, String> PERSONA_OF_GROUP = Map.of(
      "tech-leads", "tom", "engineering-managers", "erin", "architects", "arjun",
      "leads-frontend", "fiona", "leads-backend", "bruno", "leads-data", "dana", "leads-qa", "quinn",
      "team-qa", "hannah", "team-security", "kofi");

  private final List<ClusterNode> nodes;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger turn = new AtomicInteger();
  final Map<String, AtomicInteger> callsPerNode = new ConcurrentHashMap<>();

  ClusterClient(List<ClusterNode> nodes) {
    this.nodes = nodes;
  }

  /** The next node in turn. */
  ClusterNode next() {
    return nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
  }

  record Response(int status, JsonNode body, String raw) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------

  Response send(ClusterNode node, String user, String method, String path, Object body) throws IOException {
    String password = user.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
        .timeout(Duration.ofSeconds(90))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      callsPerNode.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
      String raw = response.body();
      JsonNode json = raw == null || raw.isBlank() ? JSON.nullNode() : parse(raw);
      return new Response(response.statusCode(), json, raw);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(raw);
    }
  }

  /** A call that must succeed (2xx). */
  JsonNode ok(ClusterNode node, String user, String method, String path, Object body) {
    try {
      Response response = send(node, user, method, path, body);
      if (!response.ok()) {
        throw new AssertionError(method + " " + path + " on " + node + " as " + user + ": " + response.status()
            + " " + response.raw());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " on " + node + " as " + user, e);
    }
  }

  // ---- our API -----------------------------------------------------------------------------------------------

  /** A feature in one domain: tier 3, waiting for the tech lead's plan. */
  String submit(ClusterNode node, String user, String title) {
    return submit(node, user, title, "feature", "frontend", 3, "PLANNING");
  }

  /** Documentation work in one domain: tier 1, at once one tactical task TT1, assigned to an IC of the domain. */
  String submitTierOne(ClusterNode node, String user, String title, String domain) {
    return submit(node, user, title, "docs", domain, 1, "EXECUTING");
  }

  private String submit(ClusterNode node, String user, String title, String workType, String domain, int tier,
      String state) {
    JsonNode created = ok(node, user, "POST", "/api/instructions", instructionBody(title, workType, domain));
    if (created.path("tier").asInt() != tier || !created.path("state").asText().equals(state)) {
      throw new AssertionError("expected a tier-" + tier + " instruction in " + state + ": " + created);
    }
    return created.path("key").asText();
  }

  /** What {@code POST /api/instructions} takes: one domain, normal priority, no scope flags. */
  static Map<String, Object> instructionBody(String title, String workType, String domain) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("description", "Driven through the API by a cluster test");
    body.put("workType", workType);
    body.put("affectedDomains", List.of(domain));
    body.put("scopeFlags", List.of());
    body.put("priority", "normal");
    return body;
  }

  JsonNode instruction(ClusterNode node, String key) {
    return ok(node, ADMIN, "GET", "/api/instructions/" + key, null);
  }

  /** A strategic plan as JSON (plans.md): one ST per domain given, no dependencies, low risk (auto-approved). */
  void plan(ClusterNode node, String key, Map<String, String> domainOfSt) {
    List<Map<String, Object>> sts = new ArrayList<>();
    domainOfSt.forEach((st, domain) -> sts.add(Map.of("key", st, "domain", domain, "estimate", 1,
        "description", "Part " + st + " in " + domain, "complexity", "simple", "risk", "low")));
    Map<String, Object> risk = new LinkedHashMap<>();
    for (String category : List.of("technicalComplexity", "scopeAmbiguity", "externalDependencies",
        "securitySensitivity", "performanceImpact", "dataIntegrity")) {
      risk.put(category, 2);
    }
    JsonNode planned = ok(node, "tom", "POST", "/api/instructions/" + key + "/plan",
        Map.of("objective", "Show that two nodes share the work", "strategicTasks", sts, "riskScores", risk,
            "coreArchitecture", false));
    if (!planned.path("state").asText().equals("EXECUTING")) {
      throw new AssertionError("plan not approved at once: " + planned);
    }
  }

  /** The breakdown of one ST by its domain lead: {@code count} independent tasks TT<st>.1.. of 2 h. */
  void breakdown(ClusterNode node, String key, String st, String domain, int count) {
    ok(node, PERSONA_OF_GROUP.get("leads-" + domain), "POST",
        "/api/instructions/" + key + "/strategic-tasks/" + st + "/breakdown", breakdownBody(st, domain, count));
  }

  static Map<String, Object> breakdownBody(String st, String domain, int count) {
    List<Map<String, Object>> tts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      tts.add(Map.of("key", "TT" + st.substring(2) + "." + i, "domain", domain, "estimate", 2,
          "description", "Task " + i + " of " + st, "complexity", "simple"));
    }
    return Map.of("tacticalTasks", tts);
  }

  String taskState(ClusterNode node, String key, String taskKey) {
    JsonNode view = ok(node, ADMIN, "GET", "/api/tasks/" + key + "/" + taskKey, null);
    return view.path("task").path("state").asText();
  }

  // ---- Camunda REST: user tasks --------------------------------------------------------------------------------

  /** Open user tasks of the instruction, optionally of one ST or TT (process variable taskKey), oldest first. */
  List<JsonNode> openTasks(ClusterNode node, String key, String definitionKey, String taskKey) {
    StringBuilder query = new StringBuilder("/engine-rest/task?sortBy=created&sortOrder=asc")
        .append("&processInstanceBusinessKey=").append(enc(key));
    if (definitionKey != null) {
      query.append("&taskDefinitionKey=").append(enc(definitionKey));
    }
    if (taskKey != null) {
      query.append("&processVariables=").append(enc("taskKey_eq_" + taskKey));
    }
    List<JsonNode> tasks = new ArrayList<>();
    ok(node, ADMIN, "GET", query.toString(), null).forEach(tasks::add);
    return tasks;
  }

  /** Waits for exactly one open task of this kind (jobs may still be creating it) and returns it. */
  JsonNode awaitTask(String key, String definitionKey, String taskKey, Duration max) {
    return await("open " + definitionKey + " of " + key + " " + (taskKey == null ? "" : taskKey), max, () -> {
      List<JsonNode> open = openTasks(next(), key, definitionKey, taskKey);
      if (open.size() > 1) {
        throw new AssertionError("more than one open " + definitionKey + " of " + key + ": " + open);
      }
      return open.isEmpty() ? null : open.get(0);
    });
  }

  /** The person who works this task: its assignee, else the persona of its candidate group. */
  String personaFor(ClusterNode node, JsonNode task) {
    if (!task.path("assignee").isNull() && !task.path("assignee").asText().isEmpty()) {
      return task.path("assignee").asText();
    }
    for (JsonNode link : ok(node, ADMIN, "GET", "/engine-rest/task/" + task.path("id").asText()
        + "/identity-links", null)) {
      String persona = PERSONA_OF_GROUP.get(link.path("groupId").asText());
      if ("candidate".equals(link.path("type").asText()) && persona != null) {
        return persona;
      }
    }
    throw new AssertionError("no persona for " + task);
  }

  /** Claims (when offered to a group) and completes the task as its persona, with the form's answer. */
  void complete(ClusterNode node, JsonNode task) {
    String id = task.path("id").asText();
    String user = personaFor(node, task);
    if (task.path("assignee").isNull()) {
      ok(node, user, "POST", "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
    }
    ok(node, user, "POST", "/engine-rest/task/" + id + "/complete",
        Map.of("variables", variables(answer(task.path("taskDefinitionKey").asText()))));
  }

  /** What each persona answers on each form: approve, accept, pass. */
  static Map<String, Object> answer(String definitionKey) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (definitionKey) {
      case "Task_ReviewBreakdown" -> v.put("breakdownDecision", "approve");
      case "Task_StartWork" -> v.put("workAccepted", true);
      case "Task_DoWork" -> {
        v.put("workOutcome", "submit");
        v.put("summary", "Implemented and tested");
        v.put("testsRun", "12 unit tests: green");
        v.put("hoursSpent", 1.5d);
      }
      case "Task_ReviewCode" -> v.put("peerReviewOutcome", "approve");
      case "Task_ApproveDomain" -> {
        v.put("domainApprovalOutcome", "approve");
        v.put("domainChecklistConfirmed", true);
      }
      case "Task_ValidateQuality" -> {
        v.put("qaCoverage", 100);
        v.put("securityCritical", false);
        v.put("qaOutcome", "PASS");
      }
      case "Task_ValidateSecurity" -> v.put("securityOutcome", "PASS");
      case "Task_DecideGoNoGo" -> {
        for (String item : List.of("allStrategicTasksComplete", "acceptanceCriteriaMet", "coverageAdequate",
            "performanceAcceptable", "noCriticalBugs", "rollbackPlanReady", "monitoringInPlace")) {
          v.put(item, true);
        }
        v.put("securityReview", "notApplicable");
      }
      default -> throw new AssertionError("no answer scripted for " + definitionKey);
    }
    return v;
  }

  static ObjectNode variables(Map<String, Object> values) {
    ObjectNode out = JSON.createObjectNode();
    values.forEach((name, value) -> {
      ObjectNode typed = out.putObject(name);
      typed.putPOJO("value", value);
      typed.put("type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
          : value instanceof Double ? "Double" : "String");
    });
    return out;
  }

  /**
   * Works one tactical task to COMPLETED, each step on the next node: start, do the work, peer review, domain
   * approval — whatever user task of it is open — waiting while none is (the next one is being created).
   */
  void finishTactical(String key, String tt, Duration max) {
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      if (taskState(next(), key, tt).equals("COMPLETED")) {
        return;
      }
      List<JsonNode> open = openTasks(next(), key, null, tt);
      if (open.isEmpty()) {
        ClusterNode.sleep(200);
        continue;
      }
      complete(next(), open.get(0));
    }
    throw new AssertionError(key + "/" + tt + " not COMPLETED after " + max + ": " + taskState(next(), key, tt)
        + ", open tasks " + openTasks(next(), key, null, tt));
  }

  static <T> T await(String what, Duration max, Supplier<T> probe) {
    Instant deadline = Instant.now().plus(max);
    while (true) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + max + " waiting for " + what);
      }
      ClusterNode.sleep(250);
    }
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
