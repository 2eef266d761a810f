package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of dmn/tier-classification.dmn, each decision of the DRD evaluated by its own key. */
@OrchestrationTest
class TierClassificationDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysEveryDecisionOfTheDrdWithHistoryTimeToLive() {
    for (String key : new String[] {"base-tier", "scope-adjustment", "raw-tier", "tier-classification"}) {
      DecisionDefinition definition =
          repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
      assertThat(definition).as(key).isNotNull();
      assertThat(definition.getHistoryTimeToLive()).as(key).isEqualTo(180);
      assertThat(definition.getResourceName()).as(key).endsWith("tier-classification.dmn");
    }
  }

  @ParameterizedTest(name = "{0} has base tier {1} ({2})")
  @CsvSource({
      "question,      0, rule_question",
      "review,        1, rule_review",
      "docs,          1, rule_docs",
      "fix,           2, rule_fix",
      "refactor,      2, rule_refactor",
      "tests,         2, rule_tests",
      "investigation, 2, rule_investigation",
      "deployment,    2, rule_deployment",
      "feature,       3, rule_feature",
      "migration,     3, rule_migration"})
  void baseTierFollowsTheWorkType(String workType, int baseTier, String rule) {
    // When
    TracedDecision<DmnDecisionResult> traced = evaluate("base-tier", Map.of("workType", workType));

    // Then
    assertThat(traced.result().<Integer>getSingleEntry()).isEqualTo(baseTier);
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} raising and {1} lowering flags adjust by {2} ({3})")
  @CsvSource({
      "3, 2,  2, rule_twoOrMoreRaisingFlags",
      "1, 1,  1, rule_oneRaisingFlag",
      "0, 2, -1, rule_loweringFlagWithoutRaising",
      "0, 0,  0, rule_noScopeFlags"})
  void scopeAdjustmentCountsRaisingBeforeLowering(int raising, int lowering, int adjustment, String rule) {
    // When
    TracedDecision<DmnDecisionResult> traced =
        evaluate("scope-adjustment", Map.of("raisingFlagCount", raising, "loweringFlagCount", lowering));

    // Then
    assertThat(traced.result().<Integer>getSingleEntry()).isEqualTo(adjustment);
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
  }

  @ParameterizedTest(name = "{0} with {1} raising / {2} lowering is raw tier {3}")
  @CsvSource({
      "fix,       1, 0, 3",
      "question,  0, 1, 0",
      "migration, 2, 0, 4",
      "docs,      0, 1, 0"})
  void rawTierAddsTheAdjustmentAndClampsToZeroToFour(String workType, int raising, int lowering, int rawTier) {
    // When
    TracedDecision<DmnDecisionResult> traced = evaluate("raw-tier",
        Map.of("workType", workType, "raisingFlagCount", raising, "loweringFlagCount", lowering));

    // Then
    assertThat(traced.result().<Integer>getSingleEntry()).isEqualTo(rawTier);
    assertThat(traced.decision("raw-tier").orElseThrow().output("rawTier")).isEqualTo(rawTier);
  }

  @Test
  void moreThanThreeDomainsIsTierFourWhateverTheRestSays() {
    // Given a question (raw tier 0), certain, in four domains
    // When
    TracedDecision<DmnDecisionResult> traced = evaluateTier("question", 0, 0, 4, 1.0);

    // Then
    assertThat(traced.result().getSingleResult().<Integer>getEntry("tier")).isEqualTo(4);
    assertThat(lastRule(traced)).isEqualTo("rule_moreThanThreeDomains");
  }

  @Test
  void uncertainTierThreeFailsSafeToFour() {
    // Given a feature (raw tier 3) inferred with confidence 0.69
    // When
    TracedDecision<DmnDecisionResult> traced = evaluateTier("feature", 0, 0, 1, 0.69);

    // Then
    assertThat(traced.result().getSingleResult().<Integer>getEntry("tier")).isEqualTo(4);
    assertThat(lastRule(traced)).isEqualTo("rule_uncertainThreeFailsSafeToFour");
  }

  @Test
  void otherwiseTheAdjustedTierStands() {
    // Given a feature (raw tier 3) at the confidence threshold 0.7: not below it
    // When
    TracedDecision<DmnDecisionResult> traced = evaluateTier("feature", 0, 0, 3, 0.7);

    // Then
    assertThat(traced.result().getSingleResult().<Integer>getEntry("tier")).isEqualTo(3);
    assertThat(lastRule(traced)).isEqualTo("rule_adjustedTier");
    assertThat(traced.firedRules()).extracting(FiredRule::decision)
        .containsExactly("base-tier", "scope-adjustment", "tier-classification");
  }

  @Test
  void uncertainTierTwoIsNotRaised() {
    // Given a fix (raw tier 2) with very low confidence: the fail-safe is only about 3 versus 4
    // When
    TracedDecision<DmnDecisionResult> traced = evaluateTier("fix", 0, 0, 1, 0.3);

    // Then
    assertThat(traced.result().getSingleResult().<Integer>getEntry("tier")).isEqualTo(2);
    assertThat(lastRule(traced)).isEqualTo("rule_adjustedTier");
  }

  private TracedDecision<DmnDecisionResult> evaluateTier(
      String workType, int raising, int lowering, int domains, double confidence) {
    return evaluate("tier-classification", Map.of("workType", workType, "raisingFlagCount", raising,
        "loweringFlagCount", lowering, "affectedDomainCount", domains, "confidence", confidence));
  }

  private TracedDecision<DmnDecisionResult> evaluate(String key, Map<String, Object> variables) {
    return decisionTrace.capture(() -> decisionService.evaluateDecisionByKey(key).variables(variables).evaluate());
  }

  private static String lastRule(TracedDecision<?> traced) {
    return traced.firedRules().get(traced.firedRules().size() - 1).ruleId();
  }
}
