package com.orchestration.platform;

import java.util.List;
import java.util.Map;

/**
 * One decision evaluated inside a {@link DecisionTrace}: its key, the deployed definition id (which version ran),
 * the rules that fired, and its outputs (a literal expression's value, or the single matched rule's outputs; empty
 * when a table matched several rules or none).
 */
public record EvaluatedDecision(
    String decision, String decisionDefinitionId, List<FiredRule> firedRules, Map<String, Object> outputs) {

  /** One output value, or null when the decision did not produce it. */
  public Object output(String name) {
    return outputs.get(name);
  }
}
