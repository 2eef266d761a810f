package com.orchestration.capacity;

import com.orchestration.lifecycle.TaskClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A completed or cancelled task gives back every hour reserved for it (SPEC §8.2), in the closing transaction. */
@Component
class ReleaseOnCloseListener {

  private final CapacityService capacity;

  ReleaseOnCloseListener(CapacityService capacity) {
    this.capacity = capacity;
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    capacity.release(event.item().id());
  }
}
