package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.DecisionService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Decide go/no-go" (EM, tier 3–4, SPEC §4.7). On create: the instruction moves to GO_NO_GO and the form shows the
 * progress. On complete: DMN {@code go-no-go} decides over the 8-item checklist; NO_GO needs the owners and a
 * re-evaluation date and loops back to remediation; GO_WITH_CAVEATS records the caveats.
 */
@Component
class GoNoGoTaskListener implements TaskListener {

  static final List<String> ITEMS = List.of("allStrategicTasksComplete", "acceptanceCriteriaMet", "coverageAdequate",
      "performanceAcceptable", "noCriticalBugs", "rollbackPlanReady", "monitoringInPlace");

  private final InstructionService instructions;
  private final WorkItemService workItems;
  private final DecisionService decisions;
  private final AsSystem asSystem;

  GoNoGoTaskListener(InstructionService instructions, WorkItemService workItems, DecisionService decisions,
      AsSystem asSystem) {
    this.instructions = instructions;
    this.workItems = workItems;
    this.decisions = decisions;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = InstructionSteps.key(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      instructions.moveTo(key, InstructionState.GO_NO_GO);
      task.setVariable(GO_NO_GO_CONTEXT, context(key));
      return;
    }
    Map<String, Object> inputs = new HashMap<>();
    for (String item : ITEMS) {
      inputs.put(item, ProcessValues.flag(task, item));
    }
    String security = ProcessValues.oneOf(task, SECURITY_REVIEW, "The security review",
        List.of("passed", "failed", "notApplicable"));
    inputs.put("securityReviewPassed", security.equals("notApplicable") ? null : security.equals("passed"));
    Map<String, Object> result = evaluate(inputs);
    String decision = (String) result.get("decision");
    String reason = (String) result.get("reason");
    String notes = ProcessValues.text(task, GO_NO_GO_NOTES);
    if ("NO_GO".equals(decision)) {
      notes = ProcessValues.requiredText(task, GO_NO_GO_NOTES, "For NO_GO, the owners of the blockers and what "
          + "they do", 4000);
      String date = ProcessValues.requiredText(task, REEVALUATION_DATE, "For NO_GO, the re-evaluation date", 40);
      try {
        LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
      } catch (java.time.format.DateTimeParseException e) {
        throw new FormInputException(REEVALUATION_DATE, "'" + date + "' is not a date; write 2026-12-01");
      }
      reason = reason + "; owners: " + notes + "; re-evaluate on " + date;
      task.setVariable(REMEDIATION_REASON, "NO_GO — " + reason);
    } else if (notes != null) {
      reason = reason + "; notes: " + notes;
    }
    task.setVariable(GO_NO_GO_DECISION, decision);
    task.setVariable(GO_NO_GO_REASON, reason);
    instructions.recordGoNoGo(key, decision, reason, asSystem.currentActor());
  }

  private Map<String, Object> evaluate(Map<String, Object> inputs) {
    // Evaluated directly rather than through the policy cache: "not applicable" is a null input.
    return asSystem.call(() -> decisions.evaluateDecisionByKey("go-no-go").variables(inputs).evaluate()
        .getSingleResult().getEntryMap());
  }

  private String context(String key) {
    List<WorkItem> items = workItems.ofInstruction(key);
    long sts = items.stream().filter(i -> i.kind() == TaskKind.STRATEGIC).count();
    long stsDone = items.stream().filter(i -> i.kind() == TaskKind.STRATEGIC && i.state() == TaskState.COMPLETED)
        .count();
    long tts = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL && i.state() != TaskState.CANCELLED).count();
    long ttsDone = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL && i.state() == TaskState.COMPLETED)
        .count();
    return String.format(Locale.ROOT, "Strategic tasks completed: %d of %d\nTactical tasks completed: %d of %d "
        + "(progress %.0f%%)\nSecurity-sensitive work: %s", stsDone, sts, ttsDone, tts,
        InstructionService.progress(items) * 100,
        items.stream().anyMatch(WorkItem::securitySensitive) ? "yes" : "no");
  }
}
