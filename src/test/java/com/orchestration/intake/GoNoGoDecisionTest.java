package com.orchestration.intake;

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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of dmn/go-no-go.dmn (SPEC §4.7) and one per checklist item: blocking items give NO_GO. */
@OrchestrationTest
class GoNoGoDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionTrace decisionTrace;

  @Test
  void deploysEveryDecisionOfTheDrdWithHistoryTimeToLive() {
    for (String key : new String[] {"go-no-go-blockers", "go-no-go-caveats", "go-no-go"}) {
      DecisionDefinition definition =
          repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
      assertThat(definition).as(key).isNotNull();
      assertThat(definition.getHistoryTimeToLive()).as(key).isEqualTo(180);
      assertThat(definition.getResourceName()).as(key).endsWith("go-no-go.dmn");
    }
  }

  @ParameterizedTest(name = "security review {0}: all met is GO")
  @CsvSource(value = {"true", "null"}, nullValues = "null")
  void everyItemMetIsGoWithOrWithoutASecurityReview(Boolean securityReviewPassed) {
    // Given
    Map<String, Object> checklist = allMet();
    checklist.put("securityReviewPassed", securityReviewPassed);

    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(checklist);

    // Then
    assertDecision(traced, "GO", "rule_allItemsMet");
    assertThat(reason(traced)).isEqualTo("all checklist items met");
  }

  @ParameterizedTest(name = "{0} failed is NO_GO")
  @CsvSource({
      "allStrategicTasksComplete, not all strategic tasks are complete",
      "acceptanceCriteriaMet,     acceptance criteria not all met",
      "noCriticalBugs,            critical bugs are open",
      "securityReviewPassed,      security review not passed"})
  void aFailedBlockingItemIsNoGo(String item, String text) {
    // Given
    Map<String, Object> checklist = allMet();
    checklist.put(item, false);

    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(checklist);

    // Then
    assertDecision(traced, "NO_GO", "rule_blockingItemFailed");
    assertThat(reason(traced)).isEqualTo("blockers: " + text);
  }

  @ParameterizedTest(name = "{0} missing is GO_WITH_CAVEATS")
  @CsvSource({
      "coverageAdequate,      test coverage not adequate",
      "performanceAcceptable, performance not confirmed acceptable",
      "rollbackPlanReady,     no rollback plan ready",
      "monitoringInPlace,     monitoring not in place"})
  void onlyANonBlockingItemMissingIsGoWithCaveats(String item, String text) {
    // Given
    Map<String, Object> checklist = allMet();
    checklist.put(item, false);

    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(checklist);

    // Then
    assertDecision(traced, "GO_WITH_CAVEATS", "rule_onlyNonBlockingItemsMissing");
    assertThat(reason(traced)).isEqualTo("caveats: " + text);
  }

  @Test
  void noGoListsEveryBlockerAndTheCaveats() {
    // Given two blockers and one caveat
    Map<String, Object> checklist = allMet();
    checklist.put("allStrategicTasksComplete", false);
    checklist.put("noCriticalBugs", false);
    checklist.put("monitoringInPlace", false);

    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(checklist);

    // Then
    assertDecision(traced, "NO_GO", "rule_blockingItemFailed");
    assertThat(reason(traced)).isEqualTo("blockers: not all strategic tasks are complete; critical bugs are open"
        + "; caveats: monitoring not in place");
  }

  @Test
  void anUnansweredItemCountsAsNotMet() {
    // Given acceptance criteria and rollback plan not answered at all
    Map<String, Object> checklist = allMet();
    checklist.put("acceptanceCriteriaMet", null);
    checklist.put("rollbackPlanReady", null);

    // When
    TracedDecision<DmnDecisionResult> traced = evaluate(checklist);

    // Then
    assertDecision(traced, "NO_GO", "rule_blockingItemFailed");
    assertThat(reason(traced)).contains("acceptance criteria not all met", "no rollback plan ready");
  }

  @Test
  void theFailedItemListsCanBeEvaluatedOnTheirOwn() {
    // Given
    Map<String, Object> checklist = allMet();
    checklist.put("coverageAdequate", false);
    checklist.put("rollbackPlanReady", false);

    // When
    List<Object> caveats = decisionTrace.captureAsSystem(() -> decisionService
        .evaluateDecisionByKey("go-no-go-caveats").variables(checklist).evaluate()).result().getSingleEntry();

    // Then
    assertThat(caveats).containsExactly("test coverage not adequate", "no rollback plan ready");
  }

  private static Map<String, Object> allMet() {
    Map<String, Object> checklist = new HashMap<>();
    for (String item : new String[] {"allStrategicTasksComplete", "acceptanceCriteriaMet", "coverageAdequate",
        "securityReviewPassed", "performanceAcceptable", "noCriticalBugs", "rollbackPlanReady", "monitoringInPlace"}) {
      checklist.put(item, true);
    }
    return checklist;
  }

  private TracedDecision<DmnDecisionResult> evaluate(Map<String, Object> checklist) {
    return decisionTrace.captureAsSystem(
        () -> decisionService.evaluateDecisionByKey("go-no-go").variables(checklist).evaluate());
  }

  private static String reason(TracedDecision<DmnDecisionResult> traced) {
    return traced.result().getSingleResult().getEntry("reason");
  }

  private static void assertDecision(TracedDecision<DmnDecisionResult> traced, String decision, String rule) {
    assertThat(traced.result().getSingleResult().<String>getEntry("decision")).isEqualTo(decision);
    List<FiredRule> fired = traced.firedRules();
    assertThat(fired).extracting(FiredRule::ruleId).containsExactly(rule);
    assertThat(fired.get(0).decision()).isEqualTo("go-no-go");
    assertThat(fired.get(0).description()).isNotBlank();
  }
}
