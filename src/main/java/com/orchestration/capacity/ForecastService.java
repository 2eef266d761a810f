package com.orchestration.capacity;

import com.orchestration.capacity.CapacityRepository.Load;
import com.orchestration.capacity.CapacityRepository.PersonRow;
import com.orchestration.capacity.CapacityRepository.Scope;
import com.orchestration.capacity.CapacityService.Snapshot;
import com.orchestration.capacity.Forecast.DayLoad;
import com.orchestration.capacity.Forecast.DomainForecast;
import com.orchestration.capacity.Forecast.IcForecast;
import com.orchestration.capacity.Forecast.ProjectedMiss;
import com.orchestration.organization.Domain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The forecast of SPEC §8.4. Per active IC, the remaining work (calibrated by the IC's estimate factor, §11) of
 * every counting task — whatever its deadline — and the hours of every review the IC holds are laid onto working
 * days in priority order (critical first), then deadline (none last), then task id; at most {@code hoursPerDay} a
 * day, skipping weekends and the IC's unavailable dates. The horizon's three days are reported; planning goes on
 * past them only to find each task's projected finish day. Everything comes from the same three set-based queries
 * as {@link CapacityService}, then is computed in memory.
 */
@Service
public class ForecastService {

  /** How far past the horizon a task's finish day is searched for (about a year of working days). */
  static final int MAX_WORKING_DAYS = 260;

  private static final double EPSILON = 1e-9;

  private static final Comparator<Load> PLAN_ORDER = Comparator
      .comparing(Load::priority)
      .thenComparing(Load::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingLong(Load::workItemId);

  private final CapacityService capacity;

  ForecastService(CapacityService capacity) {
    this.capacity = capacity;
  }

  /** The forecast of every active IC, each domain and the system. */
  public Forecast forecast() {
    return forecast(capacity.snapshot(Scope.ACTIVE_ICS));
  }

  static Forecast forecast(Snapshot snapshot) {
    Horizon horizon = snapshot.horizon();
    int n = horizon.days().size();
    Map<Domain, double[][]> perDomain = new EnumMap<>(Domain.class);
    double[][] system = new double[2][n];
    List<IcForecast> people = new ArrayList<>(snapshot.people().size());
    for (PersonRow person : snapshot.people().values()) {
      IcForecast ic = plan(person, snapshot.loadsOf(person.id()), snapshot.factorOf(person.id()), horizon);
      people.add(ic);
      double[][] domainSums = person.domain() == null ? null
          : perDomain.computeIfAbsent(person.domain(), d -> new double[2][n]);
      for (int i = 0; i < n; i++) {
        DayLoad day = ic.days().get(i);
        system[0][i] += day.capacityHours();
        system[1][i] += day.plannedHours();
        if (domainSums != null) {
          domainSums[0][i] += day.capacityHours();
          domainSums[1][i] += day.plannedHours();
        }
      }
    }
    List<DomainForecast> domains = new ArrayList<>();
    for (Domain domain : Domain.values()) {
      domains.add(new DomainForecast(domain, days(horizon, perDomain.getOrDefault(domain, new double[2][n]))));
    }
    return new Forecast(horizon.today(), horizon.days(), days(horizon, system), domains, people);
  }

  /** One IC's plan; package-private for the unit tests of the algorithm. */
  static IcForecast plan(PersonRow person, List<Load> loads, double factor, Horizon horizon) {
    List<Load> work = new ArrayList<>(loads.size());
    for (Load load : loads) {
      if (hoursOf(load, factor) >= 0) {
        work.add(load);
      }
    }
    work.sort(PLAN_ORDER);
    Set<LocalDate> unavailable = person.unavailable();
    int hoursPerDay = person.hoursPerDay();
    List<LocalDate> horizonDays = horizon.days();
    double[] planned = new double[horizonDays.size()];

    LocalDate day = firstWorkingDay(horizon.today(), unavailable);
    int workingDaysUsed = day == null ? MAX_WORKING_DAYS : 1;
    double freeToday = hoursPerDay;
    List<ProjectedMiss> misses = new ArrayList<>();
    for (Load load : work) {
      double need = hoursOf(load, factor);
      while (day != null && need > EPSILON) {
        if (freeToday <= EPSILON) {
          day = workingDaysUsed >= MAX_WORKING_DAYS ? null : firstWorkingDay(day.plusDays(1), unavailable);
          workingDaysUsed++;
          freeToday = hoursPerDay;
          continue;
        }
        double take = Math.min(need, freeToday);
        need -= take;
        freeToday -= take;
        int index = horizonDays.indexOf(day);
        if (index >= 0) {
          planned[index] += take;
        }
      }
      LocalDate finish = day;
      if (load.deadline() != null && (finish == null || finish.isAfter(horizon.dateOf(load.deadline())))) {
        misses.add(new ProjectedMiss(load.workItemId(), load.taskKey(), load.deadline(), finish));
      }
    }

    List<DayLoad> days = new ArrayList<>(horizonDays.size());
    LocalDate availableFrom = null;
    for (int i = 0; i < horizonDays.size(); i++) {
      LocalDate date = horizonDays.get(i);
      double capacityHours = unavailable.contains(date) ? 0 : hoursPerDay;
      days.add(new DayLoad(date, capacityHours, planned[i], capacityHours > 0 ? planned[i] / capacityHours : null));
      if (availableFrom == null && planned[i] < capacityHours - EPSILON) {
        availableFrom = date;
      }
    }
    return new IcForecast(person.id(), person.domain(), days, availableFrom, misses);
  }

  /** Hours the forecast plans for a reservation, or -1 when it is not planned (not counting, not under review). */
  static double hoursOf(Load load, double factor) {
    if (load.kind() == ReservationKind.REVIEW) {
      return CapacityMath.isReviewState(load.state()) ? load.reservedHours() : -1;
    }
    return load.state().countsTowardsWorkload() ? load.remaining() * factor : -1;
  }

  private static LocalDate firstWorkingDay(LocalDate from, Set<LocalDate> unavailable) {
    LocalDate day = from;
    for (int i = 0; i < 2 * MAX_WORKING_DAYS; i++) {
      if (Horizon.isWeekday(day) && !unavailable.contains(day)) {
        return day;
      }
      day = day.plusDays(1);
    }
    return null;
  }

  private static List<DayLoad> days(Horizon horizon, double[][] sums) {
    List<DayLoad> days = new ArrayList<>(horizon.days().size());
    for (int i = 0; i < horizon.days().size(); i++) {
      days.add(new DayLoad(horizon.days().get(i), sums[0][i], sums[1][i],
          sums[0][i] > 0 ? sums[1][i] / sums[0][i] : null));
    }
    return days;
  }
}
