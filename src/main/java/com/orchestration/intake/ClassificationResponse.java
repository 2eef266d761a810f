package com.orchestration.intake;

import com.orchestration.platform.FiredRule;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The tier of an instruction and why. */
@Schema(description = "Tier 0..4 with the work type it was derived from and the DMN rules that fired")
record ClassificationResponse(
    @Schema(example = "3") int tier,
    @Schema(description = "Certainty of the work type, 0..1 (1 when given)", example = "0.9") double confidence,
    @Schema(example = "fix") String workType,
    boolean workTypeInferred,
    @Schema(description = "Keywords of SPEC §4.1 found in title and description") List<String> matchedKeywords,
    List<String> raisingFlags,
    List<String> loweringFlags,
    @Schema(description = "Rules of dmn/tier-classification.dmn that fired, leaves of the DRD first")
    List<FiredRule> firedRules,
    @Schema(description = "One line a person can read") String rationale) {

  static ClassificationResponse of(TierClassification c) {
    return new ClassificationResponse(c.tier(), c.confidence(), c.workType().jsonName(), c.workTypeInferred(),
        c.matchedKeywords(), c.raisingFlags().stream().map(ScopeFlag::jsonName).toList(),
        c.loweringFlags().stream().map(ScopeFlag::jsonName).toList(), c.firedRules(), c.rationale());
  }
}
