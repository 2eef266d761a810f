package com.orchestration.communication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Request weekly standup" (process {@code standup-weekly}): runs process {@code standup} for today's weekly report,
 * announced, in this transaction — a failure leaves the weekly timer job to be retried.
 */
@Component
class RequestWeeklyStandupDelegate implements JavaDelegate {

  private final StandupReports reports;
  private final StandupService standups;

  RequestWeeklyStandupDelegate(StandupReports reports, StandupService standups) {
    this.reports = reports;
    this.standups = standups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.request(standups.today(), StandupKind.WEEKLY, true, "system");
  }
}
