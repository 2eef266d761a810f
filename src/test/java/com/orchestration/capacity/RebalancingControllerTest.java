package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /api/rebalancing: who may trigger a run, bad input, and a run on a quiet domain. */
@OrchestrationTest
class RebalancingControllerTest {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @BeforeEach
  @AfterEach
  void noOpenRebalancings() {
    runtime.createProcessInstanceQuery().processDefinitionKey(RebalancingVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, null, OBJECT);
  }

  @Test
  void onlyTheDomainsLeadTheTechLeadAndTheManagerMayStartARun() {
    assertThat(post("alice", "/api/rebalancing/run?domain=frontend").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("bruno", "/api/rebalancing/run?domain=frontend").getBody())
        .containsEntry("detail", "Only the frontend domain lead, the tech lead or the engineering manager may "
            + "rebalance frontend");
    assertThat(post("fiona", "/api/rebalancing/run").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> unknown = post("tom", "/api/rebalancing/run?domain=mobile");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).containsEntry("field", "domain");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RebalancingVariables.PROCESS_KEY).count())
        .isZero();
  }

  @Test
  void aRunOnAQuietDomainLooksAndEndsWithoutAsking() {
    // When the security lead asks for a run of security (nobody there is busy)
    ResponseEntity<List<Map<String, Object>>> run = rest.withBasicAuth("sara", "demo")
        .exchange("/api/rebalancing/run?domain=security", HttpMethod.POST, null, LIST);

    // Then an instance starts whatever the thresholds, and after its proposal step it ends: nothing to decide
    assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> result = run.getBody().get(0);
    assertThat(result).containsEntry("domain", "security").containsEntry("started", true);
    String id = (String) result.get("processInstanceId");
    assertThat(runtime.getVariable(id, RebalancingVariables.TRIGGER)).isEqualTo("manual");
    Job propose = management.createJobQuery().processInstanceId(id).singleResult();
    management.executeJob(propose.getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId("EndEvent_RebalancingDone").count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("Task_RebalanceTeam")
        .count()).isZero();
  }

  @Test
  void theOverviewRefusesAnUnknownDomainAndALimitOutOfRange() {
    ResponseEntity<Map<String, Object>> domain = rest.withBasicAuth("alice", "demo")
        .exchange("/api/rebalancing?domain=mobile", HttpMethod.GET, null, OBJECT);
    assertThat(domain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map<String, Object>> limit = rest.withBasicAuth("alice", "demo")
        .exchange("/api/rebalancing?limit=0", HttpMethod.GET, null, OBJECT);
    assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(limit.getBody()).containsEntry("field", "limit");
    ResponseEntity<Map<String, Object>> ok = rest.withBasicAuth("alice", "demo")
        .exchange("/api/rebalancing", HttpMethod.GET, null, OBJECT);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody()).containsKeys("open", "history", "loans", "deferrals");
  }
}
