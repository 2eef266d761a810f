package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/tasks/{instructionKey}/{taskKey}: the task with its log, heartbeats and SLA events. */
@OrchestrationTest
@SuppressWarnings("unchecked")
class TaskControllerTest {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired WorkItemService workItems;
  @Autowired HeartbeatService heartbeats;
  @Autowired SlaService sla;

  private ResponseEntity<Map<String, Object>> view(String user, String instructionKey, String taskKey) {
    return rest.withBasicAuth(user, "demo")
        .exchange("/api/tasks/" + instructionKey + "/" + taskKey, HttpMethod.GET, null, OBJECT);
  }

  @Test
  void showsTheTaskItsTransitionLogHeartbeatsNewestFirstAndSlaEvents() {
    WorkItem task = SlaFixtures.inProgressTask(workItems, 6);
    heartbeats.record(task.instructionKey(), task.taskKey(), new HeartbeatRequest(30, 2.0, 4.0, "first"), "alice");
    heartbeats.record(task.instructionKey(), task.taskKey(), new HeartbeatRequest(70, 4.0, 2.0, "second"), "alice");
    Instant entered = Instant.parse("2026-11-24T09:00:00Z");
    sla.record(task.id(), TaskState.IN_PROGRESS, SlaEventKind.WARNING, entered, entered.plus(9, ChronoUnit.HOURS),
        null);

    ResponseEntity<Map<String, Object>> response = view("bruno", task.instructionKey(), task.taskKey());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    Map<String, Object> fields = (Map<String, Object>) body.get("task");
    assertThat(fields).containsEntry("instructionKey", task.instructionKey()).containsEntry("taskKey", "TT1.1")
        .containsEntry("state", "IN_PROGRESS").containsEntry("assignee", "alice").containsEntry("estimateHours", 6.0)
        .containsEntry("hoursSpent", 4.0).containsEntry("remainingHours", 2.0).containsEntry("domain", "backend")
        .containsEntry("priority", task.priority().toString().toLowerCase()).containsKeys("complexity",
            "requiredSkills", "niceToHaveSkills", "dependencies", "createdAt", "version");
    assertThat((Map<String, Object>) fields.get("requiredSkills")).containsKeys("java", "spring-boot");
    assertThat(body).containsEntry("remainingWork", 2.0);
    assertThat((List<Map<String, Object>>) body.get("transitions")).extracting(t -> t.get("to"))
        .containsExactly("PENDING", "ASSIGNED", "IN_PROGRESS");
    assertThat((List<Map<String, Object>>) body.get("transitions")).last()
        .satisfies(t -> assertThat(t).containsEntry("from", "ASSIGNED").containsEntry("actor", "alice"));
    assertThat((List<Map<String, Object>>) body.get("heartbeats")).extracting(h -> h.get("note"))
        .containsExactly("second", "first");
    assertThat((List<Map<String, Object>>) body.get("slaEvents")).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("kind", "WARNING").containsEntry("state", "IN_PROGRESS"));
    assertThat(body).containsKey("sections");
  }

  @Test
  void anUnknownInstructionOrTaskIsA404Problem() {
    WorkItem task = SlaFixtures.assignedTask(workItems, 4);

    ResponseEntity<Map<String, Object>> unknownTask = view("alice", task.instructionKey(), "TT9.9");
    ResponseEntity<Map<String, Object>> unknownInstruction = view("alice", "INS-20990101-999", "TT1.1");

    assertThat(unknownTask.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat((String) unknownTask.getBody().get("detail")).contains(task.instructionKey() + "/TT9.9");
    assertThat(unknownInstruction.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
