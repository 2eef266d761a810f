package com.orchestration.handoff;

import static com.orchestration.handoff.HandoffVariables.*;
import static com.orchestration.lifecycle.LifecycleVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Prepare handoff package", on complete: only what the record cannot hold is refused here (the task stays open) —
 * text over its limit, a ticked item that is not on this handoff's checklist; completeness is the package check's,
 * which sends the preparer a list of what is missing.
 */
@Component
class PrepareHandoffTaskListener implements TaskListener {

  private final HandoffService handoffs;

  PrepareHandoffTaskListener(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @Override
  public void notify(DelegateTask task) {
    limit(task, SUMMARY, "Summary", 4000);
    limit(task, ARTIFACTS, "Artifacts", 4000);
    limit(task, KNOWN_ISSUES, "Known issues", 4000);
    limit(task, CONTACT, "Contact", 200);
    onTheChecklist(task);
  }

  /** Each entry the package check would read names an item of the checklist (by its text or its number). */
  private void onTheChecklist(DelegateTask task) {
    List<ChecklistItem> checklist = handoffs.get(ProcessValues.id(task, HANDOFF_ID)).checklist();
    Set<String> known = new HashSet<>();
    for (int i = 0; i < checklist.size(); i++) {
      known.add(checklist.get(i).item().toLowerCase(Locale.ROOT));
      known.add(String.valueOf(i + 1));
    }
    for (String entry : HandoffPackage.doneEntries(task.getVariable(CHECKLIST_DONE))) {
      if (!known.contains(entry)) {
        throw new FormInputException(CHECKLIST_DONE, "'" + entry + "' is not an item of this handoff's checklist; "
            + "tick the items that are done: " + checklist.stream().map(ChecklistItem::item)
            .collect(Collectors.joining(", ")));
      }
    }
  }

  private static void limit(DelegateTask task, String name, String what, int max) {
    String text = ProcessValues.text(task, name);
    if (text != null && text.length() > max) {
      throw new FormInputException(name, what + " is limited to " + max + " characters (" + text.length()
          + " given)");
    }
  }
}
