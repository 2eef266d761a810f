package com.orchestration.handoff;

import com.orchestration.lifecycle.ProgressReportedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Near the end of upstream work (~90 %) the TL is offered a handoff meeting once (SPEC §9.3). */
@Component
class HandoffMeetingOffer {

  private final HandoffService handoffs;

  HandoffMeetingOffer(HandoffService handoffs) {
    this.handoffs = handoffs;
  }

  @EventListener
  void progressReported(ProgressReportedEvent event) {
    handoffs.progressReported(event.workItemId(), event.progressPercent());
  }
}
