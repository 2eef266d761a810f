package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationVariables.*;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The level's SLA ran out (SPEC §5.3: 8 h at each level, then the next level up). Below the top the record is
 * closed as {@code timeout} and the process routes up; at the top (EM) nobody is higher, so the record stays open
 * and counts a reminder, and the resolver task comes back with the next due time — which again counts from the
 * missed due time, so a long outage gives one reminder per missed SLA, not one per job run.
 */
@Component
class RecordEscalationTimeoutDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RecordEscalationTimeoutDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(ESCALATION_ID)).longValue();
    Duration sla = Duration.parse((String) execution.getVariable(LEVEL_SLA));
    EscalationRecord current = escalations.get(id);
    if (Boolean.TRUE.equals(execution.getVariable(HIGHER_LEVEL_EXISTS))) {
      escalations.close(id, "timeout", "escalated automatically after " + hours(sla) + " at "
          + current.level().title(), "system");
    } else {
      EscalationRecord reminded = escalations.remind(id, current.dueAt().plus(sla));
      execution.setVariable(DUE_DATE, Date.from(reminded.dueAt()));
    }
  }

  static String hours(Duration sla) {
    long minutes = sla.toMinutes();
    return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
  }
}
