package com.orchestration.capacity;

import com.orchestration.organization.Domain;
import java.util.List;

/**
 * Committed vs capacity over the 3-working-day horizon for the whole system, each domain and each active IC
 * (SPEC §8.3). Domain and system figures are Σcommitted / Σcapacity of the active ICs whose home domain it is;
 * an IC lent to another domain (§8.5) still counts in their home domain. {@code bands}: the band boundaries DMN
 * {@code capacity-bands} gives now, so a client colours utilisation as the table does.
 */
public record CapacityOverview(Totals system, List<DomainLoad> domains, List<PersonLoad> people, Bands bands) {

  /** Utilisation is null when the capacity is 0. */
  public record Totals(double committed, double capacity, Double utilisation) {}

  public record DomainLoad(Domain domain, double committed, double capacity, Double utilisation, Band band) {}

  /** Workload is null when the IC has no capacity in the horizon (the band then says what that means). */
  public record PersonLoad(String personId, Domain domain, double committed, double capacity, Double workload,
      Band band, int openTasks) {}

  static Double ratio(double committed, double capacity) {
    return capacity > 0 ? committed / capacity : null;
  }
}
