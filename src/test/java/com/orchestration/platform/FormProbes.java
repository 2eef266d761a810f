package com.orchestration.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bad values for one form field, derived from what the form says about it ({@link FormSchema.Field}): what a
 * careless or hostile client of Camunda's REST API sends instead of what Tasklist would. Each is a Camunda typed
 * value ({@code {"value": …, "type": …}}), or {@code null} for "left out".
 */
final class FormProbes {

  static final String SQL = "' or 1=1 --";
  static final String JUEL = "${expressionProbe.touch()}";
  static final String DEFERRED = "#{expressionProbe.touch()}";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final List<String> INJECTIONS = List.of(SQL, JUEL, DEFERRED, SCRIPT);
  /** All four in one text: what a free-text field stores, and must give back exactly. */
  static final String ALL_INJECTIONS = String.join(" ", INJECTIONS);
  static final String HUGE = "x".repeat(1024 * 1024);
  static final String NOT_AN_OPTION = "not-an-option";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FormProbes() {}

  /** One probe: a label for the report, the field it spoils, the value it sends (null: left out). */
  record Probe(String label, String field, JsonNode value) {}

  /**
   * @param structured a text field whose text has a syntax (plan lines, findings, a person's id): all four injection
   *     strings must be refused there. In free text they are accepted, stored and given back as sent.
   * @param index the field's position in its form: a field that is not text gets one injection string in turn (all
   *     four are text of the wrong kind for it, refused alike), so a form with four such fields sends each
   */
  static List<Probe> of(FormSchema.Field field, boolean structured, int index) {
    String injection = INJECTIONS.get(index % INJECTIONS.size());
    String key = field.key();
    List<Probe> probes = new ArrayList<>();
    if (field.required()) {
      if (!field.hasDefault()) {
        // With a defaultValue (priority: normal) the form always sends one; left out, the same default applies.
        probes.add(new Probe("missing required", key, null));
      }
      probes.add(field.type().equals("checkbox")
          ? new Probe("required box not ticked", key, untyped(F.booleanNode(false)))
          : new Probe("blank required", key, untyped(F.textNode("   "))));
    }
    if (field.text()) {
      probes.add(new Probe("number in a text field", key, untyped(F.numberNode(12345))));
      probes.add(new Probe("boolean in a text field", key, untyped(F.booleanNode(true))));
      probes.add(new Probe("list in a text field", key, json("[\"x\"]")));
      if (field.maxLength() != null && field.maxLength() < FormSubmissionGuardFilter.MAX_TEXT) {
        probes.add(new Probe("maxLength + 1", key, untyped(F.textNode("t".repeat(field.maxLength() + 1)))));
      }
      probes.add(new Probe("1 MB of text", key, untyped(F.textNode(HUGE))));
      if (structured) {
        INJECTIONS.forEach(i -> probes.add(new Probe("injection in structured text", key, untyped(F.textNode(i)))));
      }
    } else if (field.type().equals("number")) {
      probes.add(new Probe("text in a number field", key, untyped(F.textNode("lots"))));
      probes.add(new Probe("boolean in a number field", key, untyped(F.booleanNode(true))));
      probes.add(new Probe("list in a number field", key, json("[1]")));
      if (field.min() != null) {
        probes.add(new Probe("below min", key, untyped(F.numberNode(field.min() - 1))));
      }
      if (field.max() != null) {
        probes.add(new Probe("above max", key, untyped(F.numberNode(field.max() + 1))));
      }
      probes.add(new Probe("injection in a number field", key, untyped(F.textNode(injection))));
    } else if (field.type().equals("checkbox")) {
      probes.add(new Probe("text in a checkbox", key, untyped(F.textNode("maybe"))));
      probes.add(new Probe("number in a checkbox", key, untyped(F.numberNode(1))));
      probes.add(new Probe("list in a checkbox", key, json("[true]")));
      probes.add(new Probe("injection in a checkbox", key, untyped(F.textNode(injection))));
    } else if (field.choice()) {
      probes.add(new Probe("not an option", key, untyped(F.textNode(NOT_AN_OPTION))));
      probes.add(new Probe("number in a choice", key, untyped(F.numberNode(987654))));
      probes.add(new Probe("boolean in a choice", key, untyped(F.booleanNode(true))));
      probes.add(new Probe("list in a choice", key, json(list(field.options().isEmpty() ? NOT_AN_OPTION
          : field.options().get(0)))));
      probes.add(new Probe("injection in a choice", key, untyped(F.textNode(injection))));
    } else if (field.list()) {
      probes.add(new Probe("plain text in a list field", key, untyped(F.textNode(field.options().isEmpty()
          ? NOT_AN_OPTION : field.options().get(0)))));
      probes.add(new Probe("boolean in a list field", key, untyped(F.booleanNode(true))));
      probes.add(new Probe("object in a list field", key, json("{\"a\":1}")));
      probes.add(new Probe("not an option in a list", key, json(list(NOT_AN_OPTION))));
      probes.add(new Probe("number in a list", key, json("[1]")));
      probes.add(new Probe("injection in a list", key, json(list(injection))));
    } else if (field.type().equals("datetime")) {
      probes.add(new Probe("not a date", key, untyped(F.textNode("tomorrow"))));
      probes.add(new Probe("number in a date field", key, untyped(F.numberNode(20261201))));
      probes.add(new Probe("boolean in a date field", key, untyped(F.booleanNode(true))));
      probes.add(new Probe("list in a date field", key, json("[\"2026-12-01\"]")));
      probes.add(new Probe("injection in a date field", key, untyped(F.textNode(injection))));
    } else {
      throw new IllegalStateException("field " + key + ": no probes for component type " + field.type()
          + "; teach FormProbes what a bad value of it is");
    }
    return probes;
  }

  /** The same for every form: variables that are no field of it, and a serialized Java object. */
  static List<Probe> foreign(FormSchema form, Set<String> processVariables) {
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe("unknown variable", "bogusField", untyped(F.textNode("x"))));
    processVariables.stream().filter(v -> form.fields().stream().noneMatch(f -> f.key().equals(v))).sorted()
        .limit(2).forEach(v -> probes.add(new Probe("process variable that is no field", v,
            untyped(F.textNode(JUEL)))));
    ObjectNode serialized = F.objectNode().put("value", "rO0ABXQAA2FiYw==").put("type", "Object");
    serialized.putObject("valueInfo").put("objectTypeName", "java.lang.String")
        .put("serializationDataFormat", "application/x-java-serialized-object");
    probes.add(new Probe("serialized Java object", form.fields().get(0).key(), serialized));
    probes.add(new Probe("file", form.fields().get(0).key(), F.objectNode().put("value", "eA==").put("type", "File")));
    return probes;
  }

  static ObjectNode untyped(JsonNode value) {
    return F.objectNode().set("value", value);
  }

  static ObjectNode json(String text) {
    return F.objectNode().put("value", text).put("type", "Json");
  }

  static String list(String item) {
    return F.arrayNode().add(item).toString();
  }
}
