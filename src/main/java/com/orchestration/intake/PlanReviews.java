package com.orchestration.intake;

import com.orchestration.platform.FiredRule;
import com.orchestration.platform.PolicyDecisions;
import com.orchestration.review.GatePlan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Which gates a plan, a strategic task or a tier-2 instruction passes (DMN {@code required-gates}, SPEC §4.4, §7)
 * and the outcome of the risk review (DMN {@code risk-decision}, §4.5), with the rules that fired as the reason.
 */
@Service
public class PlanReviews {

  static final String REQUIRED_GATES = "required-gates";
  static final String RISK_DECISION = "risk-decision";

  private final PolicyDecisions policies;

  PlanReviews(PolicyDecisions policies) {
    this.policies = policies;
  }

  /** Gates and the descriptions of the rules that asked for them. */
  public record Gates(Set<String> gates, String reason) {
    boolean has(String gate) {
      return gates.contains(gate);
    }
  }

  public record Risk(int sum, String outcome, boolean emTaskRequired, String reason) {}

  public Gates forPlan(int tier, int taskCount, int parallelGroups, boolean coreArchitecture) {
    return gates("plan", tier, false, coreArchitecture, taskCount, parallelGroups);
  }

  public Gates forStrategicTask(int tier, boolean securitySensitive, boolean architectural) {
    return gates("strategic", tier, securitySensitive, architectural, 0, 0);
  }

  public Gates forInstruction(int tier) {
    return gates("instruction", tier, false, false, 0, 0);
  }

  public Risk risk(List<Integer> scores, int tier) {
    int sum = RiskScores.sum(scores);
    PolicyDecisions.Policy policy = policies.evaluate(RISK_DECISION, Map.of("riskSum", sum, "tier", tier));
    return new Risk(sum, (String) policy.value("riskOutcome"), Boolean.TRUE.equals(policy.value("emTaskRequired")),
        policy.value("reason") + RecordedRules.format(policy.firedRules()));
  }

  private Gates gates(String level, int tier, boolean securitySensitive, boolean architectural, int taskCount,
      int parallelGroups) {
    PolicyDecisions.Policy policy = policies.evaluate(REQUIRED_GATES, Map.of("level", level, "tier", tier,
        "securitySensitive", securitySensitive, "architectural", architectural, "taskCount", taskCount,
        "parallelGroups", parallelGroups));
    Set<String> gates = policy.rows().stream().map(row -> (String) row.get("gate"))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    String reason = policy.firedRules().stream().filter(r -> REQUIRED_GATES.equals(r.decision()))
        .map(FiredRule::description).collect(Collectors.joining("; "));
    return new Gates(gates, reason.isEmpty() ? "no rule of required-gates applies" : reason);
  }

  static boolean crossFunctional(Gates gates) {
    return gates.has(GatePlan.CROSS_FUNCTIONAL);
  }

  static boolean architecture(Gates gates) {
    return gates.has(GatePlan.ARCHITECTURE_REVIEW);
  }
}
