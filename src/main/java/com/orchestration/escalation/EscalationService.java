package com.orchestration.escalation;

import com.orchestration.organization.Domain;
import com.orchestration.platform.FiredRule;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.PolicyDecisions;
import com.orchestration.platform.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes escalations up the ladder with DMN {@code escalation-routing} and keeps the escalation records (SPEC §6).
 * Writes run in the engine's transaction when a delegate or listener calls them; "now" is the engine clock.
 */
@Service
public class EscalationService {

  static final String DECISION = "escalation-routing";
  static final int MAX_TEXT = 4000;

  private final PolicyDecisions policies;
  private final EscalationRepository repository;
  private final ApplicationEventPublisher events;

  EscalationService(PolicyDecisions policies, EscalationRepository repository, ApplicationEventPublisher events) {
    this.policies = policies;
    this.repository = repository;
    this.events = events;
  }

  /**
   * Where an escalation goes from {@code currentLevel} (null before the first level), and the rule that said so.
   *
   * @param hasHigherLevel false when the table sends the chosen level to itself (the top of the ladder, EM)
   */
  record Routing(EscalationLevel level, double slaHours, boolean cancelAllowed, boolean hasHigherLevel,
      String ruleId, String ruleDescription) {

    Duration sla() {
      return Duration.ofMinutes(Math.round(slaHours * 60));
    }
  }

  /** The DMN's inputs besides the level: what the escalation is about. */
  record Situation(String reasonType, boolean crossDomain, boolean architectural, String startLevel, Integer tier,
      boolean criticalPathAtRisk) {}

  Routing route(Situation situation, EscalationLevel currentLevel) {
    Step step = step(situation, currentLevel == null ? EscalationVariables.NO_LEVEL_YET : currentLevel.name());
    Step above = step(situation, step.level.name());
    return new Routing(step.level, step.slaHours, step.cancelAllowed, above.level != step.level, step.ruleId,
        step.ruleDescription);
  }

  private record Step(EscalationLevel level, double slaHours, boolean cancelAllowed, String ruleId,
      String ruleDescription) {}

  private Step step(Situation s, String currentLevel) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("reasonType", s.reasonType());
    inputs.put("currentLevel", currentLevel);
    inputs.put("crossDomain", s.crossDomain());
    inputs.put("architectural", s.architectural());
    // PolicyDecisions caches by inputs and refuses nulls: "none" stands for "no start level given".
    inputs.put("startLevel", s.startLevel() == null ? EscalationVariables.NO_LEVEL_YET : s.startLevel());
    // Not used by the table today; passed so a process owner can add a column for them without a code change.
    if (s.tier() != null) {
      inputs.put("tier", s.tier());
    }
    inputs.put("criticalPathAtRisk", s.criticalPathAtRisk());
    PolicyDecisions.Policy policy = policies.evaluate(DECISION, inputs);
    String next = String.valueOf(policy.value("nextLevel"));
    EscalationLevel level = EscalationLevel.parse(next).orElseThrow(() -> new IllegalStateException(
        "Decision '" + DECISION + "' (" + policy.definitionId() + ") returned nextLevel '" + next
            + "'; allowed: " + EscalationLevel.allowed()));
    FiredRule rule = policy.firedRules().isEmpty() ? null : policy.firedRules().get(0);
    return new Step(level, policy.number("levelSlaHours"), Boolean.TRUE.equals(policy.value("cancelAllowed")),
        rule == null ? "unknown" : rule.ruleId(), rule == null ? null : rule.description());
  }

  /** What a level opens with. */
  record Opening(long workItemId, String instructionKey, String taskKey, String reasonType, String reasonDetail,
      Domain domain, String processInstanceId, Long parentEscalationId) {}

  /**
   * Opens the record of the level {@code routing} chose; its SLA runs from {@code slaStart} for {@code sla}. The new
   * level is published ({@link EscalationOpenedEvent}) in this transaction; communication announces it.
   */
  @Transactional
  EscalationRecord open(Opening o, Routing routing, Instant slaStart, Duration sla) {
    long id = repository.insert(new EscalationRepository.NewEscalation(o.workItemId(), o.instructionKey(),
        o.taskKey(), o.reasonType(), Texts.abbreviate(o.reasonDetail(), MAX_TEXT), routing.level(),
        routing.level().resolverGroup(o.domain()), routing.ruleId(), Texts.abbreviate(routing.ruleDescription(), 500), now(),
        slaStart.plus(sla), o.processInstanceId(), o.parentEscalationId()));
    EscalationRecord opened = get(id);
    events.publishEvent(new EscalationOpenedEvent(opened, o.domain()));
    return opened;
  }

  /** Closes an open record with the resolver's outcome or {@code escalated}/{@code timeout}/{@code withdrawn}. */
  @Transactional
  EscalationRecord close(long id, String outcome, String note, String by) {
    if (repository.close(id, now(), outcome, Texts.abbreviate(note, MAX_TEXT), by) == 0) {
      throw new IllegalStateException("Escalation " + id + " is already closed: " + get(id));
    }
    return get(id);
  }

  /** The last level's SLA ran out: the record stays open with a new due time and one more reminder. */
  @Transactional
  EscalationRecord remind(long id, Instant newDue) {
    if (repository.remind(id, newDue) == 0) {
      throw new IllegalStateException("Escalation " + id + " is already closed: " + get(id));
    }
    return get(id);
  }

  /** Every escalation record of a task, all levels of all its escalations, oldest first. */
  public List<EscalationRecord> forWorkItem(long workItemId) {
    return repository.findByWorkItem(workItemId);
  }

  /** The levels of one escalation (one process instance), oldest first. */
  public List<EscalationRecord> ofProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  public EscalationRecord get(long id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("escalation", String.valueOf(id)));
  }

  /** Records matching every given filter (null = any), newest first, at most {@code limit}. */
  public List<EscalationRecord> find(Boolean open, String instructionKey, String taskKey, EscalationLevel level,
      int limit) {
    return repository.find(open, instructionKey, taskKey, level, limit);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

}
