package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationVariables.*;

import com.orchestration.organization.Domain;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the escalation to its next level: asks {@code escalation-routing} where to go from the current level,
 * opens that level's record (with the rule that chose it) and sets what the resolver task needs. After a timeout
 * the next level's SLA starts when the previous one ran out, not when the job ran, so a node that was down for
 * 24 h fires each level once and in order (SPEC §15) instead of granting the next level a fresh 8 h.
 */
@Component
class RouteEscalationDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RouteEscalationDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long previousId = longValue(execution, ESCALATION_ID, false);
    EscalationRecord previous = previousId == null ? null : escalations.get(previousId);
    String reasonType = (String) execution.getVariable(REASON_TYPE);
    String reasonDetail = (String) execution.getVariable(REASON_DETAIL);
    if (reasonType == null || !REASON_TYPES.contains(reasonType)) {
      // Unknown reasons go the fail-safe way of "other" (to the TL); the record keeps what the caller said.
      reasonDetail = "(reason type '" + reasonType + "') " + (reasonDetail == null ? "" : reasonDetail);
      reasonType = "other";
    }
    EscalationService.Situation situation = new EscalationService.Situation(reasonType,
        flag(execution, CROSS_DOMAIN), flag(execution, ARCHITECTURAL), startLevel(execution),
        execution.getVariable(TIER) instanceof Number n ? n.intValue() : null,
        flag(execution, CRITICAL_PATH_AT_RISK));
    EscalationService.Routing routing = escalations.route(situation, previous == null ? null : previous.level());

    Instant slaStart = previous != null && "timeout".equals(previous.outcome()) ? previous.dueAt()
        : EscalationService.now();
    Duration sla = previous == null && execution.getVariable(FIRST_LEVEL_SLA_HOURS) instanceof Number hours
        && hours.doubleValue() > 0
        ? Duration.ofMinutes(Math.round(hours.doubleValue() * 60)) : routing.sla();
    String domainValue = (String) execution.getVariable(DOMAIN);
    Domain domain = Domain.parse(domainValue).orElseThrow(() -> new IllegalArgumentException(
        "Process 'escalation' needs variable '" + DOMAIN + "' (one of " + Domain.allowed() + "), got '"
            + domainValue + "'"));
    EscalationRecord opened = escalations.open(new EscalationService.Opening(
        longValue(execution, WORK_ITEM_ID, true), required(execution, INSTRUCTION_KEY),
        required(execution, TASK_KEY), reasonType, reasonDetail, domain, execution.getProcessInstanceId(),
        previousId), routing, slaStart, sla);

    List<EscalationRecord> levels = escalations.ofProcessInstance(execution.getProcessInstanceId());
    execution.setVariable(ESCALATION_ID, opened.id());
    execution.setVariable(LEVEL, opened.level().name());
    execution.setVariable(RESOLVER_GROUP, opened.resolverGroup());
    execution.setVariable(LEVEL_SLA, sla.toString());
    execution.setVariable(DUE_DATE, Date.from(opened.dueAt()));
    execution.setVariable(CANCEL_ALLOWED, routing.cancelAllowed());
    execution.setVariable(HIGHER_LEVEL_EXISTS, routing.hasHigherLevel());
    execution.setVariable(PATH, levels.stream().map(r -> r.level().name()).collect(Collectors.joining(" → ")));
    execution.setVariable(HISTORY, history(levels));
  }

  /** What the earlier levels did, for the resolver's form ("what was tried"). */
  static String history(List<EscalationRecord> levels) {
    String text = levels.stream().filter(r -> !r.open())
        .map(r -> r.level().name() + " (" + r.resolverGroup() + "): " + r.outcome()
            + (r.outcomeNote() == null ? "" : " — " + r.outcomeNote())
            + (r.resolvedBy() == null ? "" : " [" + r.resolvedBy() + "]"))
        .collect(Collectors.joining("; "));
    return text.isEmpty() ? "first level, nobody has looked at it yet" : text;
  }

  private static String startLevel(DelegateExecution execution) {
    Object value = execution.getVariable(START_LEVEL);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static boolean flag(DelegateExecution execution, String name) {
    return Boolean.TRUE.equals(execution.getVariable(name));
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("Process 'escalation' needs variable '" + name + "' (String)");
    }
    return s;
  }

  private static Long longValue(DelegateExecution execution, String name, boolean required) {
    Object value = execution.getVariable(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (required) {
      throw new IllegalArgumentException("Process 'escalation' needs variable '" + name + "' (Long)");
    }
    return null;
  }
}
