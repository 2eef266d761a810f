package com.orchestration.assignment;

import static com.orchestration.assignment.AssignmentFixtures.TODAY;
import static com.orchestration.assignment.AssignmentFixtures.candidate;
import static com.orchestration.assignment.AssignmentFixtures.ic;
import static com.orchestration.assignment.AssignmentFixtures.specPolicy;
import static com.orchestration.assignment.AssignmentFixtures.task;
import static com.orchestration.organization.ExperienceLevel.JUNIOR;
import static com.orchestration.organization.ExperienceLevel.MID;
import static com.orchestration.organization.ExperienceLevel.SENIOR;
import static com.orchestration.organization.ExperienceLevel.STAFF;
import static com.orchestration.organization.SkillLevel.ADVANCED;
import static com.orchestration.organization.SkillLevel.EXPERT;
import static com.orchestration.organization.SkillLevel.INTERMEDIATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Domain;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Person;
import com.orchestration.organization.SkillLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Ranking, eligibility and the rationale with fixed workloads and the SPEC policy (no DMN, no database). The test
 * people cover every eligibility rule and every capacity band.
 */
class AssignmentRankerTest {

  /** A high-complexity security task: threat-modeling and owasp at least intermediate; four nice-to-haves. */
  private static final Map<String, SkillLevel> REQUIRED = Map.of("threat-modeling", INTERMEDIATE, "owasp", INTERMEDIATE);
  private static final Set<String> NICE = Set.of("python", "sast", "penetration-testing", "iam");

  // skill 0.8 · 1.0 + 0.2 · 3/4 = 0.95
  private final Person senior = ic("sam", SENIOR, Map.of("threat-modeling", EXPERT, "owasp", EXPERT,
      "python", ADVANCED, "sast", ADVANCED, "penetration-testing", EXPERT));
  // the backend developer lent a hand: 0.8 · 0.75 + 0.2 · 3/4 = 0.75
  private final Person backendDev = ic("bea", Domain.BACKEND, MID, Map.of("threat-modeling", INTERMEDIATE,
      "owasp", INTERMEDIATE, "python", ADVANCED, "sast", INTERMEDIATE, "iam", INTERMEDIATE), List.of());
  // 0.8 · 0.9 + 0.2 · 1/4 = 0.77
  private final Person mid = ic("elena", MID, Map.of("threat-modeling", ADVANCED, "owasp", ADVANCED,
      "iam", ADVANCED));
  // perfect skills, but away today
  private final Person away = ic("sara", Domain.SECURITY, STAFF, Map.of("threat-modeling", EXPERT, "owasp", EXPERT,
      "python", EXPERT, "sast", EXPERT, "penetration-testing", EXPERT, "iam", EXPERT), List.of(), TODAY);
  // lacks owasp
  private final Person junior = ic("raj", JUNIOR, Map.of("threat-modeling", INTERMEDIATE, "python", INTERMEDIATE));

  private final Function<ExperienceLevel, AssignmentPolicy> normalHigh =
      level -> specPolicy(Priority.NORMAL, Complexity.HIGH, level);

  @Test
  void workedCaseSeniorInTheCautionBandBeatsTheOverloadedBackendDeveloper() {
    TaskAttributes task = task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL);

    Ranking ranking = AssignmentRanker.rank(task, List.of(
        candidate(backendDev, 1.0), candidate(senior, 0.90), candidate(mid, 0.40)), normalHigh, TODAY);

    ScoredCandidate chosen = ranking.best().orElseThrow();
    assertThat(chosen.personId()).isEqualTo("sam");
    assertThat(chosen.skillMatch()).isEqualTo(0.95);
    assertThat(chosen.workload()).isEqualTo(0.90);
    assertThat(chosen.complexityFit()).isEqualTo(1.0);
    assertThat(chosen.learningOpportunity()).as("high complexity: no learning").isZero();
    // 0.40·0.95 + 0.25·0.10 + 0.20·1.0 + 0.10·0 + 0.05·0.5 = 0.63
    assertThat(chosen.score()).isCloseTo(0.63, within(1e-9));
    // elena: 0.40·0.77 + 0.25·0.60 + 0.20·0.6 + 0 + 0.05·0.5 = 0.603
    assertThat(ranking.runnerUp().orElseThrow().score()).isCloseTo(0.603, within(1e-9));
    assertThat(ranking.rationale()).contains("skill 0.95, load 0.90, fit 1.0 — beat elena (0.60)");
    assertThat(ranking.excluded()).singleElement().satisfies(e -> {
      assertThat(e.personId()).isEqualTo("bea");
      assertThat(e.factors().skillMatch()).isEqualTo(0.75);
      assertThat(e.reasons()).containsExactly("workload 1.00 > 0.90");
    });
  }

  @Test
  void aloneTheChosenIcIsTheOnlyEligibleCandidate() {
    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL),
        List.of(candidate(backendDev, 1.0), candidate(senior, 0.90)), normalHigh, TODAY);

    assertThat(ranking.rationale()).contains("skill 0.95, load 0.90, fit 1.0 — only eligible candidate");
  }

  @Test
  void everyExclusionReasonIsListed() {
    TaskAttributes task = task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL);

    Ranking ranking = AssignmentRanker.rank(task, List.of(
        candidate(away, 0.10),
        candidate(junior, 0.20),
        candidate(mid, 0.80),   // caution band, skill 0.77 < 0.95, not critical
        candidate(backendDev, 0.97),
        new CandidateInput(senior, false, Double.POSITIVE_INFINITY, 0, 0, "NO_NEW_WORK", List.of())),
        normalHigh, TODAY);

    assertThat(ranking.ranked()).isEmpty();
    assertThat(ranking.excluded()).extracting(Exclusion::summary).containsExactly(
        "bea: workload 0.97 > 0.90",
        "elena: caution band (workload 0.80 ≥ 0.75) and not critical: needs skill match ≥ 0.95, has 0.77",
        "raj: missing skill owasp (needs intermediate)",
        "sam: capacity 0: no working hours in the horizon",
        "sara: unavailable today (2026-11-24)");
    assertThat(ranking.excluded().get(3).factors().workload()).as("no capacity: no workload figure").isNull();
  }

  @Test
  void skillMatchBelowTheMinimumExcludes() {
    // holds both required at intermediate (0.75) and no nice-to-have: 0.8 · 0.75 + 0 = 0.60 is still eligible;
    Person justEnough = ic("ada", MID, Map.of("threat-modeling", INTERMEDIATE, "owasp", INTERMEDIATE));
    // a beginner-level requirement met at beginner: 0.8 · 0.5 + 0.2 · 0 = 0.40 → excluded
    Person weak = ic("ben", MID, Map.of("threat-modeling", SkillLevel.BEGINNER, "owasp", SkillLevel.BEGINNER));
    TaskAttributes task = task(Map.of("threat-modeling", SkillLevel.BEGINNER, "owasp", SkillLevel.BEGINNER), NICE,
        Complexity.MODERATE, Priority.NORMAL);

    Ranking ranking = AssignmentRanker.rank(task, List.of(candidate(justEnough, 0.2), candidate(weak, 0.2)),
        level -> specPolicy(Priority.NORMAL, Complexity.MODERATE, level), TODAY);

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactly("ada");
    assertThat(ranking.excluded()).singleElement().extracting(Exclusion::summary)
        .isEqualTo("ben: skill match 0.40 < 0.60");
  }

  @Test
  void criticalWorkAcceptsUpToNinetyFivePercentAndIgnoresTheCautionBand() {
    TaskAttributes critical = task(REQUIRED, NICE, Complexity.HIGH, Priority.CRITICAL);
    Function<ExperienceLevel, AssignmentPolicy> criticalPolicy =
        level -> specPolicy(Priority.CRITICAL, Complexity.HIGH, level);

    Ranking ranking = AssignmentRanker.rank(critical, List.of(
        candidate(mid, 0.93),          // caution band, skill 0.77: fine for critical work
        candidate(backendDev, 0.96)),  // above 0.95
        criticalPolicy, TODAY);

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactly("elena");
    assertThat(ranking.excluded()).extracting(Exclusion::summary).containsExactly("bea: workload 0.96 > 0.95");
  }

  @Test
  void regularWorkStopsAtNinetyPercentAndTheCautionBandNeedsNinetyFivePercentSkill() {
    TaskAttributes normal = task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL);

    Ranking ranking = AssignmentRanker.rank(normal, List.of(
        candidate(senior, 0.75),  // caution band from 0.75, skill 0.95: eligible
        candidate(mid, 0.74),     // healthy band: eligible
        candidate(away, 0.91)),   // also away; and 0.91 > 0.90
        normalHigh, TODAY.plusDays(1));

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactlyInAnyOrder("sam", "elena");
    assertThat(ranking.excluded()).extracting(Exclusion::summary).containsExactly("sara: workload 0.91 > 0.90");
  }

  @Test
  void unavailableTodayIsNeverChosenEvenWithTheBestScore() {
    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL),
        List.of(candidate(away, 0.0), candidate(mid, 0.5)), normalHigh, TODAY);

    assertThat(ranking.best().orElseThrow().personId()).isEqualTo("elena");
    assertThat(ranking.excluded()).singleElement().satisfies(e -> {
      assertThat(e.personId()).isEqualTo("sara");
      assertThat(e.factors().score()).isGreaterThan(ranking.best().orElseThrow().score());
    });
  }

  @Test
  void aLentIcIsRankedLikeTheDomainsOwn() {
    CandidateInput lent = new CandidateInput(backendDev, true, 0.10, 24, 0, "HEALTHY", List.of());

    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.MODERATE, Priority.NORMAL),
        List.of(lent), level -> specPolicy(Priority.NORMAL, Complexity.MODERATE, level), TODAY);

    assertThat(ranking.best()).get().satisfies(c -> {
      assertThat(c.personId()).isEqualTo("bea");
      assertThat(c.lent()).isTrue();
      assertThat(c.domain()).isEqualTo("backend");
    });
  }

  @Test
  void equalScoresGoToTheLowerWorkload() {
    Function<ExperienceLevel, AssignmentPolicy> noWorkloadWeight = level -> withWeights(0.40, 0.0);
    Person twin = ic("abe", SENIOR, senior.skills());

    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL),
        List.of(candidate(twin, 0.50), candidate(senior, 0.30)), noWorkloadWeight, TODAY);

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactly("sam", "abe");
    assertThat(ranking.ranked().get(0).score()).isEqualTo(ranking.ranked().get(1).score());
  }

  @Test
  void equalScoresAndWorkloadsGoToFewerOpenTasks() {
    Person twin = ic("abe", SENIOR, senior.skills());

    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL),
        List.of(candidate(twin, 0.50, 3), candidate(senior, 0.50, 1)), normalHigh, TODAY);

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactly("sam", "abe");
  }

  @Test
  void fullTiesGoToTheSmallerId() {
    Person twin = ic("abe", SENIOR, senior.skills());

    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL),
        List.of(candidate(senior, 0.50, 1), candidate(twin, 0.50, 1)), normalHigh, TODAY);

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactly("abe", "sam");
  }

  @Test
  void scoresEqualAtFourDecimalsAreTies() {
    // a difference below 0.00005 is noise from floating point, not a preference: workload decides
    Function<ExperienceLevel, AssignmentPolicy> noWorkloadWeight = level -> withWeights(0.40, 0.0);
    Person almost = ic("abe", SENIOR, senior.skills());
    List<CandidateInput> candidates = List.of(
        new CandidateInput(almost, false, 0.6, 24, 0, "HEALTHY", samples(5, true)),
        candidate(senior, 0.2));

    Ranking ranking = AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL), candidates,
        level -> new AssignmentPolicy(1.0, 0.40, 0.0, 0.20, 0.10, 0.00001, 0.6, 0.9, 0.75, 0.95, "x", List.of()),
        TODAY);

    assertThat(ranking.ranked()).extracting(ScoredCandidate::personId).containsExactly("sam", "abe");
  }

  @Test
  void thePolicyIsLookedUpOncePerExperienceLevelNotPerCandidate() {
    List<ExperienceLevel> asked = new ArrayList<>();
    List<CandidateInput> candidates = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      candidates.add(candidate(ic("ic" + i, ExperienceLevel.values()[i % 4], senior.skills()), 0.3));
    }

    AssignmentRanker.rank(task(REQUIRED, NICE, Complexity.HIGH, Priority.NORMAL), candidates, level -> {
      asked.add(level);
      return normalHigh.apply(level);
    }, TODAY);

    assertThat(asked).containsExactlyInAnyOrder(ExperienceLevel.values());
  }

  private static AssignmentPolicy withWeights(double weightSkill, double weightWorkload) {
    return new AssignmentPolicy(1.0, weightSkill, weightWorkload, 0.20, 0.10, 0.05, 0.6, 0.90, 0.75, 0.95, "test",
        List.of());
  }

  private static List<PerformanceSample> samples(int n, boolean good) {
    List<PerformanceSample> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new PerformanceSample(4, good ? 4 : 10, good));
    }
    return list;
  }
}
