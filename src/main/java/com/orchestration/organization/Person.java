package com.orchestration.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A person of the organisation as the organisation file declares it and our tables keep it (SPEC §3).
 *
 * @param domain null for roles without a domain (engineering manager, tech lead, usually architect)
 * @param active false once the person was removed from the organisation file; their history stays
 */
public record Person(
    String id,
    String name,
    String email,
    Role role,
    Domain domain,
    Kind kind,
    ExperienceLevel level,
    int hoursPerDay,
    SortedSet<LocalDate> unavailableDates,
    SortedMap<String, SkillLevel> skills,
    List<String> learningGoals,
    boolean active) {

  public static final int DEFAULT_HOURS_PER_DAY = 8;

  public Person {
    unavailableDates = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(unavailableDates));
    skills = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(skills));
    learningGoals = List.copyOf(learningGoals);
  }

  public boolean isAgent() {
    return kind == Kind.AGENT;
  }

  public boolean isHuman() {
    return kind == Kind.HUMAN;
  }

  /** False on declared unavailable dates; weekends are the capacity model's business, not this one's. */
  public boolean isAvailableOn(LocalDate date) {
    return !unavailableDates.contains(date);
  }

  public Optional<SkillLevel> skillLevel(String skill) {
    return Optional.ofNullable(skills.get(skill));
  }

  public boolean wantsToLearn(String skill) {
    return learningGoals.contains(skill);
  }

  /** The same person with another active flag (used when reading removed people from history). */
  Person withActive(boolean value) {
    return new Person(id, name, email, role, domain, kind, level, hoursPerDay, unavailableDates, skills,
        learningGoals, value);
  }

  /** Convenience for tests and fixtures. */
  static Person of(String id, String name, Role role, Domain domain, Kind kind, ExperienceLevel level,
      Map<String, SkillLevel> skills) {
    return new Person(id, name, id + "@orchestration.example", role, domain, kind, level, DEFAULT_HOURS_PER_DAY,
        new TreeSet<>(), new TreeMap<>(skills), List.of(), true);
  }
}
