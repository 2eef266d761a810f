package com.orchestration.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/assignments/preview: "who would get this?", and clear 400s for bad task attributes. */
@OrchestrationTest
class AssignmentControllerTest {

  private static final String URL = "/api/assignments/preview";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;

  @Test
  @SuppressWarnings("unchecked")
  void aDomainLeadSeesTheRankedCandidatesWithFactorsAndTheExcludedOnesWithReasons() {
    ResponseEntity<Map<String, Object>> response = post("sara", body());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> preview = response.getBody();
    assertThat(preview.get("wouldAssign")).isEqualTo("kofi");
    assertThat((String) preview.get("rationale")).startsWith("skill ");
    List<Map<String, Object>> ranked = (List<Map<String, Object>>) preview.get("ranked");
    assertThat(ranked.get(0)).containsKeys("score", "skillMatch", "workload", "complexityFit",
        "learningOpportunity", "recentPerformance", "band");
    List<Map<String, Object>> excluded = (List<Map<String, Object>>) preview.get("excluded");
    assertThat(excluded).anySatisfy(e -> {
      assertThat(e.get("personId")).isEqualTo("raj");
      assertThat((List<String>) e.get("reasons")).contains("skill owasp is intermediate, needs advanced");
    });
    assertThat((List<String>) preview.get("decisionVersions")).singleElement().asString()
        .startsWith("assignment-scoring:");
    assertThat((List<Map<String, Object>>) preview.get("firedRules")).extracting(r -> r.get("ruleId"))
        .contains("rule_moderateSenior", "rule_defaultWeights", "rule_regularWork");
  }

  @Test
  void anIcMayPreviewToo() {
    assertThat(post("raj", body()).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void withoutCredentialsThePreviewIsRefused() {
    ResponseEntity<String> response = rest.exchange(URL, HttpMethod.POST, new HttpEntity<>(body()), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badTaskAttributesAreRefusedNamingTheField() {
    assertBadRequest(post("sara", with("domain", "marketing")), "domain", "Unknown domain 'marketing'");
    assertBadRequest(post("sara", with("requiredSkills", Map.of("cobol", "expert"))), "requiredSkills.cobol",
        "unknown skill 'cobol'");
    assertBadRequest(post("sara", with("requiredSkills", Map.of("owasp", "guru"))), "requiredSkills.owasp",
        "Unknown level 'guru'");
    assertBadRequest(post("sara", with("niceToHaveSkills", List.of("cobol"))), "niceToHaveSkills",
        "unknown skill 'cobol'");
    assertBadRequest(post("sara", with("complexity", "epic")), "complexity", "allowed: simple, moderate, high");
    assertBadRequest(post("sara", with("priority", "urgent")), "priority", "allowed: critical, high, normal, low");
    assertBadRequest(post("sara", with("estimateHours", 0)), "estimateHours", "more than 0 hours");
    assertBadRequest(post("sara", with("estimateHours", 9)), "estimateHours", "more than one day");
  }

  private static Map<String, Object> body() {
    Map<String, Object> body = new HashMap<>();
    body.put("domain", "security");
    body.put("requiredSkills", Map.of("owasp", "advanced"));
    body.put("niceToHaveSkills", List.of("python"));
    body.put("complexity", "moderate");
    body.put("priority", "normal");
    body.put("estimateHours", 4);
    return body;
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = body();
    body.put(field, value);
    return body;
  }

  private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").exchange(URL, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  private static void assertBadRequest(ResponseEntity<Map<String, Object>> response, String field, String detail) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat(response.getBody().get("detail")).asString().contains(detail);
  }
}
