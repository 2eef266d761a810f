package com.orchestration.assignment;

import com.orchestration.organization.Person;
import java.util.List;

/**
 * Everything the ranking needs about one candidate, read in bulk before any scoring.
 *
 * @param lent true when the IC belongs to another domain and is lent to the task's domain (SPEC §8.5)
 * @param workload committed / capacity over the horizon, before this task (SPEC §8.3)
 * @param band the capacity band name (HEALTHY, CAUTION, NO_NEW_WORK, OVERSUBSCRIBED), shown, not decided on
 * @param samples the IC's most recent performance samples, newest first
 */
record CandidateInput(Person person, boolean lent, double workload, double capacityHours, int openTasks, String band,
    List<PerformanceSample> samples) {

  CandidateInput {
    samples = List.copyOf(samples);
  }
}
