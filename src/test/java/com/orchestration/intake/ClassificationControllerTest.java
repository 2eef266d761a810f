package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@OrchestrationTest
class ClassificationControllerTest {

  private static final String URL = "/api/instructions/classification";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  @Test
  void classifiesAndExplainsTheTier() {
    // When
    ResponseEntity<Map<String, Object>> response = post(Map.of(
        "title", "Fix XSS in the login form",
        "description", "The error page echoes the user name unescaped.",
        "affectedDomains", List.of("frontend"),
        "scopeFlags", List.of("securitySensitive"),
        "priority", "high"));

    // Then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat(body).containsEntry("tier", 3).containsEntry("confidence", 0.9).containsEntry("workType", "fix")
        .containsEntry("workTypeInferred", true).containsEntry("matchedKeywords", List.of("fix", "error"))
        .containsEntry("raisingFlags", List.of("securitySensitive")).containsEntry("loweringFlags", List.of());
    assertThat(body.get("rationale")).asString().startsWith("Tier 3: fix (inferred from fix, error)");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fired = (List<Map<String, Object>>) body.get("firedRules");
    assertThat(fired).extracting(r -> r.get("decision"))
        .containsExactly("base-tier", "scope-adjustment", "tier-classification");
    assertThat(fired).extracting(r -> r.get("ruleId"))
        .containsExactly("rule_fix", "rule_oneRaisingFlag", "rule_adjustedTier");
    assertThat(fired.get(0).get("description")).isEqualTo("A fix is moderate work");
  }

  @Test
  void givenWorkTypeIsCertain() {
    ResponseEntity<Map<String, Object>> response =
        post(Map.of("title", "Rename a column in the report", "workType", "refactor"));

    assertThat(response.getBody()).containsEntry("tier", 2).containsEntry("confidence", 1.0)
        .containsEntry("workTypeInferred", false).containsEntry("workType", "refactor");
  }

  @Test
  void refusesAnUnknownWorkTypeNamingTheFieldAndTheAllowedValues() {
    ResponseEntity<Map<String, Object>> response = post(Map.of("title", "Do it", "workType", "hotfix"));

    assertBadRequest(response, "workType", "fix, feature, refactor, tests, review, docs, question, deployment");
  }

  @Test
  void refusesAnUnknownDomain() {
    ResponseEntity<Map<String, Object>> response =
        post(Map.of("title", "Fix the cart", "affectedDomains", List.of("backend", "mobile")));

    assertBadRequest(response, "affectedDomains[1]", "frontend, backend, qa, devops, data, security");
  }

  @Test
  void refusesAnUnknownScopeFlag() {
    ResponseEntity<Map<String, Object>> response =
        post(Map.of("title", "Fix the cart", "scopeFlags", List.of("urgent")));

    assertBadRequest(response, "scopeFlags[0]", "securitySensitive");
  }

  @Test
  void refusesABlankTitle() {
    ResponseEntity<Map<String, Object>> response = post(Map.of("title", "  "));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "title");
  }

  @Test
  void refusesATitleLongerThan200Characters() {
    ResponseEntity<Map<String, Object>> response = post(Map.of("title", "x".repeat(201)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "title");
  }

  @Test
  void refusesAnUnknownPriority() {
    ResponseEntity<Map<String, Object>> response = post(Map.of("title", "Fix the cart", "priority", "urgent"));

    assertBadRequest(response, "priority", "critical, high, normal, low");
  }

  @Test
  void aRedeployedTableDecidesTheNextClassificationWithoutJavaChanges() throws IOException {
    // Given docs is tier 1
    Map<String, Object> docs = Map.of("title", "Document the cache settings", "workType", "docs");
    assertThat(post(docs).getBody()).containsEntry("tier", 1);

    // When a process owner raises the base tier of docs to 2 and redeploys the file
    String changed = original().replace(
        "<inputEntry id=\"UnaryTests_DocsWorkType\"><text>\"docs\"</text></inputEntry>\n"
            + "        <outputEntry id=\"LiteralExpression_DocsBaseTier\"><text>1</text></outputEntry>",
        "<inputEntry id=\"UnaryTests_DocsWorkType\"><text>\"docs\"</text></inputEntry>\n"
            + "        <outputEntry id=\"LiteralExpression_DocsBaseTier\"><text>2</text></outputEntry>");
    assertThat(changed).isNotEqualTo(original());
    Deployment deployment = repositoryService.createDeployment().name("tier-classification retuned")
        .addString("tier-classification.dmn", changed).deploy();
    try {
      // Then the next classification uses it
      assertThat(post(docs).getBody()).containsEntry("tier", 2);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    assertThat(post(docs).getBody()).containsEntry("tier", 1);
  }

  @Test
  void isDocumentedInOpenApi() {
    ResponseEntity<String> response = rest.withBasicAuth("admin", "admin").getForEntity("/api/openapi", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("/api/instructions/classification").contains("ClassificationResponse");
  }

  private String original() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/dmn/tier-classification.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
    return rest.withBasicAuth("admin", "admin").exchange(URL, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  private static void assertBadRequest(ResponseEntity<Map<String, Object>> response, String field, String allowed) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat(response.getBody().get("detail")).asString().contains(allowed);
  }
}
