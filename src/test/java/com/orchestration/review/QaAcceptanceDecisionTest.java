package com.orchestration.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN qa-acceptance (SPEC §7): one test per rule, the security override first. */
@OrchestrationTest
class QaAcceptanceDecisionTest {

  @Autowired DecisionService decisions;

  DmnDecisionResult evaluate(int tier, boolean securityCritical) {
    return decisions.evaluateDecisionByKey("qa-acceptance")
        .variables(Map.of("tier", tier, "securityCritical", securityCritical)).evaluate();
  }

  int minCoverage(int tier, boolean securityCritical) {
    return ((Number) evaluate(tier, securityCritical).getSingleResult().getEntry("minCoverage")).intValue();
  }

  @Test
  void securityCriticalCodeNeedsFullCoverageWhateverTheTier() {
    assertThat(minCoverage(1, true)).isEqualTo(100);
    assertThat(minCoverage(4, true)).isEqualTo(100);
  }

  @Test
  void tierOneNeedsSixtyPercent() {
    assertThat(minCoverage(1, false)).isEqualTo(60);
    assertThat(minCoverage(0, false)).isEqualTo(60);
  }

  @Test
  void tierTwoNeedsEightyPercent() {
    assertThat(minCoverage(2, false)).isEqualTo(80);
  }

  @Test
  void tiersThreeAndFourNeedNinetyPercent() {
    assertThat(minCoverage(3, false)).isEqualTo(90);
    assertThat(minCoverage(4, false)).isEqualTo(90);
  }

  @Test
  void firstHitPolicyReturnsExactlyOneRowSoTheSecurityRuleWinsOverTheTierRule() {
    assertThat(evaluate(2, true).getResultList()).hasSize(1);
  }
}
