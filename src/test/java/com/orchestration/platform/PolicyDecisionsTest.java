package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Policy values come from the latest deployed table, are cached per version, and a redeploy takes effect at once. */
@OrchestrationTest
class PolicyDecisionsTest {

  static String weightTable(String weight) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                     xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="Definitions_PolicyProbe" name="Policy probe" namespace="http://orchestration.example/test">
          <decision id="policy-probe" name="Policy probe" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_PolicyProbe" hitPolicy="UNIQUE">
              <input id="input_priority"><inputExpression id="InputExpression_Priority" typeRef="string">
                <text>priority</text></inputExpression></input>
              <output id="output_weight" name="weight" typeRef="double" />
              <rule id="rule_critical">
                <description>Critical work</description>
                <inputEntry id="UnaryTests_Critical"><text>"critical"</text></inputEntry>
                <outputEntry id="LiteralExpression_Critical"><text>%s</text></outputEntry>
              </rule>
              <rule id="rule_other">
                <description>Everything else</description>
                <inputEntry id="UnaryTests_Other"><text>not("critical")</text></inputEntry>
                <outputEntry id="LiteralExpression_Other"><text>0.1</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(weight);
  }

  @Autowired PolicyDecisions policies;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  @AfterEach
  void removeProbes() {
    repositoryService.createDeploymentQuery().deploymentName("policy-probe").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Test
  void answersFromTheTableAndCachesPerVersionAndInput() {
    deploy("0.4");
    long evaluationsBefore = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("policy-probe").count();

    PolicyDecisions.Policy first = policies.evaluate("policy-probe", Map.of("priority", "critical"));
    PolicyDecisions.Policy again = policies.evaluate("policy-probe", Map.of("priority", "critical"));
    PolicyDecisions.Policy other = policies.evaluate("policy-probe", Map.of("priority", "low"));

    assertThat(first.number("weight")).isEqualTo(0.4);
    assertThat(first.firedRules()).singleElement().satisfies(r -> assertThat(r.ruleId()).isEqualTo("rule_critical"));
    assertThat(again).isSameAs(first);
    assertThat(other.number("weight")).isEqualTo(0.1);
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("policy-probe").count())
        .as("two distinct inputs, two evaluations").isEqualTo(evaluationsBefore + 2);
  }

  @Test
  void aRedeployedTableAnswersTheNextCall() {
    deploy("0.4");
    assertThat(policies.evaluate("policy-probe", Map.of("priority", "critical")).number("weight")).isEqualTo(0.4);

    deploy("0.7");

    PolicyDecisions.Policy changed = policies.evaluate("policy-probe", Map.of("priority", "critical"));
    assertThat(changed.number("weight")).isEqualTo(0.7);
    assertThat(changed.definitionId()).contains("policy-probe:2");
  }

  @Test
  void namesTheDecisionWhenItIsNotDeployed() {
    assertThatThrownBy(() -> policies.evaluate("policy-probe", Map.of("priority", "critical")))
        .hasMessageContaining("'policy-probe' is not deployed");
  }

  private void deploy(String weight) {
    repositoryService.createDeployment().name("policy-probe")
        .addString("policy-probe.dmn", weightTable(weight)).deploy();
  }
}
