package com.orchestration.communication;

import static com.orchestration.communication.StandupVariables.STANDUP_ANNOUNCEMENT_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Announce reports": the summaries on the channels (see {@link StandupAnnouncer}). */
@Component
class AnnounceStandupReportsDelegate implements JavaDelegate {

  private final StandupAnnouncer announcer;

  AnnounceStandupReportsDelegate(StandupAnnouncer announcer) {
    this.announcer = announcer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(STANDUP_ANNOUNCEMENT_COUNT, announcer.announce(StandupRunVariable.of(execution)));
  }
}
