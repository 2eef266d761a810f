package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationTest;
import com.orchestration.organization.Domain;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN loan-length (one case per rule) and what the rebalancing makes of its answer. */
@OrchestrationTest
class LoanLengthTest {

  @Autowired DecisionService decisions;
  @Autowired DecisionTrace trace;
  @Autowired RepositoryService repository;
  @Autowired LoanLength loanLength;

  @Test
  void everyDomainBorrowsForAWorkingWeek() {
    for (Domain domain : Domain.values()) {
      TracedDecision<DmnDecisionResult> traced = trace.captureAsSystem(() -> decisions.evaluateDecisionByKey(LoanLength.DECISION)
          .variables(Map.of("domain", domain.value())).evaluate());

      Object days = traced.result().getSingleResult().getEntry("loanDays");
      assertThat(days).as(domain.value()).isEqualTo(5);
      assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly("rule_workingWeek");
      assertThat(loanLength.days(domain)).isEqualTo(5);
    }
  }

  @Test
  void aTableEditedOutsideOneToThirtyDaysIsRefusedWithTheDecisionNamed() {
    // Given a process owner deploys a version that answers 45 days
    String deployment = repository.createDeployment().name("loan-length-probe")
        .addString("loan-length.dmn", table(45)).deploy().getId();
    try {
      // Then the next loan is refused with what is wrong and where to fix it
      assertThatThrownBy(() -> loanLength.days(Domain.DATA)).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Decision 'loan-length' (loan-length:")
          .hasMessageEndingWith("must return whole loan days from 1 to 30 for domain 'data', returned 45.0");
    } finally {
      repository.deleteDeployment(deployment, true);
    }
    // And with the version removed the shipped table answers again
    assertThat(loanLength.days(Domain.DATA)).isEqualTo(5);
  }

  @Test
  void theRemovedPropertyStopsTheStartWithWhereTheValueLivesNow() {
    assertThatThrownBy(() -> new RebalancingProperties(false, Duration.ofHours(1), "7"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("orchestration.rebalancing.default-loan-days (set to '7') is no longer read")
        .hasMessageContaining("dmn/loan-length.dmn");
  }

  private static String table(int days) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                     xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="Definitions_LoanLengthProbe" name="Loan length" namespace="http://orchestration.example/test">
          <decision id="loan-length" name="Loan length" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_LoanLengthProbe" hitPolicy="FIRST">
              <input id="input_domain"><inputExpression id="InputExpression_Domain" typeRef="string">
                <text>domain</text></inputExpression></input>
              <output id="output_loanDays" name="loanDays" typeRef="integer" />
              <rule id="rule_probe">
                <inputEntry id="UnaryTests_Probe"><text></text></inputEntry>
                <outputEntry id="LiteralExpression_Probe"><text>%d</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(days);
  }
}
