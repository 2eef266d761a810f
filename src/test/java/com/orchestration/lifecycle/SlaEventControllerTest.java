package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/sla-events: filters and the 400s that name the parameter. */
@OrchestrationTest
class SlaEventControllerTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  static final Instant ENTERED = Instant.parse("2031-03-03T09:00:00Z");

  @Autowired TestRestTemplate rest;
  @Autowired WorkItemService workItems;
  @Autowired SlaService sla;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ResponseEntity<List<Map<String, Object>>> list(String query) {
    return rest.withBasicAuth("tom", "demo").exchange("/api/sla-events?" + query, HttpMethod.GET, null, LIST);
  }

  private ResponseEntity<Map<String, Object>> problem(String query) {
    return rest.withBasicAuth("tom", "demo").exchange("/api/sla-events?" + query, HttpMethod.GET, null, OBJECT);
  }

  @Test
  void filtersByInstructionTaskKindStateAndSince() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);
    ClockUtil.setCurrentTime(Date.from(ENTERED.plus(9, ChronoUnit.HOURS)));
    sla.record(task.id(), TaskState.ASSIGNED, SlaEventKind.WARNING, ENTERED, ENTERED.plus(8, ChronoUnit.HOURS), null);
    ClockUtil.setCurrentTime(Date.from(ENTERED.plus(25, ChronoUnit.HOURS)));
    sla.record(task.id(), TaskState.ASSIGNED, SlaEventKind.BREACH, ENTERED, ENTERED.plus(24, ChronoUnit.HOURS), null);
    String ins = "instructionKey=" + task.instructionKey();

    assertThat(list(ins).getBody()).extracting(e -> e.get("kind")).containsExactly("WARNING", "BREACH");
    assertThat(list(ins + "&taskKey=TT1.1&kind=breach").getBody()).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("kind", "BREACH").containsEntry("taskKey", "TT1.1")
            .containsEntry("state", "ASSIGNED").containsEntry("dueAt", "2031-03-04T09:00:00Z")
            .containsEntry("firedAt", "2031-03-04T10:00:00Z").containsEntry("forStandup", false));
    assertThat(list(ins + "&state=ASSIGNED&kind=WARNING").getBody()).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("forStandup", true));
    assertThat(list(ins + "&state=BLOCKED").getBody()).isEmpty();
    assertThat(list(ins + "&taskKey=TT2.1").getBody()).isEmpty();
    assertThat(list(ins + "&since=2031-03-04T00:00:00Z").getBody()).extracting(e -> e.get("kind"))
        .containsExactly("BREACH");
  }

  @Test
  void aBadFilterIsA400NamingTheParameterAndTheAllowedValues() {
    ResponseEntity<Map<String, Object>> kind = problem("kind=LATE");
    ResponseEntity<Map<String, Object>> state = problem("state=WAITING");
    ResponseEntity<Map<String, Object>> since = problem("since=yesterday");

    assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(kind.getBody()).containsEntry("field", "kind");
    assertThat((String) kind.getBody().get("detail")).contains("LATE").contains("WARNING, BREACH");
    assertThat(state.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(state.getBody()).containsEntry("field", "state");
    assertThat((String) state.getBody().get("detail")).contains("IN_PROGRESS");
    assertThat(since.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(since.getBody()).containsEntry("field", "since");
    assertThat((String) since.getBody().get("detail")).contains("ISO-8601");
  }
}
