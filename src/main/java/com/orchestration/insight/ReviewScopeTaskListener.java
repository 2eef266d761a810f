package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ForbiddenException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks "Review scope" when it completes, in the engine's transaction (a refusal leaves the task open and Tasklist
 * shows the message): the EM decides (the candidate group says so; this keeps out an admin), the decision is one of
 * the three, the reason is there, and for reduce-scope every line names an open tactical task of the instruction —
 * the error names the line. Records who decided and the tasks as checked (one key per line).
 */
@Component
class ReviewScopeTaskListener implements TaskListener {

  static final int MAX_REASON = 1000;

  private final SlipDetection detection;
  private final IdentityService identity;
  private final AsSystem asSystem;

  ReviewScopeTaskListener(SlipDetection detection, IdentityService identity, AsSystem asSystem) {
    this.detection = detection;
    this.identity = identity;
    this.asSystem = asSystem;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = asSystem.currentActor();
    Authentication caller = identity.getCurrentAuthentication();
    if (caller != null && (caller.getGroupIds() == null
        || !caller.getGroupIds().contains(OrganizationGroups.ENGINEERING_MANAGERS))) {
      throw new ForbiddenException("Only the engineering manager (group engineering-managers) may decide a scope "
          + "review; " + actor + " is not a member");
    }
    String decision = ProcessValues.oneOf(task, SCOPE_DECISION, "The decision", DECISIONS);
    String reason = ProcessValues.requiredText(task, SCOPE_DECISION_REASON, "The reason", MAX_REASON);
    if (REDUCE_SCOPE.equals(decision)) {
      List<String> keys = detection.tasksToCancel(ProcessValues.text(task, INSTRUCTION_KEY),
          ProcessValues.text(task, TASKS_TO_CANCEL));
      task.setVariable(TASKS_TO_CANCEL, String.join("\n", keys));
    }
    task.setVariable(SCOPE_DECISION, decision);
    task.setVariable(SCOPE_DECISION_REASON, reason);
    task.setVariable(SCOPE_DECIDED_BY, actor);
  }
}
