package com.orchestration.handoff;

import static com.orchestration.handoff.HandoffVariables.*;
import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Prepare handoff package", on complete: only what the record cannot hold is refused here (the task stays open);
 * completeness is the package check's, which sends the preparer a list of what is missing.
 */
@Component
class PrepareHandoffTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    limit(task, SUMMARY, "Summary", 4000);
    limit(task, ARTIFACTS, "Artifacts", 4000);
    limit(task, KNOWN_ISSUES, "Known issues", 4000);
    limit(task, CONTACT, "Contact", 200);
  }

  private static void limit(DelegateTask task, String name, String what, int max) {
    String text = ProcessValues.text(task, name);
    if (text != null && text.length() > max) {
      throw new FormInputException(name, what + " is limited to " + max + " characters (" + text.length()
          + " given)");
    }
  }
}
