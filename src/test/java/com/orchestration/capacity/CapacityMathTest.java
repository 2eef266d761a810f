package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.orchestration.capacity.CapacityRepository.Load;
import com.orchestration.capacity.CapacityRepository.PersonRow;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import com.orchestration.organization.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of SPEC §8.3 and §11 without a database. */
class CapacityMathTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  /** A Thursday. */
  private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

  @Test
  void horizonStartingOnThursdaySkipsTheWeekend() {
    Horizon horizon = Horizon.startingOn(THURSDAY, UTC);

    assertThat(horizon.days()).containsExactly(THURSDAY, THURSDAY.plusDays(1), THURSDAY.plusDays(4));
    assertThat(horizon.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void horizonStartingOnSaturdayBeginsOnMonday() {
    Horizon horizon = Horizon.startingOn(LocalDate.of(2026, 11, 28), UTC);

    assertThat(horizon.days()).containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 2));
  }

  @Test
  void horizonEndIsMidnightInTheConfiguredZone() {
    Horizon horizon = Horizon.startingOn(THURSDAY, ZoneId.of("Europe/Berlin"));

    assertThat(horizon.end()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
  }

  @Test
  void capacityIsHoursPerDayTimesAvailableHorizonDays() {
    Horizon horizon = Horizon.startingOn(THURSDAY, UTC);
    PersonRow person = person(6, Set.of(THURSDAY.plusDays(1), THURSDAY.plusDays(2)));

    Workload w = CapacityMath.workload(person, List.of(), 1.0, horizon, Bands.SPEC_DEFAULTS);

    assertThat(w.capacityHours()).isEqualTo(12.0);
    assertThat(w.workload()).isZero();
    assertThat(w.band()).isEqualTo(Band.HEALTHY);
  }

  @Test
  void unavailableAllThreeDaysMeansNoCapacityAndInfiniteWorkload() {
    Horizon horizon = Horizon.startingOn(THURSDAY, UTC);
    PersonRow person = person(8, Set.copyOf(horizon.days()));

    Workload idle = CapacityMath.workload(person, List.of(), 1.0, horizon, Bands.SPEC_DEFAULTS);
    Workload busy = CapacityMath.workload(person, List.of(task(TaskState.ASSIGNED, 2, null)), 1.0, horizon,
        Bands.SPEC_DEFAULTS);

    assertThat(idle.capacityHours()).isZero();
    assertThat(idle.workload()).isInfinite();
    assertThat(idle.hasCapacity()).isFalse();
    assertThat(idle.band()).isEqualTo(Band.NO_NEW_WORK);
    assertThat(busy.band()).isEqualTo(Band.OVERSUBSCRIBED);
  }

  @Test
  void deadlineBeyondTheHorizonIsNotCommittedButNoDeadlineIs() {
    Horizon horizon = Horizon.startingOn(THURSDAY, UTC);
    Load noDeadline = task(TaskState.ASSIGNED, 4, null);
    Load atHorizonEnd = task(TaskState.IN_PROGRESS, 3, horizon.end());
    Load afterHorizon = task(TaskState.ASSIGNED, 5, horizon.end().plusSeconds(1));

    Workload w = CapacityMath.workload(person(8, Set.of()), List.of(noDeadline, atHorizonEnd, afterHorizon), 1.0,
        horizon, Bands.SPEC_DEFAULTS);

    assertThat(w.committedHours()).isEqualTo(7.0);
    assertThat(w.openTasks()).isEqualTo(3);
    assertThat(w.workload()).isCloseTo(7.0 / 24, within(1e-12));
  }

  @Test
  void onlyCountingStatesAndReviewsUnderReviewAreCommitted() {
    Horizon horizon = Horizon.startingOn(THURSDAY, UTC);
    List<Load> loads = List.of(
        task(TaskState.PENDING, 2, null),
        task(TaskState.BLOCKED, 1, null),
        task(TaskState.ESCALATED, 1, null),
        task(TaskState.UNDER_REVIEW, 5, null),
        review(TaskState.UNDER_REVIEW, 0.5),
        review(TaskState.DOMAIN_REVIEW, 0.75),
        review(TaskState.IN_PROGRESS, 3));

    Workload w = CapacityMath.workload(person(8, Set.of()), loads, 1.0, horizon, Bands.SPEC_DEFAULTS);

    assertThat(w.committedHours()).isEqualTo(1 + 1 + 0.5 + 0.75);
    assertThat(w.openTasks()).isEqualTo(4);
  }

  @Test
  void estimateFactorMultipliesTaskHoursButNotReviews() {
    Horizon horizon = Horizon.startingOn(THURSDAY, UTC);

    Workload w = CapacityMath.workload(person(8, Set.of()),
        List.of(task(TaskState.ASSIGNED, 4, null), review(TaskState.UNDER_REVIEW, 1)), 1.5, horizon,
        Bands.SPEC_DEFAULTS);

    assertThat(w.committedHours()).isEqualTo(7.0);
  }

  @Test
  void estimateFactorIsOneWithFewerThanFiveSamples() {
    assertThat(CapacityMath.estimateFactor(null)).isEqualTo(1.0);
    assertThat(CapacityMath.estimateFactor(List.of())).isEqualTo(1.0);
    assertThat(CapacityMath.estimateFactor(List.of(2.0, 2.0, 2.0, 2.0))).isEqualTo(1.0);
    assertThat(CapacityMath.calibrate(List.of(2.0, 2.0, 2.0, 2.0)))
        .isEqualTo(new EstimateFactor(1.0, 4, false));
  }

  @Test
  void estimateFactorIsUsedFromTheFifthSample() {
    assertThat(CapacityMath.calibrate(List.of(2.0, 2.0, 2.0, 2.0, 2.0))).isEqualTo(new EstimateFactor(2.0, 5, true));
  }

  @Test
  void estimateFactorIsTheMiddleSampleOfAnOddCount() {
    assertThat(CapacityMath.estimateFactor(List.of(1.2, 0.8, 1.5, 1.1, 2.0))).isEqualTo(1.2);
  }

  @Test
  void estimateFactorIsTheMeanOfTheTwoMiddleSamplesOfAnEvenCount() {
    assertThat(CapacityMath.estimateFactor(List.of(2.0, 1.0, 1.8, 1.2, 1.6, 1.4))).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void estimateFactorUsesOnlyTheNewestTwentySamples() {
    // Newest first: ten at 1.0 and ten at 2.0 (median 1.5), then fifteen older at 3.0 — with them the median of all
    // 35 would be 2.0.
    List<Double> ratios = new java.util.ArrayList<>(Collections.nCopies(10, 1.0));
    ratios.addAll(Collections.nCopies(10, 2.0));
    ratios.addAll(Collections.nCopies(15, 3.0));

    assertThat(CapacityMath.calibrate(ratios)).isEqualTo(new EstimateFactor(1.5, 20, true));
  }

  @Test
  void estimateFactorIsClampedToHalfAndThree() {
    assertThat(CapacityMath.estimateFactor(Collections.nCopies(5, 0.1))).isEqualTo(0.5);
    assertThat(CapacityMath.estimateFactor(Collections.nCopies(5, 7.0))).isEqualTo(3.0);
  }

  @Test
  void estimateFactorsAtTheClampBoundsAreKept() {
    assertThat(CapacityMath.estimateFactor(List.of(0.5, 0.5, 0.5, 0.51, 0.49))).isEqualTo(0.5);
    assertThat(CapacityMath.estimateFactor(List.of(0.51, 0.51, 0.51, 0.4, 0.4))).isEqualTo(0.51);
    assertThat(CapacityMath.estimateFactor(List.of(2.99, 2.99, 2.99, 4.0, 4.0))).isEqualTo(2.99);
    assertThat(CapacityMath.estimateFactor(List.of(3.0, 3.0, 3.0, 1.0, 1.0))).isEqualTo(3.0);
  }

  @Test
  void bandsChangeAtEachBoundary() {
    Bands bands = Bands.SPEC_DEFAULTS;

    assertThat(bands.band(0.7499)).isEqualTo(Band.HEALTHY);
    assertThat(bands.band(0.75)).isEqualTo(Band.CAUTION);
    assertThat(bands.band(0.90)).isEqualTo(Band.CAUTION);
    assertThat(bands.band(21.6 / 24)).isEqualTo(Band.CAUTION);
    assertThat(bands.band(0.9001)).isEqualTo(Band.NO_NEW_WORK);
    assertThat(bands.band(1.10)).isEqualTo(Band.NO_NEW_WORK);
    assertThat(bands.band(1.1001)).isEqualTo(Band.OVERSUBSCRIBED);
  }

  static PersonRow person(int hoursPerDay, Set<LocalDate> unavailable) {
    return new PersonRow("someone", Role.IC, Domain.BACKEND, true, hoursPerDay, unavailable);
  }

  private static long nextId = 1;

  static Load task(TaskState state, double remaining, Instant deadline) {
    return task(state, remaining, deadline, Priority.NORMAL);
  }

  static Load task(TaskState state, double remaining, Instant deadline, Priority priority) {
    long id = nextId++;
    return new Load("someone", ReservationKind.TASK, remaining, id, "INS-1/TT" + id, state, remaining, priority,
        deadline);
  }

  static Load review(TaskState state, double hours) {
    long id = nextId++;
    return new Load("someone", ReservationKind.REVIEW, hours, id, "INS-1/TT" + id, state, 8, Priority.NORMAL, null);
  }
}
