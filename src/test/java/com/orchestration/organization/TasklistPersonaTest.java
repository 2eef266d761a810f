package com.orchestration.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.OrchestrationTest;
import com.orchestration.WebappSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person sees in Tasklist is what their role allows (SPEC §3, §9.1) — checked over HTTP exactly as the
 * Tasklist webapp asks: log in, list the filters, list the tasks.
 */
@OrchestrationTest
class TasklistPersonaTest {

  static final String FRONTEND_IC = "lena";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  String backendTaskId;

  @BeforeEach
  void offerATaskToTheBackendTeam() {
    Task task = taskService.newTask();
    task.setName("Fix the order export");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), OrganizationGroups.team(Domain.BACKEND));
    backendTaskId = task.getId();
  }

  @AfterEach
  void removeTheTask() {
    taskService.deleteTask(backendTaskId, true);
  }

  @Test
  void anIcSeesOnlyHerOwnFiltersAndHerTeamsTasks() {
    WebappSession alice = WebappSession.login(port, DemoOrganization.BACKEND_IC, DemoOrganization.PASSWORD, "tasklist");
    WebappSession lena = WebappSession.login(port, FRONTEND_IC, DemoOrganization.PASSWORD, "tasklist");

    assertThat(filterNames(alice)).containsExactlyInAnyOrder("My tasks", "To review");
    assertThat(taskIds(alice)).contains(backendTaskId);
    assertThat(taskIds(lena)).doesNotContain(backendTaskId);
  }

  @Test
  void aDomainLeadSeesTheLeadFilters() {
    WebappSession bruno = WebappSession.login(port, DemoOrganization.BACKEND_LEAD, DemoOrganization.PASSWORD,
        "tasklist");

    assertThat(filterNames(bruno)).containsExactlyInAnyOrder(
        "My tasks", "My team's open tasks", "To review", "Escalated to me", "Overdue");
  }

  @Test
  void anIcCannotOpenCockpitButTheEngineeringManagerCan() {
    WebappSession.login(port, DemoOrganization.ENGINEERING_MANAGER, DemoOrganization.PASSWORD, "cockpit");

    HttpResponse<String> refused = WebappSession.anonymous(port).postForm(
        "/camunda/api/admin/auth/user/default/login/cockpit", "username=alice&password=demo");

    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void anAgentCannotLogIntoTasklist() {
    HttpResponse<String> refused = WebappSession.anonymous(port).postForm(
        "/camunda/api/admin/auth/user/default/login/tasklist", "username=bot-backend-1&password=demo");

    assertThat(refused.statusCode()).isEqualTo(403);
  }

  private List<String> filterNames(WebappSession session) {
    return values(session.get("/camunda/api/engine/engine/default/filter?resourceType=Task"), "name");
  }

  private List<String> taskIds(WebappSession session) {
    return values(session.get("/camunda/api/engine/engine/default/task"), "id");
  }

  private List<String> values(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    try {
      for (JsonNode node : json.readTree(response.body())) {
        values.add(node.get(field).asText());
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return values;
  }
}
