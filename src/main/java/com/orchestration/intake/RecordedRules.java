package com.orchestration.intake;

import com.orchestration.platform.FiredRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the DMN rules behind a recorded decision are kept at the end of its reason —
 * {@code "<rationale> [rules: base-tier/rule_fix, scope-adjustment/rule_noScopeFlags, ...]"} — and read back (tier
 * calibration reads the classification's, SPEC §11). Writer and reader side by side, so the format has one owner.
 */
final class RecordedRules {

  private static final String PREFIX = " [rules: ";

  private RecordedRules() {}

  static String format(List<FiredRule> rules) {
    return rules.isEmpty() ? "" : PREFIX + rules.stream().map(r -> r.decision() + "/" + r.ruleId())
        .collect(Collectors.joining(", ")) + "]";
  }

  /** The rules (decision key and rule id; no description or outputs) listed at the end of a reason; empty if none. */
  static List<FiredRule> parse(String reason) {
    int start = reason == null ? -1 : reason.lastIndexOf(PREFIX);
    if (start < 0 || !reason.endsWith("]")) {
      return List.of();
    }
    List<FiredRule> rules = new ArrayList<>();
    for (String entry : reason.substring(start + PREFIX.length(), reason.length() - 1).split(", ")) {
      int slash = entry.indexOf('/');
      if (slash > 0 && slash < entry.length() - 1) {
        rules.add(new FiredRule(entry.substring(0, slash), entry.substring(slash + 1), null, Map.of()));
      }
    }
    return List.copyOf(rules);
  }
}
