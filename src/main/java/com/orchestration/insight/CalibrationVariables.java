package com.orchestration.insight;

/**
 * Inputs and outputs of DMN {@code tier-by-size} (SPEC §11). The breakdown form's suggested estimate is declared
 * with the other strategic-task variables: {@link com.orchestration.intake.InstructionVariables#ESTIMATE_GUIDANCE}.
 */
final class CalibrationVariables {

  /** DMN key of dmn/tier-by-size.dmn. */
  static final String TIER_BY_SIZE_DECISION = "tier-by-size";
  /** DMN key of the DRD whose rules tier calibration judges (dmn/tier-classification.dmn). */
  static final String TIER_CLASSIFICATION_DECISION = "tier-classification";

  /** Double: hours spent on the instruction's completed tactical tasks. */
  static final String TOTAL_ACTUAL_HOURS = "totalActualHours";
  /** Integer: how many tactical tasks of the instruction completed. */
  static final String TACTICAL_TASK_COUNT = "tacticalTaskCount";
  /** Integer 0..4, output of tier-by-size. */
  static final String IMPLIED_TIER = "impliedTier";

  private CalibrationVariables() {}
}
