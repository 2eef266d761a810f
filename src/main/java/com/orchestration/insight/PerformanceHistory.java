package com.orchestration.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.orchestration.assignment.Factors;
import com.orchestration.assignment.PerformanceSample;
import com.orchestration.capacity.EstimateFactor;
import com.orchestration.insight.CalibrationRepository.Sample;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.organization.Domain;
import com.orchestration.organization.Person;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One IC's performance history (SPEC §11): every completed task's estimate against actual hours and whether it
 * passed its reviews the first time, summed up overall and per complexity, and the recent window that feeds
 * recentPerformance in assignment (§8.1) — computed with assignment's own {@link Factors#recentPerformance} and
 * {@link PerformanceSample#withinEstimate}, so the numbers here are the numbers the next assignment uses.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "An IC's performance history (SPEC §11)")
record PerformanceHistory(
    String personId,
    String name,
    Domain domain,
    boolean active,
    @Schema(description = "Completed tasks on record") int completedTasks,
    @Schema(description = "Share completed without any rework (no gate sent them back); null without tasks")
    Double firstTimeApprovalRate,
    @Schema(description = "Share whose actual hours are within ±20% of the estimate; null without tasks")
    Double estimateAccuracy,
    @Schema(description = "The estimate factor workload and forecast apply to this IC's remaining hours")
    EstimateFactor estimateFactor,
    @Schema(description = "simple, moderate, high") List<ComplexityRecord> perComplexity,
    @Schema(description = "The newest 10 completed tasks, newest first: the window of recentPerformance")
    List<RecentTask> recent,
    @Schema(description = "0.5·first-time approval + 0.5·estimate accuracy over `recent`; 0.5 until 5 tasks")
    double recentPerformance,
    @Schema(description = "False while recentPerformance is the 0.5 default (fewer than 5 tasks)")
    boolean recentPerformanceFromSamples) {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(description = "Success at one complexity")
  record ComplexityRecord(Complexity complexity, int completed, Double firstTimeApprovalRate,
      Double estimateAccuracy) {}

  @Schema(description = "One completed task")
  record RecentTask(String instructionKey, String taskKey, Complexity complexity, double estimateHours,
      double actualHours, boolean firstTimeApproved, boolean withinEstimate, Instant completedAt) {}

  /** @param newestFirst every sample of the person, newest first */
  static PerformanceHistory of(Person person, List<Sample> newestFirst, EstimateFactor factor) {
    List<PerformanceSample> all = newestFirst.stream().map(PerformanceHistory::sample).toList();
    List<ComplexityRecord> perComplexity = new ArrayList<>();
    for (Complexity complexity : Complexity.values()) {
      List<PerformanceSample> ofComplexity = new ArrayList<>();
      for (int i = 0; i < newestFirst.size(); i++) {
        if (newestFirst.get(i).complexity() == complexity) {
          ofComplexity.add(all.get(i));
        }
      }
      perComplexity.add(new ComplexityRecord(complexity, ofComplexity.size(), approvedShare(ofComplexity),
          accurateShare(ofComplexity)));
    }
    List<PerformanceSample> window = all.subList(0, Math.min(Factors.PERFORMANCE_WINDOW, all.size()));
    List<RecentTask> recent = new ArrayList<>();
    for (int i = 0; i < window.size(); i++) {
      Sample s = newestFirst.get(i);
      recent.add(new RecentTask(s.instructionKey(), s.taskKey(), s.complexity(), s.estimateHours(),
          s.actualHours(), s.firstTimeApproved(), window.get(i).withinEstimate(), s.completedAt()));
    }
    return new PerformanceHistory(person.id(), person.name(), person.domain(), person.active(), all.size(),
        approvedShare(all), accurateShare(all), factor, List.copyOf(perComplexity), List.copyOf(recent),
        Factors.recentPerformance(all), window.size() >= Factors.PERFORMANCE_MIN_SAMPLES);
  }

  private static PerformanceSample sample(Sample s) {
    return new PerformanceSample(s.estimateHours(), s.actualHours(), s.firstTimeApproved());
  }

  private static Double approvedShare(List<PerformanceSample> samples) {
    return samples.isEmpty() ? null
        : (double) samples.stream().filter(PerformanceSample::firstTimeApproved).count() / samples.size();
  }

  private static Double accurateShare(List<PerformanceSample> samples) {
    return samples.isEmpty() ? null
        : (double) samples.stream().filter(PerformanceSample::withinEstimate).count() / samples.size();
  }
}
