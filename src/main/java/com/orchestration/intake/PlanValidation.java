package com.orchestration.intake;

import java.util.List;

/**
 * Outcome of a valid plan: warnings to record (not errors, SPEC §4.4) and the plan-level facts the caller feeds
 * to DMN {@code required-gates}.
 *
 * @param taskCount number of tasks in the plan
 * @param parallelGroups number of tasks that depend on no other task of this plan (each starts an independent
 *     chain at the first level)
 */
public record PlanValidation(List<String> warnings, int taskCount, int parallelGroups) {

  public PlanValidation {
    warnings = List.copyOf(warnings);
  }
}
