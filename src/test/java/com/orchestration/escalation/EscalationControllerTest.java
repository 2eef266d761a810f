package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.WorkItemService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/escalations and /api/escalations/{id}: filters, the record's fields, 400 and 404 problems. */
@OrchestrationTest
class EscalationControllerTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired WorkItemService workItems;
  @Autowired EscalationService escalations;

  EscalationScenarios scenarios;

  @BeforeEach
  void setUp() {
    scenarios = new EscalationScenarios(runtimeService, taskService, managementService, workItems);
  }

  private ResponseEntity<List<Map<String, Object>>> list(String query) {
    return rest.withBasicAuth(TL, PASSWORD).exchange("/api/escalations" + query, HttpMethod.GET, null, LIST);
  }

  private ResponseEntity<Map<String, Object>> problem(String path) {
    return rest.withBasicAuth(BACKEND_IC, PASSWORD).exchange(path, HttpMethod.GET, null, OBJECT);
  }

  @Test
  void filtersByTaskOpenStateAndLevel() {
    // Given an escalation that went DL → TL by hand
    ProcessInstance pi = scenarios.start("scope_ambiguity", "Refund rules unclear");
    scenarios.decide(pi, "escalate", "Needs the TL", null);
    List<EscalationRecord> levels = escalations.ofProcessInstance(pi.getId());
    String instruction = levels.get(0).instructionKey();

    // When / Then: by instruction, by qualified task key, by instructionKey + taskKey
    assertThat(list("?instructionKey=" + instruction).getBody()).extracting(r -> r.get("level"))
        .containsExactly("TL", "DL");
    assertThat(list("?taskKey=" + instruction + "/TT1.2").getBody()).hasSize(2);
    assertThat(list("?instructionKey=" + instruction + "&taskKey=TT1.2").getBody()).hasSize(2);
    // open / closed and level
    List<Map<String, Object>> open = list("?instructionKey=" + instruction + "&open=true").getBody();
    assertThat(open).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("level", "TL").containsEntry("resolverGroup", "tech-leads")
          .containsEntry("ruleId", "rule_domainLeadHandsToTechLead").doesNotContainKey("outcome")
          .containsEntry("parentEscalationId", ((Number) levels.get(0).id()).intValue())
          .containsEntry("taskKey", "TT1.2").containsEntry("reasonType", "scope_ambiguity");
      assertThat(r.get("dueAt")).isNotNull();
    });
    assertThat(list("?instructionKey=" + instruction + "&open=false").getBody()).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("level", "DL").containsEntry("outcome", "escalated")
            .containsEntry("outcomeNote", "Needs the TL"));
    assertThat(list("?instructionKey=" + instruction + "&level=DL").getBody()).hasSize(1);
    assertThat(list("?instructionKey=" + instruction + "&level=EM").getBody()).isEmpty();
  }

  @Test
  void showsOneRecordAndAnswers404ForAnUnknownId() {
    ProcessInstance pi = scenarios.start("external_dependency", "Vendor sandbox down");
    long id = escalations.ofProcessInstance(pi.getId()).get(0).id();

    ResponseEntity<Map<String, Object>> one = rest.withBasicAuth(BACKEND_IC, PASSWORD)
        .exchange("/api/escalations/" + id, HttpMethod.GET, null, OBJECT);
    ResponseEntity<Map<String, Object>> missing = problem("/api/escalations/987654321");

    assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(one.getBody()).containsEntry("level", "DL").containsEntry("resolverGroup", "leads-backend")
        .containsEntry("reasonDetail", "Vendor sandbox down").containsEntry("processInstanceId", pi.getId());
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badFiltersAre400ProblemsNamingTheParameter() {
    assertThat(problem("/api/escalations?open=yes").getBody()).containsEntry("status", 400)
        .containsEntry("field", "open");
    assertThat(problem("/api/escalations?level=CEO").getBody()).containsEntry("field", "level")
        .extractingByKey("detail").asString().contains("allowed: DL, TL, EM, ARCHITECT");
    assertThat(problem("/api/escalations?taskKey=TT1.2").getBody()).containsEntry("field", "taskKey")
        .extractingByKey("detail").asString().contains("instructionKey");
    assertThat(problem("/api/escalations?taskKey=INS-1/TT1.2&instructionKey=INS-2").getBody())
        .containsEntry("field", "taskKey");
  }

  @Test
  void requiresAuthentication() {
    assertThat(rest.getForEntity("/api/escalations", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
