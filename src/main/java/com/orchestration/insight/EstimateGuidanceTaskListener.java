package com.orchestration.insight;

import static com.orchestration.intake.InstructionVariables.DOMAIN;
import static com.orchestration.intake.InstructionVariables.ESTIMATE_GUIDANCE;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.Domain;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of "Break down strategic task": the suggested estimate for the strategic task's domain (SPEC §11) as the
 * task-local variable {@code estimateGuidance}, which the form shows read-only. Computed afresh each time the task is
 * created (again after the TL asks for changes), so it reflects the samples of that moment.
 */
@Component
class EstimateGuidanceTaskListener implements TaskListener {

  private final CalibrationService calibration;

  EstimateGuidanceTaskListener(CalibrationService calibration) {
    this.calibration = calibration;
  }

  @Override
  public void notify(DelegateTask task) {
    Domain domain = Domain.require(DOMAIN, ProcessValues.text(task, DOMAIN));
    task.setVariableLocal(ESTIMATE_GUIDANCE, calibration.estimateGuidance(domain));
  }
}
