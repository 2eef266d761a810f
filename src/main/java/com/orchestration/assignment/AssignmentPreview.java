package com.orchestration.assignment;

import com.orchestration.platform.FiredRule;
import java.util.List;

/**
 * "Who would get this?": the ranking for a hypothetical task, nothing written.
 *
 * @param wouldAssign the IC an assignment would choose now, or null when nobody is eligible
 * @param rationale the line the assignment would store
 * @param decisionVersions the deployed {@code assignment-scoring} definition(s) that answered
 * @param firedRules the DMN rules behind the policy (complexity fit per level, weights, eligibility)
 */
public record AssignmentPreview(
    TaskAttributes task,
    String wouldAssign,
    String rationale,
    List<ScoredCandidate> ranked,
    List<Exclusion> excluded,
    List<String> decisionVersions,
    List<FiredRule> firedRules) {}
