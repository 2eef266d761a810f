package com.orchestration.intake;

import static com.orchestration.intake.IntakeVariables.AFFECTED_DOMAIN_COUNT;
import static com.orchestration.intake.IntakeVariables.BASE_TIER;
import static com.orchestration.intake.IntakeVariables.BASE_TIER_DECISION;
import static com.orchestration.intake.IntakeVariables.CONFIDENCE;
import static com.orchestration.intake.IntakeVariables.LOWERING_FLAG_COUNT;
import static com.orchestration.intake.IntakeVariables.RAISING_FLAG_COUNT;
import static com.orchestration.intake.IntakeVariables.RAW_TIER;
import static com.orchestration.intake.IntakeVariables.RAW_TIER_DECISION;
import static com.orchestration.intake.IntakeVariables.SCOPE_ADJUSTMENT;
import static com.orchestration.intake.IntakeVariables.SCOPE_ADJUSTMENT_DECISION;
import static com.orchestration.intake.IntakeVariables.TIER;
import static com.orchestration.intake.IntakeVariables.TIER_CLASSIFICATION_DECISION;
import static com.orchestration.intake.IntakeVariables.TIER_REASON;
import static com.orchestration.intake.IntakeVariables.WORK_TYPE;

import com.orchestration.platform.DecisionTrace;
import com.orchestration.platform.TracedDecision;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Classifies an instruction into tier 0..4 (SPEC §4.2). Java prepares the inputs (work type, flag counts, domain
 * count, confidence); the DRD {@code tier-classification} decides, so a process owner changes tiers in Modeler.
 *
 * <p>The DRD is evaluated as the system ({@link DecisionTrace#captureAsSystem}): any authenticated user may
 * classify, and giving every user CREATE_INSTANCE on decision definitions would let them evaluate every DMN.
 */
@Service
class TierClassifier {

  private final DecisionService decisionService;
  private final DecisionTrace decisionTrace;

  TierClassifier(DecisionService decisionService, DecisionTrace decisionTrace) {
    this.decisionService = decisionService;
    this.decisionTrace = decisionTrace;
  }

  /** What the classification needs; {@code workType} null means "infer it from the text". */
  record Input(String title, String description, WorkType workType, Set<String> affectedDomains,
      Set<ScopeFlag> scopeFlags) {}

  TierClassification classify(Input input) {
    WorkTypeInference.Inference inference = input.workType() == null
        ? WorkTypeInference.infer(input.title(), input.description())
        : null;
    WorkType workType = inference == null ? input.workType() : inference.workType();
    double confidence = inference == null ? 1.0 : inference.confidence();

    Set<ScopeFlag> flags = input.scopeFlags().isEmpty() ? EnumSet.noneOf(ScopeFlag.class)
        : EnumSet.copyOf(input.scopeFlags());
    // Both sides of the stack named as affected domains is the same fact as the frontendAndBackend flag.
    if (input.affectedDomains().contains("frontend") && input.affectedDomains().contains("backend")) {
      flags.add(ScopeFlag.FRONTEND_AND_BACKEND);
    }
    List<ScopeFlag> raising = flags.stream().filter(f -> f.direction() == ScopeFlag.Direction.RAISING).toList();
    List<ScopeFlag> lowering = flags.stream().filter(f -> f.direction() == ScopeFlag.Direction.LOWERING).toList();

    VariableMap variables = Variables.createVariables()
        .putValue(WORK_TYPE, workType.jsonName())
        .putValue(RAISING_FLAG_COUNT, (int) raising.stream().map(ScopeFlag::countedAs).distinct().count())
        .putValue(LOWERING_FLAG_COUNT, lowering.size())
        .putValue(AFFECTED_DOMAIN_COUNT, input.affectedDomains().size())
        .putValue(CONFIDENCE, confidence);
    TracedDecision<DmnDecisionResult> traced = decisionTrace.captureAsSystem(() ->
        decisionService.evaluateDecisionByKey(TIER_CLASSIFICATION_DECISION).variables(variables).evaluate());

    DmnDecisionResultEntries result = traced.result().getFirstResult();
    Number tier = result == null ? null : result.getEntry(TIER);
    if (tier == null) {
      throw new IllegalStateException("DMN '" + TIER_CLASSIFICATION_DECISION + "' gave no tier for " + variables
          + "; check the deployed table covers every input");
    }
    String rationale = rationale(tier.intValue(), workType, inference, confidence, raising, lowering, traced,
        result.getEntry(TIER_REASON));
    return new TierClassification(tier.intValue(), confidence, workType, inference != null,
        inference == null ? List.of() : inference.matchedKeywords(), raising, lowering, traced.firedRules(),
        rationale);
  }

  private static String rationale(int tier, WorkType workType, WorkTypeInference.Inference inference,
      double confidence, List<ScopeFlag> raising, List<ScopeFlag> lowering, TracedDecision<?> traced,
      String reason) {
    StringBuilder line = new StringBuilder("Tier ").append(tier).append(": ");
    if (inference == null) {
      line.append(workType.jsonName()).append(" (given)");
    } else if (!inference.anyMatched()) {
      line.append(workType.jsonName()).append(" (no keyword matched, assumed)");
    } else {
      line.append(workType.jsonName()).append(" (inferred from ")
          .append(String.join(", ", inference.matchedKeywords())).append(')');
    }
    line.append(", confidence ").append(String.format(Locale.ROOT, "%.2f", confidence));
    line.append("; base tier ").append(output(traced, BASE_TIER_DECISION, BASE_TIER));
    Object adjustment = output(traced, SCOPE_ADJUSTMENT_DECISION, SCOPE_ADJUSTMENT);
    line.append(", scope ").append(adjustment instanceof Number n && n.intValue() > 0 ? "+" : "").append(adjustment);
    if (!raising.isEmpty()) {
      line.append(" (raising: ").append(names(raising)).append(')');
    } else if (!lowering.isEmpty()) {
      line.append(" (lowering: ").append(names(lowering)).append(')');
    }
    line.append(" → ").append(output(traced, RAW_TIER_DECISION, RAW_TIER));
    line.append("; ").append(reason == null ? "no reason given" : reason);
    return line.toString();
  }

  private static Object output(TracedDecision<?> traced, String decision, String output) {
    return traced.decision(decision).map(d -> d.output(output)).orElse("?");
  }

  private static String names(List<ScopeFlag> flags) {
    return flags.stream().map(ScopeFlag::jsonName).collect(Collectors.joining(", "));
  }
}
