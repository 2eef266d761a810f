package com.orchestration.lifecycle;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of process variables. Tasklist submits primitives untyped (a number may arrive as Long, Double or
 * String), so reads coerce and fail with a message that names the field and what is allowed.
 */
public final class ProcessValues {

  private ProcessValues() {}

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  public static String requiredText(VariableScope scope, String name, String what, int maxLength) {
    String text = text(scope, name);
    if (text == null) {
      throw new FormInputException(name, what + " is required");
    }
    if (text.length() > maxLength) {
      throw new FormInputException(name, what + " is limited to " + maxLength + " characters (" + text.length() + " given)");
    }
    return text;
  }

  public static String oneOf(VariableScope scope, String name, String what, java.util.List<String> allowed) {
    String text = text(scope, name);
    if (text == null || !allowed.contains(text)) {
      throw new FormInputException(name, what + " must be one of " + String.join(", ", allowed)
          + (text == null ? "" : " ('" + text + "' given)"));
    }
    return text;
  }

  public static Double number(VariableScope scope, String name, String what, double min, double max) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(value.toString().strip());
      } catch (NumberFormatException e) {
        throw new FormInputException(name, what + " must be a number, '" + value + "' given");
      }
    }
    if (Double.isNaN(number) || number < min || number > max) {
      throw new FormInputException(name, what + " must be between " + fmt(min) + " and " + fmt(max) + ", "
          + fmt(number) + " given");
    }
    return number;
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }

  public static long id(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("Process variable '" + name + "' (a task id) is missing or not a number: "
        + value + " — the lifecycle was started without it");
  }

  /**
   * A list variable as strings: a JSON list (a Tasklist checklist or taglist), a Java collection, or a
   * comma-separated string; blanks dropped. Null gives an empty list.
   */
  public static java.util.List<String> list(Object value) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value instanceof Iterable<?> items) {
      items.forEach(item -> out.add(String.valueOf(item)));
      return out;
    }
    if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> out.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        out.addAll(list(json.stringValue()));
      }
      return out;
    }
    for (String part : value.toString().split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
