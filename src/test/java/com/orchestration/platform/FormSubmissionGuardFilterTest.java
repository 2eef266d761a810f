package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shape check of {@link FormSubmissionGuardFilter}: a value must be what Tasklist submits for its field's
 * component. End to end, on all 27 forms and both REST paths: {@link FormBadInputSuiteTest}.
 */
class FormSubmissionGuardFilterTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final FormSubmissionGuardFilter.FormFields FORM = FormSubmissionGuardFilter.fields("sample",
      new ByteArrayInputStream("""
          {"id": "sample", "components": [
            {"type": "text", "text": "# Sample"},
            {"key": "note", "type": "textarea"},
            {"key": "hours", "type": "number"},
            {"key": "accepted", "type": "checkbox"},
            {"key": "outcome", "type": "radio", "values": [{"label": "A", "value": "approve"},
                                                           {"label": "C", "value": "changes"}]},
            {"key": "ic", "type": "select", "valuesKey": "icOptions"},
            {"key": "domains", "type": "checklist", "values": [{"label": "F", "value": "frontend"},
                                                              {"label": "B", "value": "backend"}]},
            {"key": "due", "type": "datetime", "subtype": "date"},
            {"type": "group", "components": [{"key": "score", "type": "number"}]},
            {"key": "checklistDone", "type": "checklist", "valuesKey": "options", "disabled": true}
          ]}""".getBytes(StandardCharsets.UTF_8)));

  static Optional<FormSubmissionGuardFilter.Refused> check(String name, String typedValue) {
    try {
      return FormSubmissionGuardFilter.check(new FormSubmissionGuardFilter.Write(FORM,
          Map.of(name, JSON.readTree(typedValue)), List.of()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String refusedField(String name, String typedValue) {
    return check(name, typedValue).map(r -> r.field).orElse(null);
  }

  @Test
  void acceptsWhatTasklistSubmitsForEachComponent() {
    for (Map.Entry<String, String> ok : Map.ofEntries(
        Map.entry("note", "{\"value\": \"${1+1} <script>\"}"), Map.entry("hours", "{\"value\": 1.5}"),
        Map.entry("score", "{\"value\": \"7\", \"type\": \"Integer\"}"), Map.entry("accepted", "{\"value\": true}"),
        Map.entry("outcome", "{\"value\": \"changes\"}"), Map.entry("ic", "{\"value\": \"priya\"}"),
        Map.entry("domains", "{\"value\": \"[\\\"backend\\\"]\", \"type\": \"Json\"}"),
        Map.entry("due", "{\"value\": \"2026-12-01\"}")).entrySet()) {
      assertThat(check(ok.getKey(), ok.getValue())).as(ok.toString()).isEmpty();
    }
  }

  @Test
  void emptyValuesClearAFieldAndAreLeftToTheListener() {
    assertThat(check("outcome", "{\"value\": \"\"}")).isEmpty();
    assertThat(check("hours", "{\"value\": null}")).isEmpty();
    assertThat(check("domains", "{\"value\": \"[]\", \"type\": \"Json\"}")).isEmpty();
  }

  @Test
  void refusesAValueOfTheWrongShapeNamingTheField() {
    List<List<String>> wrong = List.of(List.of("note", "{\"value\": 12345}"),
        List.of("note", "{\"value\": \"[\\\"x\\\"]\", \"type\": \"Json\"}"),
        List.of("hours", "{\"value\": \"lots\"}"), List.of("hours", "{\"value\": true}"),
        List.of("accepted", "{\"value\": \"maybe\"}"), List.of("accepted", "{\"value\": 1}"),
        List.of("outcome", "{\"value\": \"maybe\"}"), List.of("outcome", "{\"value\": true}"),
        List.of("ic", "{\"value\": \"[1]\", \"type\": \"Json\"}"), List.of("domains", "{\"value\": \"backend\"}"),
        List.of("domains", "{\"value\": \"{\\\"a\\\":1}\", \"type\": \"Json\"}"),
        List.of("due", "{\"value\": \"tomorrow\"}"), List.of("due", "{\"value\": 20261201}"));
    for (List<String> value : wrong) {
      assertThat(refusedField(value.get(0), value.get(1))).as(value.toString()).isEqualTo(value.get(0));
    }
  }

  @Test
  void namesTheListItemThatIsNoOption() {
    Optional<FormSubmissionGuardFilter.Refused> refused =
        check("domains", "{\"value\": \"[\\\"backend\\\", \\\"mobile\\\"]\", \"type\": \"Json\"}");

    assertThat(refused).hasValueSatisfying(r -> {
      assertThat(r.field).isEqualTo("domains[1]");
      assertThat(r.getMessage()).isEqualTo("Field 'domains[1]': 'mobile' is not one of the options (frontend, "
          + "backend)");
    });
  }

  @Test
  void aDisabledFieldIsShownButNeverSet() {
    assertThat(FORM.keys()).doesNotContain("checklistDone").contains("score");
    assertThat(check("checklistDone", "{\"value\": \"[]\", \"type\": \"Json\"}"))
        .hasValueSatisfying(r -> assertThat(r.getMessage()).contains("read-only"));
  }

  @Test
  void saysWhatWasGivenAndWhatIsExpected() {
    JsonNode typed = JSON.createObjectNode().put("value", "soon");
    assertThat(FormSubmissionGuardFilter.shape("due", new FormSubmissionGuardFilter.Field("datetime", List.of(),
        "date"), typed)).hasValueSatisfying(r -> assertThat(r.getMessage())
        .isEqualTo("Field 'due': 'soon' is not a date; write it as 2026-12-01"));
    assertThat(check("hours", "{\"value\": \"lots\"}")).hasValueSatisfying(r -> assertThat(r.getMessage())
        .isEqualTo("Field 'hours': expected a number, text 'lots' given"));
  }
}
