package com.orchestration.insight;

import static com.orchestration.insight.MetricsScenario.A;
import static com.orchestration.insight.MetricsScenario.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.capacity.CapacityOverview;
import com.orchestration.capacity.CapacityService;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import com.orchestration.intake.InstructionService;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.OrganizationGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/metrics} and {@code GET /api/insight/bottlenecks} on the known history of {@link MetricsScenario}:
 * every metric family's exact value, the period, domain and instruction filters, nulls where there is nothing to
 * divide by, the bottleneck ranking, and bad input.
 */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest {

  static final String PERIOD = "from=" + MetricsScenario.PERIOD_FROM + "&to=" + MetricsScenario.PERIOD_TO;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired CapacityService capacity;
  @Autowired WorkItemService workItems;
  @Autowired InstructionDriver instructions;

  MetricsScenario scenario;

  @BeforeAll
  void seed() {
    scenario = new MetricsScenario(jdbc).create();
  }

  @AfterAll
  void remove() {
    scenario.remove();
    instructions.cleanUp();
  }

  @BeforeEach
  void freezeClock() {
    // utilisation and forecast are "now": a fixed clock makes two reads of them equal
    ClockUtil.setCurrentTime(Date.from(MetricsScenario.NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  JsonNode metrics(String query) throws Exception {
    return getJson("/api/metrics?" + query);
  }

  static Map<String, Object> summary(Double p50, Double p90, int count) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("p50", p50);
    summary.put("p90", p90);
    summary.put("count", count);
    return summary;
  }

  Object plain(JsonNode node) throws Exception {
    return json.treeToValue(node, Object.class);
  }

  @Test
  void flowMetricsOfTheScenario() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + A);

    assertThat(m.path("period").path("from").asText()).isEqualTo("2021-03-01T00:00:00Z");
    assertThat(m.path("period").path("to").asText()).isEqualTo("2021-04-01T00:00:00Z");
    assertThat(plain(m.path("filters"))).isEqualTo(map("domain", null, "instruction", A));

    JsonNode perDay = m.path("tasksCompletedPerDay");
    assertThat(perDay).hasSize(31);
    assertThat(perDay.get(0).path("date").asText()).isEqualTo("2021-03-01");
    assertThat(perDay.get(30).path("date").asText()).isEqualTo("2021-03-31");
    Map<String, Integer> nonZero = new LinkedHashMap<>();
    perDay.forEach(d -> {
      if (d.path("count").asInt() > 0) {
        nonZero.put(d.path("date").asText(), d.path("count").asInt());
      }
    });
    assertThat(nonZero).containsExactly(entry("2021-03-02", 1), entry("2021-03-03", 2));

    assertThat(plain(m.path("wipPerState"))).isEqualTo(map("PENDING", 1, "IN_PLANNING", 1, "ASSIGNED", 2,
        "IN_PROGRESS", 0, "BLOCKED", 0, "ESCALATED", 1, "UNDER_REVIEW", 0, "DOMAIN_REVIEW", 0,
        "READY_FOR_HANDOFF", 0));
    assertThat(plain(m.path("cycleTimeHours"))).isEqualTo(summary(26.5, 27.0, 3));
    assertThat(plain(m.path("leadTimeHours"))).isEqualTo(summary(27.0, 28.0, 3));

    Map<String, Object> timeInState = new LinkedHashMap<>();
    timeInState.put("PENDING", summary(1.0, 3.0, 7));
    timeInState.put("IN_PLANNING", summary(8.0, 8.0, 1));
    timeInState.put("ASSIGNED", summary(1.0, 1.0, 5));
    timeInState.put("IN_PROGRESS", summary(3.0, 16.0, 7));
    timeInState.put("BLOCKED", summary(2.0, 4.0, 2));
    timeInState.put("ESCALATED", summary(null, null, 0));
    timeInState.put("UNDER_REVIEW", summary(1.0, 2.0, 4));
    timeInState.put("DOMAIN_REVIEW", summary(2.0, 2.0, 3));
    timeInState.put("READY_FOR_HANDOFF", summary(null, null, 0));
    assertThat(plain(m.path("timeInStateHours"))).isEqualTo(timeInState);
  }

  @Test
  void slaEscalationAndBlockingMetricsOfTheScenario() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + A);

    Map<String, Object> compliance = new LinkedHashMap<>();
    compliance.put("PENDING", map("entries", 8, "breached", 0, "compliance", 1.0));
    compliance.put("IN_PLANNING", map("entries", 2, "breached", 0, "compliance", 1.0));
    compliance.put("ASSIGNED", map("entries", 7, "breached", 1, "compliance", 6 / 7.0));
    compliance.put("IN_PROGRESS", map("entries", 7, "breached", 1, "compliance", 6 / 7.0));
    compliance.put("BLOCKED", map("entries", 2, "breached", 1, "compliance", 0.5));
    // breached after the period, but while in a stay that began in it
    compliance.put("ESCALATED", map("entries", 1, "breached", 1, "compliance", 0.0));
    compliance.put("UNDER_REVIEW", map("entries", 4, "breached", 0, "compliance", 1.0));
    compliance.put("DOMAIN_REVIEW", map("entries", 3, "breached", 0, "compliance", 1.0));
    compliance.put("READY_FOR_HANDOFF", map("entries", 0, "breached", 0, "compliance", null));
    assertThat(plain(m.path("slaCompliance"))).isEqualTo(compliance);

    // fired in the period: not the ESCALATED breach of April, not the IN_PLANNING warning
    assertThat(plain(m.path("slaBreaches"))).isEqualTo(map("total", 3, "perState", map("PENDING", 0,
        "IN_PLANNING", 0, "ASSIGNED", 1, "IN_PROGRESS", 1, "BLOCKED", 1, "ESCALATED", 0, "UNDER_REVIEW", 0,
        "DOMAIN_REVIEW", 0, "READY_FOR_HANDOFF", 0)));
    assertThat(plain(m.path("escalations"))).isEqualTo(map("rate", 0.125, "count", 2,
        "byLevel", map("DL", 1, "TL", 1, "EM", 0, "ARCHITECT", 0), "tasks", 8, "tasksEscalated", 1));
    assertThat(plain(m.path("blocked"))).isEqualTo(map("rate", 0.25, "meanHours", 3.0, "tasks", 8,
        "tasksBlocked", 2));
  }

  @Test
  void qualityAndEstimationMetricsOfTheScenario() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + A);

    assertThat(m.path("peerFirstTimeApprovalRate").asDouble()).isEqualTo(0.5);
    assertThat(m.path("domainFirstPassRate").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.path("reworkLoopsPerTask").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(plain(m.path("reassignment"))).isEqualTo(map("rate", 1 / 6.0, "target", 0.1, "superseded", 1,
        "tasksAssigned", 6));
    // 4.8 h on a 4 h estimate is exactly 20 % over: within
    assertThat(m.path("estimateAccuracy").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(plain(m.path("handoffs"))).isEqualTo(map("acceptanceRate", 2 / 3.0, "meanHoursToAccept", 15.0,
        "firstTimeAcceptanceRate", 0.5, "started", 3, "accepted", 2));
    assertThat(plain(m.path("tiers"))).isEqualTo(map("distribution", map("0", 0, "1", 0, "2", 1, "3", 0, "4", 0),
        "overrideRate", 1.0, "unchangedRate", 0.0, "accuracy", null, "instructions", 1));
    assertThat(m.path("qaPassRate").asDouble()).isEqualTo(0.5);
    assertThat(m.path("securityPassRate").asDouble()).isEqualTo(1.0);
    // the GO of April is after the period
    assertThat(plain(m.path("goNoGo"))).isEqualTo(map("GO", 0, "NO_GO", 1, "GO_WITH_CAVEATS", 1));
  }

  @Test
  void instructionProgressFollowsTheRuleOfTheInstructionApi() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + A);

    // 3 completed of TT1.1–TT1.8 without the cancelled TT1.7, plus ST2 (open, not broken down)
    assertThat(plain(m.path("instructionProgress"))).isEqualTo(List.of(map("instructionKey", A,
        "title", "Metrics scenario " + A, "tier", 2, "state", "EXECUTING", "completed", 3, "total", 8,
        "progress", 0.375)));
    assertThat(InstructionService.progress(workItems.ofInstruction(A))).isEqualTo(0.375);
  }

  @Test
  void queuesUtilisationAndForecastAreThePresentOfTheWholeOrganisation() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + A);
    CapacityOverview overview = capacity.overview();

    Map<String, Object> queues = new LinkedHashMap<>();
    OrganizationGroups.all().keySet().forEach(g -> queues.put(g, 0));
    assertThat(plain(m.path("queueDepthPerGroup"))).isEqualTo(queues);

    assertThat(m.path("utilisation").path("system").isNull()).isEqualTo(overview.system().utilisation() == null);
    if (overview.system().utilisation() != null) {
      assertThat(m.path("utilisation").path("system").asDouble()).isEqualTo(overview.system().utilisation());
    }
    assertThat(names(m.path("utilisation").path("domains")))
        .containsExactly("frontend", "backend", "qa", "devops", "data", "security");
    assertThat(names(m.path("utilisation").path("people")))
        .containsExactlyElementsOf(overview.people().stream().map(CapacityOverview.PersonLoad::personId).toList());
    assertThat(m.path("forecast").path("days")).hasSize(3);
    assertThat(m.path("forecast").path("system")).hasSize(3);
    assertThat(names(m.path("forecast").path("domains")))
        .containsExactly("frontend", "backend", "qa", "devops", "data", "security");
    assertThat(m.path("forecast").has("projectedMisses")).isTrue();
  }

  @Test
  void theDomainFilterKeepsThatDomainsWorkAndTheInstructionsAffectingIt() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + A + "&domain=frontend");

    assertThat(m.path("filters").path("domain").asText()).isEqualTo("frontend");
    assertThat(m.path("wipPerState").path("ESCALATED").asInt()).isEqualTo(1);
    assertThat(m.path("wipPerState").path("ASSIGNED").asInt()).isZero();
    assertThat(plain(m.path("cycleTimeHours"))).isEqualTo(summary(null, null, 0));
    assertThat(plain(m.path("timeInStateHours").path("PENDING"))).isEqualTo(summary(1.0, 3.0, 2));
    assertThat(plain(m.path("escalations"))).isEqualTo(map("rate", 0.5, "count", 2,
        "byLevel", map("DL", 1, "TL", 1, "EM", 0, "ARCHITECT", 0), "tasks", 2, "tasksEscalated", 1));
    assertThat(plain(m.path("blocked"))).isEqualTo(map("rate", 0.5, "meanHours", 4.0, "tasks", 2,
        "tasksBlocked", 1));
    assertThat(plain(m.path("reassignment"))).isEqualTo(map("rate", 0.0, "target", 0.1, "superseded", 0,
        "tasksAssigned", 1));
    assertThat(m.path("estimateAccuracy").isNull()).isTrue();
    assertThat(m.path("qaPassRate").isNull()).isTrue();
    assertThat(m.path("tiers").path("distribution").path("2").asInt()).isEqualTo(1);
    assertThat(m.path("goNoGo").path("NO_GO").asInt()).isEqualTo(1);
    assertThat(names(m.path("queueDepthPerGroup"))).containsExactly("team-frontend", "leads-frontend");
    assertThat(names(m.path("utilisation").path("domains"))).containsExactly("frontend");
    assertThat(m.path("instructionProgress")).hasSize(1);

    JsonNode data = metrics(PERIOD + "&instruction=" + A + "&domain=data");
    assertThat(data.path("wipPerState").path("IN_PLANNING").asInt()).isEqualTo(1);
    assertThat(plain(data.path("tiers"))).isEqualTo(map("distribution", map("0", 0, "1", 0, "2", 0, "3", 0,
        "4", 0), "overrideRate", null, "unchangedRate", null, "accuracy", null, "instructions", 0));
    assertThat(data.path("instructionProgress")).isEmpty();
  }

  @Test
  void thePeriodFilterCountsWhatHappenedInsideFromInclusiveToExclusive() throws Exception {
    JsonNode day = metrics("from=2021-03-03&to=2021-03-03&instruction=" + A);
    assertThat(plain(day.path("tasksCompletedPerDay"))).isEqualTo(List.of(map("date", "2021-03-03", "count", 2)));
    assertThat(plain(day.path("cycleTimeHours"))).isEqualTo(summary(4.0, 26.5, 2));

    JsonNode window = metrics("from=2021-03-02T12:00:00Z&to=2021-03-03T11:00:00Z&instruction=" + A);
    assertThat(plain(window.path("tasksCompletedPerDay"))).isEqualTo(List.of(map("date", "2021-03-02", "count", 1),
        map("date", "2021-03-03", "count", 0)));
    assertThat(plain(window.path("cycleTimeHours"))).isEqualTo(summary(27.0, 27.0, 1));
  }

  @Test
  void ratesAreNullNotZeroWhenThereIsNothingToDivideBy() throws Exception {
    JsonNode m = metrics(PERIOD + "&instruction=" + B);

    for (String rate : List.of("peerFirstTimeApprovalRate", "domainFirstPassRate", "reworkLoopsPerTask",
        "estimateAccuracy", "qaPassRate", "securityPassRate")) {
      assertThat(m.has(rate)).as(rate).isTrue();
      assertThat(m.path(rate).isNull()).as(rate).isTrue();
    }
    assertThat(m.path("escalations").path("rate").isNull()).isTrue();
    assertThat(m.path("blocked").path("meanHours").isNull()).isTrue();
    assertThat(m.path("reassignment").path("rate").isNull()).isTrue();
    assertThat(m.path("handoffs").path("acceptanceRate").isNull()).isTrue();
    assertThat(m.path("slaCompliance").path("ASSIGNED").path("compliance").isNull()).isTrue();
    assertThat(plain(m.path("tiers"))).isEqualTo(map("distribution", map("0", 0, "1", 0, "2", 0, "3", 1, "4", 0),
        "overrideRate", 0.0, "unchangedRate", 1.0, "accuracy", null, "instructions", 1));
    assertThat(plain(m.path("instructionProgress"))).isEqualTo(List.of(map("instructionKey", B,
        "title", "Metrics scenario " + B, "tier", 3, "state", "COMPLETED", "completed", 0, "total", 0,
        "progress", 0.0)));
  }

  @Test
  void badFiltersAreRefusedNamingTheParameterAndAnUnknownInstructionIsNotFound() throws Exception {
    expectProblem("domain=marketing", 400, "domain");
    expectProblem("from=2021-03-05&to=2021-03-04", 400, "from");
    expectProblem("from=last-week", 400, "from");
    expectProblem("to=2021-02-30", 400, "to");
    expectProblem("instruction=bad!key", 400, "instruction");
    expectProblem("instruction=INS-NOPE-404", 404, null);
  }

  void expectProblem(String query, int status, String field) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("alice", "demo")
        .exchange("/api/metrics?" + query, HttpMethod.GET, null, String.class);
    assertThat(response.getStatusCode().value()).as(query + " → " + response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    if (field != null) {
      assertThat(problem.path("field").asText()).isEqualTo(field);
    }
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  @Test
  void onlyAuthenticatedCallersReadMetrics() {
    assertThat(rest.getForEntity("/api/metrics", String.class).getStatusCode().value()).isEqualTo(401);
  }

  // ------------------------------------------------------------------------------------ GET /api/insight/bottlenecks

  @Test
  void theBottleneckIsTheLongestWaitTimesWipAndTasksWaitingForADependencyAreNotOne() throws Exception {
    JsonNode report = getJson("/api/insight/bottlenecks?instruction=" + A);

    // ESCALATED: TT1.4 since 4 Mar 15:00 = 45 h; ASSIGNED: TT1.6 27 h and TT1.8 6 h; IN_PLANNING: ST2 3 h;
    // TT1.5 (PENDING, waits for TT1.4) and ST1 (strategic, IN_PROGRESS) are not counted
    Map<String, Object> escalated = map("name", "ESCALATED", "kind", "state", "wip", 1,
        "meanWaitHours", 45.0, "score", 45.0);
    assertThat(plain(report.path("stateOrGate"))).isEqualTo(escalated);
    assertThat(plain(report.path("ranking"))).isEqualTo(List.of(escalated,
        map("name", "ASSIGNED", "kind", "state", "wip", 2, "meanWaitHours", 16.5, "score", 33.0),
        map("name", "IN_PLANNING", "kind", "state", "wip", 1, "meanWaitHours", 3.0, "score", 3.0)));
    assertThat(report.has("group")).isTrue();
    assertThat(report.path("group").isNull()).isTrue();
    assertThat(report.path("overloadedIc").isNull()).isTrue();
    assertThat(report.path("asOf").asText()).isEqualTo("2021-03-06T12:00:00Z");
  }

  @Test
  void theBottleneckDomainFilterKeepsOnlyThatDomainsWork() throws Exception {
    JsonNode report = getJson("/api/insight/bottlenecks?instruction=" + A + "&domain=backend");

    assertThat(plain(report.path("ranking"))).isEqualTo(List.of(map("name", "ASSIGNED",
        "kind", "state", "wip", 2, "meanWaitHours", 16.5, "score", 33.0)));
  }

  @Test
  void theBottleneckGroupIsTheLongestQueueOfOpenUnclaimedCamundaTasks() throws Exception {
    Instant submitted = Instant.parse("2026-11-26T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(submitted));
    Instruction tier2 = instructions.submit(InstructionDriver.request("Fix the rounding of order totals", "fix",
        List.of("backend"), List.of(), "normal"), "erin");
    assertThat(instructions.openTaskKeys(tier2.key())).containsExactly("Task_WriteTacticalPlan");
    ClockUtil.setCurrentTime(Date.from(submitted.plusSeconds(2 * 3600 + 1800)));

    JsonNode report = getJson("/api/insight/bottlenecks?instruction=" + tier2.key());
    JsonNode metrics = getJson("/api/metrics?instruction=" + tier2.key());

    assertThat(plain(report.path("group"))).isEqualTo(map("group", "tech-leads", "queued", 1,
        "oldestWaitHours", 2.5));
    assertThat(report.path("stateOrGate").isNull()).isTrue();
    assertThat(report.path("ranking")).isEmpty();
    assertThat(metrics.path("queueDepthPerGroup").path("tech-leads").asInt()).isEqualTo(1);
    assertThat(metrics.path("queueDepthPerGroup").path("engineering-managers").asInt()).isZero();
    assertThat(getJson("/api/insight/bottlenecks?instruction=" + tier2.key() + "&domain=backend").path("group")
        .isNull()).isTrue();
  }

  @Test
  void badBottleneckFiltersAreRefusedAndAnUnknownInstructionIsNotFound() {
    assertThat(status("/api/insight/bottlenecks?domain=marketing")).isEqualTo(400);
    assertThat(status("/api/insight/bottlenecks?instruction=INS-NOPE-404")).isEqualTo(404);
    assertThat(rest.getForEntity("/api/insight/bottlenecks", String.class).getStatusCode().value()).isEqualTo(401);
  }

  int status(String path) {
    return rest.withBasicAuth("alice", "demo").exchange(path, HttpMethod.GET, null, String.class)
        .getStatusCode().value();
  }

  JsonNode getJson(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("alice", "demo").exchange(path, HttpMethod.GET, null,
        String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** A map in the order given; values as Jackson reads JSON (Integer for whole numbers, Double otherwise). */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
