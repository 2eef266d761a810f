package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of dmn/priority-arbitration.dmn (SPEC §4.3); the rule order is the precedence of criteria. */
@OrchestrationTest
class PriorityArbitrationDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysWithHistoryTimeToLive() {
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("priority-arbitration")
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(180);
  }

  @Test
  void bothCriticalIsDecidedByTheEmEvenWithACommitmentAndAnOrder() {
    TracedDecision<DmnDecisionResult> traced = evaluate("critical", "critical", true, false, true, "B");

    assertDecision(traced, "EM_DECIDES", "rule_bothCriticalEmDecides");
  }

  @Test
  void onlyACriticalWinsOverBsCustomerCommitmentAndEarlierSubmission() {
    TracedDecision<DmnDecisionResult> traced = evaluate("critical", "high", false, true, true, "B");

    assertDecision(traced, "A_FIRST", "rule_onlyACriticalWins");
  }

  @Test
  void onlyBCriticalWins() {
    TracedDecision<DmnDecisionResult> traced = evaluate("low", "critical", true, false, false, "A");

    assertDecision(traced, "B_FIRST", "rule_onlyBCriticalWins");
  }

  @Test
  void onlyACustomerCommitmentWinsOverBothHighAndEarlierSubmission() {
    TracedDecision<DmnDecisionResult> traced = evaluate("high", "high", true, false, true, "B");

    assertDecision(traced, "A_FIRST", "rule_onlyACustomerCommitmentWins");
  }

  @Test
  void anUnknownCommitmentCountsAsNone() {
    Map<String, Object> variables = variables("normal", "normal", true, false, true, "B");
    variables.put("customerCommitmentB", null);

    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(
        () -> decisionService.evaluateDecisionByKey("priority-arbitration").variables(variables).evaluate());

    assertDecision(traced, "A_FIRST", "rule_onlyACustomerCommitmentWins");
  }

  @Test
  void onlyBCustomerCommitmentWinsEvenAtLowerPriority() {
    TracedDecision<DmnDecisionResult> traced = evaluate("high", "normal", false, true, false, "A");

    assertDecision(traced, "B_FIRST", "rule_onlyBCustomerCommitmentWins");
  }

  @ParameterizedTest(name = "commitments A={0} B={1}: both high with capacity run in parallel")
  @CsvSource({"false, false", "true, true"})
  void bothHighWithCapacityRunInParallelWhenCommitmentsDoNotSeparateThem(boolean commitmentA, boolean commitmentB) {
    TracedDecision<DmnDecisionResult> traced = evaluate("high", "high", commitmentA, commitmentB, true, "B");

    assertDecision(traced, "PARALLEL", "rule_bothHighWithCapacityRunInParallel");
  }

  @ParameterizedTest(name = "{0} vs {1}, capacity for both {2}: A submitted first goes first")
  @CsvSource({"high, high, false", "normal, normal, true", "high, normal, true"})
  void otherwiseFirstInFirstOutForA(String priorityA, String priorityB, boolean capacity) {
    TracedDecision<DmnDecisionResult> traced = evaluate(priorityA, priorityB, false, false, capacity, "A");

    assertDecision(traced, "A_FIRST", "rule_aSubmittedFirstGoesFirst");
  }

  @Test
  void otherwiseFirstInFirstOutForB() {
    TracedDecision<DmnDecisionResult> traced = evaluate("normal", "low", false, false, true, "B");

    assertDecision(traced, "B_FIRST", "rule_bSubmittedFirstGoesFirst");
  }

  @Test
  void unknownSubmissionOrderFailsSafeToTheEm() {
    TracedDecision<DmnDecisionResult> traced = evaluate("normal", "normal", false, false, true, null);

    assertDecision(traced, "EM_DECIDES", "rule_unknownOrderEmDecides");
  }

  private TracedDecision<DmnDecisionResult> evaluate(String priorityA, String priorityB, boolean commitmentA,
      boolean commitmentB, boolean capacityAllowsBoth, String submittedFirst) {
    Map<String, Object> variables =
        variables(priorityA, priorityB, commitmentA, commitmentB, capacityAllowsBoth, submittedFirst);
    return decisionTrace.captureAsSystem(
        () -> decisionService.evaluateDecisionByKey("priority-arbitration").variables(variables).evaluate());
  }

  private static Map<String, Object> variables(String priorityA, String priorityB, boolean commitmentA,
      boolean commitmentB, boolean capacityAllowsBoth, String submittedFirst) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("priorityA", priorityA);
    variables.put("priorityB", priorityB);
    variables.put("customerCommitmentA", commitmentA);
    variables.put("customerCommitmentB", commitmentB);
    variables.put("capacityAllowsBoth", capacityAllowsBoth);
    variables.put("submittedFirst", submittedFirst);
    return variables;
  }

  private static void assertDecision(TracedDecision<DmnDecisionResult> traced, String decision, String rule) {
    assertThat(traced.result().getSingleResult().<String>getEntry("decision")).isEqualTo(decision);
    assertThat(traced.result().getSingleResult().<String>getEntry("reason")).isNotBlank();
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).isNotBlank();
  }
}
