package com.orchestration.lifecycle;

import com.orchestration.platform.ConflictException;

/** A state change SPEC §5.2 does not allow; nothing was written. */
public class IllegalTransitionException extends ConflictException {

  public IllegalTransitionException(WorkItem item, TaskState to) {
    super("Task " + item.qualifiedKey() + " cannot go from " + item.state() + " to " + to + "; allowed from "
        + item.state() + ": " + TransitionRules.next(item.kind(), item.state()));
  }
}
