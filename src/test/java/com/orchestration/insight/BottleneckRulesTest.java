package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.capacity.Band;
import com.orchestration.capacity.CapacityOverview.PersonLoad;
import com.orchestration.insight.BottleneckReport.GroupQueue;
import com.orchestration.insight.BottleneckReport.OverloadedIc;
import com.orchestration.insight.BottleneckReport.Stage;
import com.orchestration.insight.MetricsRepository.GateTask;
import com.orchestration.insight.MetricsRepository.OpenItem;
import com.orchestration.organization.Domain;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rules of the bottleneck report (SPEC §10.2), without a database. */
class BottleneckRulesTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  static Instant hoursAgo(double hours) {
    return NOW.minusSeconds((long) (hours * 3600));
  }

  @Test
  void theStateWithTheLargestWipTimesMeanWaitLeadsNotTheOneWithTheMostWipAndTiesGoToTheLargerWip() {
    List<OpenItem> items = List.of(
        new OpenItem("ASSIGNED", hoursAgo(1)), new OpenItem("ASSIGNED", hoursAgo(2)),
        new OpenItem("ASSIGNED", hoursAgo(3)), new OpenItem("ASSIGNED", hoursAgo(6)),
        new OpenItem("UNDER_REVIEW", hoursAgo(10)), new OpenItem("UNDER_REVIEW", hoursAgo(20)),
        new OpenItem("BLOCKED", hoursAgo(5)));
    List<GateTask> gates = List.of(new GateTask("gate-cross-functional", hoursAgo(4)),
        new GateTask("gate-cross-functional", hoursAgo(8)));

    List<Stage> ranking = BottleneckService.rank(items, gates, NOW);

    assertThat(ranking).containsExactly(
        new Stage("UNDER_REVIEW", "gate", 2, 15.0, 30.0),
        new Stage("ASSIGNED", "state", 4, 3.0, 12.0),
        new Stage("gate-cross-functional", "gate", 2, 6.0, 12.0),
        new Stage("BLOCKED", "state", 1, 5.0, 5.0));
  }

  @Test
  void equalScoresGoToTheLargerWipThenByNameAndNegativeWaitsCountAsZero() {
    List<Stage> ranking = BottleneckService.rank(List.of(
        new OpenItem("ESCALATED", hoursAgo(4)),
        new OpenItem("IN_PROGRESS", hoursAgo(2)), new OpenItem("IN_PROGRESS", hoursAgo(2)),
        new OpenItem("DOMAIN_REVIEW", hoursAgo(2)), new OpenItem("DOMAIN_REVIEW", hoursAgo(2)),
        new OpenItem("PENDING", NOW.plusSeconds(3600))), List.of(), NOW);

    assertThat(ranking).extracting(Stage::name)
        .containsExactly("DOMAIN_REVIEW", "IN_PROGRESS", "ESCALATED", "PENDING");
    assertThat(ranking.get(3)).isEqualTo(new Stage("PENDING", "state", 1, 0.0, 0.0));
  }

  @Test
  void nothingOpenMeansAnEmptyRanking() {
    assertThat(BottleneckService.rank(List.of(), List.of(), NOW)).isEmpty();
  }

  @Test
  void theLongestQueueIsTheMostQueuedTasksThenTheOldestWait() {
    List<MetricsRepository.GroupQueue> queues = List.of(
        new MetricsRepository.GroupQueue("team-qa", 3, hoursAgo(2)),
        new MetricsRepository.GroupQueue("team-backend", 5, hoursAgo(1)),
        new MetricsRepository.GroupQueue("tech-leads", 5, hoursAgo(7.5)));

    assertThat(BottleneckService.longestQueue(queues, NOW)).isEqualTo(new GroupQueue("tech-leads", 5, 7.5));
    assertThat(BottleneckService.longestQueue(List.of(), NOW)).isNull();
  }

  @Test
  void theMostOverloadedIcHasTheMostHoursBeyondCapacity() {
    List<PersonLoad> people = List.of(
        person("alice", 30, 24, Band.OVERSUBSCRIBED),   // 6 h over, workload 1.25
        person("bob", 20, 12, Band.OVERSUBSCRIBED),     // 8 h over, workload 1.67
        person("carlos", 23, 24, Band.NO_NEW_WORK),     // under
        person("priya", 8, 0, Band.OVERSUBSCRIBED));    // 8 h over, no capacity at all

    OverloadedIc ic = BottleneckService.mostOverCapacity(people);

    assertThat(ic).isEqualTo(new OverloadedIc("priya", "backend", null, "OVERSUBSCRIBED", 8, 0, 8));
    assertThat(BottleneckService.mostOverCapacity(people.subList(0, 2)))
        .isEqualTo(new OverloadedIc("bob", "backend", 20 / 12.0, "OVERSUBSCRIBED", 20, 12, 8));
  }

  @Test
  void nobodyOverCapacityMeansNoOverloadedIc() {
    assertThat(BottleneckService.mostOverCapacity(List.of(person("carlos", 24, 24, Band.NO_NEW_WORK)))).isNull();
  }

  static PersonLoad person(String id, double committed, double capacity, Band band) {
    return new PersonLoad(id, Domain.BACKEND, committed, capacity, capacity > 0 ? committed / capacity : null, band,
        2);
  }
}
