package com.orchestration.communication;

import static com.orchestration.communication.IncidentVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.AsSystem;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Suspend instructions": declares the incident from the start form's (or the API's) variables on behalf of the
 * authenticated EM, suspends every open tier ≥ 2 instruction and announces it; the process takes the incident's key
 * as business key. A refusal (not the EM, a missing field) leaves nothing behind and shows in Tasklist.
 */
@Component
class SuspendInstructionsDelegate implements JavaDelegate {

  private final IncidentService incidents;
  private final IdentityService identity;
  private final AsSystem asSystem;

  SuspendInstructionsDelegate(IncidentService incidents, IdentityService identity, AsSystem asSystem) {
    this.incidents = incidents;
    this.identity = identity;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident.Declaration declaration = new Incident.Declaration(
        IncidentSteps.text(execution.getVariable(INCIDENT_TITLE)),
        IncidentSteps.text(execution.getVariable(INCIDENT_DESCRIPTION)),
        IncidentSteps.text(execution.getVariable(INCIDENT_SEVERITY)),
        ProcessValues.list(execution.getVariable(AFFECTED_DOMAINS)));
    Incident incident = IncidentSteps.asForm(() -> incidents.open(declaration, asSystem.currentActor(),
        IncidentSteps.groups(identity), execution.getProcessInstanceId()));
    execution.setProcessBusinessKey(incident.key());
    execution.setVariables(Map.of(
        INCIDENT_ID, incident.id(),
        INCIDENT_KEY, incident.key(),
        SUSPENDED_INSTANCE_COUNT, incident.suspendedProcessInstances(),
        SUSPENDED_SUMMARY, summary(incident)));
  }

  static String summary(Incident incident) {
    if (incident.suspendedInstructions().isEmpty()) {
      return "No instruction of tier 2 or above was open when the incident was declared.";
    }
    return incident.suspendedInstructions().size() + " instruction(s), " + incident.suspendedProcessInstances()
        + " process instances suspended: " + String.join(", ", incident.suspendedInstructions());
  }
}
