package com.orchestration.platform;

/**
 * Bad input from a person or a client: answered with 400 and a problem detail that names the field, what is
 * wrong and what is allowed. Throw it before any state change so nothing is half-written.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  /** @param message what is wrong and what is allowed; an overlong one (echoing a huge value) is shortened */
  public InvalidInputException(String field, String message) {
    super(ClientErrors.abbreviate(message));
    this.field = field;
  }

  /** The offending field as the client named it (JSON path such as {@code scope.flags[2]}), or null. */
  public String field() {
    return field;
  }
}
