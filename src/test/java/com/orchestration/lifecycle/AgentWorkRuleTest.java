package com.orchestration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reference agent's rule and command line, without an engine. */
class AgentWorkRuleTest {

  @Test
  void submitsAnOrdinaryTaskWithTheEstimateAsHoursSpent() {
    ReferenceAgentDecision decision = ReferenceAgentDecision.decide("TT1.2", "Add paging", "50 per page", 2.5);

    assertThat(decision.outcome()).isEqualTo("submit");
    assertThat(decision.variables())
        .containsEntry("workOutcome", "submit")
        .containsEntry("summary", "Automated implementation of TT1.2: Add paging")
        .containsEntry("testsRun", "5 unit tests passed (reference agent)")
        .containsEntry("hoursSpent", 2.5)
        .doesNotContainKey("blockerType");
  }

  @Test
  void reportsABlockerWhenTheTitleOrTheDescriptionCarriesTheMarker() {
    ReferenceAgentDecision byTitle = ReferenceAgentDecision.decide("TT1.3", "Migrate [agent-block]", null, 1);
    ReferenceAgentDecision byDescription = ReferenceAgentDecision.decide("TT1.4", "Migrate", "see [Agent-Block]", 1);

    assertThat(byTitle.variables()).containsEntry("workOutcome", "block")
        .containsEntry("blockerType", "technical_uncertainty")
        .containsKeys("blockerDescription", "blockerTried")
        .doesNotContainKey("summary");
    assertThat(byDescription.outcome()).isEqualTo("block");
  }

  @Test
  void parsesTheCommandLineAndRefusesAnIncompleteOne() {
    ReferenceAgentOptions options = ReferenceAgentOptions.parse(
        "--url", "http://localhost:8080/engine-rest/", "--user", "bot-backend-1", "--password", "demo", "--once");

    assertThat(options).isEqualTo(
        new ReferenceAgentOptions("http://localhost:8080/engine-rest", "bot-backend-1", "demo", true));
    assertThatThrownBy(() -> ReferenceAgentOptions.parse("--url", "http://x", "--user", "bot-qa-1"))
        .hasMessageContaining("--password");
    assertThatThrownBy(() -> ReferenceAgentOptions.parse("--user")).hasMessageContaining("--user needs a value");
  }
}
