package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist fills a form with every process variable, so a second round of a planning or review task would open
 * with last round's decision ticked (and remediation tasks ready to be resubmitted). On creation each of these
 * user tasks forgets its decision fields; plan texts a planner builds on when changes were requested stay.
 */
@Component
class FreshInstructionFormTaskListener implements TaskListener {

  static final Map<String, List<String>> DECISIONS = Map.of(
      "Task_DecidePriority", List.of(PRIORITY_DECISION, PRIORITY_RATIONALE),
      "Task_WriteTacticalPlan", List.of(TIER_OVERRIDE, TIER_OVERRIDE_REASON),
      "Task_WriteStrategicPlan", List.of(TIER_OVERRIDE, TIER_OVERRIDE_REASON),
      "Task_ReviewRisk", List.of(RISK_DECISION, RISK_CONDITIONS, RISK_NOTES),
      "Task_ReviewBreakdown", List.of(BREAKDOWN_DECISION, BREAKDOWN_NOTES, REBALANCE_MOVES),
      "Task_ReviewCheckpoint", List.of(CHECKPOINT_DECISION, CHECKPOINT_NOTES),
      "Task_DecideGoNoGo", List.of("allStrategicTasksComplete", "acceptanceCriteriaMet", "coverageAdequate",
          "performanceAcceptable", "noCriticalBugs", "rollbackPlanReady", "monitoringInPlace", SECURITY_REVIEW,
          GO_NO_GO_NOTES, REEVALUATION_DATE),
      "Task_PlanRemediation", List.of(REMEDIATION_TASKS));

  @Override
  public void notify(DelegateTask task) {
    DECISIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(name -> {
      if (task.hasVariable(name)) {
        task.removeVariable(name);
      }
    });
  }
}
