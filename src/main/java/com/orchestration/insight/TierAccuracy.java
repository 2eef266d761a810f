package com.orchestration.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.orchestration.insight.CalibrationRepository.RuleCount;
import com.orchestration.insight.CalibrationRepository.TierCell;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well tier classification (DMN tier-classification) predicted the size of completed instructions (SPEC §11):
 * classified tier against the tier the actual size implies (DMN tier-by-size). Built from aggregated rows by
 * {@link #of}, a pure function, so every figure is tested on numbers worked out by hand.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "Tier accuracy of the instructions completed in the period (SPEC §11)")
record TierAccuracy(
    @Schema(description = "Completed instructions in the period (and domain)") long samples,
    @Schema(description = "5×5 counts: row = classified tier 0..4, column = implied tier 0..4")
    List<List<Long>> confusionMatrix,
    @Schema(description = "Share classified == implied; null without samples") Double accuracy,
    @Schema(description = "One row per classified tier 0..4") List<TierRow> perTier,
    @Schema(description = "The tech lead's tier overrides and whether they helped") Overrides overrides,
    @Schema(description = "Every rule of the tier-classification DRD with how often it fired on a misclassified "
        + "instruction; highest misfire rate first") List<RuleMisfire> rules) {

  static final int TIERS = 5;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(description = "Accuracy of one classified tier")
  record TierRow(int tier, long samples, long correct,
      @Schema(description = "Classified higher than the size implies") long classifiedTooHigh,
      @Schema(description = "Classified lower than the size implies") long classifiedTooLow,
      @Schema(description = "correct / samples; null without samples") Double accuracy) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(description = "Tier overrides during planning (final tier ≠ classified tier)")
  record Overrides(
      @Schema(description = "Instructions whose tier the tech lead changed") long overridden,
      long raised, long lowered,
      @Schema(description = "overridden / samples; null without samples") Double overrideRate,
      @Schema(description = "Overrides that moved a wrong tier onto the implied one") long improved,
      @Schema(description = "Overrides that moved a right tier off the implied one") long worsened,
      @Schema(description = "Share final tier == implied, overrides included; null without samples")
      Double finalAccuracy) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(description = "One rule of the tier-classification DRD")
  record RuleMisfire(
      @Schema(description = "Decision of the DRD, e.g. base-tier") String decision,
      @Schema(description = "Rule id, e.g. rule_fix") String ruleId,
      @Schema(description = "The rule's description in the deployed table; null for a rule no longer deployed")
      String description,
      @Schema(description = "Instructions of the period it fired for") long fired,
      @Schema(description = "Of those, misclassified ones (classified ≠ implied)") long misfired,
      long classifiedTooHigh, long classifiedTooLow,
      @Schema(description = "misfired / fired; null when it never fired") Double misfireRate) {}

  /** A rule of the deployed DRD. */
  record DeployedRule(String decision, String ruleId, String description) {}

  private static final Comparator<RuleMisfire> MOST_MISFIRING = Comparator
      .comparing(RuleMisfire::misfireRate, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(RuleMisfire::misfired, Comparator.reverseOrder())
      .thenComparing(RuleMisfire::fired, Comparator.reverseOrder())
      .thenComparing(RuleMisfire::decision)
      .thenComparing(RuleMisfire::ruleId);

  /**
   * @param cells outcome counts per (classified, final, implied) tier
   * @param counts how often each rule fired, and on instructions classified too high or too low
   * @param deployed the rules of the deployed DRD, listed even when they never fired; a counted rule missing here
   *     (removed from the table since) is listed with a null description
   */
  static TierAccuracy of(List<TierCell> cells, List<RuleCount> counts, List<DeployedRule> deployed) {
    long[][] matrix = new long[TIERS][TIERS];
    long[] tooHigh = new long[TIERS];
    long[] tooLow = new long[TIERS];
    long samples = 0;
    long finalCorrect = 0;
    long overridden = 0;
    long raised = 0;
    long lowered = 0;
    long improved = 0;
    long worsened = 0;
    for (TierCell cell : cells) {
      int classified = cell.classifiedTier();
      int implied = cell.impliedTier();
      long n = cell.count();
      samples += n;
      matrix[classified][implied] += n;
      if (classified > implied) {
        tooHigh[classified] += n;
      } else if (classified < implied) {
        tooLow[classified] += n;
      }
      if (cell.finalTier() == implied) {
        finalCorrect += n;
      }
      if (cell.finalTier() != classified) {
        overridden += n;
        if (cell.finalTier() > classified) {
          raised += n;
        } else {
          lowered += n;
        }
        if (classified != implied && cell.finalTier() == implied) {
          improved += n;
        } else if (classified == implied) {
          worsened += n;
        }
      }
    }
    List<List<Long>> rows = new ArrayList<>();
    List<TierRow> perTier = new ArrayList<>();
    long correct = 0;
    for (int tier = 0; tier < TIERS; tier++) {
      List<Long> row = new ArrayList<>();
      long inRow = 0;
      for (int implied = 0; implied < TIERS; implied++) {
        row.add(matrix[tier][implied]);
        inRow += matrix[tier][implied];
      }
      rows.add(List.copyOf(row));
      correct += matrix[tier][tier];
      perTier.add(new TierRow(tier, inRow, matrix[tier][tier], tooHigh[tier], tooLow[tier],
          share(matrix[tier][tier], inRow)));
    }
    Overrides overrides = new Overrides(overridden, raised, lowered, share(overridden, samples), improved, worsened,
        share(finalCorrect, samples));
    return new TierAccuracy(samples, List.copyOf(rows), share(correct, samples), List.copyOf(perTier), overrides,
        rules(counts, deployed));
  }

  private static List<RuleMisfire> rules(List<RuleCount> counts, List<DeployedRule> deployed) {
    Map<String, RuleCount> byRule = new HashMap<>();
    counts.forEach(c -> byRule.put(c.decision() + "/" + c.ruleId(), c));
    Map<String, String> listed = new LinkedHashMap<>();
    deployed.forEach(r -> listed.put(r.decision() + "/" + r.ruleId(), r.description()));
    counts.forEach(c -> listed.putIfAbsent(c.decision() + "/" + c.ruleId(), null));
    List<RuleMisfire> rules = new ArrayList<>();
    listed.forEach((key, description) -> {
      String[] parts = key.split("/", 2);
      RuleCount c = byRule.getOrDefault(key, new RuleCount(parts[0], parts[1], 0, 0, 0));
      long misfired = c.classifiedTooHigh() + c.classifiedTooLow();
      rules.add(new RuleMisfire(parts[0], parts[1], description, c.fired(), misfired, c.classifiedTooHigh(),
          c.classifiedTooLow(), share(misfired, c.fired())));
    });
    rules.sort(MOST_MISFIRING);
    return List.copyOf(rules);
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
