package com.orchestration.platform;

/** A resource named in the request does not exist: answered with 404 and a problem detail. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String kind, String id) {
    super("No " + kind + " with id '" + id + "'");
  }
}
