package com.orchestration.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" and "today" for capacity: the Camunda engine clock (tests move it with {@code ClockUtil}), with days
 * counted in the zone {@code orchestration.time-zone} (default UTC).
 */
@Component
public class CapacityClock {

  private final ZoneId zone;

  @Autowired
  CapacityClock(@Value("${orchestration.time-zone:UTC}") String zone) {
    this(ZoneId.of(zone));
  }

  CapacityClock(ZoneId zone) {
    this.zone = zone;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  public ZoneId zone() {
    return zone;
  }
}
