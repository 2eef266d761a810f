package com.orchestration.capacity;

import com.orchestration.capacity.CapacityOverview.DomainLoad;
import com.orchestration.capacity.CapacityOverview.PersonLoad;
import com.orchestration.capacity.CapacityOverview.Totals;
import com.orchestration.capacity.CapacityRepository.Load;
import com.orchestration.capacity.CapacityRepository.PersonRow;
import com.orchestration.capacity.CapacityRepository.Scope;
import com.orchestration.organization.Domain;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.NotFoundException;
import com.orchestration.platform.PolicyDecisions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Workload and capacity reservations (SPEC §8.2, §8.3, §11). Reads are set-based: any number of people cost the
 * same three queries. A reservation locks the IC's person row ({@code SELECT ... FOR UPDATE}) in the caller's
 * transaction and checks the cap against the workload recomputed after the lock, so two assignments to the same
 * IC serialise and neither can push the IC over the cap — on H2 and PostgreSQL alike, and across nodes.
 */
@Service
public class CapacityService {

  /** DMN decision holding the band boundaries, retunable in Modeler. */
  public static final String BANDS_DECISION = "capacity-bands";

  private final CapacityRepository repository;
  private final CapacityClock clock;
  private final Supplier<Bands> bands;

  @Autowired
  CapacityService(JdbcClient jdbc, CapacityClock clock, PolicyDecisions policies) {
    this(jdbc, clock, () -> bandsFrom(policies.evaluate(BANDS_DECISION, Map.of())));
  }

  /** Without Spring or the engine (tests against a bare database, the PostgreSQL locking test). */
  CapacityService(JdbcClient jdbc, CapacityClock clock, Supplier<Bands> bands) {
    this.repository = new CapacityRepository(jdbc);
    this.clock = clock;
    this.bands = bands;
  }

  static Bands bandsFrom(PolicyDecisions.Policy policy) {
    return new Bands(policy.number("cautionFrom"), policy.number("noNewWorkFrom"),
        policy.number("oversubscribedFrom"));
  }

  /** The current band boundaries (DMN {@code capacity-bands}). */
  public Bands bands() {
    return bands.get();
  }

  /** Workloads of these people (ids that name nobody are left out), with one query per table for all of them. */
  public Map<String, Workload> workloads(Collection<String> personIds) {
    return workloads(snapshot(Scope.of(personIds)));
  }

  /** Workloads of every active IC, ordered by id. */
  public Map<String, Workload> workloadsOfActiveIcs() {
    return workloads(snapshot(Scope.ACTIVE_ICS));
  }

  /** One person's workload; {@link NotFoundException} (404) when nobody has this id. */
  public Workload workload(String personId) {
    Workload workload = workloads(List.of(personId)).get(personId);
    if (workload == null) {
      throw new NotFoundException("person", personId);
    }
    return workload;
  }

  /**
   * Reserves capacity for a task or review, inside the caller's transaction (the engine's, when an assignment
   * delegate calls it). Locks the IC's row, recomputes their workload from the database and refuses with
   * {@link CapacityExceededException} when the workload <em>before</em> this reservation is above
   * {@code maxWorkloadBefore} (0.90, or 0.95 for critical work, SPEC §8.1). A reservation the IC already holds for
   * the same item and kind is updated in place, without a cap check (it is already on their plate). The lock is
   * released when the caller's transaction ends.
   *
   * @param hours the hours reserved; the workload of a TASK follows the work item's remaining hours, a REVIEW
   *     counts exactly these hours
   */
  public void reserve(long workItemId, String personId, ReservationKind kind, double hours, double maxWorkloadBefore) {
    if (kind == null) {
      throw new InvalidInputException("kind", "Reservation kind is required; allowed: TASK, REVIEW");
    }
    if (!(hours >= 0) || Double.isInfinite(hours)) {
      throw new InvalidInputException("hours", "Reserved hours must be a number of 0 or more, was " + hours);
    }
    if (Double.isNaN(maxWorkloadBefore)) {
      throw new InvalidInputException("maxWorkloadBefore", "The cap must be a number, e.g. 0.90");
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("reserve() must run inside the caller's transaction: the row lock lasts only "
          + "as long as the transaction that takes it");
    }
    if (repository.lockPerson(personId).isEmpty()) {
      throw new NotFoundException("person", personId);
    }
    if (!repository.workItemExists(workItemId)) {
      throw new NotFoundException("task", String.valueOf(workItemId));
    }
    if (repository.updateReservation(workItemId, personId, kind, hours)) {
      return;
    }
    Workload before = workload(personId);
    if (before.workload() > maxWorkloadBefore + Bands.EPSILON) {
      throw new CapacityExceededException(personId, before.workload(), maxWorkloadBefore);
    }
    try {
      repository.insertReservation(workItemId, personId, kind, hours, clock.now());
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Task " + workItemId + " already has a " + kind + " reservation for " + personId);
    }
  }

  /** Releases every reservation of the task (completed or cancelled, SPEC §8.2). */
  public void release(long workItemId) {
    repository.deleteReservations(workItemId);
  }

  /** Releases one person's reservations of the task (reassignment: release the old IC, reserve the new one). */
  public void release(long workItemId, String personId) {
    repository.deleteReservations(workItemId, personId);
  }

  /** The IC's calibrated estimate factor (SPEC §11); 1.0 until there are 5 samples. */
  public double estimateFactor(String personId) {
    return CapacityMath.estimateFactor(
        repository.recentRatios(Scope.of(List.of(personId)), CapacityMath.FACTOR_SAMPLES).get(personId));
  }

  /**
   * Calibrated estimate factors of these people (SPEC §11), 1.0 for anyone with fewer than 5 samples or no such id:
   * for readers of many tasks (critical paths, the weekly standup) that must not ask per task. Read as workload reads
   * them — one query for a few people, everybody's cached factors for many.
   */
  public Map<String, Double> estimateFactors(Collection<String> personIds) {
    Map<String, Double> known = personIds.isEmpty() ? Map.of() : factors(Scope.of(personIds));
    Map<String, Double> factors = new HashMap<>();
    for (String personId : personIds) {
      factors.put(personId, known.getOrDefault(personId, CapacityMath.estimateFactor(null)));
    }
    return factors;
  }

  /**
   * Each domain's calibrated estimate factor (SPEC §11): the median actual/estimate of the domain's newest 20 samples,
   * clamped to 0.5–3.0, 1.0 with fewer than 5. Used for work nobody holds yet (forecasts, critical paths) and shown to
   * the DL as the suggested estimate.
   */
  public Map<Domain, Double> domainEstimateFactors() {
    Map<Domain, Double> factors = new EnumMap<>(Domain.class);
    domainCalibration().forEach((domain, calibration) -> factors.put(domain, calibration.factor()));
    return factors;
  }

  /** {@link #domainEstimateFactors()} with the samples each factor rests on (calibration API, suggested estimates). */
  public Map<Domain, EstimateFactor> domainCalibration() {
    // Re-read (a window over all samples) only when a sample was added since: the same cheap version check as the
    // people's factors, so every critical-path read and slip check does not scan the whole table.
    String version = repository.sampleVersion();
    DomainFactorCache cached = domainFactorCache;
    if (cached == null || !cached.sampleVersion().equals(version)) {
      Map<String, List<Double>> ratios = repository.recentDomainRatios(CapacityMath.FACTOR_SAMPLES);
      Map<Domain, EstimateFactor> factors = new EnumMap<>(Domain.class);
      for (Domain domain : Domain.values()) {
        factors.put(domain, CapacityMath.calibrate(ratios.get(domain.value())));
      }
      cached = new DomainFactorCache(version, java.util.Collections.unmodifiableMap(factors));
      domainFactorCache = cached;
    }
    return cached.factors();
  }

  private record DomainFactorCache(String sampleVersion, Map<Domain, EstimateFactor> factors) {}

  private volatile DomainFactorCache domainFactorCache;

  /**
   * The estimate factor of each of these people with the samples it rests on, as workload applies it; a person
   * without samples (or an id that names nobody) gets {@link EstimateFactor#NONE}. One query for all of them.
   */
  public Map<String, EstimateFactor> personCalibration(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<Double>> ratios = repository.recentRatios(Scope.of(personIds), CapacityMath.FACTOR_SAMPLES);
    Map<String, EstimateFactor> factors = new LinkedHashMap<>();
    for (String id : personIds) {
      factors.put(id, CapacityMath.calibrate(ratios.get(id)));
    }
    return factors;
  }

  /** System, per-domain and per-IC load of the active ICs (the {@code GET /api/capacity} resource). */
  public CapacityOverview overview() {
    Snapshot snapshot = snapshot(Scope.ACTIVE_ICS);
    Map<String, Workload> workloads = workloads(snapshot);
    Bands b = snapshot.bands();
    Map<Domain, double[]> perDomain = new EnumMap<>(Domain.class);
    double committed = 0;
    double capacity = 0;
    List<PersonLoad> people = new ArrayList<>();
    for (PersonRow person : snapshot.people().values()) {
      Workload w = workloads.get(person.id());
      committed += w.committedHours();
      capacity += w.capacityHours();
      if (person.domain() != null) {
        double[] sums = perDomain.computeIfAbsent(person.domain(), d -> new double[2]);
        sums[0] += w.committedHours();
        sums[1] += w.capacityHours();
      }
      people.add(new PersonLoad(person.id(), person.domain(), w.committedHours(), w.capacityHours(),
          w.hasCapacity() ? w.workload() : null, w.band(), w.openTasks()));
    }
    List<DomainLoad> domains = new ArrayList<>();
    for (Domain domain : Domain.values()) {
      double[] sums = perDomain.getOrDefault(domain, new double[2]);
      domains.add(new DomainLoad(domain, sums[0], sums[1], CapacityOverview.ratio(sums[0], sums[1]),
          b.band(sums[0], sums[1])));
    }
    return new CapacityOverview(new Totals(committed, capacity, CapacityOverview.ratio(committed, capacity)),
        domains, people, b);
  }

  // ------------------------------------------------------------------------------------------------ internals

  /** Everything capacity needs about some people, read with three set-based queries. */
  record Snapshot(Horizon horizon, Bands bands, Map<String, PersonRow> people, Map<String, List<Load>> loads,
      Map<String, Double> factors) {

    List<Load> loadsOf(String personId) {
      return loads.getOrDefault(personId, List.of());
    }

    double factorOf(String personId) {
      return factors.getOrDefault(personId, 1.0);
    }
  }

  Snapshot snapshot(Scope scope) {
    Horizon horizon = Horizon.startingOn(clock.today(), clock.zone());
    Map<String, PersonRow> people = repository.people(scope, horizon.today());
    Map<String, List<Load>> loads = repository.loads(scope);
    return new Snapshot(horizon, bands.get(), people, loads, factors(scope));
  }

  /**
   * Estimate factors change only when a performance sample is added. For one or a few people they are read
   * directly (the reservation path stays exact); for many, everybody's factors are kept and re-read only when the
   * samples' count or newest id changed — one cheap aggregate instead of a window query over all samples, and the
   * same answer on every node because the check goes to the database.
   */
  private Map<String, Double> factors(Scope scope) {
    if (scope.ids() != null && scope.ids().size() <= Scope.ARRAY_LIMIT) {
      return factorsOf(repository.recentRatios(scope, CapacityMath.FACTOR_SAMPLES));
    }
    String version = repository.sampleVersion();
    FactorCache cached = factorCache;
    if (cached == null || !cached.sampleVersion().equals(version)) {
      cached = new FactorCache(version, factorsOf(repository.recentRatios(Scope.EVERYONE,
          CapacityMath.FACTOR_SAMPLES)));
      factorCache = cached;
    }
    return cached.factors();
  }

  private static Map<String, Double> factorsOf(Map<String, List<Double>> ratios) {
    Map<String, Double> factors = new HashMap<>();
    ratios.forEach((person, r) -> factors.put(person, CapacityMath.estimateFactor(r)));
    return factors;
  }

  private record FactorCache(String sampleVersion, Map<String, Double> factors) {}

  private volatile FactorCache factorCache;

  CapacityClock clock() {
    return clock;
  }

  private static Map<String, Workload> workloads(Snapshot snapshot) {
    Map<String, Workload> result = new LinkedHashMap<>();
    for (PersonRow person : snapshot.people().values()) {
      result.put(person.id(), CapacityMath.workload(person, snapshot.loadsOf(person.id()),
          snapshot.factorOf(person.id()), snapshot.horizon(), snapshot.bands()));
    }
    return result;
  }
}
