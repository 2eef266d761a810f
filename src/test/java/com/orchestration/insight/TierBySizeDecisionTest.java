package com.orchestration.insight;

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

/** One test per rule of dmn/tier-by-size.dmn (SPEC §11 reading §4.2's table), with the rule's boundary. */
@OrchestrationTest
class TierBySizeDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;
  @Autowired TierCalibration tiers;

  @Test
  void isDeployedWithHistoryTimeToLive() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("tier-by-size").latestVersion().singleResult();

    assertThat(definition).isNotNull();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    assertThat(definition.getResourceName()).endsWith("tier-by-size.dmn");
  }

  @ParameterizedTest(name = "{0} tasks, {1} h → tier {2} ({3})")
  @CsvSource({
      "0,   0,     0, rule_noTacticalTasks",
      "1,   0.25,  1, rule_oneTaskOfAnHourAtMost",
      "1,   1,     1, rule_oneTaskOfAnHourAtMost",
      "1,   1.01,  2, rule_upToEightTasksOfAFewHours",
      "2,   0.5,   2, rule_upToEightTasksOfAFewHours",
      "8,   16,    2, rule_upToEightTasksOfAFewHours",
      "9,   12,    3, rule_upTo150TasksOrDaysOfWork",
      "5,   16.5,  3, rule_upTo150TasksOrDaysOfWork",
      "150, 400,   3, rule_upTo150TasksOrDaysOfWork",
      "151, 300,   4, rule_beyondTierThree",
      "40,  400.5, 4, rule_beyondTierThree"})
  void theSizeOfCompletedWorkImpliesATier(int tacticalTasks, double hours, int tier, String rule) {
    // When
    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(() -> decisionService
        .evaluateDecisionByKey("tier-by-size")
        .variables(Map.of("tacticalTaskCount", tacticalTasks, "totalActualHours", hours)).evaluate());

    // Then
    assertThat(traced.result().getFirstResult().<Integer>getEntry("impliedTier")).isEqualTo(tier);
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).startsWith("Tier " + tier + ",");
    assertThat(tiers.implied(tacticalTasks, hours)).isEqualTo(new TierCalibration.Implied(tier, rule));
  }
}
