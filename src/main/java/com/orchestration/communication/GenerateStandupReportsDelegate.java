package com.orchestration.communication;

import static com.orchestration.communication.StandupVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Generate reports": the reports of {@code standupDate} (default today) and {@code standupKind}, handed to the next
 * steps as a transient variable (never stored in the engine; the run is one transaction).
 */
@Component
class GenerateStandupReportsDelegate implements JavaDelegate {

  private final StandupService standups;

  GenerateStandupReportsDelegate(StandupService standups) {
    this.standups = standups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object kindValue = execution.getVariable(STANDUP_KIND);
    StandupKind kind = StandupKind.parse(kindValue == null ? "daily" : kindValue.toString())
        .orElseThrow(() -> new IllegalArgumentException("Variable " + STANDUP_KIND + " is '" + kindValue
            + "'; allowed: daily, weekly"));
    Object dateValue = execution.getVariable(STANDUP_DATE);
    LocalDate date;
    try {
      date = dateValue == null ? standups.today() : LocalDate.parse(dateValue.toString());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Variable " + STANDUP_DATE + " is '" + dateValue + "'; write YYYY-MM-DD", e);
    }
    StandupRun run = standups.generate(date, kind);
    execution.setVariable(STANDUP_DATE, date.toString());
    execution.setVariable(STANDUP_KIND, kind.value());
    if (!(execution.getVariable(STANDUP_ANNOUNCE) instanceof Boolean)) {
      execution.setVariable(STANDUP_ANNOUNCE, true);
    }
    execution.setVariable(STANDUP_REPORT_COUNT, run.reports().size());
    execution.setVariable(STANDUP_RUN, Variables.objectValue(run, true).create());
  }
}
