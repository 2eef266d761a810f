package com.orchestration.escalation;

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

/** One test per rule of dmn/escalation-routing.dmn (SPEC §6 table), each naming the rule that must fire. */
@OrchestrationTest
class EscalationRoutingDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysTheDecisionWithHistoryTimeToLiveAndFirstHitPolicy() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("escalation-routing").latestVersion().singleResult();

    assertThat(definition).isNotNull();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    assertThat(definition.getResourceName()).endsWith("escalation-routing.dmn");
  }

  @ParameterizedTest(name = "{0} at {1} (start {2}, cross-domain {3}, architectural {4}) → {5} ({7})")
  @CsvSource(nullValues = "null", value = {
      // reasonType,          currentLevel, startLevel, crossDomain, architectural, next,    cancel, rule
      "sla_breach,            none,         TL,         false, false, TL,        true,  rule_slaBreachStartsAtTechLead",
      "sla_breach,            none,         EM,         false, false, EM,        true,  rule_slaBreachStartsAtEngineeringManager",
      "sla_breach,            none,         none,       false, false, DL,        false, rule_slaBreachStartsAtDomainLead",
      "no_eligible_ic,        none,         null,       false, false, TL,        true,  rule_noEligibleIcStartsAtTechLead",
      "technical_uncertainty, none,         null,       true,  true,  DL,        false, rule_blockerStartsAtDomainLead",
      "missing_dependency,    none,         null,       true,  false, DL,        false, rule_blockerStartsAtDomainLead",
      "external_dependency,   none,         null,       false, false, DL,        false, rule_blockerStartsAtDomainLead",
      "scope_ambiguity,       none,         null,       false, false, DL,        false, rule_blockerStartsAtDomainLead",
      "rework_limit,          none,         null,       false, false, DL,        false, rule_reworkLimitStartsAtDomainLead",
      "other,                 none,         null,       false, false, TL,        true,  rule_otherReasonStartsAtTechLead",
      "new_kind_of_trouble,   none,         null,       false, false, TL,        true,  rule_otherReasonStartsAtTechLead",
      "technical_uncertainty, DL,           null,       true,  true,  ARCHITECT, false, rule_architecturalUncertaintyGoesToArchitects",
      "technical_uncertainty, DL,           null,       true,  false, TL,        true,  rule_crossDomainUncertaintyGoesToTechLead",
      "technical_uncertainty, DL,           null,       false, false, TL,        true,  rule_domainLeadHandsToTechLead",
      "scope_ambiguity,       DL,           null,       false, false, TL,        true,  rule_domainLeadHandsToTechLead",
      "missing_dependency,    DL,           null,       false, true,  TL,        true,  rule_domainLeadHandsToTechLead",
      "technical_uncertainty, ARCHITECT,    null,       false, true,  TL,        true,  rule_architectsHandToTechLead",
      "scope_ambiguity,       TL,           null,       false, false, EM,        true,  rule_techLeadHandsToEngineeringManager",
      "no_eligible_ic,        TL,           null,       false, false, EM,        true,  rule_techLeadHandsToEngineeringManager",
      "scope_ambiguity,       EM,           null,       false, false, EM,        true,  rule_engineeringManagerIsTheLastLevel",
      "other,                 SOMEONE,      null,       false, false, TL,        true,  rule_unknownLevelGoesToTechLead"})
  void routesEachReasonAndLevelToTheNextResolver(String reasonType, String currentLevel, String startLevel,
      boolean crossDomain, boolean architectural, String nextLevel, boolean cancelAllowed, String rule) {
    // Given
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("reasonType", reasonType);
    inputs.put("currentLevel", currentLevel);
    inputs.put("startLevel", startLevel);
    inputs.put("crossDomain", crossDomain);
    inputs.put("architectural", architectural);

    // When
    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(() ->
        decisionService.evaluateDecisionByKey("escalation-routing").variables(inputs).evaluate());

    // Then
    Map<String, Object> row = traced.result().getSingleResult().getEntryMap();
    assertThat(row).containsEntry("nextLevel", nextLevel).containsEntry("levelSlaHours", 8.0)
        .containsEntry("cancelAllowed", cancelAllowed);
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(traced.firedRules().get(0).description()).isNotBlank();
  }
}
