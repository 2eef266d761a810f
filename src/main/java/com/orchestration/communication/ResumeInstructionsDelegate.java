package com.orchestration.communication;

import static com.orchestration.communication.IncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Resume instructions": resolves the incident and resumes what it alone held; announces it on {@code all}. */
@Component
class ResumeInstructionsDelegate implements JavaDelegate {

  private final IncidentService incidents;

  ResumeInstructionsDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(INCIDENT_ID)).longValue();
    incidents.close(id, IncidentSteps.text(execution.getVariable(RESOLUTION_NOTE)),
        IncidentSteps.text(execution.getVariable(RESOLVED_BY)));
  }
}
