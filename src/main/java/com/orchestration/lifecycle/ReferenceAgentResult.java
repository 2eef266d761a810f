package com.orchestration.lifecycle;

/**
 * What the reference agent did with one {@code ic-work} task.
 *
 * @param externalTaskId the external task it worked
 * @param processInstanceId the task's lifecycle instance
 * @param taskKey e.g. {@code TT1.2}
 * @param action what happened
 * @param message the server's refusal or the failure, else a short description
 */
public record ReferenceAgentResult(String externalTaskId, String processInstanceId, String taskKey, Action action,
    String message) {

  /** The outcomes of working one task. */
  public enum Action {
    /** Completed with {@code workOutcome=submit}. */
    SUBMITTED,
    /** Completed with {@code workOutcome=block}. */
    BLOCKED,
    /** The server refused the completion (validation); reported with handleFailure. */
    REFUSED,
    /** The agent itself failed (exception, connection); reported with handleFailure where possible. */
    FAILED
  }
}
