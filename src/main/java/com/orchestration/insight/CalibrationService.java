package com.orchestration.insight;

import com.orchestration.capacity.CapacityService;
import com.orchestration.capacity.EstimateFactor;
import com.orchestration.insight.CalibrationReport.DomainFactor;
import com.orchestration.insight.CalibrationReport.IcFactor;
import com.orchestration.organization.Domain;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import com.orchestration.platform.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Calibration (SPEC §11) as people read it: the report of {@code GET /api/calibration}, one IC's performance
 * history, and the suggested estimate of the breakdown form. The factors come from capacity, which applies them.
 */
@Service
class CalibrationService {

  private final TierCalibration tiers;
  private final CalibrationRepository repository;
  private final CapacityService capacity;
  private final PersonDirectory people;

  CalibrationService(TierCalibration tiers, CalibrationRepository repository, CapacityService capacity,
      PersonDirectory people) {
    this.tiers = tiers;
    this.repository = repository;
    this.capacity = capacity;
    this.people = people;
  }

  /** @param domain null for every domain */
  CalibrationReport report(Instant from, Instant to, Domain domain) {
    TierAccuracy accuracy = tiers.report(from, to, domain == null ? null : domain.value());
    List<Person> ics = people.findActive().stream()
        .filter(p -> p.role() == Role.IC && (domain == null || p.domain() == domain)).toList();
    Map<String, EstimateFactor> icCalibration = capacity.personCalibration(ics.stream().map(Person::id).toList());
    List<DomainFactor> domains = new ArrayList<>();
    capacity.domainCalibration().forEach((d, factor) -> {
      if (domain == null || d == domain) {
        domains.add(new DomainFactor(d, factor.factor(), factor.samples(), factor.inUse(),
            EstimateGuidance.text(d, factor, ofDomain(ics, icCalibration, d))));
      }
    });
    List<IcFactor> icFactors = ics.stream().map(p -> {
      EstimateFactor factor = icCalibration.get(p.id());
      return new IcFactor(p.id(), p.domain(), factor.factor(), factor.samples(), factor.inUse());
    }).toList();
    return new CalibrationReport(from, to, domain, accuracy, List.copyOf(domains), icFactors);
  }

  /** One person's history; 404 when nobody (active or removed) has this id. */
  PerformanceHistory history(String personId) {
    Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("person", personId));
    return PerformanceHistory.of(person, repository.samplesOf(personId),
        capacity.personCalibration(List.of(personId)).get(personId));
  }

  /** The suggested estimate for a breakdown in this domain (form variable {@code estimateGuidance}). */
  String estimateGuidance(Domain domain) {
    List<Person> ics = people.findActiveIcs(domain);
    Map<String, EstimateFactor> icCalibration = capacity.personCalibration(ics.stream().map(Person::id).toList());
    return EstimateGuidance.text(domain, capacity.domainCalibration().get(domain),
        ofDomain(ics, icCalibration, domain));
  }

  private static Map<String, EstimateFactor> ofDomain(List<Person> ics, Map<String, EstimateFactor> calibration,
      Domain domain) {
    Map<String, EstimateFactor> ofDomain = new LinkedHashMap<>();
    ics.stream().filter(p -> p.domain() == domain).forEach(p -> ofDomain.put(p.id(), calibration.get(p.id())));
    return ofDomain;
  }
}
