package com.orchestration.platform;

import java.util.List;
import java.util.Optional;

/**
 * The result of a DMN evaluation run through {@link DecisionTrace}, with every decision evaluated on the way
 * (required decisions of a DRD first, then the one asked for).
 */
public record TracedDecision<T>(T result, List<EvaluatedDecision> decisions) {

  /** The rules that fired, in evaluation order, across all evaluated decisions. */
  public List<FiredRule> firedRules() {
    return decisions.stream().flatMap(d -> d.firedRules().stream()).toList();
  }

  /** The last evaluation of the decision with this key, if it was evaluated. */
  public Optional<EvaluatedDecision> decision(String decisionKey) {
    EvaluatedDecision found = null;
    for (EvaluatedDecision decision : decisions) {
      if (decision.decision().equals(decisionKey)) {
        found = decision;
      }
    }
    return Optional.ofNullable(found);
  }
}
