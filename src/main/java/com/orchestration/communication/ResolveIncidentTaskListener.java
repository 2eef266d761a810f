package com.orchestration.communication;

import static com.orchestration.communication.IncidentVariables.*;

import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks "Resolve incident" when it completes, in the engine's transaction (a refusal leaves the task open and
 * Tasklist shows the message): the resolver is the EM — the candidate group already says so, this also keeps out an
 * admin who may complete any task — and the note is there. Records who resolved it for "Resume instructions".
 */
@Component
class ResolveIncidentTaskListener implements TaskListener {

  private final IdentityService identity;
  private final AsSystem asSystem;

  ResolveIncidentTaskListener(IdentityService identity, AsSystem asSystem) {
    this.identity = identity;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = asSystem.currentActor();
    if (identity.getCurrentAuthentication() != null) {
      IncidentService.requireEm(actor, IncidentSteps.groups(identity), "resolve");
    }
    String note = IncidentSteps.asForm(() -> IncidentService.validateNote(
        IncidentSteps.text(task.getVariable(RESOLUTION_NOTE))));
    task.setVariable(RESOLUTION_NOTE, note);
    task.setVariable(RESOLVED_BY, actor);
  }
}
