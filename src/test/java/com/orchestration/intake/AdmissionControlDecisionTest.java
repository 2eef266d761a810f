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
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of dmn/admission-control.dmn (SPEC §4.3), with the 85% threshold on both sides. */
@OrchestrationTest
class AdmissionControlDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysWithHistoryTimeToLive() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("admission-control").latestVersion().singleResult();

    assertThat(definition).isNotNull();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
  }

  @ParameterizedTest(name = "load {0} with priority {1} is admitted")
  @CsvSource({"0.0, low", "0.5, normal", "0.8499, high", "0.8499, critical"})
  void loadBelowEightyFivePercentIsAdmittedWhateverThePriority(double load, String priority) {
    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(load, priority);

    // Then
    assertDecision(traced, "admit", "rule_loadBelowThresholdAdmits");
  }

  @ParameterizedTest(name = "critical at load {0} goes to EM arbitration")
  @CsvSource({"0.85", "0.95", "1.4"})
  void criticalAtOrAboveTheThresholdGoesToArbitration(double load) {
    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(load, "critical");

    // Then
    assertDecision(traced, "arbitrate", "rule_criticalOverThresholdGoesToArbitration");
  }

  @ParameterizedTest(name = "{1} at load {0} waits in the queue")
  @CsvSource({"0.85, high", "0.85, normal", "0.9, low"})
  void anyOtherPriorityAtOrAboveTheThresholdIsQueued(double load, String priority) {
    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(load, priority);

    // Then
    assertDecision(traced, "queue", "rule_otherOverThresholdQueues");
  }

  @Test
  void unknownLoadIsNeverAdmitted() {
    // Given no utilisation figure
    Map<String, Object> variables = new HashMap<>();
    variables.put("systemUtilisationWithInstruction", null);
    variables.put("priority", "normal");

    // When
    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(
        () -> decisionService.evaluateDecisionByKey("admission-control").variables(variables).evaluate());

    // Then
    assertDecision(traced, "queue", "rule_otherOverThresholdQueues");
  }

  private TracedDecision<DmnDecisionResult> evaluate(double load, String priority) {
    return decisionTrace.captureAsSystem(() -> decisionService.evaluateDecisionByKey("admission-control")
        .variables(Map.of("systemUtilisationWithInstruction", load, "priority", priority)).evaluate());
  }

  private static void assertDecision(TracedDecision<DmnDecisionResult> traced, String admission, String rule) {
    assertThat(traced.result().getSingleResult().<String>getEntry("admission")).isEqualTo(admission);
    assertThat(traced.result().getSingleResult().<String>getEntry("reason")).isNotBlank();
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).isNotBlank();
  }
}
