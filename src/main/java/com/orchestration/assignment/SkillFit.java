package com.orchestration.assignment;

/**
 * How well a person's skills cover a task (SPEC §8.1 skillMatch) against the minimum the DMN policy sets for the
 * task's priority, complexity and the person's level. Workload and availability are not part of it.
 *
 * @param missing why the match is 0 (a required skill missing or below its level), or null
 */
public record SkillFit(String personId, double skillMatch, double minSkillMatch, String missing) {

  /** skillMatch reaches the policy's minimum (0.6 in the shipped table). */
  public boolean passes() {
    return missing == null && skillMatch >= minSkillMatch - 1e-9;
  }
}
