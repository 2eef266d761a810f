package com.orchestration.platform;

import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * A request about a Camunda user task that is no longer there — typically the loser of two completions of the same
 * task, which runs after the winner's commit. Answered 404 with Camunda's own "Cannot find task with id …"; being a
 * {@link org.camunda.bpm.engine.BadUserRequestException}, the engine logs it at debug level, not as an ERROR with a
 * stack trace as it does the {@code NullValueException} it replaces.
 */
public class TaskGoneException extends NotFoundException {

  public TaskGoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
