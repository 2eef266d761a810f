package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake (SPEC §4.1–4.2): checks the fields, classifies the tier (DMN tier-classification), gives the instruction
 * its business key {@code INS-YYYYMMDD-NNN}, stores it with the classification as its first decision and starts the
 * {@code instruction} process. The start form path (Tasklist) registers from the process's first step instead.
 */
@Service
public class IntakeService {

  /** A tier-4 instruction runs 1–4 weeks (SPEC §4.2); twice that bounds a typing error. */
  static final double MAX_INSTRUCTION_ESTIMATE_HOURS = 2000;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final InstructionRepository repository;
  private final TierClassifier classifier;
  private final IntakeProperties properties;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  IntakeService(InstructionRepository repository, TierClassifier classifier, IntakeProperties properties,
      RuntimeService runtime, AsSystem asSystem) {
    this.repository = repository;
    this.classifier = classifier;
    this.properties = properties;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /** {@code POST /api/instructions}: registers and starts the process; all or nothing. */
  @Transactional
  public Instruction submit(IntakeRequest request, String actor) {
    Instruction instruction = register(request, actor);
    ProcessInstance instance = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, instruction.key(),
        Map.of(INSTRUCTION_KEY, instruction.key())));
    repository.linkProcessInstance(instruction.key(), instance.getId());
    return repository.find(instruction.key()).orElseThrow();
  }

  /** Checks, classifies and stores an instruction (state RECEIVED); records the classification. */
  @Transactional
  public Instruction register(IntakeRequest request, String actor) {
    String title = request.title() == null ? null : request.title().strip();
    if (title == null || title.isEmpty()) {
      throw new InvalidInputException(TITLE, "The title is required (what should be done, at most 200 characters)");
    }
    if (title.length() > 200) {
      throw new InvalidInputException(TITLE, "The title is limited to 200 characters (" + title.length() + " given)");
    }
    if (request.description() != null && request.description().length() > 10_000) {
      throw new InvalidInputException(DESCRIPTION, "The description is limited to 10000 characters ("
          + request.description().length() + " given)");
    }
    String priorityText = request.priority() == null || request.priority().isBlank() ? "normal"
        : request.priority().strip();
    Priority priority = Priority.fromJson(priorityText).orElseThrow(() -> new InvalidInputException(PRIORITY,
        "Unknown priority '" + priorityText + "'; allowed: " + String.join(", ", Priority.jsonNames())));
    Instant deadline = deadline(request.deadline());
    TierClassifier.Input input = ClassificationController.toInput(new ClassificationRequest(title,
        request.description(), blankToNull(request.workType()), request.affectedDomains(), request.scopeFlags(),
        priorityText));
    TierClassification classification = classifier.classify(input);
    int tier = classification.tier();
    Double estimate = request.estimateHours();
    // Tier 1 becomes one task (at most a day); other tiers give the estimate admission adds to the load.
    double maxEstimate = tier == 1 ? WorkItemService.MAX_TACTICAL_ESTIMATE_HOURS : MAX_INSTRUCTION_ESTIMATE_HOURS;
    if (estimate != null && (!(estimate > 0) || estimate > maxEstimate)) {
      throw new InvalidInputException(ESTIMATE_HOURS, "The estimate of a tier-" + tier + " instruction must be "
          + "more than 0 and at most " + (int) maxEstimate + " hours, " + estimate + " given");
    }
    if (tier == 1 && input.affectedDomains().isEmpty()) {
      throw new InvalidInputException(AFFECTED_DOMAINS, "A tier-1 instruction becomes one task in the domain it "
          + "names; name one of frontend, backend, qa, devops, data, security");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String key = String.format("INS-%s-%03d", DAY.format(day), repository.nextNumber(day));
    List<String> flags = input.scopeFlags().stream().map(ScopeFlag::jsonName).toList();
    Instruction instruction = new Instruction(key, title, blankToNull(request.description()),
        classification.workType(), classification.workTypeInferred(), List.copyOf(input.affectedDomains()), flags,
        priority, deadline, Boolean.TRUE.equals(request.customerCommitment()),
        estimate != null ? estimate : properties.defaultEstimate(tier), tier, tier, classification.confidence(),
        classification.rationale(), InstructionState.RECEIVED, null, null, null, null, null, null, actor, null, now,
        now, 0);
    repository.insert(instruction);
    repository.insertDecision(key, "classification", null, "tier " + tier, classification.rationale()
        + RecordedRules.format(classification.firedRules()), actor, now);
    return instruction;
  }

  /** The start form's variables as a request (lists arrive as JSON lists, primitives untyped). */
  static IntakeRequest fromVariables(Map<String, Object> variables) {
    return new IntakeRequest(text(variables.get(TITLE)), text(variables.get(DESCRIPTION)),
        text(variables.get(WORK_TYPE)), ProcessValues.list(variables.get(AFFECTED_DOMAINS)), ProcessValues.list(variables.get(SCOPE_FLAGS)),
        text(variables.get(PRIORITY)), text(variables.get(DEADLINE)),
        Boolean.TRUE.equals(variables.get(CUSTOMER_COMMITMENT))
            || "true".equalsIgnoreCase(String.valueOf(variables.get(CUSTOMER_COMMITMENT))),
        number(variables.get(ESTIMATE_HOURS)));
  }

  /** Variables every step of the process reads. */
  static Map<String, Object> processVariables(Instruction instruction) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(INSTRUCTION_KEY, instruction.key());
    variables.put(TITLE, instruction.title());
    // Camunda keeps a string variable in 4000 characters; the full description stays on the instruction.
    String description = instruction.description() == null ? "—" : instruction.description();
    variables.put(DESCRIPTION, Texts.abbreviate(description, 4000));
    variables.put(PRIORITY, instruction.priority().jsonName());
    variables.put(TIER, instruction.tier());
    variables.put(TIER_REASON, instruction.tierReason());
    return variables;
  }

  private static Instant deadline(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return value.length() == 10 ? LocalDate.parse(value).atTime(17, 0).toInstant(ZoneOffset.UTC)
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(DEADLINE, "'" + value + "' is not a date; write 2026-12-01 or "
          + "2026-12-01T17:00:00Z");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Double number(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(ESTIMATE_HOURS, "The estimate must be a number of hours, '" + value
          + "' given");
    }
  }

}
