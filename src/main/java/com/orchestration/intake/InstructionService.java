package com.orchestration.intake;

import static com.orchestration.intake.InstructionVariables.*;

import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.ForbiddenException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instruction as a whole (SPEC §4): its state, the log of decisions with their reasons, reading it with its
 * tasks and progress, and cancellation by the TL or EM (every open task CANCELLED, capacity released).
 */
@Service
public class InstructionService {

  private final InstructionRepository repository;
  private final WorkItemService workItems;
  private final LifecycleService lifecycle;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final org.springframework.context.ApplicationEventPublisher events;

  /** An instruction left the admission pipeline (planned, cancelled, rejected): queued ones may now fit. */
  public record PipelineReleased(String instructionKey) {}

  InstructionService(InstructionRepository repository, WorkItemService workItems, LifecycleService lifecycle,
      RuntimeService runtime, AsSystem asSystem, org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  public Instruction get(String key) {
    return repository.find(key).orElseThrow(() -> new NotFoundException("instruction", key));
  }

  public List<Instruction> search(InstructionState state, Integer tier, Priority priority, int limit) {
    return repository.search(state, tier, priority, limit);
  }

  public List<InstructionDecision> decisions(String key) {
    return repository.decisions(key);
  }

  /**
   * The DMN rules (decision key, rule id) that fired when the instruction was classified at intake, leaves of the
   * DRD first; for tier calibration (SPEC §11). Descriptions are in the deployed model.
   */
  public List<FiredRule> classificationRules(String key) {
    return repository.decisions(key).stream().filter(d -> d.kind().equals("classification")).findFirst()
        .map(d -> RecordedRules.parse(d.reason())).orElse(List.of());
  }

  @Transactional
  public void moveTo(String key, InstructionState state) {
    Instruction instruction = get(key);
    if (instruction.state().isTerminal()) {
      throw new ConflictException("Instruction " + key + " is already " + instruction.state());
    }
    repository.updateState(key, state, now());
    if (instruction.state().isAdmittedPipeline() && !state.isAdmittedPipeline()) {
      events.publishEvent(new PipelineReleased(key));
    }
  }

  @Transactional
  public void record(String key, String kind, String subject, String outcome, String reason, String actor) {
    repository.insertDecision(key, kind, subject, outcome, reason == null || reason.isBlank() ? "—" : reason, actor,
        now());
  }

  /** The TL changes the tier while planning (SPEC §4.2); recorded for tier calibration (§11). */
  @Transactional
  public void overrideTier(String key, int tier, String reason, String actor) {
    Instruction instruction = get(key);
    if (tier == instruction.tier()) {
      return;
    }
    repository.updateTier(key, tier, now());
    record(key, "tier-override", null, "tier " + instruction.tier() + " → " + tier, reason, actor);
  }

  @Transactional
  public void recordAnswer(String key, String answer, String actor) {
    repository.updateAnswer(key, answer, now());
    record(key, "answer", null, "answered", answer, actor);
  }

  @Transactional
  public void recordRisk(String key, String outcome, List<String> checkpoints) {
    repository.updateRisk(key, outcome, checkpoints, now());
  }

  @Transactional
  public void recordGoNoGo(String key, String decision, String reason, String actor) {
    repository.updateGoNoGo(key, decision, now());
    record(key, "go-no-go", null, decision, reason, actor);
  }

  /**
   * Completed tactical tasks / tactical tasks that were not cancelled (SPEC §4.7), where a strategic task that is
   * not broken down yet counts as one open task, so rolling-wave planning does not show 100% while strategic tasks
   * wait. 0 when there is nothing yet.
   */
  public static double progress(List<WorkItem> items) {
    List<WorkItem> tactical = items.stream()
        .filter(i -> i.kind() == TaskKind.TACTICAL && i.state() != TaskState.CANCELLED).toList();
    java.util.Set<String> planned = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL)
        .map(WorkItem::parentTaskKey).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    long unplanned = items.stream().filter(i -> i.kind() == TaskKind.STRATEGIC && i.state().isOpen()
        && !planned.contains(i.taskKey())).count();
    return progress(tactical.stream().filter(i -> i.state() == TaskState.COMPLETED).count(),
        tactical.size() + unplanned);
  }

  /** Completed / total, 0 without tasks. */
  static double progress(long completed, long total) {
    return total == 0 ? 0 : (double) completed / total;
  }

  /** Instructions matching the filters, newest first, each with its progress (two statements for all of them). */
  public List<java.util.Map.Entry<Instruction, Double>> searchWithProgress(InstructionState state, Integer tier,
      Priority priority, int limit) {
    List<Instruction> found = repository.search(state, tier, priority, limit);
    java.util.Map<String, Double> progress = repository.progress(found.stream().map(Instruction::key).toList());
    return found.stream().map(i -> java.util.Map.entry(i, progress.getOrDefault(i.key(), 0.0))).toList();
  }

  /** Keys of every task of the instruction, for plans that name existing tasks as dependencies. */
  public List<String> existingTaskKeys(String key) {
    return workItems.ofInstruction(key).stream().map(WorkItem::taskKey)
        .sorted(PlanValidator.KEY_ORDER).toList();
  }

  /**
   * A person cancels the instruction (SPEC §4.7): only the TL or the EM, with a reason. The process's interrupting
   * event subprocess does the work ({@link #cancelEverything}), so called strategic-task processes end with it.
   */
  @Transactional
  public Instruction requestCancel(String key, String actor, List<String> groups, String reason) {
    if (!groups.contains("tech-leads") && !groups.contains("engineering-managers")) {
      throw new ForbiddenException("Only the tech lead or the engineering manager may cancel an instruction");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "A cancellation needs a reason (what changed, who decided)");
    }
    if (reason.length() > 1000) {
      throw new InvalidInputException("reason", "The reason is limited to 1000 characters (" + reason.length()
          + " given)");
    }
    Instruction instruction = get(key);
    if (instruction.state().isTerminal()) {
      throw new ConflictException("Instruction " + key + " is already " + instruction.state());
    }
    // Ask first instead of catching a failed correlation: a failed engine command marks our transaction
    // rollback-only. Without a running process (it ended abnormally) the tasks are cancelled directly.
    boolean running = instruction.processInstanceId() != null && asSystem.call(() -> runtime
        .createProcessInstanceQuery().processInstanceId(instruction.processInstanceId()).count()) > 0;
    if (running && asSystem.call(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(instruction.processInstanceId()).suspended().count()) > 0) {
      // A suspended process takes no message (an open incident, SPEC §9.5, or an admin in Cockpit).
      throw new ConflictException("Instruction " + key + " is suspended (an open incident, see /api/incidents, or an "
          + "admin in Cockpit); it can be cancelled once the incident is resolved or the instance is activated");
    }
    if (running) {
      asSystem.run(() -> runtime.createMessageCorrelation(MESSAGE_CANCEL_INSTRUCTION)
          .processInstanceId(instruction.processInstanceId())
          .setVariable(CANCELLED_BY, actor)
          .setVariable(CANCEL_REASON, reason.strip())
          .correlateWithResult());
    } else {
      cancelEverything(key, actor, reason.strip());
    }
    return get(key);
  }

  /** Every open task CANCELLED (running lifecycles through their cancel message), then the instruction. */
  @Transactional
  public void cancelEverything(String key, String actor, String reason) {
    List<WorkItem> open = workItems.ofInstruction(key).stream().filter(i -> i.state().isOpen())
        .sorted(Comparator.comparing(WorkItem::kind).reversed()) // tactical first, then strategic
        .toList();
    String why = "instruction cancelled: " + reason;
    for (WorkItem listed : open) {
      // the row lock first, as for a single task's cancel: a completion committing now finishes before we look
      WorkItem item = workItems.getForUpdate(listed.instructionKey(), listed.taskKey());
      if (!item.state().isOpen()) {
        continue;
      }
      if (item.kind() == TaskKind.TACTICAL && item.processInstanceId() != null) {
        lifecycle.cancelRunning(item, actor, why);
      } else {
        lifecycle.cancel(item.id(), actor, why);
      }
    }
    boolean inPipeline = get(key).state().isAdmittedPipeline();
    repository.updateState(key, InstructionState.CANCELLED, now());
    if (inPipeline) {
      events.publishEvent(new PipelineReleased(key));
    }
    record(key, "cancellation", null, "CANCELLED", reason + " (" + open.size() + " open tasks cancelled)", actor);
    events.publishEvent(new InstructionCancelledEvent(key, actor, reason));
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
