package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.PolicyDecisions;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of DMN state-sla (SPEC §5.3): which rule fires and the hours and target it returns. */
@OrchestrationTest
class SlaDecisionTest {

  @Autowired PolicyDecisions policies;
  @Autowired DecisionService decisionService;

  private PolicyDecisions.Policy evaluate(String state, int tier, double estimate) {
    return policies.evaluate("state-sla", Map.of("state", state, "tier", tier, "estimateHours", estimate));
  }

  private static void assertSla(PolicyDecisions.Policy policy, String rule, Double target, Double warning,
      Double escalation, String to) {
    assertThat(policy.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    Map<String, Object> row = policy.rows().get(0);
    assertThat(row.get("targetHours")).isEqualTo(target);
    assertThat(row.get("warningHours")).isEqualTo(warning);
    assertThat(row.get("escalationHours")).isEqualTo(escalation);
    assertThat(row.get("escalationTarget")).isEqualTo(to);
    assertThat((String) row.get("escalationAction")).isNotBlank();
  }

  @Test
  void pendingOfATierOneOrTwoInstructionWaitsTwoHoursThenWarnsAtFourAndGoesToTheEmAtEight() {
    assertSla(evaluate("PENDING", 1, 4), "rule_pendingSmallTier", 2.0, 4.0, 8.0, "EM");
    assertSla(evaluate("PENDING", 2, 4), "rule_pendingSmallTier", 2.0, 4.0, 8.0, "EM");
  }

  @Test
  void pendingOfATierZeroInstructionReusesTheTierOneToTwoValues() {
    assertSla(evaluate("PENDING", 0, 1), "rule_pendingSmallTier", 2.0, 4.0, 8.0, "EM");
  }

  @Test
  void pendingOfATierThreeOrFourInstructionWaitsEightHoursThenWarnsAtSixteenAndGoesToTheEmAtThirtyTwo() {
    assertSla(evaluate("PENDING", 3, 4), "rule_pendingLargeTier", 8.0, 16.0, 32.0, "EM");
    assertSla(evaluate("PENDING", 4, 4), "rule_pendingLargeTier", 8.0, 16.0, 32.0, "EM");
  }

  @Test
  void inPlanningTakesADayWarnsAtOneAndAHalfAndTheTlHelpsAfterTwo() {
    assertSla(evaluate("IN_PLANNING", 3, 8), "rule_inPlanning", 24.0, 36.0, 48.0, "TL");
  }

  @Test
  void assignedStartsWithinFourHoursWarnsAtEightAndTheDlChecksWorkloadAtTwentyFour() {
    assertSla(evaluate("ASSIGNED", 2, 4), "rule_assigned", 4.0, 8.0, 24.0, "DL");
  }

  @Test
  void inProgressIsMeasuredAgainstTheTasksOwnEstimate() {
    assertSla(evaluate("IN_PROGRESS", 2, 6), "rule_inProgress", 6.0, 9.0, 12.0, "DL");
    assertSla(evaluate("IN_PROGRESS", 2, 3), "rule_inProgress", 3.0, 4.5, 6.0, "DL");
  }

  @Test
  void blockedWarnsAtFourHoursAndGoesToTheTlAtEight() {
    assertSla(evaluate("BLOCKED", 2, 4), "rule_blocked", 2.0, 4.0, 8.0, "TL");
  }

  @Test
  void escalatedHasEightHoursAtEachLevelAndNoWarning() {
    PolicyDecisions.Policy policy = evaluate("ESCALATED", 2, 4);

    assertSla(policy, "rule_escalated", 8.0, null, 8.0, null);
    assertThat((String) policy.rows().get(0).get("escalationAction")).contains("next level");
  }

  @Test
  void underReviewWarnsAtEightHoursAndTheDlTakesOverTheReviewAtTwentyFour() {
    assertSla(evaluate("UNDER_REVIEW", 2, 4), "rule_underReview", 4.0, 8.0, 24.0, "DL");
  }

  @Test
  void domainReviewWarnsAtSixteenHoursAndTheTlReviewsAtFortyEight() {
    assertSla(evaluate("DOMAIN_REVIEW", 2, 4), "rule_domainReview", 8.0, 16.0, 48.0, "TL");
  }

  @Test
  void readyForHandoffWarnsAfterTwoDaysAndTheTlCoordinatesAfterThree() {
    assertSla(evaluate("READY_FOR_HANDOFF", 3, 4), "rule_readyForHandoff", 24.0, 48.0, 72.0, "TL");
  }

  @Test
  void closedTasksMatchNoRuleAndEveryOpenStateMatchesExactlyOne() {
    assertThat(decisionService.evaluateDecisionTableByKey("state-sla",
        Map.of("state", "COMPLETED", "tier", 2, "estimateHours", 4.0)).getResultList()).isEmpty();
    for (TaskState state : TaskState.values()) {
      if (state.isOpen()) {
        assertThat(decisionService.evaluateDecisionTableByKey("state-sla",
            Map.<String, Object>of("state", state.name(), "tier", 3, "estimateHours", 4.0)).getResultList())
            .as(state.name()).hasSize(1);
      }
    }
  }
}
