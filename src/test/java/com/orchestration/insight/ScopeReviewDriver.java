package com.orchestration.insight;

import static com.orchestration.insight.CriticalPathFixtures.tactical;

import com.orchestration.organization.Domain;
import org.springframework.stereotype.Component;

/**
 * For tests outside insight that need a live "Review scope" task (the bad-input suite of every form): a tier-3
 * instruction whose critical path slipped — TT1 (4 h, alice) then TT2 (4 h); alice reports 2 h spent and 5 h left, a
 * projection of 11 h against the original 8 (+37.5 %) — and the slip check that opens the scope review.
 */
@Component
public class ScopeReviewDriver {

  private final CriticalPathFixtures fixtures;
  private final SlipDetection detection;

  ScopeReviewDriver(CriticalPathFixtures fixtures, SlipDetection detection) {
    this.fixtures = fixtures;
    this.detection = detection;
  }

  /** The process instance id of the scope review opened for a new slipped instruction titled {@code title}. */
  public String open(String title) {
    fixtures.calibrate("alice", Domain.BACKEND, 1.0);
    String key = fixtures.instruction(3, title);
    var items = fixtures.create(tactical(key, "TT1", null, Domain.BACKEND, 4),
        tactical(key, "TT2", null, Domain.BACKEND, 4, "TT1"));
    fixtures.start(items.get("TT1"), "alice", 2, 5.0);
    return detection.check(key).orElseThrow(() -> new IllegalStateException("no slip opened for " + key))
        .processInstanceId();
  }

  /** Ends what {@link #open} created: instructions, tasks, samples, scope reviews. */
  public void cleanUp() {
    fixtures.cleanUp();
  }
}
