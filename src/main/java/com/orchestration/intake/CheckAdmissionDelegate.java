package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check admission": DMN admission-control (and priority-arbitration for a critical instruction), SPEC §4.3. */
@Component
class CheckAdmissionDelegate implements JavaDelegate {

  private final AdmissionService admission;

  CheckAdmissionDelegate(AdmissionService admission) {
    this.admission = admission;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AdmissionService.Admission result = admission.check(InstructionSteps.key(execution));
    execution.setVariable(ADMISSION, result.outcome());
    execution.setVariable(ADMISSION_REASON, result.reason());
    execution.setVariable(ARBITRATION_REASON, result.arbitrationReason() == null ? "—" : result.arbitrationReason());
    execution.setVariable(COMPETING_INSTRUCTION_KEY,
        result.competingKey() == null ? "—" : result.competingKey());
  }
}
