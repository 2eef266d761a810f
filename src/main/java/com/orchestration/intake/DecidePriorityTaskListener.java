package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Decide priority" (EM): start the critical instruction now or let it wait; the decision is recorded against the
 * competing instruction, so the queue follows it instead of asking her again about the same pair.
 */
@Component
class DecidePriorityTaskListener implements TaskListener {

  private final AdmissionService admission;
  private final AsSystem asSystem;

  DecidePriorityTaskListener(AdmissionService admission, AsSystem asSystem) {
    this.admission = admission;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = ProcessValues.oneOf(task, PRIORITY_DECISION, "The decision", List.of("start", "wait"));
    String rationale = ProcessValues.requiredText(task, PRIORITY_RATIONALE, "The rationale", 4000);
    String competing = ProcessValues.text(task, COMPETING_INSTRUCTION_KEY);
    admission.decideByHand(InstructionSteps.key(task), competing == null || "—".equals(competing) ? null : competing,
        "start".equals(decision), rationale, asSystem.currentActor());
  }
}
