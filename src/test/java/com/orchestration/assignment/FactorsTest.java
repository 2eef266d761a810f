package com.orchestration.assignment;

import static com.orchestration.assignment.AssignmentFixtures.ic;
import static com.orchestration.organization.SkillLevel.ADVANCED;
import static com.orchestration.organization.SkillLevel.BEGINNER;
import static com.orchestration.organization.SkillLevel.EXPERT;
import static com.orchestration.organization.SkillLevel.INTERMEDIATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Domain;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java-computed factors of SPEC §8.1, with numbers worked out by hand. */
class FactorsTest {

  private static final double EXACT = 1e-9;

  private final Person kofi = ic("kofi", Domain.SECURITY, ExperienceLevel.SENIOR,
      Map.of("threat-modeling", EXPERT, "owasp", ADVANCED, "python", INTERMEDIATE, "sast", BEGINNER),
      List.of("cryptography"));

  @Test
  void skillMatchIsEightyPercentMeanLevelScorePlusTwentyPercentNiceToHaveShare() {
    // required: expert 1.0 and advanced 0.9 → mean 0.95; nice: holds python, not iam → 0.5
    double match = Factors.skillMatch(Map.of("threat-modeling", ADVANCED, "owasp", INTERMEDIATE),
        Set.of("python", "iam"), kofi);

    assertThat(match).isCloseTo(0.8 * 0.95 + 0.2 * 0.5, within(EXACT)).isCloseTo(0.86, within(EXACT));
  }

  @Test
  void skillMatchIsZeroWhenARequiredSkillIsMissing() {
    assertThat(Factors.skillMatch(Map.of("owasp", BEGINNER, "oauth2", BEGINNER), Set.of(), kofi)).isZero();
    assertThat(Factors.missingSkill(Map.of("owasp", BEGINNER, "oauth2", BEGINNER), kofi))
        .contains("missing skill oauth2 (needs beginner)");
  }

  @Test
  void skillMatchIsZeroWhenARequiredSkillIsBelowItsMinimumLevel() {
    assertThat(Factors.skillMatch(Map.of("owasp", EXPERT), Set.of(), kofi)).isZero();
    assertThat(Factors.missingSkill(Map.of("owasp", EXPERT), kofi)).contains("skill owasp is advanced, needs expert");
  }

  @Test
  void noRequiredSkillsCountAsAFullRequiredPart() {
    // 0.8 · 1.0 + 0.2 · (1 of 2 nice held)
    assertThat(Factors.skillMatch(Map.of(), Set.of("sast", "iam"), kofi)).isCloseTo(0.9, within(EXACT));
  }

  @Test
  void noNiceToHaveListCountsAsAFullNicePart() {
    // 0.8 · 0.5 (beginner) + 0.2 · 1.0
    assertThat(Factors.skillMatch(Map.of("sast", BEGINNER), Set.of(), kofi)).isCloseTo(0.6, within(EXACT));
    assertThat(Factors.skillMatch(Map.of("threat-modeling", EXPERT), Set.of(), kofi)).isCloseTo(1.0, within(EXACT));
  }

  @Test
  void learningOpportunityCountsLearningGoalsAndSkillsHeldBelowAdvanced() {
    // task skills: threat-modeling (expert: no), python (intermediate: yes), sast (beginner: yes),
    // cryptography (not held, a learning goal: yes), iam (not held, not a goal: no) → 3 of 5
    double learning = Factors.learningOpportunity(Set.of("threat-modeling", "python", "sast", "cryptography", "iam"),
        Complexity.MODERATE, Priority.NORMAL, kofi);

    assertThat(learning).isCloseTo(0.6, within(EXACT));
  }

  @Test
  void learningOpportunityIsZeroForHighComplexityOrCriticalWork() {
    Set<String> skills = Set.of("python", "sast");
    assertThat(Factors.learningOpportunity(skills, Complexity.SIMPLE, Priority.LOW, kofi)).isEqualTo(1.0);
    assertThat(Factors.learningOpportunity(skills, Complexity.HIGH, Priority.LOW, kofi)).isZero();
    assertThat(Factors.learningOpportunity(skills, Complexity.SIMPLE, Priority.CRITICAL, kofi)).isZero();
    assertThat(Factors.learningOpportunity(Set.of(), Complexity.SIMPLE, Priority.LOW, kofi)).isZero();
  }

  @Test
  void recentPerformanceIsNeutralUntilFiveSamples() {
    List<PerformanceSample> four = List.of(sample(4, 4, true), sample(4, 4, true), sample(4, 4, true),
        sample(4, 4, true));
    assertThat(Factors.recentPerformance(four)).isEqualTo(0.5);
    assertThat(Factors.recentPerformance(List.of())).isEqualTo(0.5);
  }

  @Test
  void recentPerformanceAveragesFirstTimeApprovalAndEstimateAccuracy() {
    List<PerformanceSample> samples = List.of(
        sample(5, 6, true),    // +20 %: within
        sample(5, 4, true),    // −20 %: within
        sample(5, 6.5, false), // +30 %: outside
        sample(4, 4, true),
        sample(4, 2, false));  // −50 %: outside
    // approval 3/5 = 0.6, accuracy 3/5 = 0.6 → 0.6
    assertThat(Factors.recentPerformance(samples)).isCloseTo(0.6, within(EXACT));
  }

  @Test
  void recentPerformanceLooksOnlyAtTheLastTenSamples() {
    List<PerformanceSample> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      samples.add(sample(4, 4, true)); // newest ten: perfect
    }
    for (int i = 0; i < 10; i++) {
      samples.add(sample(4, 12, false)); // older: awful, ignored
    }
    assertThat(Factors.recentPerformance(samples)).isEqualTo(1.0);
  }

  private static PerformanceSample sample(double estimate, double actual, boolean firstTimeApproved) {
    return new PerformanceSample(estimate, actual, firstTimeApproved);
  }
}
