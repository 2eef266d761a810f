package com.orchestration.assignment;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.platform.PolicyDecisions;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads the assignment policy from DMN {@code assignment-scoring} through {@link PolicyDecisions}: cached per
 * deployed version and (priority, complexity, level), so a ranking of any number of candidates costs at most four
 * evaluations (one per level) and usually none.
 */
@Component
class AssignmentPolicies {

  static final String DECISION = "assignment-scoring";

  private final PolicyDecisions decisions;

  AssignmentPolicies(PolicyDecisions decisions) {
    this.decisions = decisions;
  }

  AssignmentPolicy policy(Priority priority, Complexity complexity, ExperienceLevel level) {
    return AssignmentPolicy.from(decisions.evaluate(DECISION, Map.of(
        "priority", priority.jsonName(),
        "complexity", complexity.jsonName(),
        "level", level.value())));
  }
}
