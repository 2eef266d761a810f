package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.insight.CalibrationRepository.RuleCount;
import com.orchestration.insight.CalibrationRepository.TierCell;
import com.orchestration.insight.TierAccuracy.DeployedRule;
import com.orchestration.insight.TierAccuracy.Overrides;
import com.orchestration.insight.TierAccuracy.RuleMisfire;
import com.orchestration.insight.TierAccuracy.TierRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of tier accuracy (SPEC §11) on counts worked out by hand; the seeded-database case is in the API test. */
class TierAccuracyTest {

  @Test
  void withoutOutcomesEveryShareIsNullAndEveryCountZero() {
    TierAccuracy accuracy = TierAccuracy.of(List.of(), List.of(), List.of(new DeployedRule("base-tier", "rule_fix",
        "A fix is moderate work")));

    assertThat(accuracy.samples()).isZero();
    assertThat(accuracy.confusionMatrix()).hasSize(5).allSatisfy(row -> assertThat(row).containsExactly(0L, 0L, 0L,
        0L, 0L));
    assertThat(accuracy.accuracy()).isNull();
    assertThat(accuracy.perTier()).extracting(TierRow::accuracy).containsOnlyNulls();
    assertThat(accuracy.overrides()).isEqualTo(new Overrides(0, 0, 0, null, 0, 0, null));
    assertThat(accuracy.rules()).containsExactly(
        new RuleMisfire("base-tier", "rule_fix", "A fix is moderate work", 0, 0, 0, 0, null));
  }

  @Test
  void countsFallIntoClassifiedRowsAndImpliedColumns() {
    // Given 3 right tier-2s, 1 tier 2 that was really 3, 2 tier 3s that were really 2 (one overridden to 2)
    List<TierCell> cells = List.of(new TierCell(2, 2, 2, 3), new TierCell(2, 2, 3, 1), new TierCell(3, 3, 2, 1),
        new TierCell(3, 2, 2, 1));

    // When
    TierAccuracy accuracy = TierAccuracy.of(cells, List.of(), List.of());

    // Then
    assertThat(accuracy.samples()).isEqualTo(6);
    assertThat(accuracy.confusionMatrix().get(2)).containsExactly(0L, 0L, 3L, 1L, 0L);
    assertThat(accuracy.confusionMatrix().get(3)).containsExactly(0L, 0L, 2L, 0L, 0L);
    assertThat(accuracy.accuracy()).isEqualTo(3.0 / 6);
    assertThat(accuracy.perTier().get(2)).isEqualTo(new TierRow(2, 4, 3, 0, 1, 0.75));
    assertThat(accuracy.perTier().get(3)).isEqualTo(new TierRow(3, 2, 0, 2, 0, 0.0));
    assertThat(accuracy.perTier().get(4)).isEqualTo(new TierRow(4, 0, 0, 0, 0, null));
    assertThat(accuracy.overrides()).isEqualTo(new Overrides(1, 0, 1, 1.0 / 6, 1, 0, 4.0 / 6));
  }

  @Test
  void rulesAreSortedByMisfireRateThenMisfiresAndRulesNoLongerDeployedKeepTheirCounts() {
    List<RuleCount> counts = List.of(
        new RuleCount("base-tier", "rule_fix", 4, 1, 1),
        new RuleCount("base-tier", "rule_feature", 2, 1, 0),
        new RuleCount("base-tier", "rule_retired", 1, 0, 1),
        new RuleCount("scope-adjustment", "rule_noScopeFlags", 10, 2, 3));
    List<DeployedRule> deployed = List.of(new DeployedRule("base-tier", "rule_fix", "fix"),
        new DeployedRule("base-tier", "rule_feature", "feature"), new DeployedRule("base-tier", "rule_docs", "docs"),
        new DeployedRule("scope-adjustment", "rule_noScopeFlags", "none"));

    List<RuleMisfire> rules = TierAccuracy.of(List.of(), counts, deployed).rules();

    assertThat(rules).containsExactly(
        new RuleMisfire("base-tier", "rule_retired", null, 1, 1, 0, 1, 1.0),
        new RuleMisfire("scope-adjustment", "rule_noScopeFlags", "none", 10, 5, 2, 3, 0.5),
        new RuleMisfire("base-tier", "rule_fix", "fix", 4, 2, 1, 1, 0.5),
        new RuleMisfire("base-tier", "rule_feature", "feature", 2, 1, 1, 0, 0.5),
        new RuleMisfire("base-tier", "rule_docs", "docs", 0, 0, 0, 0, null));
  }
}
