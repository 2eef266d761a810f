package com.orchestration.capacity;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code orchestration.rebalancing.*} (docs/rebalancing.md). The thresholds and the loan length are not here: they
 * are DMN {@code capacity-bands} and {@code loan-length}, so a process owner changes them in Modeler.
 */
@Component
class RebalancingProperties {

  private volatile boolean auto;
  private final Duration rejectionCooldown;

  RebalancingProperties(@Value("${orchestration.rebalancing.auto:false}") boolean auto,
      @Value("${orchestration.rebalancing.rejection-cooldown:PT1H}") Duration rejectionCooldown,
      @Value("${orchestration.rebalancing.default-loan-days:#{null}}") String removedDefaultLoanDays) {
    if (removedDefaultLoanDays != null) {
      throw new IllegalStateException("orchestration.rebalancing.default-loan-days (set to '" + removedDefaultLoanDays
          + "') is no longer read: the loan length is DMN loan-length (dmn/loan-length.dmn), which a process owner "
          + "changes in Modeler. Remove the property and set the days in that table.");
    }
    this.auto = auto;
    this.rejectionCooldown = rejectionCooldown;
  }

  /** Team proposals are approved without a DL task. */
  boolean auto() {
    return auto;
  }

  /** For tests: the one setting that changes behaviour at run time without a second application context. */
  void auto(boolean value) {
    this.auto = value;
  }

  /**
   * After a DL rejects a proposal or a TL dismisses a domain review, assignments and completions do not start another
   * rebalancing of that domain for this long; the hourly run and a manual run still do.
   */
  Duration rejectionCooldown() {
    return rejectionCooldown;
  }
}
