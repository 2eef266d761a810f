package com.orchestration.assignment;

import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Person;
import com.orchestration.platform.FiredRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks candidates for one task (SPEC §8.1, §8.3): computes the factors, takes the weights and thresholds from the
 * DMN policy (looked up once per experience level present, never per candidate), applies eligibility, sorts.
 * Pure: no database, no engine; the caller reads candidates and workloads in bulk first.
 */
final class AssignmentRanker {

  /** Workloads and skill matches are computed; 0.9 must not fail "≤ 0.90" because it came out as 0.9000000001. */
  private static final double EPSILON = 1e-9;

  /** Higher score (compared at the 4 decimals stored), then lower workload, fewer open tasks, id. */
  static final Comparator<ScoredCandidate> BEST_FIRST = Comparator
      .comparingDouble((ScoredCandidate c) -> -round4(c.score()))
      .thenComparingDouble((ScoredCandidate c) -> c.workload() == null ? Double.MAX_VALUE : c.workload())
      .thenComparingInt(ScoredCandidate::openTasks)
      .thenComparing(ScoredCandidate::personId);

  private AssignmentRanker() {}

  static Ranking rank(TaskAttributes task, List<CandidateInput> candidates,
      Function<ExperienceLevel, AssignmentPolicy> policyForLevel, LocalDate today) {
    Map<ExperienceLevel, AssignmentPolicy> policies = new EnumMap<>(ExperienceLevel.class);
    Set<String> versions = new LinkedHashSet<>();
    Set<FiredRule> fired = new LinkedHashSet<>();
    List<ScoredCandidate> eligible = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    Set<String> allSkills = task.allSkills();
    for (CandidateInput candidate : candidates) {
      Person person = candidate.person();
      AssignmentPolicy policy = policies.computeIfAbsent(person.level(), level -> {
        AssignmentPolicy p = policyForLevel.apply(level);
        versions.add(p.definitionId());
        fired.addAll(p.firedRules());
        return p;
      });
      double skillMatch = Factors.skillMatch(task.requiredSkills(), task.niceToHaveSkills(), person);
      double learning = Factors.learningOpportunity(allSkills, task.complexity(), task.priority(), person);
      double performance = Factors.recentPerformance(candidate.samples());
      boolean hasCapacity = candidate.capacityHours() > 0 && Double.isFinite(candidate.workload());
      // No capacity: no free capacity to score; shown as workload null.
      double score = policy.score(skillMatch, hasCapacity ? candidate.workload() : 1.0, learning, performance);
      ScoredCandidate scored = new ScoredCandidate(person.id(), person.name(), person.level().value(),
          person.domain() == null ? null : person.domain().value(), candidate.lent(), round4(score),
          round4(skillMatch), hasCapacity ? round4(candidate.workload()) : null, round4(policy.complexityFit()), round4(learning), round4(performance),
          candidate.band(), candidate.openTasks());
      List<String> reasons = exclusionReasons(task, candidate, skillMatch, policy, today);
      if (reasons.isEmpty()) {
        eligible.add(scored);
      } else {
        excluded.add(new Exclusion(person.id(), person.name(), reasons, scored));
      }
    }
    eligible.sort(BEST_FIRST);
    excluded.sort(Comparator.comparing(Exclusion::personId));
    return new Ranking(eligible, excluded, List.copyOf(versions), List.copyOf(fired));
  }

  /** Every reason the candidate cannot take the task; empty when eligible. */
  static List<String> exclusionReasons(TaskAttributes task, CandidateInput candidate, double skillMatch,
      AssignmentPolicy policy, LocalDate today) {
    List<String> reasons = new ArrayList<>();
    Person person = candidate.person();
    if (!person.isAvailableOn(today)) {
      reasons.add("unavailable today (" + today + ")");
    }
    if (candidate.capacityHours() <= 0) {
      reasons.add("capacity 0: no working hours in the horizon");
    }
    Optional<String> missing = Factors.missingSkill(task.requiredSkills(), person);
    if (missing.isPresent()) {
      reasons.add(missing.get());
    } else if (skillMatch < policy.minSkillMatch() - EPSILON) {
      reasons.add("skill match " + Ranking.twoDecimals(skillMatch) + " < " + Ranking.twoDecimals(policy.minSkillMatch()));
    }
    double workload = candidate.workload();
    if (candidate.capacityHours() > 0 && workload > policy.maxWorkload() + EPSILON) {
      reasons.add("workload " + Ranking.twoDecimals(workload) + " > " + Ranking.twoDecimals(policy.maxWorkload()));
    } else if (candidate.capacityHours() > 0
        && workload >= policy.cautionFrom() - EPSILON
        && skillMatch < policy.cautionMinSkillMatch() - EPSILON) {
      reasons.add("caution band (workload " + Ranking.twoDecimals(workload) + " ≥ "
          + Ranking.twoDecimals(policy.cautionFrom()) + ") and not critical: needs skill match ≥ "
          + Ranking.twoDecimals(policy.cautionMinSkillMatch()) + ", has " + Ranking.twoDecimals(skillMatch));
    }
    return reasons;
  }

  static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
