package com.orchestration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.platform.FiredRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules at the end of a recorded reason are read back as they were written (tier calibration reads them). */
class RecordedRulesTest {

  @Test
  void rulesWrittenAtTheEndOfAReasonAreReadBack() {
    List<FiredRule> fired = List.of(new FiredRule("base-tier", "rule_fix", "A fix is moderate work", Map.of()),
        new FiredRule("tier-classification", "rule_adjustedTier", "Otherwise ...", Map.of("tier", 2)));

    String reason = "Tier 2: fix (given) [see docs]; base tier 2" + RecordedRules.format(fired);

    assertThat(reason).endsWith(" [rules: base-tier/rule_fix, tier-classification/rule_adjustedTier]");
    assertThat(RecordedRules.parse(reason)).containsExactly(
        new FiredRule("base-tier", "rule_fix", null, Map.of()),
        new FiredRule("tier-classification", "rule_adjustedTier", null, Map.of()));
  }

  @Test
  void aReasonWithoutRulesHasNone() {
    assertThat(RecordedRules.format(List.of())).isEmpty();
    assertThat(RecordedRules.parse("answered by a person")).isEmpty();
    assertThat(RecordedRules.parse(null)).isEmpty();
  }
}
