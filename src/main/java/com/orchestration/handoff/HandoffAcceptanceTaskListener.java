package com.orchestration.handoff;

import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** "Accept handoff": only a lead of a downstream domain accepts, and says so explicitly (SPEC §9.3). */
@Component
class HandoffAcceptanceTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String groups = ProcessValues.text(task, HANDOFF_GROUPS);
    List<String> downstream = groups == null ? List.of() : Arrays.asList(groups.split(","));
    if (user != null && user.getGroupIds() != null && downstream.stream().noneMatch(user.getGroupIds()::contains)) {
      throw new FormInputException(HANDOFF_ACCEPTED, "Only the lead of a downstream domain ("
          + ProcessValues.text(task, HANDOFF_TARGET_DOMAINS) + ") accepts this handoff");
    }
    if (!ProcessValues.flag(task, HANDOFF_ACCEPTED)) {
      throw new FormInputException(HANDOFF_ACCEPTED, "Tick 'I accept this handoff' to accept it");
    }
  }
}
