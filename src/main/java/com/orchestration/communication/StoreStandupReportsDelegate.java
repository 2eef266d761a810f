package com.orchestration.communication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Store reports": replaces the day's stored reports of the run's levels. */
@Component
class StoreStandupReportsDelegate implements JavaDelegate {

  private final StandupReports reports;

  StoreStandupReportsDelegate(StandupReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.store(StandupRunVariable.of(execution));
  }
}
