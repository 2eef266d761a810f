package com.orchestration.intake;

import com.orchestration.capacity.Forecast;
import com.orchestration.capacity.ForecastService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.platform.PolicyDecisions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission (SPEC §4.3). The load is the 3-day forecast's planned hours of the whole system, plus the estimates of
 * instructions already admitted but not yet turned into tasks, plus this instruction's estimate, over the system's
 * capacity in those days. DMN {@code admission-control} decides admit / arbitrate / queue; for a critical
 * instruction over the threshold DMN {@code priority-arbitration} compares it with the instruction it competes
 * with (the oldest other open critical one, else the newest admitted one) and only "EM decides" makes an EM task.
 * Every decision is recorded with its reason.
 */
@Service
public class AdmissionService {

  static final String ADMISSION_DECISION = "admission-control";
  static final String ARBITRATION_DECISION = "priority-arbitration";

  private static final List<InstructionState> COMPETING = List.of(InstructionState.ARBITRATION,
      InstructionState.QUEUED, InstructionState.PLANNING, InstructionState.RISK_REVIEW, InstructionState.EXECUTING,
      InstructionState.VALIDATION, InstructionState.GO_NO_GO);

  private final InstructionRepository repository;
  private final InstructionService instructions;
  private final ForecastService forecasts;
  private final PolicyDecisions policies;

  AdmissionService(InstructionRepository repository, InstructionService instructions, ForecastService forecasts,
      PolicyDecisions policies) {
    this.repository = repository;
    this.instructions = instructions;
    this.forecasts = forecasts;
    this.policies = policies;
  }

  /** admit | arbitrate | queue, with what the process shows the EM. */
  public record Admission(String outcome, double utilisation, String reason, String competingKey,
      String arbitrationReason) {}

  @Transactional
  public Admission check(String key) {
    Instruction instruction = instructions.get(key);
    double utilisation = utilisationWith(instruction);
    PolicyDecisions.Policy admission = policies.evaluate(ADMISSION_DECISION, Map.of(
        "systemUtilisationWithInstruction", utilisation, "priority", instruction.priority().jsonName()));
    String outcome = (String) admission.value("admission");
    String reason = String.format(Locale.ROOT, "load with this instruction %.0f%%: %s", utilisation * 100,
        admission.value("reason")) + RecordedRules.format(admission.firedRules());
    instructions.record(key, "admission", null, outcome, reason, "system");
    if (!"arbitrate".equals(outcome)) {
      return finish(instruction, new Admission(outcome, utilisation, reason, null, null));
    }
    Optional<Instruction> competitor = competitor(instruction);
    if (competitor.isEmpty()) {
      String why = "no other open instruction competes for the capacity; the critical instruction goes ahead";
      instructions.record(key, "arbitration", null, "A_FIRST", why, "system");
      return finish(instruction, new Admission("admit", utilisation, reason, null, why));
    }
    Instruction other = competitor.get();
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("priorityA", instruction.priority().jsonName());
    inputs.put("priorityB", other.priority().jsonName());
    inputs.put("customerCommitmentA", instruction.customerCommitment());
    inputs.put("customerCommitmentB", other.customerCommitment());
    inputs.put("capacityAllowsBoth", utilisation < 1.0);
    inputs.put("submittedFirst", instruction.createdAt().isBefore(other.createdAt())
        || instruction.createdAt().equals(other.createdAt()) && instruction.key().compareTo(other.key()) < 0
        ? "A" : "B");
    PolicyDecisions.Policy arbitration = policies.evaluate(ARBITRATION_DECISION, inputs);
    String decision = (String) arbitration.value("decision");
    String why = instruction.key() + " (A) against " + other.key() + " (B): " + arbitration.value("reason")
        + RecordedRules.format(arbitration.firedRules());
    instructions.record(key, "arbitration", other.key(), decision, why, "system");
    String result = switch (decision) {
      case "A_FIRST", "PARALLEL" -> "admit";
      case "B_FIRST" -> "queue";
      default -> "arbitrate";
    };
    return finish(instruction, new Admission(result, utilisation, reason, other.key(), why));
  }

  /** The EM's decision on an instruction in arbitration: start now or wait in the queue. */
  @Transactional
  public void decideByHand(String key, boolean start, String rationale, String actor) {
    instructions.record(key, "arbitration", null, start ? "EM_START" : "EM_WAIT", rationale, actor);
    instructions.moveTo(key, start ? InstructionState.PLANNING : InstructionState.QUEUED);
  }

  /** Queued instructions in the order they are re-checked: priority, then first in, first out. */
  public List<Instruction> queue() {
    return repository.inStates(List.of(InstructionState.QUEUED)).stream()
        .sorted(java.util.Comparator.comparing(Instruction::priority).thenComparing(Instruction::createdAt)
            .thenComparing(Instruction::key))
        .toList();
  }

  double utilisationWith(Instruction instruction) {
    Forecast forecast = forecasts.forecast();
    double capacity = forecast.system().stream().mapToDouble(Forecast.DayLoad::capacityHours).sum();
    double planned = forecast.system().stream().mapToDouble(Forecast.DayLoad::plannedHours).sum();
    double load = planned + repository.pipelineHours(instruction.key()) + instruction.estimateHours();
    return capacity <= 0 ? Double.MAX_VALUE : load / capacity;
  }

  private Optional<Instruction> competitor(Instruction instruction) {
    List<Instruction> open = repository.inStates(COMPETING).stream()
        .filter(i -> !i.key().equals(instruction.key())).toList();
    Optional<Instruction> critical = open.stream().filter(i -> i.priority() == Priority.CRITICAL).findFirst();
    if (critical.isPresent()) {
      return critical;
    }
    return open.stream().filter(i -> i.state() != InstructionState.QUEUED)
        .max(java.util.Comparator.comparing(Instruction::createdAt));
  }

  private Admission finish(Instruction instruction, Admission admission) {
    InstructionState next = switch (admission.outcome()) {
      case "admit" -> InstructionState.PLANNING;
      case "arbitrate" -> InstructionState.ARBITRATION;
      default -> InstructionState.QUEUED;
    };
    if (instruction.state() != next) {
      instructions.moveTo(instruction.key(), next);
    }
    return admission;
  }
}
