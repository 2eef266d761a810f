package com.orchestration.capacity;

import com.orchestration.capacity.CapacityRepository.Load;
import com.orchestration.capacity.CapacityRepository.PersonRow;
import com.orchestration.lifecycle.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The arithmetic of SPEC §8.3 and §11, free of any database, so it is unit-tested directly. */
final class CapacityMath {

  static final int FACTOR_SAMPLES = EstimateFactor.WINDOW;
  static final int FACTOR_MIN_SAMPLES = EstimateFactor.MIN_SAMPLES;
  static final double FACTOR_MIN = 0.5;
  static final double FACTOR_MAX = 3.0;

  private CapacityMath() {}

  /**
   * §11: median of actual/estimate over the newest {@value #FACTOR_SAMPLES} samples (the caller passes at most that
   * many), 1.0 with fewer than {@value #FACTOR_MIN_SAMPLES}, clamped to 0.5–3.0.
   */
  static double estimateFactor(List<Double> recentRatios) {
    return calibrate(recentRatios).factor();
  }

  /** {@link #estimateFactor} with the number of samples it rests on and whether it is in use. */
  static EstimateFactor calibrate(List<Double> recentRatios) {
    if (recentRatios == null || recentRatios.isEmpty()) {
      return EstimateFactor.NONE;
    }
    List<Double> sorted = new ArrayList<>(recentRatios.subList(0, Math.min(FACTOR_SAMPLES, recentRatios.size())));
    int n = sorted.size();
    if (n < FACTOR_MIN_SAMPLES) {
      return new EstimateFactor(1.0, n, false);
    }
    Collections.sort(sorted);
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new EstimateFactor(Math.max(FACTOR_MIN, Math.min(FACTOR_MAX, median)), n, true);
  }

  /** Whether a reservation counts as committed within the horizon, and for how many hours. */
  static double committedHours(Load load, double factor, Horizon horizon) {
    if (load.kind() == ReservationKind.REVIEW) {
      return isReviewState(load.state()) ? load.reservedHours() : 0;
    }
    if (!load.state().countsTowardsWorkload() || !horizon.dueWithin(load.deadline())) {
      return 0;
    }
    return load.remaining() * factor;
  }

  static boolean isReviewState(TaskState state) {
    return state == TaskState.UNDER_REVIEW || state == TaskState.DOMAIN_REVIEW;
  }

  static Workload workload(PersonRow person, List<Load> loads, double factor, Horizon horizon, Bands bands) {
    double committed = 0;
    int openTasks = 0;
    for (Load load : loads) {
      committed += committedHours(load, factor, horizon);
      if (load.kind() == ReservationKind.TASK && load.state().isOpen()) {
        openTasks++;
      }
    }
    double capacity = (double) person.hoursPerDay() * horizon.workingDaysFor(person.unavailable());
    double workload = capacity > 0 ? committed / capacity : Double.POSITIVE_INFINITY;
    return new Workload(person.id(), committed, capacity, workload, bands.band(committed, capacity), openTasks);
  }
}
