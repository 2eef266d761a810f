package com.orchestration.lifecycle;

import com.orchestration.platform.InvalidInputException;

/**
 * A form (or an agent's completion) carries a missing or invalid field. Thrown from a complete listener, so the
 * task stays open and Tasklist shows the message; through our API it is a 400 naming the field.
 */
public class FormInputException extends InvalidInputException {

  public FormInputException(String field, String message) {
    super(field, message + " [" + field + "]");
  }
}
