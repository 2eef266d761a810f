package com.orchestration.insight;

import static com.orchestration.insight.MetricsScenario.A;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionDriver;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /api/insight/bottlenecks} (SPEC §10.2) on the known history of {@link MetricsScenario}. */
@OrchestrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BottleneckApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
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

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("alice", "demo").exchange(path, HttpMethod.GET, null,
        String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  Object plain(JsonNode node) throws Exception {
    return json.treeToValue(node, Object.class);
  }

  @Test
  void theLongestWaitTimesWipWinsAndTasksWaitingForADependencyAreNotABottleneck() throws Exception {
    ClockUtil.setCurrentTime(Date.from(MetricsScenario.NOW));

    JsonNode report = get("/api/insight/bottlenecks?instruction=" + A);

    // ESCALATED: TT1.4 since 4 Mar 15:00 = 45 h; ASSIGNED: TT1.6 27 h and TT1.8 6 h; IN_PLANNING: ST2 3 h;
    // TT1.5 (PENDING, waits for TT1.4) and ST1 (strategic, IN_PROGRESS) are not counted
    Map<String, Object> escalated = MetricsApiTest.map("name", "ESCALATED", "kind", "state", "wip", 1,
        "meanWaitHours", 45.0, "score", 45.0);
    assertThat(plain(report.path("stateOrGate"))).isEqualTo(escalated);
    assertThat(plain(report.path("ranking"))).isEqualTo(List.of(escalated,
        MetricsApiTest.map("name", "ASSIGNED", "kind", "state", "wip", 2, "meanWaitHours", 16.5, "score", 33.0),
        MetricsApiTest.map("name", "IN_PLANNING", "kind", "state", "wip", 1, "meanWaitHours", 3.0, "score", 3.0)));
    assertThat(report.has("group")).isTrue();
    assertThat(report.path("group").isNull()).isTrue();
    assertThat(report.path("overloadedIc").isNull()).isTrue();
    assertThat(report.path("asOf").asText()).isEqualTo("2021-03-06T12:00:00Z");
  }

  @Test
  void theDomainFilterKeepsOnlyThatDomainsWork() throws Exception {
    ClockUtil.setCurrentTime(Date.from(MetricsScenario.NOW));

    JsonNode report = get("/api/insight/bottlenecks?instruction=" + A + "&domain=backend");

    assertThat(plain(report.path("ranking"))).isEqualTo(List.of(MetricsApiTest.map("name", "ASSIGNED",
        "kind", "state", "wip", 2, "meanWaitHours", 16.5, "score", 33.0)));
  }

  @Test
  void theGroupWithTheLongestQueueComesFromTheOpenUnclaimedCamundaTasks() throws Exception {
    Instant submitted = Instant.parse("2026-11-26T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(submitted));
    Instruction tier2 = instructions.submit(InstructionDriver.request("Fix the rounding of order totals", "fix",
        List.of("backend"), List.of(), "normal"), "erin");
    assertThat(instructions.openTaskKeys(tier2.key())).containsExactly("Task_WriteTacticalPlan");
    ClockUtil.setCurrentTime(Date.from(submitted.plusSeconds(2 * 3600 + 1800)));

    JsonNode report = get("/api/insight/bottlenecks?instruction=" + tier2.key());
    JsonNode metrics = get("/api/metrics?instruction=" + tier2.key());

    assertThat(plain(report.path("group"))).isEqualTo(MetricsApiTest.map("group", "tech-leads", "queued", 1,
        "oldestWaitHours", 2.5));
    assertThat(report.path("stateOrGate").isNull()).isTrue();
    assertThat(report.path("ranking")).isEmpty();
    assertThat(metrics.path("queueDepthPerGroup").path("tech-leads").asInt()).isEqualTo(1);
    assertThat(metrics.path("queueDepthPerGroup").path("engineering-managers").asInt()).isZero();
    assertThat(get("/api/insight/bottlenecks?instruction=" + tier2.key() + "&domain=backend").path("group")
        .isNull()).isTrue();
  }

  @Test
  void badFiltersAreRefusedAndAnUnknownInstructionIsNotFound() {
    assertThat(status("/api/insight/bottlenecks?domain=marketing")).isEqualTo(400);
    assertThat(status("/api/insight/bottlenecks?instruction=INS-NOPE-404")).isEqualTo(404);
    assertThat(rest.getForEntity("/api/insight/bottlenecks", String.class).getStatusCode().value()).isEqualTo(401);
  }

  int status(String path) {
    return rest.withBasicAuth("alice", "demo").exchange(path, HttpMethod.GET, null, String.class)
        .getStatusCode().value();
  }
}
