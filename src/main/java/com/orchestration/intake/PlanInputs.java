package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Reads a plan from a completed form: the textarea (one task per line, docs/plans.md) or, when the plan came
 * through the API, its JSON; the TL's tier override; the six risk scores.
 */
@Component
class PlanInputs {

  static final int MAX_OVERRIDE_REASON = 1000;

  private final ObjectMapper json;
  private final InstructionService instructions;

  PlanInputs(ObjectMapper json, InstructionService instructions) {
    this.json = json;
    this.instructions = instructions;
  }

  List<PlanTask> tactical(DelegateTask task, String textVariable) {
    return tasks(task, textVariable, TACTICAL_TASKS_JSON, false);
  }

  List<PlanTask> strategic(DelegateTask task) {
    return tasks(task, STRATEGIC_TASKS, STRATEGIC_TASKS_JSON, true);
  }

  private List<PlanTask> tasks(DelegateTask task, String textVariable, String jsonVariable, boolean strategic) {
    Object fromApi = task.getVariable(jsonVariable);
    if (fromApi != null) {
      task.removeVariable(jsonVariable);
      try {
        List<PlanTaskJson> list = json.readValue(fromApi.toString(), new TypeReference<List<PlanTaskJson>>() {});
        return PlanTaskJson.toPlanTasks(strategic ? "strategicTasks" : "tacticalTasks", list);
      } catch (JsonProcessingException e) {
        throw new FormInputException(strategic ? "strategicTasks" : "tacticalTasks",
            "The plan is not a JSON list of tasks: " + e.getOriginalMessage());
      }
    }
    String text = ProcessValues.text(task, textVariable);
    if (text == null) {
      throw new FormInputException(textVariable, "Write the tasks, one per line (see the example in the form)");
    }
    List<PlanTask> tasks = InstructionSteps.asPlanForm(textVariable,
        () -> strategic ? PlanParser.parseStrategic(text) : PlanParser.parseTactical(text));
    if (tasks.isEmpty()) {
      throw new FormInputException(textVariable, "Write the tasks, one per line (see the example in the form); "
          + "blank lines and lines starting with # are skipped, and nothing else is there");
    }
    return tasks;
  }

  /**
   * The TL's tier override, if any (SPEC §4.2): recorded with its reason; true when the tier changed and the flow
   * must route by the new tier instead of taking this plan.
   */
  boolean overrideTier(DelegateTask task, String actor) {
    String value = ProcessValues.text(task, TIER_OVERRIDE);
    int current = InstructionSteps.tier(task);
    task.setVariable(TIER_CHANGED, false);
    String givenReason = ProcessValues.text(task, TIER_OVERRIDE_REASON);
    if (givenReason != null && givenReason.length() > MAX_OVERRIDE_REASON) {
      throw new FormInputException(TIER_OVERRIDE_REASON, "The reason for the tier override is limited to "
          + MAX_OVERRIDE_REASON + " characters (" + givenReason.length() + " given)");
    }
    if (value == null) {
      return false;
    }
    int tier;
    try {
      tier = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new FormInputException(TIER_OVERRIDE, "The tier must be 0, 1, 2, 3 or 4, '" + value + "' given");
    }
    if (tier < 0 || tier > 4) {
      throw new FormInputException(TIER_OVERRIDE, "The tier must be 0, 1, 2, 3 or 4, " + tier + " given");
    }
    task.removeVariable(TIER_OVERRIDE);
    if (tier == current) {
      return false;
    }
    String reason = ProcessValues.requiredText(task, TIER_OVERRIDE_REASON, "The reason for the tier override",
        MAX_OVERRIDE_REASON);
    String key = InstructionSteps.key(task);
    instructions.overrideTier(key, tier, reason, actor);
    task.setVariable(TIER, tier);
    task.setVariable(TIER_CHANGED, true);
    return true;
  }

  List<Integer> riskScores(DelegateTask task) {
    List<Integer> scores = new ArrayList<>();
    for (int i = 0; i < RiskScores.CATEGORIES.size(); i++) {
      String name = RiskScores.CATEGORIES.get(i);
      Double score = ProcessValues.number(task, name, "Risk score '" + RiskScores.LABELS.get(i) + "'", 1, 10);
      if (score == null) {
        throw new FormInputException(name, "Risk score '" + RiskScores.LABELS.get(i) + "' (1–10) is required");
      }
      if (score != Math.rint(score)) {
        throw new FormInputException(name, "Risk score '" + RiskScores.LABELS.get(i) + "' must be a whole number "
            + "1–10, " + score + " given");
      }
      scores.add(score.intValue());
    }
    return scores;
  }
}
