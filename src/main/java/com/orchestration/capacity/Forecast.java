package com.orchestration.capacity;

import com.orchestration.organization.Domain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 3-working-day forecast (SPEC §8.4): per active IC, per domain and for the system, day by day.
 *
 * @param days the horizon's working days (Mon–Fri from today); every list of day loads follows this order
 */
public record Forecast(LocalDate today, List<LocalDate> days, List<DayLoad> system, List<DomainForecast> domains,
    List<IcForecast> people) {

  /**
   * Planned hours against capacity on one day. A day the IC is unavailable has capacity 0 and nothing planned;
   * utilisation is null when the capacity is 0.
   */
  public record DayLoad(LocalDate date, double capacityHours, double plannedHours, Double utilisation) {}

  /**
   * @param availableFrom the first horizon day with free capacity, null when every day is full or unavailable
   * @param projectedMisses open tasks whose projected finish day is after their deadline's day, in plan order
   */
  public record IcForecast(String personId, Domain domain, List<DayLoad> days, LocalDate availableFrom,
      List<ProjectedMiss> projectedMisses) {}

  /**
   * @param projectedFinish the working day on which the task's last hour is planned; null when it does not fit
   *     within a year of working days (the IC is unavailable that long)
   */
  public record ProjectedMiss(long workItemId, String taskKey, Instant deadline, LocalDate projectedFinish) {}

  /** Per-day sums over the domain's active ICs (home domain; lent ICs count at home). */
  public record DomainForecast(Domain domain, List<DayLoad> days) {}
}
