package com.orchestration.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Policy values (weights, thresholds, fit tables) that process owners keep in DMN, for Java code that applies them
 * to many rows. One DMN evaluation costs ~0.5 ms (CAMUNDA-NOTES), so results are cached per deployed decision
 * definition and input combination: a redeployed table has a new definition id, so the next call uses it at once —
 * on every node, because the latest definition is looked up in the database each time. Use only for decisions
 * whose inputs take few distinct values (priority, complexity, level), never per person or per task.
 */
@Component
public class PolicyDecisions {

  private static final int MAX_CACHED = 10_000;

  private final ProcessEngine engine;
  private final DecisionTrace trace;
  private final Map<CacheKey, Policy> cache = new ConcurrentHashMap<>();

  PolicyDecisions(ProcessEngine engine, DecisionTrace trace) {
    this.engine = engine;
    this.trace = trace;
  }

  /** Evaluates (or recalls) the latest version of {@code decisionKey} for these inputs, as the system. */
  public Policy evaluate(String decisionKey, Map<String, Object> inputs) {
    String definitionId = latestDefinitionId(decisionKey);
    CacheKey key = new CacheKey(definitionId, Map.copyOf(inputs));
    Policy cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Policy policy = evaluate(decisionKey, definitionId, inputs);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, policy);
    return policy;
  }

  /**
   * Evaluates the latest version of {@code decisionKey} for these inputs, as the system, and keeps nothing: for
   * decisions asked with continuous inputs (a ratio, hours), which would only fill the cache.
   */
  public Policy evaluateUncached(String decisionKey, Map<String, Object> inputs) {
    return evaluate(decisionKey, latestDefinitionId(decisionKey), inputs);
  }

  private Policy evaluate(String decisionKey, String definitionId, Map<String, Object> inputs) {
    TracedDecision<DmnDecisionResult> traced = trace.captureAsSystem(() -> engine.getDecisionService()
        .evaluateDecisionById(definitionId).variables(inputs).evaluate());
    List<Map<String, Object>> rows = traced.result().getResultList().stream()
        .map(PolicyDecisions::withoutNulls)
        .toList();
    return new Policy(decisionKey, definitionId, rows, traced.firedRules());
  }

  /** Map.copyOf refuses nulls; an empty output cell simply is not in the row. */
  private static Map<String, Object> withoutNulls(Map<String, Object> row) {
    Map<String, Object> copy = new java.util.HashMap<>(row);
    copy.values().removeIf(java.util.Objects::isNull);
    return Map.copyOf(copy);
  }

  /**
   * Inside a transaction the version looked up first is kept for the rest of it: one query per decision per
   * transaction (an assignment asks for four levels), and one consistent version for every row the transaction
   * decides. Outside a transaction every call looks up the latest version.
   */
  private String latestDefinitionId(String decisionKey) {
    Map<String, String> versions = TransactionMemo.of(this);
    return versions.computeIfAbsent(decisionKey, this::queryLatestDefinitionId);
  }

  private String queryLatestDefinitionId(String decisionKey) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DecisionDefinition definition = configuration.getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() -> engine.getRepositoryService().createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey).latestVersion().withoutTenantId().singleResult()));
    if (definition == null) {
      throw new IllegalStateException("Decision '" + decisionKey + "' is not deployed; it belongs in dmn/");
    }
    return definition.getId();
  }

  private record CacheKey(String definitionId, Map<String, Object> inputs) {}

  /**
   * The result rows of one evaluation and the rules that produced them.
   *
   * @param definitionId the deployed version that answered — record it next to decisions taken with it
   */
  public record Policy(String decisionKey, String definitionId, List<Map<String, Object>> rows,
      List<FiredRule> firedRules) {

    /** The output of the single result row; fails with a message naming the decision when the table gave none. */
    public Object value(String output) {
      if (rows.size() != 1 || !rows.get(0).containsKey(output)) {
        throw new IllegalStateException("Decision '" + decisionKey + "' (" + definitionId + ") must return exactly "
            + "one row with output '" + output + "', returned " + rows);
      }
      return rows.get(0).get(output);
    }

    public double number(String output) {
      return ((Number) value(output)).doubleValue();
    }
  }
}
