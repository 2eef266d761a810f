package com.orchestration.handoff;

/** One item of a handoff checklist (DMN {@code handoff-checklist}) and whether the preparer marked it done. */
public record ChecklistItem(String item, boolean mandatory, boolean done) {

  ChecklistItem withDone(boolean isDone) {
    return new ChecklistItem(item, mandatory, isDone);
  }
}
