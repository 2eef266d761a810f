package com.orchestration.capacity;

import static com.orchestration.capacity.CapacityPersonas.LIVE_IC;
import static com.orchestration.capacity.CapacityPersonas.PROBE;
import static com.orchestration.capacity.CapacityPersonas.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** GET /api/capacity, /api/capacity/forecast and /api/people/{id}/workload (SPEC §8.3, §8.4, §12). */
@OrchestrationTest
@SuppressWarnings("unchecked")
class CapacityControllerTest {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired CapacityService capacity;
  @Autowired WorkItemService workItems;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    CapacityPersonas.freezeClock();
    CapacityPersonas.ensureProbes(jdbc);
  }

  final java.util.List<WorkItem> assigned = new java.util.ArrayList<>();

  /** The tasks this test assigned are cancelled and their hours released, so no load leaks into later tests. */
  @AfterEach
  void resetClock() {
    transactions.executeWithoutResult(s -> assigned.forEach(item -> {
      workItems.transition(item.id(), TaskState.CANCELLED, "system", "test cleanup");
      capacity.release(item.id());
    }));
    assigned.clear();
    ClockUtil.reset();
  }

  private ResponseEntity<Map<String, Object>> get(String path) {
    return rest.withBasicAuth("alice", "demo").exchange(path, HttpMethod.GET, null, OBJECT);
  }

  @Test
  void aPersonsWorkloadShowsWhatWasAssignedToThem() {
    Map<String, Object> before = get("/api/people/" + LIVE_IC + "/workload").getBody();
    assign(workItems.create(task("INS-20261124-921", "TT1", 3), "system", "test"), LIVE_IC);

    ResponseEntity<Map<String, Object>> after = get("/api/people/" + LIVE_IC + "/workload");

    assertThat(after.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(after.getBody()).containsEntry("personId", LIVE_IC).containsEntry("capacity", 24.0)
        .containsKeys("workload", "band");
    assertThat(number(after.getBody(), "committed") - number(before, "committed")).isCloseTo(3.0, within(1e-9));
    assertThat(number(after.getBody(), "openTasks") - number(before, "openTasks")).isEqualTo(1.0);
  }

  @Test
  void theOverviewHasTheSystemEveryDomainAndEveryActiveIcWithBands() {
    ResponseEntity<Map<String, Object>> response = get("/api/capacity");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    List<Map<String, Object>> domains = (List<Map<String, Object>>) body.get("domains");
    List<Map<String, Object>> people = (List<Map<String, Object>>) body.get("people");
    assertThat(domains).extracting(d -> d.get("domain"))
        .containsExactly("frontend", "backend", "qa", "devops", "data", "security");
    assertThat(domains).allSatisfy(d -> assertThat(d).containsKeys("committed", "capacity", "utilisation", "band"));
    assertThat(people).extracting(p -> p.get("personId")).contains("alice", LIVE_IC, "bot-qa-1")
        .doesNotContain("bruno", "erin", PROBE);
    Map<String, Object> system = (Map<String, Object>) body.get("system");
    double committedSum = people.stream().mapToDouble(p -> number(p, "committed")).sum();
    double capacitySum = people.stream().mapToDouble(p -> number(p, "capacity")).sum();
    assertThat(number(system, "committed")).isCloseTo(committedSum, within(1e-6));
    assertThat(number(system, "capacity")).isCloseTo(capacitySum, within(1e-6));
    assertThat(number(system, "utilisation")).isCloseTo(committedSum / capacitySum, within(1e-9));
    Map<String, Object> marco = people.stream().filter(p -> p.get("personId").equals("marco")).findFirst()
        .orElseThrow();
    assertThat(marco).containsEntry("domain", "frontend").containsEntry("capacity", 18.0);
    assertThat((Map<String, Object>) body.get("bands")).as("the boundaries of DMN capacity-bands as shipped")
        .containsEntry("cautionFrom", 0.75).containsEntry("noNewWorkFrom", 0.9).containsEntry("oversubscribedFrom", 1.1);
  }

  @Test
  void theOverviewCanBeNarrowedToOneDomain() {
    Map<String, Object> body = get("/api/capacity?domain=data").getBody();

    assertThat((List<Map<String, Object>>) body.get("domains")).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("domain", "data"));
    assertThat((List<Map<String, Object>>) body.get("people")).extracting(p -> p.get("personId"))
        .containsExactly("luis", "mei");
    assertThat(body).containsKeys("system", "bands");
  }

  @Test
  void theForecastShowsTheHorizonDaysAndTasksProjectedToMissTheirDeadline() {
    Instant yesterday = CapacityPersonas.THURSDAY.minusSeconds(86_400);
    WorkItem overdue = workItems.create(task("INS-20261124-922", "TT1", 1, Priority.LOW, yesterday), "system",
        "test");
    assign(overdue, LIVE_IC);

    ResponseEntity<Map<String, Object>> response = get("/api/capacity/forecast?domain=data");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat((List<String>) body.get("days")).containsExactly("2026-11-26", "2026-11-27", "2026-11-30");
    assertThat((List<Map<String, Object>>) body.get("system")).hasSize(3);
    assertThat((List<Map<String, Object>>) body.get("domains")).singleElement()
        .satisfies(d -> assertThat((List<?>) d.get("days")).hasSize(3));
    Map<String, Object> luis = ((List<Map<String, Object>>) body.get("people")).stream()
        .filter(p -> p.get("personId").equals(LIVE_IC)).findFirst().orElseThrow();
    List<Map<String, Object>> days = (List<Map<String, Object>>) luis.get("days");
    assertThat(days).extracting(d -> d.get("capacityHours")).containsExactly(8.0, 8.0, 8.0);
    assertThat(days.get(0).get("plannedHours")).isNotNull();
    assertThat((List<Map<String, Object>>) luis.get("projectedMisses")).anySatisfy(miss -> {
      assertThat(miss).containsEntry("taskKey", "INS-20261124-922/TT1")
          .containsEntry("workItemId", (int) overdue.id());
      assertThat((String) miss.get("projectedFinish")).isGreaterThanOrEqualTo("2026-11-26");
    });
  }

  @Test
  void anUnknownDomainIsA400NamingTheFieldAndTheAllowedValues() {
    for (String path : List.of("/api/capacity?domain=mobile", "/api/capacity/forecast?domain=mobile")) {
      ResponseEntity<Map<String, Object>> response = get(path);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).containsEntry("field", "domain");
      assertThat((String) response.getBody().get("detail")).contains("mobile")
          .contains("frontend, backend, qa, devops, data, security");
    }
  }

  @Test
  void anUnknownPersonIsA404Problem() {
    ResponseEntity<Map<String, Object>> response = get("/api/people/nobody/workload");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("status", 404).containsEntry("detail", "No person with id 'nobody'");
  }

  @Test
  void readingCapacityNeedsAuthentication() {
    ResponseEntity<String> response = rest.getForEntity("/api/capacity", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assign(WorkItem item, String person) {
    assigned.add(item);
    transactions.executeWithoutResult(s -> {
      capacity.reserve(item.id(), person, ReservationKind.TASK, item.remaining(), 5.0);
      workItems.transition(item, TaskState.ASSIGNED, person, "system", "test");
    });
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
