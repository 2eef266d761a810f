package com.orchestration.assignment;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Person;
import com.orchestration.organization.SkillLevel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-candidate factors of SPEC §8.1 that Java computes (the fourth, complexityFit, is the DMN's). Pure
 * functions: the numbers in the tests are worked out by hand. Public for {@link #recentPerformance} only, which the
 * calibration API shows per IC (SPEC §11) with the very formula assignment applies.
 */
public final class Factors {

  /** How many recent samples recentPerformance looks at, and how many it needs before it says anything. */
  public static final int PERFORMANCE_WINDOW = 10;
  public static final int PERFORMANCE_MIN_SAMPLES = 5;
  public static final double PERFORMANCE_UNKNOWN = 0.5;

  private Factors() {}

  /**
   * 0 when a required skill is missing or below its minimum level; else
   * {@code 0.8 · mean(level score of the required skills) + 0.2 · share of nice-to-have skills held}.
   * No required skills → the required part is 1.0; no nice-to-have list → that part is 1.0.
   */
  static double skillMatch(Map<String, SkillLevel> required, Set<String> niceToHave, Person person) {
    double requiredPart = 1.0;
    if (!required.isEmpty()) {
      double sum = 0;
      for (Map.Entry<String, SkillLevel> need : required.entrySet()) {
        Optional<SkillLevel> held = person.skillLevel(need.getKey());
        if (held.isEmpty() || !held.get().atLeast(need.getValue())) {
          return 0;
        }
        sum += held.get().score();
      }
      requiredPart = sum / required.size();
    }
    double nicePart = 1.0;
    if (!niceToHave.isEmpty()) {
      long held = niceToHave.stream().filter(s -> person.skillLevel(s).isPresent()).count();
      nicePart = (double) held / niceToHave.size();
    }
    return 0.8 * requiredPart + 0.2 * nicePart;
  }

  /**
   * Why the skill match is 0, for the exclusion list: the first required skill missing or below its level.
   */
  static Optional<String> missingSkill(Map<String, SkillLevel> required, Person person) {
    for (Map.Entry<String, SkillLevel> need : required.entrySet()) {
      Optional<SkillLevel> held = person.skillLevel(need.getKey());
      if (held.isEmpty()) {
        return Optional.of("missing skill " + need.getKey() + " (needs " + need.getValue().value() + ")");
      }
      if (!held.get().atLeast(need.getValue())) {
        return Optional.of("skill " + need.getKey() + " is " + held.get().value() + ", needs "
            + need.getValue().value());
      }
    }
    return Optional.empty();
  }

  /**
   * Share of the task's skills (required and nice to have) the IC can grow in: named in their learning goals, or
   * held below advanced (beginner, intermediate). A skill the IC does not hold counts only through the learning
   * goals. 0 for high-complexity or critical work (not the place to learn) and for a task that names no skills.
   */
  static double learningOpportunity(Set<String> taskSkills, Complexity complexity, Priority priority,
      Person person) {
    if (complexity == Complexity.HIGH || priority == Priority.CRITICAL || taskSkills.isEmpty()) {
      return 0;
    }
    long growing = taskSkills.stream()
        .filter(s -> person.wantsToLearn(s)
            || person.skillLevel(s).map(l -> !l.atLeast(SkillLevel.ADVANCED)).orElse(false))
        .count();
    return (double) growing / taskSkills.size();
  }

  /**
   * Over the IC's last {@value #PERFORMANCE_WINDOW} completed tasks (newest first):
   * {@code 0.5 · first-time approval rate + 0.5 · share within ±20 % of the estimate};
   * {@value #PERFORMANCE_UNKNOWN} until there are {@value #PERFORMANCE_MIN_SAMPLES} samples.
   */
  public static double recentPerformance(List<PerformanceSample> newestFirst) {
    List<PerformanceSample> window = newestFirst.subList(0, Math.min(PERFORMANCE_WINDOW, newestFirst.size()));
    if (window.size() < PERFORMANCE_MIN_SAMPLES) {
      return PERFORMANCE_UNKNOWN;
    }
    double approved = window.stream().filter(PerformanceSample::firstTimeApproved).count();
    double accurate = window.stream().filter(PerformanceSample::withinEstimate).count();
    return 0.5 * approved / window.size() + 0.5 * accurate / window.size();
  }
}
