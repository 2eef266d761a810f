package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.insight.CriticalPathMath.Edge;
import com.orchestration.insight.CriticalPathMath.Node;
import com.orchestration.insight.CriticalPathMath.Result;
import com.orchestration.insight.CriticalPathMath.Schedule;
import com.orchestration.insight.CriticalPathRepository.Dependency;
import com.orchestration.insight.CriticalPathRepository.Item;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.organization.Domain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The critical path method on known graphs, without a database: exact earliest/latest start and finish, slack and
 * path for a diamond, parallel chains, a completed task, an unbroken strategic task, ties and a cycle.
 */
class CriticalPathMathTest {

  private static Node open(String key, double hours) {
    return new Node(key, hours, true);
  }

  private static Edge edge(String task, String dependsOn) {
    return new Edge(task, dependsOn);
  }

  /** ES, EF, LS, LF, slack, critical of one task. */
  private static void expect(Result result, String key, double es, double ef, double ls, double lf, double slack,
      boolean critical) {
    Schedule s = result.schedules().get(key);
    assertThat(List.of(s.earliestStart(), s.earliestFinish(), s.latestStart(), s.latestFinish(), s.slack()))
        .as("ES, EF, LS, LF, slack of %s", key).containsExactly(es, ef, ls, lf, slack);
    assertThat(s.critical()).as("%s critical", key).isEqualTo(critical);
  }

  @Test
  void diamondTakesTheLongerBranch() {
    // A (2) → B (3) → D (2) and A → C (1) → D: A-B-D = 7, C has 2 h of slack.
    Result result = CriticalPathMath.schedule(List.of(open("A", 2), open("B", 3), open("C", 1), open("D", 2)),
        List.of(edge("B", "A"), edge("C", "A"), edge("D", "B"), edge("D", "C")));

    expect(result, "A", 0, 2, 0, 2, 0, true);
    expect(result, "B", 2, 5, 2, 5, 0, true);
    expect(result, "C", 2, 3, 4, 5, 2, false);
    expect(result, "D", 5, 7, 5, 7, 0, true);
    assertThat(result.path()).containsExactly("A", "B", "D");
    assertThat(result.length()).isEqualTo(7);
    assertThat(result.schedules().keySet()).containsExactly("A", "B", "C", "D");
  }

  @Test
  void parallelChainsLeaveTheShorterOneItsSlack() {
    // X1 (3) → X2 (2) = 5; Y1 → Y2 → Y3 (1 h each) = 3: every Y task has 2 h of slack.
    Result result = CriticalPathMath.schedule(
        List.of(open("X1", 3), open("X2", 2), open("Y1", 1), open("Y2", 1), open("Y3", 1)),
        List.of(edge("X2", "X1"), edge("Y2", "Y1"), edge("Y3", "Y2")));

    expect(result, "X1", 0, 3, 0, 3, 0, true);
    expect(result, "X2", 3, 5, 3, 5, 0, true);
    expect(result, "Y1", 0, 1, 2, 3, 2, false);
    expect(result, "Y2", 1, 2, 3, 4, 2, false);
    expect(result, "Y3", 2, 3, 4, 5, 2, false);
    assertThat(result.path()).containsExactly("X1", "X2");
    assertThat(result.length()).isEqualTo(5);
  }

  @Test
  void aCompletedTaskTakesNoTimeAndIsNeverOnThePath() {
    // DONE (completed, 0) → T1 (4); T2 (2) alone.
    Result result = CriticalPathMath.schedule(List.of(new Node("DONE", 0, false), open("T1", 4), open("T2", 2)),
        List.of(edge("T1", "DONE")));

    expect(result, "DONE", 0, 0, 0, 0, 0, false);
    expect(result, "T1", 0, 4, 0, 4, 0, true);
    expect(result, "T2", 0, 2, 2, 4, 2, false);
    assertThat(result.path()).containsExactly("T1");
    assertThat(result.length()).isEqualTo(4);
  }

  @Test
  void tiesGoToTheSmallestKeyAtTheStartAndAtEveryFork() {
    // B1 (2) → B2 (2) and A1 (3) → A2 (1) both take 4: the path starts at A1. Behind S (1), X (2) and W (2) both lead
    // to E (1) in 4: the path takes W.
    Result chains = CriticalPathMath.schedule(List.of(open("B1", 2), open("B2", 2), open("A1", 3), open("A2", 1)),
        List.of(edge("B2", "B1"), edge("A2", "A1")));
    assertThat(chains.path()).containsExactly("A1", "A2");
    assertThat(chains.schedules().values()).allMatch(Schedule::critical);

    Result fork = CriticalPathMath.schedule(List.of(open("S", 1), open("X", 2), open("W", 2), open("E", 1)),
        List.of(edge("X", "S"), edge("W", "S"), edge("E", "X"), edge("E", "W")));
    assertThat(fork.path()).containsExactly("S", "W", "E");
    assertThat(fork.length()).isEqualTo(4);
  }

  @Test
  void keysCompareTheirNumbersAsNumbers() {
    Result result = CriticalPathMath.schedule(List.of(open("TT1.10", 1), open("TT1.9", 1), open("TT1.2", 1)),
        List.of());

    assertThat(result.path()).containsExactly("TT1.2");
    assertThat(result.schedules().keySet()).containsExactly("TT1.2", "TT1.9", "TT1.10");
  }

  @Test
  void aCycleIsCutAtItsSmallestKeyAndEdgesToUnknownTasksAreIgnored() {
    // T1 (3) ⇄ T2 (2): plans reject cycles; here T1 goes first and T2 waits for it. T1 → GONE names no task.
    Result result = CriticalPathMath.schedule(List.of(open("T1", 3), open("T2", 2)),
        List.of(edge("T1", "T2"), edge("T2", "T1"), edge("T1", "GONE")));

    expect(result, "T1", 0, 3, 0, 3, 0, true);
    expect(result, "T2", 3, 5, 3, 5, 0, true);
    assertThat(result.path()).containsExactly("T1", "T2");
    assertThat(CriticalPathMath.schedule(List.of(), List.of()).path()).isEmpty();
  }

  // ------------------------------------------------------------------------------ the graph of an instruction

  private static final String KEY = "INS-20310412-001";

  private static Item item(long id, String key, TaskKind kind, String parent, double estimate, TaskState state) {
    return new Item(id, KEY, key, kind, parent, Domain.BACKEND, "Task " + key, estimate, 0, null, null, state, null);
  }

  @Test
  void anUnbrokenStrategicTaskIsOneNodeAndStrategicDependenciesReachEveryTacticalTask() {
    // ST1 broken into TT1.1 (2) → TT1.2 (3) and a cancelled TT1.3; ST2 (16 h = 2 days) not broken down, depends on
    // ST1; ST3 broken into TT3.1 (1), depends on ST2; ST4 cancelled.
    List<Item> items = List.of(
        item(1, "ST1", TaskKind.STRATEGIC, null, 24, TaskState.IN_PROGRESS),
        item(2, "ST2", TaskKind.STRATEGIC, null, 16, TaskState.PENDING),
        item(3, "ST3", TaskKind.STRATEGIC, null, 8, TaskState.IN_PROGRESS),
        item(4, "ST4", TaskKind.STRATEGIC, null, 8, TaskState.CANCELLED),
        item(11, "TT1.1", TaskKind.TACTICAL, "ST1", 2, TaskState.IN_PROGRESS),
        item(12, "TT1.2", TaskKind.TACTICAL, "ST1", 3, TaskState.PENDING),
        item(13, "TT1.3", TaskKind.TACTICAL, "ST1", 5, TaskState.CANCELLED),
        item(31, "TT3.1", TaskKind.TACTICAL, "ST3", 1, TaskState.PENDING));
    Map<Long, Item> byId = new HashMap<>();
    items.forEach(i -> byId.put(i.id(), i));
    List<Dependency> dependencies = List.of(new Dependency(12, 11), new Dependency(13, 11), new Dependency(2, 1),
        new Dependency(3, 2), new Dependency(4, 1));

    CriticalPathService.Graph graph = CriticalPathService.graph(items, byId, dependencies);

    assertThat(graph.nodes().keySet()).containsExactly("ST2", "TT1.1", "TT1.2", "TT3.1");
    assertThat(graph.edges()).containsExactlyInAnyOrder(edge("TT1.2", "TT1.1"), edge("ST2", "TT1.1"),
        edge("ST2", "TT1.2"), edge("TT3.1", "ST2"));

    List<Node> nodes = graph.nodes().values().stream().map(i -> open(i.taskKey(), i.estimateHours())).toList();
    Result result = CriticalPathMath.schedule(nodes, graph.edges());
    expect(result, "TT1.1", 0, 2, 0, 2, 0, true);
    expect(result, "TT1.2", 2, 5, 2, 5, 0, true);
    expect(result, "ST2", 5, 21, 5, 21, 0, true);
    expect(result, "TT3.1", 21, 22, 21, 22, 0, true);
    assertThat(result.path()).containsExactly("TT1.1", "TT1.2", "ST2", "TT3.1");
  }
}
