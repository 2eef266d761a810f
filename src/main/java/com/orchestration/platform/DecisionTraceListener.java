package com.orchestration.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Called by the DMN engine once per top-level evaluation (a DRD included). Records into the traces opened on this
 * thread by {@link DecisionTrace}; does nothing when none is open, so untraced evaluations cost one thread-local read.
 */
class DecisionTraceListener implements DmnDecisionEvaluationListener {

  /** A stack so a traced evaluation may run inside another; each open trace sees everything evaluated inside it. */
  private static final ThreadLocal<Deque<List<Recorded>>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

  /** One evaluated decision as the engine reported it; descriptions are resolved later by {@link DecisionTrace}. */
  record Recorded(String decisionKey, String decisionDefinitionId, List<Rule> rules, Map<String, Object> outputs) {}

  record Rule(String ruleId, Map<String, Object> outputs) {}

  static List<Recorded> open() {
    List<Recorded> frame = new ArrayList<>();
    OPEN.get().push(frame);
    return frame;
  }

  static void close(List<Recorded> frame) {
    Deque<List<Recorded>> stack = OPEN.get();
    stack.remove(frame);
    if (stack.isEmpty()) {
      OPEN.remove();
    }
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    Deque<List<Recorded>> stack = OPEN.get();
    if (stack.isEmpty()) {
      OPEN.remove();
      return;
    }
    List<Recorded> recorded = new ArrayList<>();
    // Required decisions come in evaluation order (the leaves of a DRD first), then the decision asked for.
    for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
      recorded.add(record(required));
    }
    recorded.add(record(event.getDecisionResult()));
    for (List<Recorded> frame : stack) {
      frame.addAll(recorded);
    }
  }

  private static Recorded record(DmnDecisionLogicEvaluationEvent event) {
    DmnDecision decision = event.getDecision();
    String definitionId = decision instanceof DecisionDefinition definition ? definition.getId() : null;
    List<Rule> rules = new ArrayList<>();
    Map<String, Object> outputs = new LinkedHashMap<>();
    if (event instanceof DmnDecisionTableEvaluationEvent table) {
      for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
        Map<String, Object> ruleOutputs = new LinkedHashMap<>();
        for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
          ruleOutputs.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
        }
        rules.add(new Rule(rule.getId(), ruleOutputs));
      }
      if (rules.size() == 1) {
        outputs.putAll(rules.get(0).outputs());
      }
    } else if (event instanceof DmnDecisionLiteralExpressionEvaluationEvent literal) {
      outputs.put(literal.getOutputName(), literal.getOutputValue() == null ? null : literal.getOutputValue().getValue());
    }
    return new Recorded(decision.getKey(), definitionId, rules, outputs);
  }
}
