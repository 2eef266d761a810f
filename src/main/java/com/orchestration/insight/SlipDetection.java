package com.orchestration.insight;

import static com.orchestration.insight.ScopeReviewVariables.*;

import com.orchestration.capacity.CapacityClock;
import com.orchestration.capacity.RebalancingStarter;
import com.orchestration.insight.CriticalPathRepository.Baseline;
import com.orchestration.insight.CriticalPathRepository.InstructionRow;
import com.orchestration.insight.SlipRepository.Slip;
import com.orchestration.intake.InstructionService;
import com.orchestration.intake.InstructionState;
import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.AsSystem;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slip detection and the scope review's decisions (SPEC §10.2). After a commit that changes the projection, {@link
 * #check} asks DMN {@code critical-path-slip} whether the projected critical path has slipped too far over its
 * baseline; if so it records the slip and starts process {@code scope-review} — once per slip, not per check: while a
 * slip is OPEN nothing more is opened, and after the EM's decision the next slip is measured against what she decided
 * on (a new baseline, or the projection at her decision). Two checks at once (two nodes) serialise on the
 * instruction's {@code critical_path_baseline} row, and the slip's unique number refuses a second insert.
 */
@Service
class SlipDetection {

  static final String DECISION_KIND = "scope-review";

  private final CriticalPathService criticalPaths;
  private final CriticalPathRepository paths;
  private final SlipRepository slips;
  private final InstructionService instructions;
  private final LifecycleService lifecycle;
  private final RebalancingStarter rebalancing;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final ApplicationEventPublisher events;
  private final CapacityClock clock;
  private final TransactionTemplate newTransaction;

  SlipDetection(CriticalPathService criticalPaths, CriticalPathRepository paths, SlipRepository slips,
      InstructionService instructions, LifecycleService lifecycle, RebalancingStarter rebalancing,
      RuntimeService runtime, AsSystem asSystem, ApplicationEventPublisher events, CapacityClock clock,
      PlatformTransactionManager transactions) {
    this.criticalPaths = criticalPaths;
    this.paths = paths;
    this.slips = slips;
    this.instructions = instructions;
    this.lifecycle = lifecycle;
    this.rebalancing = rebalancing;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.events = events;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // ------------------------------------------------------------------------------------------------ detection

  /**
   * Checks one instruction in transactions of its own (call it after the commit of the event that changed the
   * projection): nothing for an unknown or ended instruction or while a slip is OPEN; otherwise, under the
   * instruction's row lock, a new slip and its scope review when the DMN says so.
   *
   * @return the slip opened by this check, if any
   */
  Optional<Slip> check(String instructionKey) {
    try {
      if (!Boolean.TRUE.equals(newTransaction.execute(status -> prepare(instructionKey)))) {
        return Optional.empty();
      }
    } catch (DuplicateKeyException e) {
      // Another check created the instruction's row at the same moment: it exists now, which is all we wanted.
    }
    return newTransaction.execute(status -> detect(instructionKey));
  }

  /** Cheap checks without a lock; creates the instruction's lock row the first time. */
  private boolean prepare(String instructionKey) {
    InstructionRow instruction = paths.instructions(List.of(instructionKey)).get(instructionKey);
    if (instruction == null || InstructionState.valueOf(instruction.state()).isTerminal()
        || slips.hasOpenSlip(instructionKey)) {
      return false;
    }
    if (!slips.baselineExists(instructionKey)) {
      slips.insertBaseline(instructionKey);
    }
    return true;
  }

  private Optional<Slip> detect(String instructionKey) {
    slips.lockBaseline(instructionKey);
    InstructionRow instruction = paths.instructions(List.of(instructionKey)).get(instructionKey);
    if (InstructionState.valueOf(instruction.state()).isTerminal() || slips.hasOpenSlip(instructionKey)) {
      return Optional.empty();
    }
    CriticalPath path = criticalPaths.of(List.of(instructionKey)).get(instructionKey);
    // path.baselineHours() is the effective baseline (accepted or original, not below the last decision's
    // projection), the same one the API's slipRatio and slipping use.
    if (path.slipRatio() == null || path.baselineHours() < CriticalPathMath.EPSILON) {
      return Optional.empty();
    }
    SlipPolicy.Verdict verdict = path.verdict(); // DMN critical-path-slip, asked once by the path's computation
    if (verdict == null || !verdict.scopeReview()) {
      return Optional.empty();
    }
    Slip draft = new Slip(0, instructionKey, slips.nextSlipNumber(instructionKey), clock.now(), path.originalHours(),
        path.baselineHours(), path.projectedHours(), path.slipRatio(), path.remainingHours(),
        path.projectedCompletion(), path.path(), path.pathDomains().stream().map(Domain::value).toList(),
        verdict.ruleId(), verdict.reason(), "OPEN", null, null, null, null, null);
    long id = slips.insert(draft);
    Slip slip = slips.find(id).orElseThrow();
    Map<String, Object> variables = ScopeReviewForm.variables(slip, instruction, instructions.get(instructionKey),
        path, clock.zone());
    String processInstanceId = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, instructionKey,
        variables)).getId();
    slips.linkProcessInstance(id, processInstanceId);
    return slips.find(id);
  }

  // ------------------------------------------------------------------------------------------------ process steps

  /** "Announce slip": tells whoever announces (communication → domain-leads). In the process's transaction. */
  void announce(long slipId, String processInstanceId) {
    Slip slip = require(slipId);
    InstructionRow instruction = paths.instructions(List.of(slip.instructionKey())).get(slip.instructionKey());
    events.publishEvent(new CriticalPathSlippedEvent(slip.instructionKey(),
        instruction == null ? null : instruction.title(), slip.slipNumber(), slip.originalHours(),
        slip.baselineHours(), slip.projectedHours(), slip.slipRatio(), slip.remainingHours(),
        slip.projectedCompletion(), slip.path(), slip.domains(), slip.ruleReason(), processInstanceId));
  }

  /**
   * The open tactical tasks named in the reduce-scope textarea, one key per line (blank lines ignored).
   *
   * @throws FormInputException field {@code tasksToCancel line <n>} for a key that is not an open tactical task of
   *     the instruction or is named twice; field {@code tasksToCancel} when no key is given
   */
  List<String> tasksToCancel(String instructionKey, String text) {
    List<CriticalPathRepository.Item> items = paths.items(List.of(instructionKey));
    List<String> open = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL && i.state().isOpen())
        .map(CriticalPathRepository.Item::taskKey).sorted(CriticalPathMath.KEY_ORDER).toList();
    Set<String> keys = new LinkedHashSet<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int n = 0; n < lines.length; n++) {
      String key = lines[n].strip();
      if (key.isEmpty()) {
        continue;
      }
      String field = TASKS_TO_CANCEL + " line " + (n + 1);
      if (!open.contains(key)) {
        throw new FormInputException(field, "'" + abbreviate(key) + "' is not an open tactical task of "
            + instructionKey + "; one key per line, open ones: " + (open.isEmpty() ? "none" : String.join(", ", open)));
      }
      if (!keys.add(key)) {
        throw new FormInputException(field, key + " is named twice");
      }
    }
    if (keys.isEmpty()) {
      throw new FormInputException(TASKS_TO_CANCEL, "Reducing scope needs the open tactical tasks to cancel, one key "
          + "per line (open ones: " + (open.isEmpty() ? "none" : String.join(", ", open)) + ")");
    }
    return List.copyOf(keys);
  }

  /** Accept: the projection now becomes the baseline; a later slip needs the threshold beyond it. */
  String accept(long slipId, String actor, String reason) {
    Slip slip = require(slipId);
    slips.lockBaseline(slip.instructionKey());
    CriticalPath now = criticalPaths.of(List.of(slip.instructionKey())).get(slip.instructionKey());
    String outcome = "new baseline " + ScopeReviewForm.h(now.projectedHours()) + " (was "
        + ScopeReviewForm.h(now.baselineHours()) + ")";
    if (slips.decide(slipId, "ACCEPTED", actor, clock.now(), reason, null)) {
      slips.acceptBaseline(slip.instructionKey(), now.projectedHours(), actor, clock.now());
      record(slip, "ACCEPTED", outcome + ": " + reason, actor);
    }
    return outcome;
  }

  /**
   * Reduce scope: cancels the named open tactical tasks through the lifecycle with the EM's reason (their lifecycles,
   * reviews and escalations end, capacity is released); the next slip is measured from the projection after that.
   */
  String reduceScope(long slipId, List<String> taskKeys, String actor, String reason) {
    Slip slip = require(slipId);
    slips.lockBaseline(slip.instructionKey());
    String why = Texts.abbreviate("scope reduced (slip " + slip.slipNumber() + "): " + reason, 1000);
    for (String taskKey : taskKeys) {
      lifecycle.requestCancel(slip.instructionKey(), taskKey, actor, List.of(OrganizationGroups.ENGINEERING_MANAGERS),
          why);
    }
    CriticalPath now = criticalPaths.of(List.of(slip.instructionKey())).get(slip.instructionKey());
    String outcome = "cancelled " + String.join(", ", taskKeys) + "; projected now "
        + ScopeReviewForm.h(now.projectedHours()) + " against " + ScopeReviewForm.h(now.baselineHours());
    if (slips.decide(slipId, "SCOPE_REDUCED", actor, clock.now(), reason, String.join(",", taskKeys))) {
      slips.setReference(slip.instructionKey(), now.projectedHours());
      record(slip, "SCOPE_REDUCED", outcome + ": " + reason, actor);
    }
    return outcome;
  }

  /**
   * Add capacity: starts a rebalancing (trigger manual) for each domain with open work on the critical path, unless
   * one is open; the next slip is measured from the projection now.
   */
  String addCapacity(long slipId, String actor, String reason) {
    Slip slip = require(slipId);
    slips.lockBaseline(slip.instructionKey());
    CriticalPath now = criticalPaths.of(List.of(slip.instructionKey())).get(slip.instructionKey());
    List<Domain> domains = now.pathDomains();
    List<String> results = new ArrayList<>();
    for (Domain domain : domains) {
      RebalancingStarter.StartResult result = rebalancing.startManually(domain);
      results.add(domain.value() + ": " + (result.started() ? "rebalancing started (" + result.processInstanceId()
          + ")" : result.message()));
    }
    String outcome = domains.isEmpty() ? "no open work on the critical path; nothing to rebalance"
        : String.join("; ", results);
    if (slips.decide(slipId, "CAPACITY_ADDED", actor, clock.now(), reason, null)) {
      slips.setReference(slip.instructionKey(), now.projectedHours());
      record(slip, "CAPACITY_ADDED", outcome + ": " + reason, actor);
    }
    return outcome;
  }

  /** The instruction ended while the review waited: the slip is closed without a decision. */
  void withdraw(long slipId, String why) {
    Slip slip = require(slipId);
    if (slips.decide(slipId, "WITHDRAWN", "system", clock.now(), why, null)) {
      record(slip, "WITHDRAWN", why, "system");
    }
  }

  /** Correlates the end of the instruction to its waiting scope review, if it has one. In the caller's transaction. */
  void instructionEnded(String instructionKey, String why) {
    asSystem.run(() -> {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .processInstanceBusinessKey(instructionKey).count() > 0) {
        runtime.createMessageCorrelation(MESSAGE_INSTRUCTION_ENDED).processInstanceBusinessKey(instructionKey)
            .setVariable(INSTRUCTION_ENDED_REASON, why).correlateAll();
      }
    });
  }

  List<Slip> slipsOf(String instructionKey) {
    return slips.ofInstruction(instructionKey);
  }

  private void record(Slip slip, String outcome, String reason, String actor) {
    instructions.record(slip.instructionKey(), DECISION_KIND, "slip " + slip.slipNumber(), outcome, reason, actor);
  }

  private Slip require(long slipId) {
    return slips.find(slipId).orElseThrow(() -> new NotFoundException("slip", String.valueOf(slipId)));
  }

  private static String abbreviate(String value) {
    return Texts.abbreviate(value, 40);
  }

}
