package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The trace API on a small probe decision deployed just for this test (and removed after it). */
@OrchestrationTest
class DecisionTraceTest {

  private static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                   xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                   id="Definitions_TraceProbe" name="Trace probe" namespace="http://orchestration.example/test">
        <decision id="trace-probe" name="Trace probe" camunda:historyTimeToLive="P1D">
          <decisionTable id="DecisionTable_TraceProbe" hitPolicy="COLLECT">
            <input id="input_size"><inputExpression id="InputExpression_Size" typeRef="integer">
              <text>size</text></inputExpression></input>
            <output id="output_label" name="label" typeRef="string" />
            <rule id="rule_small">
              <description>Small sizes</description>
              <inputEntry id="UnaryTests_Small"><text>&lt; 10</text></inputEntry>
              <outputEntry id="LiteralExpression_Small"><text>"small"</text></outputEntry>
            </rule>
            <rule id="rule_positive">
              <description>Positive sizes</description>
              <inputEntry id="UnaryTests_Positive"><text>&gt; 0</text></inputEntry>
              <outputEntry id="LiteralExpression_Positive"><text>"positive"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Autowired DecisionTrace decisionTrace;
  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  private String deploymentId;

  @BeforeEach
  void deployProbe() {
    deploymentId = repositoryService.createDeployment().addString("trace-probe.dmn", PROBE).deploy().getId();
  }

  @AfterEach
  void removeProbe() {
    identityService.clearAuthentication();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void reportsEveryMatchedRuleWithItsModelerDescriptionAndOutputs() {
    // When
    TracedDecision<DmnDecisionResult> traced = decisionTrace.capture(() -> evaluate(5));

    // Then
    assertThat(traced.result().collectEntries("label")).containsExactly("small", "positive");
    assertThat(traced.firedRules()).containsExactly(
        new FiredRule("trace-probe", "rule_small", "Small sizes", Map.of("label", "small")),
        new FiredRule("trace-probe", "rule_positive", "Positive sizes", Map.of("label", "positive")));
    assertThat(traced.decision("trace-probe").orElseThrow().decisionDefinitionId())
        .isEqualTo(repositoryService.createDecisionDefinitionQuery().deploymentId(deploymentId).singleResult().getId());
    // Several rules matched: no single outputs for the decision
    assertThat(traced.decision("trace-probe").orElseThrow().outputs()).isEmpty();
  }

  @Test
  void anOuterTraceSeesWhatAnInnerTraceSaw() {
    // When
    TracedDecision<TracedDecision<DmnDecisionResult>> outer = decisionTrace.capture(() -> {
      evaluate(20);
      return decisionTrace.capture(() -> evaluate(-1));
    });

    // Then
    assertThat(outer.result().firedRules()).extracting(FiredRule::ruleId).containsExactly("rule_small");
    assertThat(outer.firedRules()).extracting(FiredRule::ruleId).containsExactly("rule_positive", "rule_small");
  }

  @Test
  void evaluationsOutsideATraceAreNotRecordedLater() {
    // Given an untraced evaluation
    evaluate(5);

    // When
    TracedDecision<String> traced = decisionTrace.capture(() -> "no decision");

    // Then
    assertThat(traced.decisions()).isEmpty();
  }

  @Test
  void aFailedEvaluationClosesItsTrace() {
    assertThatThrownBy(() -> decisionTrace.capture(() -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(decisionTrace.capture(() -> evaluate(20)).firedRules()).hasSize(1);
  }

  @Test
  void captureAsSystemSkipsAuthorizationButKeepsTheUser() {
    // Given a user without rights on the decision
    identityService.setAuthentication("trace-test-user", List.of());
    assertThatThrownBy(() -> decisionTrace.capture(() -> evaluate(5))).isInstanceOf(AuthorizationException.class);

    // When
    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(() -> evaluate(5));

    // Then
    assertThat(traced.firedRules()).hasSize(2);
    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("trace-test-user");
  }

  private DmnDecisionResult evaluate(int size) {
    return decisionService.evaluateDecisionByKey("trace-probe").variables(Map.of("size", size)).evaluate();
  }
}
