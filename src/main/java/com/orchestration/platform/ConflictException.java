package com.orchestration.platform;

/** The request conflicts with the current state (a concurrent change, a state that does not allow it): 409. */
public class ConflictException extends RuntimeException {

  private final boolean concurrentChange;

  public ConflictException(String message) {
    this(message, false);
  }

  /** @param concurrentChange a lost race (read again and retry), not a state that forbids the request */
  protected ConflictException(String message, boolean concurrentChange) {
    super(message);
    this.concurrentChange = concurrentChange;
  }

  /** True when the request lost a race with another change: reading again and retrying may well succeed. */
  public boolean concurrentChange() {
    return concurrentChange;
  }
}
