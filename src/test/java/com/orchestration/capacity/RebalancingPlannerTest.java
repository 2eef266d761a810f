package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.capacity.RebalancingPlanner.Candidates;
import com.orchestration.capacity.RebalancingPlanner.Ic;
import com.orchestration.capacity.RebalancingPlanner.Plan;
import com.orchestration.capacity.RebalancingPlanner.Queued;
import com.orchestration.capacity.RebalancingPlanner.Ranker;
import com.orchestration.capacity.RebalancingPlanner.Unmovable;
import com.orchestration.lifecycle.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The team-rebalancing algorithm of SPEC §8.5 without a database. The ranker stands in for the assignment ranking
 * (tested on its own in assignment): eligible when the IC has the task's skill and a workload ≤ 0.90, best = lowest
 * workload, then id — the same tie-breaks the real ranking ends with.
 */
class RebalancingPlannerTest {

  private static final double CAP = 1.10;
  private static final String INS = "INS-20261124-001";

  /** Who can do which task (by work item id); everybody can do tasks not listed. */
  private final Map<Long, Set<String>> skilled = new LinkedHashMap<>();
  private final List<String> rankedTasks = new ArrayList<>();

  private final Ranker ranker = (task, loads) -> {
    rankedTasks.add(task.taskKey());
    List<String> eligible = new ArrayList<>();
    Map<String, String> excluded = new LinkedHashMap<>();
    loads.values().stream().sorted(Comparator.comparingDouble(Ic::workload).thenComparing(Ic::personId))
        .forEach(ic -> {
          Set<String> able = skilled.get(task.workItemId());
          if (able != null && !able.contains(ic.personId())) {
            excluded.put(ic.personId(), "missing skill react (needs advanced)");
          } else if (ic.workload() > 0.90 + 1e-9) {
            excluded.put(ic.personId(), String.format(Locale.ROOT, "workload %.2f > 0.90", ic.workload()));
          } else {
            eligible.add(ic.personId());
          }
        });
    return new Candidates(eligible, excluded);
  };

  private static Ic ic(String id, double committed) {
    return new Ic(id, committed, 24, 1.0, 0);
  }

  private static Queued task(long id, Priority priority, double hours, Instant deadline) {
    return new Queued(id, INS, "TT" + id, "alice", priority, deadline, hours, true);
  }

  private static Map<String, Ic> team(Ic... ics) {
    Map<String, Ic> team = new LinkedHashMap<>();
    for (Ic ic : ics) {
      team.put(ic.personId(), ic);
    }
    return team;
  }

  @Test
  void anIcAt150PercentHasHerLowestPriorityTasksMovedUntilEveryoneIsUnderTheCap() {
    // Given alice at 36 h of 24 h (1.50) with five not-started tasks, bob idle and carol half full
    Map<String, Ic> team = team(ic("alice", 36), ic("bob", 0), ic("carol", 12));
    List<Queued> tasks = List.of(task(1, Priority.CRITICAL, 8, null), task(2, Priority.HIGH, 8, null),
        task(3, Priority.LOW, 8, null), task(4, Priority.NORMAL, 8, null), task(5, Priority.HIGH, 4, null));

    // When the plan is made
    Plan plan = RebalancingPlanner.plan(team, tasks, CAP, ranker);

    // Then the low, then the normal task move (lowest priority first), each to the least loaded eligible IC
    assertThat(plan.moves()).extracting(RebalancingMove::line).containsExactly(
        "TT3 (INS-20261124-001) alice → bob: alice 1.50 → 1.17 (cap 1.10), low priority; bob 0.00 → 0.33",
        "TT4 (INS-20261124-001) alice → bob: alice 1.17 → 0.83 (cap 1.10), normal priority; bob 0.33 → 0.67");
    assertThat(plan.moves()).extracting(RebalancingMove::hours).containsExactly(8.0, 8.0);
    // and it stops as soon as alice is under the cap: critical and high work stays with her
    assertThat(rankedTasks).containsExactly("TT3", "TT4");
    assertThat(plan.after()).allSatisfy((id, workload) -> assertThat(workload).isLessThanOrEqualTo(CAP));
    assertThat(plan.after()).containsEntry("alice", 20.0 / 24).containsEntry("bob", 16.0 / 24)
        .containsEntry("carol", 0.5);
    assertThat(plan.before()).containsEntry("alice", 1.5);
    assertThat(plan.unmovable()).isEmpty();
    assertThat(plan.notes()).isEmpty();
  }

  @Test
  void anIcAt120PercentNeedsOneMoveToTheOnlyColleagueWithTheSkills() {
    // Given lena at 28.8 h of 24 h (1.20): three high tasks only she can do, one low one marco can do too
    Map<String, Ic> team = team(ic("lena", 28.8), new Ic("marco", 0, 18, 1.0, 0), ic("yuki", 0));
    skilled.put(1L, Set.of("lena"));
    skilled.put(2L, Set.of("lena"));
    skilled.put(3L, Set.of("lena"));
    skilled.put(4L, Set.of("lena", "marco"));
    List<Queued> tasks = List.of(task(1, Priority.HIGH, 8, null), task(2, Priority.HIGH, 8, null),
        task(3, Priority.HIGH, 5.6, null), task(4, Priority.LOW, 7.2, null)).stream()
        .map(t -> new Queued(t.workItemId(), t.instructionKey(), t.taskKey(), "lena", t.priority(), t.deadline(),
            t.remainingHours(), true)).toList();

    // When the plan is made
    Plan plan = RebalancingPlanner.plan(team, tasks, CAP, ranker);

    // Then the low task goes to marco (yuki lacks the skill) and lena ends at 0.90
    assertThat(plan.moves()).extracting(RebalancingMove::from, RebalancingMove::to, RebalancingMove::taskKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lena", "marco", "TT4"));
    assertThat(plan.after().get("lena")).isCloseTo(0.90, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(plan.after().get("marco")).isCloseTo(0.40, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(plan.anyoneOverCap(CAP)).isTrue();
  }

  @Test
  void tiesAreBrokenByDeadlineThenNewestTaskAndByTheRankingsOrderOfCandidates() {
    // Given two low tasks — one due soon, one without deadline — and two idle colleagues with equal workloads
    Map<String, Ic> team = team(ic("alice", 31), ic("carol", 0), ic("bob", 0));
    Instant soon = Instant.parse("2026-11-25T17:00:00Z");
    List<Queued> tasks = List.of(task(1, Priority.LOW, 8, soon), task(2, Priority.LOW, 4, null),
        task(3, Priority.LOW, 4, null));

    // When the plan is made
    Plan plan = RebalancingPlanner.plan(team, tasks, CAP, ranker);

    // Then the tasks without a deadline go first, newest first; the tie between bob and carol goes to bob (id),
    // then carol has the lower workload
    assertThat(plan.moves()).extracting(RebalancingMove::taskKey, RebalancingMove::to).containsExactly(
        org.assertj.core.groups.Tuple.tuple("TT3", "bob"),
        org.assertj.core.groups.Tuple.tuple("TT2", "carol"));
    assertThat(plan.after().get("alice")).isCloseTo(23.0 / 24, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void nobodyIsPushedOverTheCapEvenWhenEligible() {
    // Given bob at 0.88 (eligible: ≤ 0.90) and carol at 0.70; an 8 h task would put bob at 1.21
    Map<String, Ic> team = team(ic("alice", 30), ic("bob", 21.2), ic("carol", 16.8));
    skilled.put(1L, Set.of("alice", "bob"));
    List<Queued> tasks = List.of(task(1, Priority.LOW, 8, null), task(2, Priority.NORMAL, 8, null));

    // When the plan is made
    Plan plan = RebalancingPlanner.plan(team, tasks, CAP, ranker);

    // Then TT1 stays (only bob has the skill, and he would exceed the cap); TT2 goes to carol (0.70 → 1.03)
    assertThat(plan.unmovable()).extracting(Unmovable::taskKey).containsExactly("TT1");
    assertThat(plan.unmovable().get(0).why()).contains("bob would be at 1.22 > 1.10")
        .contains("carol: missing skill react");
    assertThat(plan.moves()).extracting(RebalancingMove::taskKey, RebalancingMove::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TT2", "carol"));
    assertThat(plan.after()).allSatisfy((id, workload) -> assertThat(workload).isLessThanOrEqualTo(CAP));
  }

  @Test
  void whenNobodyIsEligibleEveryTaskIsReportedWithEachCandidatesReason() {
    // Given alice at 1.25 and her only colleague at 0.95 (above the 0.90 eligibility cap)
    Map<String, Ic> team = team(ic("alice", 30), ic("bob", 22.8));
    List<Queued> tasks = List.of(task(1, Priority.LOW, 4, null), task(2, Priority.NORMAL, 4, null));

    // When the plan is made
    Plan plan = RebalancingPlanner.plan(team, tasks, CAP, ranker);

    // Then nothing moves; each task says why, naming bob's reason; the note says alice stays above the cap
    assertThat(plan.moves()).isEmpty();
    assertThat(plan.unmovable()).extracting(Unmovable::line).containsExactly(
        "TT1 (INS-20261124-001) alice: nobody eligible with room — bob: workload 0.95 > 0.90",
        "TT2 (INS-20261124-001) alice: nobody eligible with room — bob: workload 0.95 > 0.90");
    assertThat(plan.notes()).containsExactly("alice stays at 1.25, above the cap 1.10, after every possible move");
    assertThat(plan.after()).isEqualTo(plan.before());
  }

  @Test
  void anIcOverTheCapWithNothingNotStartedIsANoteNotAMove() {
    // Given alice above the cap whose only not-started task is due after the horizon (it does not count)
    Map<String, Ic> team = team(ic("alice", 30), ic("bob", 0));
    Queued later = new Queued(1, INS, "TT1", "alice", Priority.LOW, Instant.parse("2026-12-20T00:00:00Z"), 8, false);

    // When the plan is made
    Plan plan = RebalancingPlanner.plan(team, List.of(later), CAP, ranker);

    // Then moving it would not lower her workload: it stays, and the note says so
    assertThat(plan.moves()).isEmpty();
    assertThat(plan.unmovable()).isEmpty();
    assertThat(plan.notes()).singleElement().asString().startsWith("alice is at 1.25 (cap 1.10) and has no ASSIGNED");
  }

  @Test
  void theTargetsEstimateFactorDecidesHowMuchTheTaskWeighsOnThem() {
    // Given bob, whose tasks historically take 2× the estimate (factor 2.0, SPEC §11)
    Map<String, Ic> team = team(ic("alice", 30), new Ic("bob", 0, 24, 2.0, 0), ic("carol", 6));

    // When 4 h of alice's work must move
    Plan plan = RebalancingPlanner.plan(team, List.of(task(1, Priority.LOW, 4, null)), CAP, ranker);

    // Then bob (lowest workload) gets it and it counts 8 h on his plate, 4 h off alice's
    assertThat(plan.moves()).extracting(RebalancingMove::to).containsExactly("bob");
    assertThat(plan.after().get("bob")).isCloseTo(8.0 / 24, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(plan.after().get("alice")).isCloseTo(26.0 / 24, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void nobodyOverTheCapMeansNoProposal() {
    Plan plan = RebalancingPlanner.plan(team(ic("alice", 26.4), ic("bob", 0)),
        List.of(task(1, Priority.LOW, 8, null)), CAP, ranker);

    assertThat(plan.anyoneOverCap(CAP)).isFalse();
    assertThat(plan.moves()).isEmpty();
    assertThat(rankedTasks).isEmpty();
  }
}
