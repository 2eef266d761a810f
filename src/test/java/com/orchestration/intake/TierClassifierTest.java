package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.FiredRule;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Realistic instructions through keyword inference and the deployed DRD, with the tier a TL would expect. */
@OrchestrationTest
class TierClassifierTest {

  @Autowired TierClassifier classifier;
  @Autowired IdentityService identityService;
  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @ParameterizedTest(name = "[{index}] {0} → {5} tier {6}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # title                                            | description                                                 | work type  | domains                       | flags                                        | work type     | tier
      # The four examples of SPEC §4.2
      Deploy release 2.4 to production                   | -                                                           | -          | devops                        | productionFacing                             | DEPLOYMENT    | 3
      Migrate orders to the new billing schema           | Adds a currency column and backfills it.                    | -          | data backend                  | databaseSchemaChange                         | MIGRATION     | 4
      Fix XSS in the login form                          | The error page echoes the user name unescaped.              | -          | frontend                      | securitySensitive                            | FIX           | 3
      Refactor the date formatting helper                | Only DateFormat.java changes.                               | -          | backend                       | singleFileNoDependencies                     | REFACTOR      | 1
      # More than 3 domains, whatever the rest says
      Clean up the customer id naming across the stack   | UI, API, QA fixtures and the warehouse export.              | -          | frontend backend qa data      | -                                            | REFACTOR      | 4
      # Fail-safe: raw tier 3 with confidence below 0.7
      Deploy the new billing feature to production       | -                                                           | -          | backend                       | productionFacing                             | DEPLOYMENT    | 4
      Dark mode for the dashboard                        | Customers keep asking for it.                               | -          | frontend                      | -                                            | FEATURE       | 4
      # Everyday work
      How does the webhook retry policy work?            | -                                                           | -          | backend                       | -                                            | QUESTION      | 0
      Why do nightly builds take 40 minutes?             | -                                                           | -          | devops                        | -                                            | QUESTION      | 0
      Fix typo in the README                             | -                                                           | -          | -                             | typoOrDocsOnly                               | FIX           | 1
      Document the webhook signature check               | -                                                           | -          | backend                       | -                                            | DOCS          | 1
      Update README install steps                        | -                                                           | -          | -                             | typoOrDocsOnly                               | DOCS          | 0
      Review the pull request for the rate limiter       | -                                                           | -          | backend                       | -                                            | REVIEW        | 1
      Audit the admin permissions                        | Check who can grant roles.                                  | -          | security                      | securitySensitive                            | REVIEW        | 2
      Add tests for the cart discount rules              | -                                                           | -          | backend                       | -                                            | TESTS         | 2
      Raise test coverage of the invoice module to 80%   | -                                                           | -          | backend qa                    | -                                            | TESTS         | 2
      Investigate intermittent 502s from the gateway     | Happens under load in production only.                      | -          | devops                        | productionFacing                             | INVESTIGATION | 3
      Debug flaky login test                             | -                                                           | -          | qa                            | -                                            | INVESTIGATION | 2
      Enable the new checkout flag for 10% of users      | -                                                           | deployment | devops                        | configurationFlagOnly                        | DEPLOYMENT    | 1
      Implement saved searches                           | Search page gets a save button; an endpoint stores queries. | -          | frontend backend              | -                                            | FEATURE       | 4
      Add CSV export to the reports page                 | -                                                           | -          | frontend                      | singleFileNoDependencies                     | FEATURE       | 2
      Implement two-factor authentication                | -                                                           | -          | backend security              | securitySensitive newExternalDependency      | FEATURE       | 4
      Upgrade the lint configuration                     | -                                                           | -          | qa                            | configurationFlagOnly                        | MIGRATION     | 2
      Optimize the product search query                  | p99 is 2 s on the catalogue page.                           | -          | data                          | performanceCritical                          | REFACTOR      | 3
      Fix broken pagination in the orders API            | Needs a new cursor parameter; clients must change.          | -          | backend                       | apiContractChange newExternalDependency      | FIX           | 3
      Answer the auditor's data retention question       | -                                                           | question   | data                          | -                                            | QUESTION      | 0
      """)
  void classifiesRealisticInstructions(String title, String description, String workType, String domains,
      String flags, WorkType expectedWorkType, int expectedTier) {
    // Given
    TierClassifier.Input input = new TierClassifier.Input(title, description,
        workType == null ? null : WorkType.fromJson(workType).orElseThrow(), words(domains),
        words(flags).stream().map(f -> ScopeFlag.fromJson(f).orElseThrow())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ScopeFlag.class))));

    // When
    TierClassification classification = classifier.classify(input);

    // Then
    assertThat(classification.workType()).as(classification.rationale()).isEqualTo(expectedWorkType);
    assertThat(classification.tier()).as(classification.rationale()).isEqualTo(expectedTier);
    assertThat(classification.workTypeInferred()).isEqualTo(workType == null);
    assertThat(classification.firedRules()).extracting(FiredRule::decision)
        .containsExactly("base-tier", "scope-adjustment", "tier-classification");
  }

  @Test
  void explainsTheTierWithTheRulesThatFired() {
    // When
    TierClassification classification = classifier.classify(new TierClassifier.Input("Fix XSS in the login form",
        null, null, Set.of("frontend"), EnumSet.of(ScopeFlag.SECURITY_SENSITIVE)));

    // Then
    assertThat(classification.firedRules()).extracting(FiredRule::ruleId)
        .containsExactly("rule_fix", "rule_oneRaisingFlag", "rule_adjustedTier");
    assertThat(classification.firedRules().get(1).description()).contains("One raising flag");
    assertThat(classification.firedRules().get(2).outputs()).containsEntry("tier", 3);
    assertThat(classification.matchedKeywords()).containsExactly("fix");
    assertThat(classification.raisingFlags()).containsExactly(ScopeFlag.SECURITY_SENSITIVE);
    assertThat(classification.rationale())
        .isEqualTo("Tier 3: fix (inferred from fix), confidence 0.90; base tier 2, scope +1 (raising: "
            + "securitySensitive) → 3; base tier adjusted by scope flags");
  }

  @Test
  void frontendAndBackendDomainsImplyTheFrontendAndBackendFlag() {
    TierClassification classification = classifier.classify(new TierClassifier.Input("Show order status",
        null, WorkType.FIX, new LinkedHashSet<>(List.of("frontend", "backend")), Set.of()));

    assertThat(classification.raisingFlags()).containsExactly(ScopeFlag.FRONTEND_AND_BACKEND);
    assertThat(classification.tier()).isEqualTo(3);
  }

  @Test
  void loweringFlagsAreIgnoredWhenARaisingFlagIsSet() {
    TierClassification classification = classifier.classify(new TierClassifier.Input("Rotate the API key",
        null, WorkType.DEPLOYMENT, Set.of("devops"),
        EnumSet.of(ScopeFlag.SECURITY_SENSITIVE, ScopeFlag.CONFIGURATION_FLAG_ONLY)));

    assertThat(classification.tier()).isEqualTo(3);
    assertThat(classification.loweringFlags()).containsExactly(ScopeFlag.CONFIGURATION_FLAG_ONLY);
  }

  @Test
  void anyAuthenticatedUserCanClassifyWithoutRightsOnTheDecision() {
    // Given a user without any authorization (authorization checks are on)
    identityService.setAuthentication("tier-test-requester", List.of());
    try {
      // Then the raw decision service refuses them ...
      assertThatThrownBy(() -> decisionService.evaluateDecisionByKey("tier-classification")
          .variables(Map.of("workType", "fix", "raisingFlagCount", 0, "loweringFlagCount", 0,
              "affectedDomainCount", 1, "confidence", 1.0)).evaluate())
          .isInstanceOf(AuthorizationException.class);

      // ... but the classifier evaluates as the system, and leaves the user authenticated
      TierClassification classification = classifier.classify(
          new TierClassifier.Input("Fix the cart total", null, null, Set.of("backend"), Set.of()));
      assertThat(classification.tier()).isEqualTo(2);
      assertThat(classification.firedRules()).isNotEmpty().allSatisfy(r -> assertThat(r.description()).isNotBlank());
      assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("tier-test-requester");
    } finally {
      identityService.clearAuthentication();
    }
    // History (read as the system: the user may not read it) still names who asked
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("tier-classification")
        .orderByEvaluationTime().desc().listPage(0, 1).get(0).getUserId()).isEqualTo("tier-test-requester");
  }

  private static Set<String> words(String list) {
    return list == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(list.trim().split("\\s+")));
  }
}
