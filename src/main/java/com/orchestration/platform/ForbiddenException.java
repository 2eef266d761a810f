package com.orchestration.platform;

/** The authenticated user may not do this (SPEC §3 authority table): answered with 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
