package com.orchestration.review;

import com.orchestration.platform.PolicyDecisions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Which quality gates apply (DMN {@code required-gates}, SPEC §7), the rework limit (DMN {@code rework-limit}) and
 * the domain checklist (DMN {@code domain-checklist}). Process owners change all three in Modeler.
 */
@Service
public class GatePlan {

  public static final String PEER_REVIEW = "peer-review";
  public static final String DOMAIN_APPROVAL = "domain-approval";
  public static final String CROSS_FUNCTIONAL = "cross-functional";
  public static final String ARCHITECTURE_REVIEW = "architecture-review";

  private final PolicyDecisions policies;

  GatePlan(PolicyDecisions policies) {
    this.policies = policies;
  }

  /** The gates of a tactical task. */
  public Set<String> forTask(int tier, boolean securitySensitive, boolean architectural) {
    return gates(Map.of("level", "task", "tier", tier, "securitySensitive", securitySensitive,
        "architectural", architectural, "taskCount", 0, "parallelGroups", 0));
  }

  public Set<String> gates(Map<String, Object> inputs) {
    Set<String> gates = new LinkedHashSet<>();
    policies.evaluate("required-gates", inputs).rows().forEach(row -> gates.add((String) row.get("gate")));
    return gates;
  }

  public ReworkLimit reworkLimit() {
    PolicyDecisions.Policy policy = policies.evaluate("rework-limit", Map.of("level", "task"));
    return new ReworkLimit((int) policy.number("maxReworkLoops"), (String) policy.value("reworkEscalationLevel"));
  }

  /** Hours a review of a task with this estimate reserves on the reviewer (DMN {@code review-effort}). */
  public double reviewHours(String gate, double estimateHours) {
    PolicyDecisions.Policy policy = policies.evaluate("review-effort", Map.of("gate", gate));
    return Math.max(policy.number("minReviewHours"), policy.number("reviewShare") * estimateHours);
  }

  public List<String> domainChecklist(String domain) {
    return policies.evaluate("domain-checklist", Map.of("domain", domain)).rows().stream()
        .map(row -> (String) row.get("checklistItem")).toList();
  }

  public record ReworkLimit(int maxLoops, String escalationLevel) {}
}
