package com.orchestration.capacity;

import static com.orchestration.capacity.CapacityMathTest.person;
import static com.orchestration.capacity.CapacityMathTest.review;
import static com.orchestration.capacity.CapacityMathTest.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.capacity.CapacityRepository.Load;
import com.orchestration.capacity.Forecast.DayLoad;
import com.orchestration.capacity.Forecast.IcForecast;
import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The forecast's planning of SPEC §8.4 for one IC, without a database. */
class ForecastPlanTest {

  /** Thursday: the horizon is Thu 26, Fri 27, Mon 30 November. */
  private static final LocalDate THU = LocalDate.of(2026, 11, 26);
  private static final LocalDate FRI = THU.plusDays(1);
  private static final LocalDate MON = THU.plusDays(4);
  private static final Horizon HORIZON = Horizon.startingOn(THU, ZoneOffset.UTC);

  @Test
  void workIsLaidOntoDaysAtMostHoursPerDaySkippingTheWeekend() {
    IcForecast plan = ForecastService.plan(person(8, Set.of()),
        List.of(task(TaskState.ASSIGNED, 6, null), task(TaskState.IN_PROGRESS, 7, null)), 1.0, HORIZON);

    assertThat(plan.days()).extracting(DayLoad::date).containsExactly(THU, FRI, MON);
    assertThat(plan.days()).extracting(DayLoad::plannedHours).containsExactly(8.0, 5.0, 0.0);
    assertThat(plan.days()).extracting(DayLoad::utilisation).containsExactly(1.0, 5.0 / 8, 0.0);
    assertThat(plan.availableFrom()).isEqualTo(FRI);
    assertThat(plan.projectedMisses()).isEmpty();
  }

  @Test
  void unavailableDaysHaveNoCapacityAndAreSkipped() {
    IcForecast plan = ForecastService.plan(person(8, Set.of(THU)), List.of(task(TaskState.ASSIGNED, 10, null)), 1.0,
        HORIZON);

    assertThat(plan.days()).extracting(DayLoad::capacityHours).containsExactly(0.0, 8.0, 8.0);
    assertThat(plan.days()).extracting(DayLoad::plannedHours).containsExactly(0.0, 8.0, 2.0);
    assertThat(plan.days().get(0).utilisation()).isNull();
    assertThat(plan.availableFrom()).isEqualTo(MON);
  }

  @Test
  void criticalWorkGoesFirstThenEarlierDeadlinesAndTheRestIsProjectedLate() {
    Instant endOfThursday = Instant.parse("2026-11-26T23:00:00Z");
    Load normalDueThursday = task(TaskState.ASSIGNED, 8, endOfThursday, Priority.NORMAL);
    Load critical = task(TaskState.ASSIGNED, 8, null, Priority.CRITICAL);
    Load normalNoDeadline = task(TaskState.ASSIGNED, 4, null, Priority.NORMAL);

    IcForecast plan = ForecastService.plan(person(8, Set.of()),
        List.of(normalNoDeadline, normalDueThursday, critical), 1.0, HORIZON);

    assertThat(plan.projectedMisses()).singleElement().satisfies(miss -> {
      assertThat(miss.workItemId()).isEqualTo(normalDueThursday.workItemId());
      assertThat(miss.projectedFinish()).isEqualTo(FRI);
      assertThat(miss.deadline()).isEqualTo(endOfThursday);
    });
    assertThat(plan.days()).extracting(DayLoad::plannedHours).containsExactly(8.0, 8.0, 4.0);
  }

  @Test
  void planningContinuesPastTheHorizonToFindTheFinishDay() {
    Instant dueMonday = Instant.parse("2026-11-30T17:00:00Z");
    Load late = task(TaskState.ASSIGNED, 8, dueMonday, Priority.LOW);

    IcForecast plan = ForecastService.plan(person(8, Set.of()),
        List.of(task(TaskState.ASSIGNED, 8, null, Priority.HIGH), task(TaskState.ASSIGNED, 8, null, Priority.HIGH),
            task(TaskState.ASSIGNED, 8, null, Priority.HIGH), late), 1.0, HORIZON);

    assertThat(plan.availableFrom()).isNull();
    assertThat(plan.projectedMisses()).singleElement()
        .satisfies(miss -> assertThat(miss.projectedFinish()).isEqualTo(MON.plusDays(1)));
  }

  @Test
  void calibratedHoursAndReviewsArePlannedButNotPendingWork() {
    IcForecast plan = ForecastService.plan(person(6, Set.of()),
        List.of(task(TaskState.ASSIGNED, 4, null), task(TaskState.PENDING, 8, null), review(TaskState.UNDER_REVIEW, 1)),
        1.5, HORIZON);

    assertThat(plan.days()).extracting(DayLoad::plannedHours).containsExactly(6.0, 1.0, 0.0);
  }

  @Test
  void anIcAwayForMoreThanAYearProjectsNoFinishDay() {
    Set<LocalDate> away = new java.util.HashSet<>();
    for (LocalDate d = THU; d.isBefore(THU.plusYears(3)); d = d.plusDays(1)) {
      away.add(d);
    }
    IcForecast plan = ForecastService.plan(person(8, away),
        List.of(task(TaskState.ASSIGNED, 1, Instant.parse("2026-12-01T00:00:00Z"))), 1.0, HORIZON);

    assertThat(plan.projectedMisses()).singleElement()
        .satisfies(miss -> assertThat(miss.projectedFinish()).isNull());
    assertThat(plan.availableFrom()).isNull();
  }
}
