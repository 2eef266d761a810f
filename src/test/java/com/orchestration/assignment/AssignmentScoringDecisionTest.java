package com.orchestration.assignment;

import static com.orchestration.assignment.AssignmentFixtures.TODAY;
import static com.orchestration.assignment.AssignmentFixtures.candidate;
import static com.orchestration.assignment.AssignmentFixtures.ic;
import static com.orchestration.assignment.AssignmentFixtures.task;
import static com.orchestration.organization.SkillLevel.ADVANCED;
import static com.orchestration.organization.SkillLevel.EXPERT;
import static com.orchestration.organization.SkillLevel.INTERMEDIATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.OrchestrationTest;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Person;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** DMN assignment-scoring as deployed: one test per rule, the combined policy, and a retuned weight at work. */
@OrchestrationTest
class AssignmentScoringDecisionTest {

  private static final String PROBE = "assignment-scoring-probe";

  @Autowired DecisionService decisionService;
  @Autowired DecisionTrace trace;
  @Autowired RepositoryService repositoryService;
  @Autowired AssignmentPolicies policies;

  @AfterEach
  void removeProbe() {
    repositoryService.createDeploymentQuery().deploymentName(PROBE).list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @ParameterizedTest(name = "{0} work for a {1} IC fits {2} ({3})")
  @CsvSource({
      "simple,   junior, 1.0, rule_simpleJunior",
      "simple,   mid,    0.9, rule_simpleMid",
      "simple,   senior, 0.7, rule_simpleSenior",
      "simple,   staff,  0.6, rule_simpleStaff",
      "moderate, junior, 0.4, rule_moderateJunior",
      "moderate, mid,    1.0, rule_moderateMid",
      "moderate, senior, 0.9, rule_moderateSenior",
      "moderate, staff,  0.8, rule_moderateStaff",
      "high,     junior, 0.0, rule_highJunior",
      "high,     mid,    0.6, rule_highMid",
      "high,     senior, 1.0, rule_highSenior",
      "high,     staff,  1.0, rule_highStaff"})
  void complexityFitTableAnswersEachCombinationWithItsOwnRule(String complexity, String level, double fit,
      String rule) {
    TracedDecision<DmnDecisionResult> traced = trace.captureAsSystem(() -> decisionService
        .evaluateDecisionByKey("complexity-fit").variables(Map.of("complexity", complexity, "level", level))
        .evaluate());

    assertThat(((Number) traced.result().getSingleEntry()).doubleValue()).isEqualTo(fit);
    assertThat(traced.firedRules()).extracting(FiredRule::ruleId).containsExactly(rule);
  }

  @Test
  void weightsAreTheSpecWeightsForEveryPriority() {
    for (String priority : List.of("critical", "high", "normal", "low")) {
      Map<String, Object> weights = evaluate("assignment-weights", Map.of("priority", priority));
      assertThat(weights).containsEntry("weightSkill", 0.40).containsEntry("weightWorkload", 0.25)
          .containsEntry("weightComplexityFit", 0.20).containsEntry("weightLearning", 0.10)
          .containsEntry("weightPerformance", 0.05);
    }
  }

  @Test
  void criticalWorkMayGoToNinetyFivePercentAndSkipsTheCautionBand() {
    assertThat(evaluate("assignment-eligibility", Map.of("priority", "critical")))
        .containsEntry("minSkillMatch", 0.6).containsEntry("maxWorkload", 0.95)
        .containsEntry("cautionFrom", 0.75).containsEntry("cautionMinSkillMatch", 0.6);
  }

  @Test
  void regularWorkStopsAtNinetyPercentAndTheCautionBandNeedsNinetyFivePercentSkill() {
    for (String priority : List.of("high", "normal", "low")) {
      assertThat(evaluate("assignment-eligibility", Map.of("priority", priority)))
          .containsEntry("minSkillMatch", 0.6).containsEntry("maxWorkload", 0.90)
          .containsEntry("cautionFrom", 0.75).containsEntry("cautionMinSkillMatch", 0.95);
    }
  }

  @Test
  void theTopDecisionCombinesFitWeightsAndThresholdsForOnePriorityComplexityAndLevel() {
    AssignmentPolicy policy = policies.policy(Priority.CRITICAL, Complexity.HIGH, ExperienceLevel.SENIOR);

    assertThat(policy).isEqualTo(new AssignmentPolicy(1.0, 0.40, 0.25, 0.20, 0.10, 0.05, 0.6, 0.95, 0.75, 0.6,
        policy.definitionId(), policy.firedRules()));
    assertThat(policy.definitionId()).startsWith("assignment-scoring:");
    assertThat(policy.firedRules()).extracting(FiredRule::ruleId).contains("rule_highSenior", "rule_defaultWeights",
        "rule_criticalWork", "rule_combinePolicy");
  }

  @Test
  void changingAWeightInTheDmnChangesTheChoice() throws IOException {
    Person sam = ic("sam", ExperienceLevel.SENIOR, Map.of("threat-modeling", EXPERT, "owasp", EXPERT,
        "python", ADVANCED, "sast", ADVANCED, "penetration-testing", EXPERT));
    Person elena = ic("elena", ExperienceLevel.MID, Map.of("threat-modeling", ADVANCED, "owasp", ADVANCED,
        "iam", ADVANCED));
    TaskAttributes task = task(Map.of("threat-modeling", INTERMEDIATE, "owasp", INTERMEDIATE),
        Set.of("python", "sast", "penetration-testing", "iam"), Complexity.HIGH, Priority.NORMAL);
    List<CandidateInput> candidates = List.of(candidate(sam, 0.50), candidate(elena, 0.0));

    // skill-heavy default: sam 0.73 beats elena 0.703
    assertThat(rankWithDeployedPolicy(task, candidates).best().orElseThrow().personId()).isEqualTo("sam");

    deployWithWeights("0.05", "0.80");
    Ranking retuned = rankWithDeployedPolicy(task, candidates);

    // free capacity counts most now: elena 0.9835 beats sam 0.6725
    assertThat(retuned.best().orElseThrow().personId()).isEqualTo("elena");
    assertThat(retuned.decisionVersions()).singleElement().asString().startsWith("assignment-scoring:");
    assertThat(retuned.best().orElseThrow().score()).isEqualTo(0.9835);

    removeProbe();
    assertThat(rankWithDeployedPolicy(task, candidates).best().orElseThrow().personId())
        .as("the original table answers again once the probe is gone").isEqualTo("sam");
  }

  private Ranking rankWithDeployedPolicy(TaskAttributes task, List<CandidateInput> candidates) {
    return AssignmentRanker.rank(task, candidates,
        level -> policies.policy(task.priority(), task.complexity(), level), TODAY);
  }

  private void deployWithWeights(String weightSkill, String weightWorkload) throws IOException {
    String original;
    try (InputStream in = getClass().getResourceAsStream("/dmn/assignment-scoring.dmn")) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String retuned = original
        .replace("<outputEntry id=\"LiteralExpression_DefaultWeightSkill\"><text>0.40</text>",
            "<outputEntry id=\"LiteralExpression_DefaultWeightSkill\"><text>" + weightSkill + "</text>")
        .replace("<outputEntry id=\"LiteralExpression_DefaultWeightWorkload\"><text>0.25</text>",
            "<outputEntry id=\"LiteralExpression_DefaultWeightWorkload\"><text>" + weightWorkload + "</text>");
    assertThat(retuned).isNotEqualTo(original);
    repositoryService.createDeployment().name(PROBE).addString("assignment-scoring.dmn", retuned).deploy();
  }

  private Map<String, Object> evaluate(String key, Map<String, Object> variables) {
    return trace.captureAsSystem(() -> decisionService.evaluateDecisionByKey(key).variables(variables).evaluate())
        .result().getSingleResult().getEntryMap();
  }
}
