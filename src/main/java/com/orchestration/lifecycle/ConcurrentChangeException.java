package com.orchestration.lifecycle;

import com.orchestration.platform.ConflictException;

/**
 * The task changed between reading and writing (another node, another request). Nothing was written; the caller
 * reads again and retries, or reports 409.
 */
public class ConcurrentChangeException extends ConflictException {

  public ConcurrentChangeException(WorkItem item) {
    super("Task " + item.qualifiedKey() + " was changed by someone else (it was " + item.state() + ", version "
        + item.version() + "); read it again and retry", true);
  }
}
