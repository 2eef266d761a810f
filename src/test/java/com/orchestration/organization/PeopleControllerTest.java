package com.orchestration.organization;

import static com.orchestration.organization.DemoOrganization.BACKEND_IC;
import static com.orchestration.organization.DemoOrganization.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@OrchestrationTest
@SuppressWarnings("unchecked")
class PeopleControllerTest {

  @Autowired TestRestTemplate rest;

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  private TestRestTemplate asIc() {
    return rest.withBasicAuth(BACKEND_IC, PASSWORD);
  }

  @Test
  void listsActivePeopleFilteredByRoleDomainAndKind() {
    ResponseEntity<List<Map<String, Object>>> all = asIc().exchange("/api/people", HttpMethod.GET, null, LIST);
    ResponseEntity<List<Map<String, Object>>> backendIcs =
        asIc().exchange("/api/people?role=ic&domain=backend", HttpMethod.GET, null, LIST);
    ResponseEntity<List<Map<String, Object>>> agents =
        asIc().exchange("/api/people?kind=AGENT", HttpMethod.GET, null, LIST);

    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(all.getBody()).hasSize(DemoOrganization.organization().people().size());
    assertThat(backendIcs.getBody()).extracting(p -> p.get("id"))
        .containsExactly("alice", "bob", "bot-backend-1", "carlos", "priya");
    assertThat(backendIcs.getBody()).allSatisfy(p -> {
      assertThat(p.get("role")).isEqualTo("ic");
      assertThat(p.get("domain")).isEqualTo("backend");
    });
    assertThat(agents.getBody()).extracting(p -> p.get("id")).containsExactly("bot-backend-1", "bot-qa-1");
  }

  @Test
  void showsOnePersonWithSkillsLevelsDatesGoalsAndGroups() {
    ResponseEntity<Map<String, Object>> response = asIc().exchange("/api/people/yuki", HttpMethod.GET, null, OBJECT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> yuki = response.getBody();
    assertThat(yuki).containsEntry("id", "yuki").containsEntry("name", "Yuki Tanaka").containsEntry("role", "ic")
        .containsEntry("domain", "frontend").containsEntry("kind", "HUMAN").containsEntry("level", "junior")
        .containsEntry("hoursPerDay", 8).containsEntry("active", true);
    assertThat((Map<String, Object>) yuki.get("skills")).containsEntry("react", "intermediate")
        .containsEntry("typescript", "beginner");
    assertThat((List<String>) yuki.get("unavailableDates")).containsExactly("2026-12-28", "2026-12-29", "2026-12-30");
    assertThat((List<String>) yuki.get("learningGoals")).containsExactly("typescript", "accessibility-testing");
    assertThat((List<String>) yuki.get("groups")).containsExactly("team-frontend", "all-engineering");
  }

  @Test
  void unknownPersonIsA404Problem() {
    ResponseEntity<Map<String, Object>> response = asIc().exchange("/api/people/nobody", HttpMethod.GET, null, OBJECT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("status", 404).containsEntry("detail", "No person with id 'nobody'");
  }

  @Test
  void invalidFilterIsA400NamingTheParameterAndAllowedValues() {
    ResponseEntity<Map<String, Object>> role = asIc().exchange("/api/people?role=boss", HttpMethod.GET, null, OBJECT);
    ResponseEntity<Map<String, Object>> domain =
        asIc().exchange("/api/people?domain=mobile", HttpMethod.GET, null, OBJECT);
    ResponseEntity<Map<String, Object>> kind = asIc().exchange("/api/people?kind=robot", HttpMethod.GET, null, OBJECT);

    assertThat(role.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(role.getBody()).containsEntry("field", "role").containsEntry("detail",
        "Parameter 'role' has the invalid value 'boss'; allowed: engineering-manager, tech-lead, domain-lead, ic, "
            + "architect");
    assertThat(domain.getBody()).containsEntry("field", "domain");
    assertThat((String) domain.getBody().get("detail")).contains("frontend, backend, qa, devops, data, security");
    assertThat(kind.getBody()).containsEntry("field", "kind");
    assertThat((String) kind.getBody().get("detail")).contains("allowed: HUMAN, AGENT");
  }

  @Test
  void listsTheSkillsTaxonomyByCategory() {
    ResponseEntity<List<Map<String, Object>>> response = asIc().exchange("/api/skills", HttpMethod.GET, null, LIST);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).extracting(c -> c.get("category")).containsExactly("languages", "frameworks",
        "databases", "infrastructure", "security", "testing", "domains");
    assertThat(response.getBody().get(0).get("skills")).asList().contains("java", "typescript");
  }

  @Test
  void theApiIsDocumentedInOpenApi() {
    ResponseEntity<Map<String, Object>> response = asIc().exchange("/api/openapi", HttpMethod.GET, null, OBJECT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((Map<String, Object>) response.getBody().get("paths")).containsKeys("/api/people", "/api/people/{id}",
        "/api/skills");
  }
}
