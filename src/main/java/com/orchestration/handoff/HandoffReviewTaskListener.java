package com.orchestration.handoff;

import static com.orchestration.handoff.HandoffVariables.*;
import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Review handoff". On create: clears the previous round's decision. On complete: only a lead of a downstream domain decides (SPEC §9.3; an admin passes Camunda's
 * task authorization but not this), questions need their text; records the decision.
 */
@Component
class HandoffReviewTaskListener implements TaskListener {

  static final List<String> DECISIONS = List.of("accept", "questions");

  private final HandoffService handoffs;

  HandoffReviewTaskListener(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a fresh decision each round: the previous round's choice must not be pre-selected
      for (String name : List.of(DECISION, QUESTIONS_INPUT)) {
        if (task.hasVariable(name)) {
          task.removeVariable(name);
        }
      }
      return;
    }
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String groups = ProcessValues.text(task, HANDOFF_GROUPS);
    List<String> downstream = groups == null ? List.of()
        : Arrays.stream(groups.split(",")).map(String::strip).toList();
    if (user != null && (user.getGroupIds() == null || downstream.stream().noneMatch(user.getGroupIds()::contains))) {
      throw new FormInputException(DECISION, "Only the lead of a downstream domain ("
          + ProcessValues.text(task, HANDOFF_TARGET_DOMAINS) + ") accepts this handoff");
    }
    String decision = ProcessValues.oneOf(task, DECISION, "Decision", DECISIONS);
    long handoffId = ProcessValues.id(task, HANDOFF_ID);
    if ("questions".equals(decision)) {
      String questions = ProcessValues.requiredText(task, QUESTIONS_INPUT, "Questions for the preparer", 4000);
      if (NONE.equalsIgnoreCase(questions)) {
        throw new FormInputException(QUESTIONS_INPUT, "Questions for the preparer is required");
      }
      handoffs.returnWithQuestions(handoffId, questions);
      task.setVariable(QUESTIONS, questions);
      task.setVariable(MISSING, NONE);
    } else {
      String by = user != null && user.getUserId() != null ? user.getUserId()
          : task.getAssignee() != null ? task.getAssignee() : "system";
      handoffs.accept(handoffId, by);
      task.setVariable(HANDOFF_OUTCOME, "accepted");
    }
  }
}
