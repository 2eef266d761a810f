package com.orchestration.intake;

/** Variable names of the intake capability, shared by Java, the DMN input expressions and forms. */
final class IntakeVariables {

  /** DMN key of the tier classification DRD (dmn/tier-classification.dmn). */
  static final String TIER_CLASSIFICATION_DECISION = "tier-classification";
  static final String BASE_TIER_DECISION = "base-tier";
  static final String SCOPE_ADJUSTMENT_DECISION = "scope-adjustment";
  static final String RAW_TIER_DECISION = "raw-tier";

  /** String, one of {@link WorkType#jsonName()}. */
  static final String WORK_TYPE = "workType";
  /** Integer, distinct raising scope flags. */
  static final String RAISING_FLAG_COUNT = "raisingFlagCount";
  /** Integer, distinct lowering scope flags. */
  static final String LOWERING_FLAG_COUNT = "loweringFlagCount";
  /** Integer, 0..6. */
  static final String AFFECTED_DOMAIN_COUNT = "affectedDomainCount";
  /** Double 0..1, certainty of the work type. */
  static final String CONFIDENCE = "confidence";
  /** Integer 0..4, output of tier-classification. */
  static final String TIER = "tier";
  /** String, output of tier-classification. */
  static final String TIER_REASON = "reason";
  static final String BASE_TIER = "baseTier";
  static final String SCOPE_ADJUSTMENT = "scopeAdjustment";
  static final String RAW_TIER = "rawTier";

  private IntakeVariables() {}
}
