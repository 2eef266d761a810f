package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of dmn/critical-path-slip.dmn (SPEC §10.2), with the 20 % boundary on both sides. */
@OrchestrationTest
class CriticalPathSlipDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysWithHistoryTimeToLive() {
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(SlipPolicy.DECISION)
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(180);
  }

  @ParameterizedTest(name = "tier {1} slipping {0}: no scope review")
  @CsvSource({"0.5, 0", "3.0, 1"})
  void smallInstructionsNeverGetAScopeReview(double slipRatio, int tier) {
    assertDecision(evaluate(slipRatio, tier), false, "rule_smallInstruction");
  }

  @ParameterizedTest(name = "tier {1} slipping {0}: scope review")
  @CsvSource({"0.201, 2", "0.25, 3", "1.5, 4"})
  void aSlipOfMoreThanTwentyPercentCallsForAScopeReview(double slipRatio, int tier) {
    assertDecision(evaluate(slipRatio, tier), true, "rule_slipBeyondThreshold");
  }

  @ParameterizedTest(name = "tier {1} slipping {0}: within the threshold")
  @CsvSource({"0.2, 3", "0.0, 4", "-0.3, 2"})
  void twentyPercentOrLessIsWithinTheThreshold(double slipRatio, int tier) {
    assertDecision(evaluate(slipRatio, tier), false, "rule_withinThreshold");
  }

  private TracedDecision<DmnDecisionResult> evaluate(double slipRatio, int tier) {
    return decisionTrace.captureAsSystem(() -> decisionService.evaluateDecisionByKey(SlipPolicy.DECISION)
        .variables(Map.of("slipRatio", slipRatio, "tier", tier)).evaluate());
  }

  private static void assertDecision(TracedDecision<DmnDecisionResult> traced, boolean scopeReview, String rule) {
    DmnDecisionResultEntries result = traced.result().getSingleResult();
    assertThat(result.<Boolean>getEntry("scopeReview")).isEqualTo(scopeReview);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).isNotBlank();
  }
}
