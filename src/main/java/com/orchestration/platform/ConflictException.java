package com.orchestration.platform;

/** The request conflicts with the current state (a concurrent change, a state that does not allow it): 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
