package com.orchestration.insight;

import static com.orchestration.insight.CalibrationVariables.IMPLIED_TIER;
import static com.orchestration.insight.CalibrationVariables.TACTICAL_TASK_COUNT;
import static com.orchestration.insight.CalibrationVariables.TIER_BY_SIZE_DECISION;
import static com.orchestration.insight.CalibrationVariables.TIER_CLASSIFICATION_DECISION;
import static com.orchestration.insight.CalibrationVariables.TOTAL_ACTUAL_HOURS;

import com.orchestration.insight.CalibrationRepository.Filter;
import com.orchestration.insight.CalibrationRepository.Size;
import com.orchestration.insight.TierAccuracy.DeployedRule;
import com.orchestration.intake.Instruction;
import com.orchestration.intake.InstructionService;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.TracedDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier calibration (SPEC §11): records each completed instruction's classified, final and implied tier with the
 * classification rules that fired, and reports the confusion matrix, accuracy, overrides and misfiring rules.
 */
@Service
class TierCalibration {

  /** The implied tier of a size and the tier-by-size rule that said so. */
  record Implied(int tier, String ruleId) {}

  private final CalibrationRepository repository;
  private final InstructionService instructions;
  private final DecisionService decisions;
  private final RepositoryService models;
  private final DecisionTrace trace;
  private final AsSystem asSystem;
  /** Rules per deployed DRD definition id: a definition never changes, a redeployment gets a new id. */
  private final Map<String, List<DeployedRule>> deployedRules = new ConcurrentHashMap<>();

  TierCalibration(CalibrationRepository repository, InstructionService instructions, DecisionService decisions,
      RepositoryService models, DecisionTrace trace, AsSystem asSystem) {
    this.repository = repository;
    this.instructions = instructions;
    this.decisions = decisions;
    this.models = models;
    this.trace = trace;
    this.asSystem = asSystem;
  }

  /**
   * Records the outcome of a completed instruction, in the caller's (the completing) transaction; a second call for
   * the same instruction changes nothing.
   */
  @Transactional
  void record(Instruction instruction) {
    if (repository.outcomeExists(instruction.key())) {
      return;
    }
    Size size = repository.sizeOf(instruction.key());
    Implied implied = implied(size.tacticalTasks(), size.actualHours());
    Set<String> domains = new TreeSet<>(instruction.affectedDomains());
    domains.addAll(size.domains());
    List<FiredRule> rules = instructions.classificationRules(instruction.key()).stream().distinct().toList();
    repository.insertOutcome(instruction.key(), instruction.classifiedTier(), instruction.tier(), implied.tier(),
        implied.ruleId(), size, ClockUtil.getCurrentTime().toInstant(), domains, rules);
  }

  /** DMN tier-by-size, evaluated as the system (a completion runs on behalf of whoever completed the last task). */
  Implied implied(int tacticalTasks, double actualHours) {
    TracedDecision<DmnDecisionResult> traced = trace.captureAsSystem(() -> decisions
        .evaluateDecisionByKey(TIER_BY_SIZE_DECISION)
        .variables(Variables.createVariables().putValue(TACTICAL_TASK_COUNT, tacticalTasks)
            .putValue(TOTAL_ACTUAL_HOURS, actualHours))
        .evaluate());
    DmnDecisionResultEntries result = traced.result().getFirstResult();
    Number tier = result == null ? null : result.getEntry(IMPLIED_TIER);
    if (tier == null || tier.intValue() < 0 || tier.intValue() >= TierAccuracy.TIERS) {
      throw new IllegalStateException("DMN '" + TIER_BY_SIZE_DECISION + "' gave no tier 0..4 for " + tacticalTasks
          + " tactical tasks and " + actualHours + " h (" + tier + "); check the deployed table covers every size");
    }
    List<FiredRule> fired = traced.firedRules();
    return new Implied(tier.intValue(), fired.isEmpty() ? null : fired.get(0).ruleId());
  }

  TierAccuracy report(Instant from, Instant to, String domain) {
    Filter filter = new Filter(from, to, domain);
    return TierAccuracy.of(repository.tierCells(filter), repository.ruleCounts(filter), deployedRules());
  }

  /** The accuracy of {@link #report} alone: only the confusion matrix is read (no rule counts, no DMN model). */
  Double accuracy(Instant from, Instant to, String domain) {
    return TierAccuracy.of(repository.tierCells(new Filter(from, to, domain)), List.of(), List.of()).accuracy();
  }

  /** The rules of the latest deployed tier-classification DRD, decision by decision in file order. */
  List<DeployedRule> deployedRules() {
    String definitionId = asSystem.call(() -> {
      DecisionDefinition latest = models.createDecisionDefinitionQuery()
          .decisionDefinitionKey(TIER_CLASSIFICATION_DECISION).latestVersion().withoutTenantId().singleResult();
      return latest == null ? null : latest.getId();
    });
    if (definitionId == null) {
      return List.of();
    }
    return deployedRules.computeIfAbsent(definitionId, id -> {
      DmnModelInstance model = asSystem.call(() -> models.getDmnModelInstance(id));
      List<DeployedRule> rules = new ArrayList<>();
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (decision.getExpression() instanceof DecisionTable table) {
          for (Rule rule : table.getRules()) {
            rules.add(new DeployedRule(decision.getId(), rule.getId(), rule.getDescription() == null ? null
                : rule.getDescription().getTextContent().strip()));
          }
        }
      }
      return List.copyOf(rules);
    });
  }
}
