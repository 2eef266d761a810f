package com.orchestration.intake;

import com.orchestration.platform.FiredRule;
import java.util.List;

/**
 * A classified instruction: tier 0..4, the certainty of the work type, what the tier was derived from, and the DMN
 * rules that fired (decision key, rule id, description) so a person can see why.
 */
record TierClassification(
    int tier,
    double confidence,
    WorkType workType,
    boolean workTypeInferred,
    List<String> matchedKeywords,
    List<ScopeFlag> raisingFlags,
    List<ScopeFlag> loweringFlags,
    List<FiredRule> firedRules,
    String rationale) {}
