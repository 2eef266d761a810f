package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of dmn/risk-decision.dmn (SPEC §4.5), with every band boundary on both sides. */
@OrchestrationTest
class RiskDecisionDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysWithHistoryTimeToLive() {
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("risk-decision")
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(180);
  }

  @ParameterizedTest(name = "tier 4 with risk sum {0} gets an EM task")
  @CsvSource({"6", "14", "25", "35", "36", "60"})
  void tierFourAlwaysGetsAnEmTask(int riskSum) {
    TracedDecision<DmnDecisionResult> traced = evaluate(riskSum, 4);

    assertDecision(traced, "EM_DECIDES", true, "rule_tierFourAlwaysEmDecides");
  }

  @ParameterizedTest(name = "tier {1} with risk sum {0} is approved automatically")
  @CsvSource({"6, 3", "14, 3", "14, 2"})
  void riskSumBelowFifteenIsApprovedAutomatically(int riskSum, int tier) {
    TracedDecision<DmnDecisionResult> traced = evaluate(riskSum, tier);

    assertDecision(traced, "AUTO_APPROVE", false, "rule_lowRiskAutoApproved");
  }

  @ParameterizedTest(name = "risk sum {0} is approved with monitoring")
  @CsvSource({"15", "20", "25"})
  void riskSumFifteenToTwentyFiveIsApprovedWithMonitoring(int riskSum) {
    TracedDecision<DmnDecisionResult> traced = evaluate(riskSum, 3);

    assertDecision(traced, "APPROVE_WITH_MONITORING", false, "rule_moderateRiskApprovedWithMonitoring");
  }

  @ParameterizedTest(name = "risk sum {0} is approved with checkpoints the EM names")
  @CsvSource({"26", "30", "35"})
  void riskSumTwentySixToThirtyFiveIsApprovedWithCheckpoints(int riskSum) {
    TracedDecision<DmnDecisionResult> traced = evaluate(riskSum, 3);

    assertDecision(traced, "APPROVE_WITH_CHECKPOINTS", true, "rule_elevatedRiskApprovedWithCheckpoints");
  }

  @ParameterizedTest(name = "risk sum {0} is decided by the EM")
  @CsvSource({"36", "60"})
  void riskSumAboveThirtyFiveIsDecidedByTheEm(int riskSum) {
    TracedDecision<DmnDecisionResult> traced = evaluate(riskSum, 3);

    assertDecision(traced, "EM_DECIDES", true, "rule_highRiskEmDecides");
  }

  @Test
  void missingRiskSumFailsSafeToTheEm() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("riskSum", null);
    variables.put("tier", 3);

    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(
        () -> decisionService.evaluateDecisionByKey("risk-decision").variables(variables).evaluate());

    assertDecision(traced, "EM_DECIDES", true, "rule_unknownRiskEmDecides");
  }

  @Test
  void theReasonNamesTheRiskSum() {
    TracedDecision<DmnDecisionResult> traced = evaluate(26, 3);

    assertThat(traced.result().getSingleResult().<String>getEntry("reason")).contains("26");
  }

  private TracedDecision<DmnDecisionResult> evaluate(int riskSum, int tier) {
    return decisionTrace.captureAsSystem(() -> decisionService.evaluateDecisionByKey("risk-decision")
        .variables(Map.of("riskSum", riskSum, "tier", tier)).evaluate());
  }

  private static void assertDecision(
      TracedDecision<DmnDecisionResult> traced, String outcome, boolean emTask, String rule) {
    DmnDecisionResultEntries result = traced.result().getSingleResult();
    assertThat(result.<String>getEntry("riskOutcome")).isEqualTo(outcome);
    assertThat(result.<Boolean>getEntry("emTaskRequired")).isEqualTo(emTask);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).isNotBlank();
  }
}
