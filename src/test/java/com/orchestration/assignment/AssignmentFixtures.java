package com.orchestration.assignment;

import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.Priority;
import com.orchestration.organization.Domain;
import com.orchestration.organization.ExperienceLevel;
import com.orchestration.organization.Kind;
import com.orchestration.organization.Person;
import com.orchestration.organization.Role;
import com.orchestration.organization.SkillLevel;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Hand-made people, tasks and the SPEC §8.1 policy for the pure ranking tests (no Spring, no DMN). */
final class AssignmentFixtures {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private AssignmentFixtures() {}

  static Person ic(String id, Domain domain, ExperienceLevel level, Map<String, SkillLevel> skills,
      List<String> learningGoals, LocalDate... unavailable) {
    return new Person(id, id, id + "@orchestration.example", Role.IC, domain, Kind.HUMAN, level, 8,
        new TreeSet<>(List.of(unavailable)), new TreeMap<>(skills), learningGoals, true);
  }

  static Person ic(String id, ExperienceLevel level, Map<String, SkillLevel> skills) {
    return ic(id, Domain.SECURITY, level, skills, List.of());
  }

  static CandidateInput candidate(Person person, double workload) {
    return new CandidateInput(person, false, workload, 24, 0, "HEALTHY", List.of());
  }

  static CandidateInput candidate(Person person, double workload, int openTasks) {
    return new CandidateInput(person, false, workload, 24, openTasks, "HEALTHY", List.of());
  }

  static TaskAttributes task(Map<String, SkillLevel> required, Set<String> nice, Complexity complexity,
      Priority priority) {
    return new TaskAttributes(Domain.SECURITY, new TreeMap<>(required), new TreeSet<>(nice), complexity, priority,
        6, null);
  }

  /** The policy dmn/assignment-scoring.dmn returns, written out (the DMN tests check the DMN says exactly this). */
  static AssignmentPolicy specPolicy(Priority priority, Complexity complexity, ExperienceLevel level) {
    boolean critical = priority == Priority.CRITICAL;
    return new AssignmentPolicy(specFit(complexity, level), 0.40, 0.25, 0.20, 0.10, 0.05, 0.6,
        critical ? 0.95 : 0.90, 0.75, critical ? 0.6 : 0.95, "assignment-scoring:spec", Collections.emptyList());
  }

  static double specFit(Complexity complexity, ExperienceLevel level) {
    double[][] table = {
        {1.0, 0.9, 0.7, 0.6},   // simple: junior, mid, senior, staff
        {0.4, 1.0, 0.9, 0.8},   // moderate
        {0.0, 0.6, 1.0, 1.0}};  // high
    return table[complexity.ordinal()][level.ordinal()];
  }
}
