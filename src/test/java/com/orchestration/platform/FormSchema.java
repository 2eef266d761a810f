package com.orchestration.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * What a Camunda form (forms/*.form, as deployed) says about its input fields, for deriving bad-input probes: the key,
 * the component type, {@code validate.required}/{@code maxLength}/{@code min}/{@code max}, the options of a
 * radio/select/checklist (static {@code values}; {@code valuesKey} options come from a process variable), whether
 * it has a {@code defaultValue}, whether it is {@code disabled} (shown, never submitted) and the branch a field belongs
 * to ({@code conditional.hide: =decision != "value"} → shown when decision is value).
 */
record FormSchema(String id, List<FormSchema.Field> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHOWN_WHEN = Pattern.compile("^=\\s*(\\w+)\\s*!=\\s*\"([^\"]*)\"\\s*$");

  /** One input field of the form. */
  record Field(String key, String type, boolean required, boolean hasDefault, List<String> options,
      boolean dynamicOptions, Integer maxLength, Double min, Double max, Map<String, String> shownWhen,
      boolean disabled) {

    boolean text() {
      return type.equals("textfield") || type.equals("textarea");
    }

    boolean choice() {
      return type.equals("radio") || type.equals("select");
    }

    boolean list() {
      return type.equals("checklist") || type.equals("taglist");
    }
  }

  static FormSchema load(String formId) {
    try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
      JsonNode form = JSON.readTree(in);
      List<Field> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      return new FormSchema(form.path("id").asText(), List.copyOf(fields));
    } catch (IOException e) {
      throw new IllegalStateException("form " + formId + " cannot be read", e);
    }
  }

  Field field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + " has no field " + key));
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        JsonNode validate = c.path("validate");
        List<String> options = new ArrayList<>();
        c.path("values").forEach(v -> options.add(v.path("value").asText()));
        Map<String, String> shownWhen = new LinkedHashMap<>();
        Matcher hide = SHOWN_WHEN.matcher(c.path("conditional").path("hide").asText(""));
        if (hide.matches()) {
          shownWhen.put(hide.group(1), hide.group(2));
        } else if (c.path("conditional").has("hide")) {
          throw new IllegalStateException("field " + c.get("key").asText() + ": condition '"
              + c.path("conditional").path("hide").asText() + "' is not of the form =field != \"value\"; "
              + "teach FormSchema to read it");
        }
        fields.add(new Field(c.get("key").asText(), c.path("type").asText(),
            validate.path("required").asBoolean(false), c.has("defaultValue"), List.copyOf(options),
            c.has("valuesKey"),
            validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
            validate.has("min") ? validate.get("min").asDouble() : null,
            validate.has("max") ? validate.get("max").asDouble() : null,
            Map.copyOf(shownWhen), c.path("disabled").asBoolean(false)));
      }
      collect(c.path("components"), fields);
    }
  }
}
