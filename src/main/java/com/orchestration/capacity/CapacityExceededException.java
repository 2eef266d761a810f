package com.orchestration.capacity;

import com.orchestration.platform.ConflictException;
import java.util.Locale;

/** A reservation was refused because the IC was already above the caller's cap (SPEC §8.2): 409. */
public class CapacityExceededException extends ConflictException {

  private final String personId;
  private final double workloadBefore;
  private final double maxWorkloadBefore;

  public CapacityExceededException(String personId, double workloadBefore, double maxWorkloadBefore) {
    super(String.format(Locale.ROOT, "%s is at workload %.2f, above the cap %.2f for new work; choose another IC",
        personId, workloadBefore, maxWorkloadBefore));
    this.personId = personId;
    this.workloadBefore = workloadBefore;
    this.maxWorkloadBefore = maxWorkloadBefore;
  }

  public String personId() {
    return personId;
  }

  public double workloadBefore() {
    return workloadBefore;
  }

  public double maxWorkloadBefore() {
    return maxWorkloadBefore;
  }
}
