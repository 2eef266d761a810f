package com.orchestration.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.orchestration.OrchestrationTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN {@code handoff-checklist} (SPEC §9.3): one case per rule, and the pairs get only their own rows. */
@OrchestrationTest
class HandoffChecklistDecisionTest {

  @Autowired DecisionService decisionService;

  DmnDecisionTableResult evaluate(String from, String to) {
    return decisionService.evaluateDecisionTableByKey("handoff-checklist", Map.of("fromDomain", from, "toDomain", to));
  }

  @ParameterizedTest(name = "{0}: {1} → {2} has ''{3}'' (mandatory {4})")
  @CsvSource({
      "rule_backendToFrontendApiDocumentation, backend, frontend, API documentation, true",
      "rule_backendToFrontendExamples, backend, frontend, Example requests and responses, true",
      "rule_backendToFrontendErrorCases, backend, frontend, Error cases, true",
      "rule_backendToFrontendDeployedToStaging, backend, frontend, Deployed to staging, true",
      "rule_backendToFrontendContractTests, backend, frontend, Contract tests passing, true",
      "rule_frontendToQaUiComplete, frontend, qa, UI complete, true",
      "rule_frontendToQaResponsive, frontend, qa, Responsive checked, true",
      "rule_frontendToQaAccessibility, frontend, qa, Accessibility AA, true",
      "rule_frontendToQaTestData, frontend, qa, Test data seeded, true",
      "rule_otherPairSummary, frontend, backend, Summary, true",
      "rule_otherPairArtifactsListed, data, backend, Artifacts listed, true",
      "rule_otherPairKnownIssues, backend, qa, Known issues, false",
      "rule_otherPairContact, devops, security, Contact, true"
  })
  void eachRuleGivesItsItemForItsPair(String rule, String from, String to, String item, boolean mandatory) {
    assertThat(evaluate(from, to).getResultList())
        .as(rule).anySatisfy(row -> assertThat(row).containsEntry("item", item).containsEntry("mandatory", mandatory));
  }

  @Test
  void backendToFrontendGetsExactlyItsFiveItemsAndNotTheGeneralOnes() {
    assertThat(evaluate("backend", "frontend").getResultList()).extracting(r -> r.get("item"))
        .containsExactly("API documentation", "Example requests and responses", "Error cases", "Deployed to staging",
            "Contract tests passing");
  }

  @Test
  void frontendToQaGetsExactlyItsFourItems() {
    assertThat(evaluate("frontend", "qa").getResultList()).extracting(r -> r.get("item"), r -> r.get("mandatory"))
        .containsExactly(tuple("UI complete", true), tuple("Responsive checked", true),
            tuple("Accessibility AA", true), tuple("Test data seeded", true));
  }

  @Test
  void anyOtherPairGetsTheFourGeneralItems() {
    assertThat(evaluate("qa", "frontend").getResultList()).extracting(r -> r.get("item"))
        .containsExactly("Summary", "Artifacts listed", "Known issues", "Contact");
  }
}
