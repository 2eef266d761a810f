package com.orchestration.handoff;

import static com.orchestration.handoff.HandoffVariables.*;
import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check handoff package" (SPEC §9.3): records the package as submitted and says what is missing, one item per line,
 * for the preparer's next round; complete packages go to the downstream lead.
 */
@Component
class CheckHandoffPackageDelegate implements JavaDelegate {

  private final HandoffService handoffs;
  private final AsSystem asSystem;

  CheckHandoffPackageDelegate(HandoffService handoffs, AsSystem asSystem) {
    this.handoffs = handoffs;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> missing = handoffs.submitPackage(ProcessValues.id(execution, HANDOFF_ID), asSystem.currentActor(),
        ProcessValues.text(execution, SUMMARY), ProcessValues.text(execution, ARTIFACTS),
        execution.getVariable(CHECKLIST_DONE), ProcessValues.text(execution, KNOWN_ISSUES),
        ProcessValues.text(execution, CONTACT));
    execution.setVariable(PACKAGE_COMPLETE, missing.isEmpty());
    execution.setVariable(MISSING, missing.isEmpty() ? NONE : String.join("\n", missing));
  }
}
