package com.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rules for models (CONVENTIONS.md, CAMUNDA-NOTES.md) as a checker: given a .bpmn, .dmn or .form file,
 * it returns every violation it finds, each naming file, rule, element id and what is wrong. Spring beans behind
 * expressions are checked by {@code ModelBeansTest} (needs the context); {@link #beanReferences} collects them.
 */
final class ModelConventions {

  static final String EXECUTION_PLATFORM = "Camunda Platform";
  static final String EXECUTION_PLATFORM_VERSION = "7.24.0";
  /** form-js schema versions Tasklist 7.24 (form-js 1.8.7) can render. */
  static final int MAX_FORM_SCHEMA_VERSION = 16;

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
  static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final Set<String> DI_NAMESPACES = Set.of(
      "http://www.omg.org/spec/BPMN/20100524/DI",
      "http://www.omg.org/spec/DD/20100524/DI",
      DMNDI_NS,
      "http://www.omg.org/spec/DMN/20180521/DI/");

  /** Camunda/bpmn-js Modeler ids: {@code Activity_0x3f1ab}, {@code DecisionRule_1ab2c3d} (7 base-36 chars, a digit among them). */
  private static final Pattern MODELER_RANDOM_ID = Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$");
  /** Numbered ids of older modelers and examples: {@code SequenceFlow_1}, {@code Task_12}. */
  private static final Pattern NUMBERED_ID = Pattern.compile("^[A-Za-z]+_\\d+$");
  /** Signavio / UUID ids: {@code sid-1F2E...}, {@code 3fa85f64-5717-...}. */
  private static final Pattern UUID_ID =
      Pattern.compile("(?i)^(sid-|id-|id_)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}");

  private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  private static final Pattern ELEMENT_ID = Pattern.compile("^[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*$");
  private static final Pattern LOWER_CAMEL = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
  private static final Pattern LOWER_CAMEL_PATH = Pattern.compile("^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*$");
  private static final Pattern LEADING_IDENTIFIER = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*([.(}])");

  /** Form fields that take input; inside a dynamic list Tasklist 7.24 cannot submit them (CAMUNDA-NOTES). */
  private static final Set<String> INPUT_COMPONENTS = Set.of(
      "textfield", "textarea", "number", "datetime", "checkbox", "radio", "select", "checklist", "taglist");
  /** Names an expression may start with that are engine context objects, not Spring beans. */
  private static final Set<String> ENGINE_CONTEXT_NAMES = Set.of(
      "execution", "task", "externalTask", "authenticatedUserId", "dateTime", "variableScope");

  private static final ObjectMapper JSON = new ObjectMapper();

  record Violation(Path file, String rule, String elementId, String message) {
    @Override
    public String toString() {
      return file + ": [" + rule + "] " + elementId + ": " + message;
    }
  }

  /** A Spring bean an expression names: {@code camunda:delegateExpression="${reviewCodeDelegate}"}. */
  record BeanReference(Path file, String elementId, String attribute, String beanName) {
    @Override
    public String toString() {
      return file + ": " + elementId + " " + attribute + " names bean '" + beanName + "'";
    }
  }

  private final Set<String> formIds;

  /** @param formIds the ids of the forms that are deployed alongside the models (what a formRef may name) */
  ModelConventions(Collection<String> formIds) {
    this.formIds = Set.copyOf(formIds);
  }

  static ModelConventions withFormsIn(Path... formDirectories) {
    Set<String> ids = new TreeSet<>();
    for (Path directory : formDirectories) {
      for (Path form : filesIn(directory, ".form")) {
        try {
          JsonNode id = JSON.readTree(form.toFile()).get("id");
          if (id != null && id.isTextual()) {
            ids.add(id.asText());
          }
        } catch (IOException unreadable) {
          // reported as form-invalid when the form itself is checked
        }
      }
    }
    return new ModelConventions(ids);
  }

  /** Every file with one of the suffixes under the directory (recursively, sorted); none if it does not exist. */
  static List<Path> filesIn(Path directory, String... suffixes) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isGeneratedId(String id) {
    return MODELER_RANDOM_ID.matcher(id).matches() || NUMBERED_ID.matcher(id).matches() || UUID_ID.matcher(id).find();
  }

  List<Violation> check(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".bpmn")) {
      return checkBpmn(file);
    }
    if (name.endsWith(".dmn")) {
      return checkDmn(file);
    }
    if (name.endsWith(".form")) {
      return checkForm(file);
    }
    throw new IllegalArgumentException("not a model or form: " + file);
  }

  // ---------------------------------------------------------------------------------------------- BPMN

  private List<Violation> checkBpmn(Path file) {
    Found found = new Found(file);
    String expectedId = baseName(file);
    checkFileName(found, expectedId);

    BpmnModelInstance model;
    Document dom;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
      dom = parseXml(file);
    } catch (Exception unreadable) {
      found.add("model-invalid", expectedId, "Camunda's model API cannot read it: " + unreadable.getMessage());
      return found.violations;
    }

    checkExecutionPlatform(found, dom.getDocumentElement());
    Set<String> generated = checkGeneratedIds(found, dom);

    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.stream().noneMatch(process -> process.isExecutable() && expectedId.equals(process.getId()))) {
      found.add("process-id-file-name", expectedId,
          "no executable process with id '" + expectedId + "' (the file name); found "
              + processes.stream().map(Process::getId).toList());
    }
    for (Process process : processes) {
      if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
        found.add("history-ttl", process.getId(), "executable process without camunda:historyTimeToLive");
      }
    }

    List<BaseElement> named = new ArrayList<>(model.getModelElementsByType(FlowElement.class));
    named.addAll(model.getModelElementsByType(Message.class));
    named.addAll(model.getModelElementsByType(Error.class));
    named.addAll(model.getModelElementsByType(Signal.class));
    named.addAll(model.getModelElementsByType(Escalation.class));
    for (BaseElement element : named) {
      String id = element.getId();
      if (id != null && !generated.contains(id) && !ELEMENT_ID.matcher(id).matches()) {
        found.add("element-id-style", id, "id is not <Type>_<BusinessName> (e.g. Task_ReviewCode)");
      }
    }

    checkBpmnDi(found, model);
    checkForms(found, model);
    checkNoJavaClasses(found, dom);
    checkGateways(found, model);
    return found.violations;
  }

  private static void checkBpmnDi(Found found, BpmnModelInstance model) {
    if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      found.add("di-missing", baseName(found.file), "no bpmndi:BPMNDiagram: Modeler and Cockpit cannot draw it");
      return;
    }
    Set<String> shapes = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        shapes.add(shape.getBpmnElement().getId());
      }
    }
    Set<String> edges = new HashSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        edges.add(edge.getBpmnElement().getId());
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        found.add("di-shape-missing", node.getId(), "flow node has no BPMNShape");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        found.add("di-edge-missing", flow.getId(), "sequence flow has no BPMNEdge");
      }
    }
  }

  private void checkForms(Found found, BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkForm(found, task.getId(), task.getCamundaFormRef(), task.getCamundaFormKey());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkForm(found, start.getId(), start.getCamundaFormRef(), start.getCamundaFormKey());
    }
  }

  private void checkForm(Found found, String elementId, String formRef, String formKey) {
    if (!isBlank(formKey)) {
      found.add("form-key-used", elementId,
          "camunda:formKey '" + formKey + "' breaks between target/classes and the jar: use camunda:formRef");
    }
    if (!isBlank(formRef) && !formIds.contains(formRef)) {
      found.add("form-ref-unresolved", elementId, "camunda:formRef '" + formRef + "' names no form in forms/");
    }
  }

  private static void checkNoJavaClasses(Found found, Document dom) {
    for (Element element : allElements(dom)) {
      boolean camundaListener = CAMUNDA_BPMN_NS.equals(element.getNamespaceURI());
      String javaClass = element.getAttributeNS(CAMUNDA_BPMN_NS, "class");
      if (javaClass.isEmpty() && camundaListener) {
        javaClass = element.getAttribute("class");
      }
      if (!javaClass.isEmpty()) {
        found.add("java-class-used", owningId(element),
            "camunda:class '" + javaClass + "': wire a Spring bean with camunda:delegateExpression instead");
      }
    }
  }

  private static void checkGateways(Found found, BpmnModelInstance model) {
    for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
      if (gateway.getOutgoing().size() < 2) {
        continue;
      }
      SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway exclusive ? exclusive.getDefault()
          : gateway instanceof InclusiveGateway inclusive ? inclusive.getDefault()
          : null;
      boolean decides = gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway;
      if (!decides) {
        continue;
      }
      if (defaultFlow == null) {
        found.add("gateway-default-missing", gateway.getId(), "diverging gateway without a default flow");
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        if (isBlank(flow.getName())) {
          found.add("gateway-flow-unnamed", flow.getId(),
              "flow leaving diverging gateway " + gateway.getId() + " has no name (name the outcome)");
        }
      }
    }
  }

  /** Beans named by delegateExpression / expression attributes (tasks and camunda listeners) in one BPMN file. */
  static List<BeanReference> beanReferences(Path bpmnFile) {
    Document dom;
    try {
      dom = parseXml(bpmnFile);
    } catch (Exception unreadable) {
      throw new IllegalStateException("cannot read " + bpmnFile, unreadable);
    }
    List<BeanReference> references = new ArrayList<>();
    for (Element element : allElements(dom)) {
      boolean camundaElement = CAMUNDA_BPMN_NS.equals(element.getNamespaceURI());
      for (String attribute : List.of("delegateExpression", "expression")) {
        String expression = element.getAttributeNS(CAMUNDA_BPMN_NS, attribute);
        if (expression.isEmpty() && camundaElement) {
          expression = element.getAttribute(attribute);
        }
        Matcher leading = LEADING_IDENTIFIER.matcher(expression);
        if (!leading.find()) {
          continue;
        }
        String name = leading.group(1);
        // ${bean} as a delegate is a bean; in a plain expression only ${bean.method(..)} is (${flag} is a variable).
        boolean namesBean = attribute.equals("delegateExpression") || leading.group(2).equals(".");
        if (namesBean && !ENGINE_CONTEXT_NAMES.contains(name)) {
          references.add(new BeanReference(bpmnFile, owningId(element),
              (camundaElement ? element.getLocalName() + "@" : "camunda:") + attribute, name));
        }
      }
    }
    return references;
  }

  // ---------------------------------------------------------------------------------------------- DMN

  private List<Violation> checkDmn(Path file) {
    Found found = new Found(file);
    String expectedId = baseName(file);
    checkFileName(found, expectedId);

    Document dom;
    try (InputStream in = Files.newInputStream(file)) {
      Dmn.readModelFromStream(in);
      dom = parseXml(file);
    } catch (Exception unreadable) {
      found.add("model-invalid", expectedId, "Camunda's model API cannot read it: " + unreadable.getMessage());
      return found.violations;
    }
    Element definitions = dom.getDocumentElement();
    checkExecutionPlatform(found, definitions);
    checkGeneratedIds(found, dom);

    List<Element> decisions = children(definitions, DMN_NS, "decision");
    if (decisions.stream().noneMatch(decision -> expectedId.equals(decision.getAttribute("id")))) {
      found.add("decision-id-file-name", expectedId, "no decision with id '" + expectedId + "' (the file name); found "
          + decisions.stream().map(decision -> decision.getAttribute("id")).toList());
    }
    for (Element decision : decisions) {
      if (decision.getAttributeNS(CAMUNDA_DMN_NS, "historyTimeToLive").isBlank()) {
        found.add("history-ttl", decision.getAttribute("id"), "decision without camunda:historyTimeToLive");
      }
    }

    List<Element> diagrams = descendants(definitions, DMNDI_NS, "DMNDiagram");
    if (diagrams.isEmpty()) {
      found.add("di-missing", expectedId, "no dmndi:DMNDiagram: Modeler cannot draw the DRD");
    } else {
      Set<String> shapes = new HashSet<>();
      for (Element shape : descendants(definitions, DMNDI_NS, "DMNShape")) {
        shapes.add(shape.getAttribute("dmnElementRef"));
      }
      for (Element decision : decisions) {
        if (!shapes.contains(decision.getAttribute("id"))) {
          found.add("di-shape-missing", decision.getAttribute("id"), "decision has no DMNShape");
        }
      }
    }

    for (Element input : descendants(definitions, DMN_NS, "input")) {
      requirePrefix(found, input, "input_", "input-clause-id", "input clause");
    }
    for (Element output : descendants(definitions, DMN_NS, "output")) {
      requirePrefix(found, output, "output_", "output-clause-id", "output clause");
    }
    for (Element rule : descendants(definitions, DMN_NS, "rule")) {
      requirePrefix(found, rule, "rule_", "rule-id", "rule");
      List<Element> descriptions = children(rule, DMN_NS, "description");
      if (descriptions.isEmpty() || descriptions.get(0).getTextContent().isBlank()) {
        found.add("rule-description-missing", rule.getAttribute("id"),
            "rule without a <description> saying why it exists");
      }
    }
    return found.violations;
  }

  private static void requirePrefix(Found found, Element element, String prefix, String rule, String what) {
    String id = element.getAttribute("id");
    if (!id.startsWith(prefix) || id.length() == prefix.length()) {
      found.add(rule, id.isEmpty() ? "(no id)" : id, what + " id must be " + prefix + "<name>");
    }
  }

  // ---------------------------------------------------------------------------------------------- forms

  private List<Violation> checkForm(Path file) {
    Found found = new Found(file);
    String expectedId = baseName(file);
    checkFileName(found, expectedId);
    JsonNode form;
    try {
      form = JSON.readTree(file.toFile());
    } catch (IOException unreadable) {
      found.add("form-invalid", expectedId, "not valid JSON: " + unreadable.getMessage());
      return found.violations;
    }
    if (form == null || !form.isObject()) {
      found.add("form-invalid", expectedId, "not a form-js JSON object");
      return found.violations;
    }
    String id = form.path("id").asText("");
    if (!expectedId.equals(id)) {
      found.add("form-id-file-name", id.isEmpty() ? "(no id)" : id, "form id must equal the file name '" + expectedId + "'");
    }
    String platform = form.path("executionPlatform").asText("");
    String version = form.path("executionPlatformVersion").asText("");
    if (!EXECUTION_PLATFORM.equals(platform) || !EXECUTION_PLATFORM_VERSION.equals(version)) {
      found.add("execution-platform", id, "executionPlatform/executionPlatformVersion must be '"
          + EXECUTION_PLATFORM + "' / '" + EXECUTION_PLATFORM_VERSION + "', is '" + platform + "' / '" + version + "'");
    }
    JsonNode schemaVersion = form.get("schemaVersion");
    if (schemaVersion == null || !schemaVersion.canConvertToInt() || schemaVersion.asInt() > MAX_FORM_SCHEMA_VERSION) {
      found.add("schema-version", id, "schemaVersion must be at most " + MAX_FORM_SCHEMA_VERSION
          + " (form-js 1.8.7 in Tasklist 7.24), is " + schemaVersion);
    }
    checkComponents(found, form.path("components"), false);
    return found.violations;
  }

  private static void checkComponents(Found found, JsonNode components, boolean insideDynamicList) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String id = component.path("id").asText("(no id)");
      String key = component.path("key").asText("");
      String path = component.path("path").asText("");
      if (!key.isEmpty() && !LOWER_CAMEL.matcher(key).matches()) {
        found.add("field-key-style", id, "key '" + key + "' is not a lowerCamelCase variable name");
      }
      if (!path.isEmpty() && !LOWER_CAMEL_PATH.matcher(path).matches()) {
        found.add("field-key-style", id, "path '" + path + "' is not a lowerCamelCase variable name");
      }
      boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      if (insideDynamicList && INPUT_COMPONENTS.contains(type) && !readOnly) {
        found.add("dynamiclist-input", id, type + " inside a dynamic list: Tasklist 7.24 cannot submit the form once "
            + "it is edited; make it readonly or use a textarea / the API");
      }
      checkComponents(found, component.path("components"), insideDynamicList || "dynamiclist".equals(type));
    }
  }

  // ---------------------------------------------------------------------------------------------- shared

  private static void checkFileName(Found found, String baseName) {
    if (!KEBAB_CASE.matcher(baseName).matches()) {
      found.add("file-name-style", baseName, "file name must be kebab-case (it is the process/decision/form id)");
    }
  }

  private static void checkExecutionPlatform(Found found, Element definitions) {
    String platform = definitions.getAttributeNS(MODELER_NS, "executionPlatform");
    String version = definitions.getAttributeNS(MODELER_NS, "executionPlatformVersion");
    if (!EXECUTION_PLATFORM.equals(platform) || !EXECUTION_PLATFORM_VERSION.equals(version)) {
      found.add("execution-platform", definitions.getAttribute("id"),
          "definitions need modeler:executionPlatform='" + EXECUTION_PLATFORM + "' and modeler:executionPlatformVersion='"
              + EXECUTION_PLATFORM_VERSION + "', have '" + platform + "' / '" + version + "'");
    }
  }

  /** Reports generated ids anywhere in the document; DI may keep Modeler's numbered {@code BPMNDiagram_1}. */
  private static Set<String> checkGeneratedIds(Found found, Document dom) {
    Set<String> generated = new HashSet<>();
    for (Element element : allElements(dom)) {
      String id = element.getAttribute("id");
      if (id.isEmpty()) {
        continue;
      }
      boolean diagram = DI_NAMESPACES.contains(element.getNamespaceURI());
      boolean isGenerated = diagram
          ? MODELER_RANDOM_ID.matcher(id).matches() || UUID_ID.matcher(id).find()
          : isGeneratedId(id);
      if (isGenerated) {
        generated.add(id);
        found.add("generated-id", id, "generated id on <" + element.getLocalName() + ">: name it after the business meaning");
      }
    }
    return generated;
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static List<Element> allElements(Document dom) {
    return nodes(dom.getElementsByTagNameNS("*", "*"));
  }

  private static List<Element> descendants(Element root, String namespace, String localName) {
    return nodes(root.getElementsByTagNameNS(namespace, localName));
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    return descendants(parent, namespace, localName).stream().filter(child -> child.getParentNode() == parent).toList();
  }

  private static List<Element> nodes(NodeList list) {
    List<Element> elements = new ArrayList<>(list.getLength());
    for (int i = 0; i < list.getLength(); i++) {
      elements.add((Element) list.item(i));
    }
    return elements;
  }

  /** The id of the element or of its nearest ancestor with one (listeners sit inside extensionElements). */
  private static String owningId(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element current; node = node.getParentNode()) {
      if (current.hasAttribute("id")) {
        return current.getAttribute("id");
      }
    }
    return "(no id)";
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static final class Found {
    final Path file;
    final List<Violation> violations = new ArrayList<>();

    Found(Path file) {
      this.file = file;
    }

    void add(String rule, String elementId, String message) {
      violations.add(new Violation(file, rule, elementId, message));
    }
  }
}
