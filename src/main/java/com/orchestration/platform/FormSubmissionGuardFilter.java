package com.orchestration.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form completion may set the form's fields and nothing else. Camunda's REST APIs ({@code /engine-rest} and the
 * webapps' {@code /camunda/api/engine}, which Tasklist uses) let whoever may complete a task send <em>any</em>
 * variable with it, and a completion's variables land in the process instance: an IC completing "Do the work" could
 * overwrite {@code workItemId}, {@code assignee} or {@code tier} and steer their own (or another) task. Checked
 * before anything runs, for user-task completions ({@code complete}, {@code submit-form}, {@code resolve}), task
 * variable writes, start forms and {@code ic-work}-style external-task completions:
 * <ul>
 *   <li>every variable name is a field key of the element's Camunda form (else 400 naming it), and not a field the
 *       form shows disabled (Tasklist never submits those: a value for one overwrites what someone else set);</li>
 *   <li>values are what a form sends: String, Boolean, a number, Date, Json or null — no serialized Java objects,
 *       files or bytes; a typed value matches its type; lists and objects come as Json;</li>
 *   <li>each value has the shape of its field's component, as Tasklist submits it: text for a textfield or textarea,
 *       a number (or numeric text) for a number field, true/false for a checkbox, one of the listed options for a
 *       radio or select, a Json list of the listed options for a checklist or taglist, a date for a datetime field
 *       ({@code null} or an empty choice clears a field; options taken from a variable ({@code valuesKey}) are the
 *       listener's to check);</li>
 *   <li>text is at most {@value #MAX_TEXT} characters (the forms' limit and the engine's string column).</li>
 * </ul>
 * Refusals are RFC 7807 problem details naming the field, with Camunda's {@code message} for Tasklist. Elements
 * without a Camunda form are left to Camunda's authorization. Validation of the values' meaning — what is required
 * for which choice, ranges, plan lines, findings — stays in the task listeners ({@code FormInputException}).
 */
class FormSubmissionGuardFilter extends OncePerRequestFilter {

  static final int MAX_TEXT = 4000;
  static final int MAX_JSON = 100_000;

  private static final Pattern ROOT = Pattern.compile("^/(?:engine-rest|camunda/api/engine)(?:/engine/[^/]+)?(/.*)$");
  private static final Pattern TASK_SUBMIT = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
  private static final Pattern TASK_VARIABLES = Pattern.compile("^/task/([^/]+)/(?:variables|localVariables)/?$");
  private static final Pattern TASK_VARIABLE =
      Pattern.compile("^/task/([^/]+)/(?:variables|localVariables)/([^/]+)(?:/data)?/?$");
  private static final Pattern START_BY_KEY =
      Pattern.compile("^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(submit-form|start)/?$");
  private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(submit-form|start)/?$");
  private static final Pattern EXTERNAL_COMPLETE = Pattern.compile("^/external-task/([^/]+)/complete/?$");
  private static final Set<String> TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "json", "null");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final AsSystem asSystem;
  private final Map<String, String> externalTaskForms;
  private final Map<String, FormFields> classpathForms = new ConcurrentHashMap<>();

  /** @param externalTaskForms topic → the form whose fields a completion of that topic may set */
  FormSubmissionGuardFilter(ProcessEngine engine, AsSystem asSystem, Map<String, String> externalTaskForms) {
    this.engine = engine;
    this.asSystem = asSystem;
    this.externalTaskForms = Map.copyOf(externalTaskForms);
  }

  /** A form: its id (for messages), its input fields by key, and the keys it shows disabled. */
  record FormFields(String id, Map<String, Field> fields, Set<String> disabled) {
    Set<String> keys() {
      return fields.keySet();
    }
  }

  /** What a form component accepts: its type ({@code textfield}, {@code number}, …), its listed options, subtype. */
  record Field(String type, List<String> options, String subtype) {}

  /** What a request writes: variable names (with their typed values, when sent) checked against one form. */
  record Write(FormFields form, Map<String, JsonNode> values, List<String> deletions) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    Matcher root = ROOT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (method.equals("GET") || !root.matches() || contentType.startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    String path = root.group(1);
    ReplayableRequest replayable = ReplayableRequest.of(request);
    Optional<Write> write;
    try {
      write = write(method, path, replayable.body());
    } catch (Refused refused) {
      refuse(response, refused.field, refused.getMessage());
      return;
    }
    if (write.isPresent()) {
      Optional<Refused> refused = check(write.get());
      if (refused.isPresent()) {
        refuse(response, refused.get().field, refused.get().getMessage());
        return;
      }
    }
    chain.doFilter(replayable, response);
  }

  private Optional<Write> write(String method, String path, byte[] body) {
    Matcher m;
    if (method.equals("POST") && (m = TASK_SUBMIT.matcher(path)).matches()) {
      return taskForm(m.group(1)).map(form -> new Write(form, variables(body, "variables"), List.of()));
    }
    if (method.equals("POST") && (m = TASK_VARIABLES.matcher(path)).matches()) {
      JsonNode json = json(body);
      List<String> deletions = new ArrayList<>();
      json.path("deletions").forEach(d -> deletions.add(d.asText()));
      return taskForm(m.group(1)).map(form -> new Write(form, objectFields(json.path("modifications"),
          "modifications"), deletions));
    }
    if ((m = TASK_VARIABLE.matcher(path)).matches()) {
      String name = java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8);
      boolean delete = method.equals("DELETE");
      boolean data = path.endsWith("/data") || path.endsWith("/data/");
      return taskForm(m.group(1)).map(form -> delete || data
          ? new Write(form, Map.of(), List.of(name))
          : new Write(form, Map.of(name, json(body)), List.of()));
    }
    if (method.equals("POST") && (m = START_BY_KEY.matcher(path)).matches()) {
      String key = m.group(1);
      return startForm(() -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().list().stream().findFirst())
          .map(form -> new Write(form, variables(body, "variables"), List.of()));
    }
    if (method.equals("POST") && (m = START_BY_ID.matcher(path)).matches() && !m.group(1).equals("key")) {
      String id = m.group(1);
      return startForm(() -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id)
          .list().stream().findFirst())
          .map(form -> new Write(form, variables(body, "variables"), List.of()));
    }
    if (method.equals("POST") && (m = EXTERNAL_COMPLETE.matcher(path)).matches()) {
      String id = m.group(1);
      Optional<FormFields> form = asSystem.call(() -> Optional.ofNullable(engine.getExternalTaskService()
              .createExternalTaskQuery().externalTaskId(id).singleResult()))
          .map(ExternalTask::getTopicName).map(externalTaskForms::get).map(this::classpathForm);
      if (form.isEmpty()) {
        return Optional.empty();
      }
      Map<String, JsonNode> values = new LinkedHashMap<>(variables(body, "variables"));
      values.putAll(variables(body, "localVariables"));
      return Optional.of(new Write(form.get(), values, List.of()));
    }
    return Optional.empty();
  }

  private Optional<FormFields> taskForm(String taskId) {
    return asSystem.call(() -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null || task.getCamundaFormRef() == null) {
        return Optional.empty();
      }
      InputStream deployed;
      try {
        deployed = engine.getFormService().getDeployedTaskForm(taskId);
      } catch (RuntimeException raced) {
        // Completed, reassigned or cancelled between the two reads (the engine then fails on the missing execution):
        // nothing to guard; the completion itself answers that the task is gone.
        if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
          return Optional.empty();
        }
        throw raced;
      }
      return Optional.of(fields(task.getCamundaFormRef().getKey(), deployed));
    });
  }

  private Optional<FormFields> startForm(java.util.function.Supplier<Optional<ProcessDefinition>> definition) {
    return asSystem.call(() -> definition.get().flatMap(d -> {
      var ref = engine.getFormService().getStartFormData(d.getId()).getCamundaFormRef();
      return ref == null ? Optional.empty()
          : Optional.of(fields(ref.getKey(), engine.getFormService().getDeployedStartForm(d.getId())));
    }));
  }

  private FormFields classpathForm(String formId) {
    return classpathForms.computeIfAbsent(formId, id -> {
      try (InputStream in = new ClassPathResource("forms/" + id + ".form").getInputStream()) {
        return fields(id, in);
      } catch (IOException e) {
        throw new IllegalStateException("Form " + id + " (configured for an external-task topic) is missing", e);
      }
    });
  }

  static FormFields fields(String formId, InputStream schema) {
    try (InputStream in = schema) {
      Map<String, Field> fields = new LinkedHashMap<>();
      Set<String> disabled = new LinkedHashSet<>();
      collectFields(JSON.readTree(in).path("components"), fields, disabled);
      return new FormFields(formId, Map.copyOf(fields), Set.copyOf(disabled));
    } catch (IOException e) {
      throw new IllegalStateException("Form " + formId + " cannot be read", e);
    }
  }

  private static void collectFields(JsonNode components, Map<String, Field> fields, Set<String> disabled) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        if (component.path("disabled").asBoolean(false)) {
          disabled.add(key);
        } else {
          List<String> options = new ArrayList<>();
          component.path("values").forEach(v -> options.add(v.path("value").asText()));
          fields.put(key, new Field(component.path("type").asText(), List.copyOf(options),
              component.path("subtype").asText("")));
        }
      }
      collectFields(component.path("components"), fields, disabled);
    }
  }

  private static Map<String, JsonNode> variables(byte[] body, String property) {
    return objectFields(json(body).path(property), property);
  }

  private static Map<String, JsonNode> objectFields(JsonNode node, String property) {
    if (node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new Refused(property, "'" + property + "' must be a JSON object of variables: {\"name\": {\"value\": …}}");
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      throw new Refused(null, "The request body is not valid JSON");
    }
  }

  static Optional<Refused> check(Write write) {
    Set<String> allowed = write.form().keys();
    List<String> names = new ArrayList<>(write.values().keySet());
    names.addAll(write.deletions());
    for (String name : names) {
      if (write.form().disabled().contains(name)) {
        return Optional.of(new Refused(name, "'" + name + "' is shown read-only in form '" + write.form().id()
            + "' (Tasklist never submits it); a completion may not set it"));
      }
      if (!allowed.contains(name)) {
        return Optional.of(new Refused(name, "'" + name + "' is not a field of form '" + write.form().id()
            + "'; a completion may set only the form's fields: " + String.join(", ", allowed)));
      }
    }
    for (Map.Entry<String, JsonNode> variable : write.values().entrySet()) {
      String name = variable.getKey();
      Optional<Refused> refused = problem(variable.getValue())
          .map(p -> new Refused(name, "Field '" + name + "': " + p));
      if (refused.isEmpty()) {
        refused = shape(name, write.form().fields().get(name), variable.getValue());
      }
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with a value for this component, if anything: the shape Tasklist submits for it (see the class
   * comment). An item of a list is named with its index ({@code affectedDomains[1]}).
   */
  static Optional<Refused> shape(String name, Field field, JsonNode typed) {
    JsonNode value = typed.path("value");
    if (field == null || value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    String type = typed.path("type").isTextual() ? typed.get("type").asText().toLowerCase(Locale.ROOT) : "";
    boolean text = value.isTextual() && List.of("", "string", "null").contains(type);
    return switch (field.type()) {
      case "textfield", "textarea" -> text ? Optional.empty()
          : Optional.of(invalid(name, "expected text, " + given(value, type) + " given"));
      case "number" -> (value.isNumber() && !List.of("json", "boolean", "date").contains(type))
          || (value.isTextual() && !List.of("json", "boolean", "date").contains(type)
              && (value.asText().isBlank() || isNumber(value.asText())))
          ? Optional.empty()
          : Optional.of(invalid(name, "expected a number, " + given(value, type) + " given"));
      case "checkbox" -> (value.isBoolean() && List.of("", "boolean").contains(type))
          || ((text || type.equals("boolean")) && List.of("true", "false").contains(value.asText()))
          ? Optional.empty()
          : Optional.of(invalid(name, "expected true or false, " + given(value, type) + " given"));
      case "radio", "select" -> {
        if (!text && !(value.isNumber() && type.isEmpty())) {
          yield Optional.of(invalid(name, "expected one of the options" + listed(field) + ", " + given(value, type)
              + " given"));
        }
        yield value.asText().isEmpty() || field.options().isEmpty() || field.options().contains(value.asText())
            ? Optional.empty()
            : Optional.of(invalid(name, "'" + abbreviated(value) + "' is not one of the options" + listed(field)));
      }
      case "checklist", "taglist" -> list(name, field, value, type);
      case "datetime" -> {
        if (!(value.isTextual() && List.of("", "string", "null", "date").contains(type))) {
          yield Optional.of(invalid(name, "expected a date such as 2026-12-01, " + given(value, type)
              + " given"));
        }
        yield field.subtype().equals("time") || value.asText().isBlank() || isDate(value.asText())
            ? Optional.empty()
            : Optional.of(invalid(name, "'" + abbreviated(value) + "' is not a date; write it as 2026-12-01"));
      }
      default -> Optional.empty();
    };
  }

  private static Optional<Refused> list(String name, Field field, JsonNode value, String type) {
    JsonNode list = value;
    if (type.equals("json") && value.isTextual()) {
      try {
        list = JSON.readTree(value.asText());
      } catch (IOException e) {
        list = null;
      }
    }
    if (!type.equals("json") || list == null || !list.isArray()) {
      return Optional.of(invalid(name, "expected a list of the options" + listed(field) + " (type Json), "
          + given(value, type) + " given"));
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isTextual()) {
        return Optional.of(invalid(name + "[" + i + "]", "expected one of the options" + listed(field) + ", "
            + item + " given"));
      }
      if (!field.options().isEmpty() && !field.options().contains(item.asText())) {
        return Optional.of(invalid(name + "[" + i + "]", "'" + abbreviated(item) + "' is not one of the options"
            + listed(field)));
      }
    }
    return Optional.empty();
  }

  private static Refused invalid(String field, String detail) {
    return new Refused(field, "Field '" + field + "': " + detail);
  }

  private static String listed(Field field) {
    return field.options().isEmpty() ? "" : " (" + String.join(", ", field.options()) + ")";
  }

  private static String given(JsonNode value, String type) {
    String kind = !type.isEmpty() && !type.equals("null") ? "type " + type
        : value.isTextual() ? "text" : value.isBoolean() ? "a boolean" : value.isNumber() ? "a number"
        : value.isArray() ? "a list" : "an object";
    return kind + " '" + abbreviated(value) + "'";
  }

  private static boolean isDate(String text) {
    try {
      java.time.LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** What is wrong with one typed value {@code {"value": …, "type": …}}, if anything. */
  static Optional<String> problem(JsonNode typed) {
    if (!typed.isObject()) {
      return Optional.of("send {\"value\": …, \"type\": …}");
    }
    JsonNode value = typed.path("value");
    String type = typed.path("type").isTextual() ? typed.get("type").asText().toLowerCase(Locale.ROOT) : null;
    if (type != null && !TYPES.contains(type)) {
      return Optional.of("type '" + typed.get("type").asText() + "' is not accepted in a form; allowed: String, "
          + "Boolean, Integer, Long, Short, Double, Date, Json, Null");
    }
    JsonNode valueInfo = typed.path("valueInfo");
    if (valueInfo.has("objectTypeName") || valueInfo.has("serializationDataFormat")) {
      return Optional.of("serialized objects are not accepted in a form (valueInfo names a type or format)");
    }
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (type == null || type.equals("null")) {
      if (value.isContainerNode()) {
        return Optional.of("lists and objects are sent with type Json");
      }
      return text(value);
    }
    return switch (type) {
      case "string", "date" -> value.isTextual() ? text(value) : Optional.of("expected text (a JSON string)");
      case "boolean" -> value.isBoolean() || (value.isTextual() && List.of("true", "false").contains(value.asText()))
          ? Optional.empty() : Optional.of("expected true or false, '" + abbreviated(value) + "' given");
      case "integer", "long", "short" -> value.isIntegralNumber() || (value.isTextual()
          && value.asText().strip().matches("-?[0-9]{1,18}")) ? Optional.empty()
          : Optional.of("expected a whole number, '" + abbreviated(value) + "' given");
      case "double" -> value.isNumber() || (value.isTextual() && isNumber(value.asText())) ? Optional.empty()
          : Optional.of("expected a number, '" + abbreviated(value) + "' given");
      case "json" -> (value.isTextual() ? value.asText().length() : value.toString().length()) > MAX_JSON
          ? Optional.of("at most " + MAX_JSON + " characters of JSON") : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<String> text(JsonNode value) {
    if (value.isTextual() && value.asText().length() > MAX_TEXT) {
      return Optional.of("at most " + MAX_TEXT + " characters, " + value.asText().length() + " given");
    }
    return Optional.empty();
  }

  private static boolean isNumber(String text) {
    try {
      double d = Double.parseDouble(text.strip());
      return Double.isFinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String abbreviated(JsonNode value) {
    String text = value.isTextual() ? value.asText() : value.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static void refuse(HttpServletResponse response, String field, String detail) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", ClientErrors.INVALID_INPUT.toString());
    body.put("title", "Invalid input");
    body.put("status", HttpStatus.BAD_REQUEST.value());
    body.put("detail", ClientErrors.abbreviate(detail));
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", ClientErrors.abbreviate(detail));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** A refusal with the field to blame. */
  static final class Refused extends RuntimeException {
    final String field;

    Refused(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
