package com.orchestration.assignment;

import com.orchestration.platform.FiredRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of ranking the candidates for one task: the eligible ones best first, the excluded ones with their
 * reasons, and which DMN version and rules produced the policy.
 */
public record Ranking(List<ScoredCandidate> ranked, List<Exclusion> excluded, List<String> decisionVersions,
    List<FiredRule> firedRules) {

  public Ranking {
    ranked = List.copyOf(ranked);
    excluded = List.copyOf(excluded);
    decisionVersions = List.copyOf(decisionVersions);
    firedRules = List.copyOf(firedRules);
  }

  public Optional<ScoredCandidate> best() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }

  public Optional<ScoredCandidate> runnerUp() {
    return ranked.size() < 2 ? Optional.empty() : Optional.of(ranked.get(1));
  }

  /** {@code "skill 0.95, load 0.40, fit 1.0 — beat bob (0.71)"}, or "— only eligible candidate"; empty if none. */
  public Optional<String> rationale() {
    return best().map(b -> rationale(b, runnerUp().orElse(null)));
  }

  static String rationale(ScoredCandidate chosen, ScoredCandidate runnerUp) {
    return "skill " + twoDecimals(chosen.skillMatch())
        + ", load " + twoDecimals(chosen.workload())
        + ", fit " + fit(chosen.complexityFit())
        + (runnerUp == null ? " — only eligible candidate"
            : " — beat " + runnerUp.personId() + " (" + twoDecimals(runnerUp.score()) + ")");
  }

  static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** The fit table has one-decimal values: 1.0, 0.9, 0.0; more decimals only if a process owner wrote them. */
  private static String fit(double value) {
    BigDecimal stripped = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1).toPlainString() : stripped.toPlainString();
  }
}
