package com.orchestration.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Answers "why did the decision say that?": runs a DMN evaluation and returns its result together with every
 * decision that was evaluated and the rules that fired (id, description from the deployed model, outputs).
 *
 * <pre>{@code
 * TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(() ->
 *     decisionService.evaluateDecisionByKey("tier-classification").variables(vars).evaluate());
 * traced.firedRules(); // [FiredRule[decision=base-tier, ruleId=rule_fix, ...], ...]
 * }</pre>
 *
 * Works for any decision evaluated on the calling thread inside the supplier (decision service, a business rule
 * task inside a process call), because {@link DecisionTracePlugin} listens on the engine's DMN engine.
 */
@Component
public class DecisionTrace {

  private final ProcessEngine processEngine;
  /** Rule descriptions per decision definition id; a definition id never changes content, so no eviction needed. */
  private final Map<String, Map<String, String>> descriptions = new ConcurrentHashMap<>();

  DecisionTrace(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  /** Runs the evaluation with the caller's authorizations (Camunda checks CREATE_INSTANCE on the decision). */
  public <T> TracedDecision<T> capture(Supplier<T> evaluation) {
    List<DecisionTraceListener.Recorded> frame = DecisionTraceListener.open();
    T result;
    try {
      result = evaluation.get();
    } finally {
      DecisionTraceListener.close(frame);
    }
    return new TracedDecision<>(result, frame.stream().map(this::describe).toList());
  }

  /**
   * Runs the evaluation as the system: authorization checks are off for this command only, the authenticated user
   * stays set (history records who asked). For policy decisions that our own services evaluate on a user's behalf,
   * where the user needs no right on the decision definition itself.
   */
  public <T> TracedDecision<T> captureAsSystem(Supplier<T> evaluation) {
    return capture(() -> withoutAuthorization(evaluation));
  }

  private <T> T withoutAuthorization(Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    // Service calls inside reuse this command context, so they run with its authorization check switched off.
    return configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
  }

  private EvaluatedDecision describe(DecisionTraceListener.Recorded recorded) {
    Map<String, String> ruleDescriptions = recorded.decisionDefinitionId() == null
        ? Map.of()
        : descriptions.computeIfAbsent(recorded.decisionDefinitionId(), this::loadDescriptions);
    List<FiredRule> fired = recorded.rules().stream()
        .map(rule -> new FiredRule(recorded.decisionKey(), rule.ruleId(),
            ruleDescriptions.get(rule.ruleId()), rule.outputs()))
        .toList();
    return new EvaluatedDecision(recorded.decisionKey(), recorded.decisionDefinitionId(), fired, recorded.outputs());
  }

  private Map<String, String> loadDescriptions(String decisionDefinitionId) {
    DmnModelInstance model = withoutAuthorization(
        () -> processEngine.getRepositoryService().getDmnModelInstance(decisionDefinitionId));
    Map<String, String> byRuleId = new HashMap<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      if (rule.getDescription() != null && rule.getDescription().getTextContent() != null) {
        byRuleId.put(rule.getId(), rule.getDescription().getTextContent().strip());
      }
    }
    return Map.copyOf(byRuleId);
  }
}
