package com.orchestration.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One case per rule of dmn/required-gates.dmn (required-gates, rework-limit, review-effort) and domain-checklist. */
@OrchestrationTest
class RequiredGatesDecisionTest {

  @Autowired DecisionService decisions;
  @Autowired DecisionTrace trace;
  @Autowired GatePlan gatePlan;

  TracedDecision<DmnDecisionResult> evaluate(String key, Map<String, Object> inputs) {
    return trace.captureAsSystem(() -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate());
  }

  static Map<String, Object> gateInputs(String level, int tier, boolean security, boolean architectural,
      int taskCount, int parallelGroups) {
    Map<String, Object> in = new HashMap<>();
    in.put("level", level);
    in.put("tier", tier);
    in.put("securitySensitive", security);
    in.put("architectural", architectural);
    in.put("taskCount", taskCount);
    in.put("parallelGroups", parallelGroups);
    return in;
  }

  @ParameterizedTest(name = "{0} tier {1} security {2} architectural {3} tasks {4} groups {5} → {6}")
  @CsvSource({
      "task,        1, false, false,  0, 0, peer-review,         rule_peerReviewForTasks",
      "task,        2, false, false,  0, 0, domain-approval,     rule_domainApprovalForTasks",
      "task,        0, true,  false,  0, 0, cross-functional,    rule_crossFunctionalForSecurityTasks",
      "strategic,   3, false, false,  0, 0, cross-functional,    rule_crossFunctionalForStrategicTasks",
      "strategic,   4, false, true,   0, 0, architecture-review, rule_architectureForArchitecturalStrategicTasks",
      "instruction, 2, false, false,  0, 0, cross-functional,    rule_crossFunctionalForTierTwoInstructions",
      "plan,        3, false, false, 11, 0, architecture-review, rule_architectureForLargePlans",
      "plan,        4, false, false,  5, 3, architecture-review, rule_architectureForParallelPlans",
      "plan,        3, false, true,   5, 1, architecture-review, rule_architectureForCoreArchitecturePlans"})
  void eachRuleAddsItsGate(String level, int tier, boolean security, boolean architectural, int taskCount,
      int parallelGroups, String gate, String rule) {
    TracedDecision<DmnDecisionResult> result =
        evaluate("required-gates", gateInputs(level, tier, security, architectural, taskCount, parallelGroups));

    assertThat(result.result().collectEntries("gate")).contains(gate);
    assertThat(result.firedRules()).extracting(FiredRule::ruleId).contains(rule);
  }

  @Test
  void aTier0TaskAndASmallPlanNeedNoGate() {
    assertThat(evaluate("required-gates", gateInputs("task", 0, false, false, 0, 0)).result().getResultList()).isEmpty();
    assertThat(evaluate("required-gates", gateInputs("plan", 3, false, false, 10, 2)).result().getResultList()).isEmpty();
  }

  @Test
  void theThirdReworkRoundEscalatesToTheDomainLead() {
    TracedDecision<DmnDecisionResult> result = evaluate("rework-limit", Map.of("level", "task"));

    assertThat(result.result().getSingleResult().getEntryMap())
        .containsEntry("maxReworkLoops", 3).containsEntry("reworkEscalationLevel", "DL");
    assertThat(result.firedRules()).extracting(FiredRule::ruleId).containsExactly("rule_thirdReworkEscalatesToDomainLead");
  }

  @Test
  void aPeerReviewReservesATenthOfTheEstimateButAtLeastHalfAnHour() {
    TracedDecision<DmnDecisionResult> result = evaluate("review-effort", Map.of("gate", "peer-review"));

    assertThat(result.firedRules()).extracting(FiredRule::ruleId).containsExactly("rule_peerReviewTakesATenth");
    assertThat(gatePlan.reviewHours(GatePlan.PEER_REVIEW, 8)).isEqualTo(0.8);
    assertThat(gatePlan.reviewHours(GatePlan.PEER_REVIEW, 2)).isEqualTo(0.5);
  }

  @ParameterizedTest(name = "{0}: {1} items, e.g. {2}")
  @CsvSource({
      "backend,  5, No N+1 queries (checked with the SQL log)",
      "frontend, 3, 'Accessibility WCAG 2.1 AA (keyboard, contrast, labels)'",
      "data,     3, Migration is reversible (down script tested)",
      "devops,   3, Rollback plan written and tried",
      "qa,       3, Regression suite green",
      "security, 3, Threat model updated"})
  void everyDomainHasItsChecklist(String domain, int count, String example) {
    List<String> items = gatePlan.domainChecklist(domain);

    assertThat(items).hasSize(count).contains(example);
  }
}
