package com.orchestration.intake;

import com.orchestration.lifecycle.Priority;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.TaskState;
import com.orchestration.lifecycle.WorkItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instruction as {@code GET /api/instructions/{key}} shows it (SPEC §4, §12): the intake fields, the tier and
 * why, what planning, risk review and go/no-go decided, its strategic tasks with their tactical tasks, progress,
 * the plan waiting for review, every recorded decision with its reason, and links into Tasklist and Cockpit.
 */
@Schema(description = "An instruction with its tasks, progress and every decision with its reason")
record InstructionView(
    String key,
    String title,
    String description,
    @Schema(example = "feature") String workType,
    boolean workTypeInferred,
    List<String> affectedDomains,
    List<String> scopeFlags,
    Priority priority,
    Instant deadline,
    boolean customerCommitment,
    double estimateHours,
    InstructionState state,
    @Schema(description = "Current tier 0..4, after a tech lead's override") int tier,
    @Schema(description = "Tier DMN tier-classification gave at intake") int classifiedTier,
    double tierConfidence,
    String tierReason,
    boolean tierOverridden,
    String objective,
    String answer,
    @Schema(description = "Risk category → score 1–10 of the strategic plan; empty before one was written")
    Map<String, Integer> riskScores,
    String riskOutcome,
    List<String> checkpoints,
    String goNoGo,
    @Schema(description = "Completed tactical tasks / (tactical tasks not cancelled + open strategic tasks not broken "
        + "down yet, each counting as one open task), 0..1; 0 without tasks") double progress,
    TaskCounts counts,
    List<StrategicTaskView> strategicTasks,
    @Schema(description = "Tactical tasks without a strategic task: tier 1–2 tasks and remediation tasks")
    List<TacticalTaskView> tacticalTasks,
    @Schema(description = "The strategic plan waiting for architecture or risk review (state PLANNING or "
        + "RISK_REVIEW); absent otherwise") List<PlanTaskJson> pendingPlan,
    @Schema(description = "Every recorded decision with its reason, oldest first") List<DecisionView> decisions,
    @Schema(description = "Decisions of kind plan-architecture-review, strategic-gate and instruction-gate")
    List<DecisionView> gateResults,
    @Schema(description = "Decisions of kind go-no-go") List<DecisionView> goNoGoDecisions,
    @Schema(description = "Decisions of kind risk and risk-review") List<DecisionView> riskDecisions,
    String submittedBy,
    Instant createdAt,
    Instant updatedAt,
    InstructionLinks links) {

  static final Set<String> GATE_KINDS = Set.of("plan-architecture-review", "strategic-gate", "instruction-gate");
  static final Set<String> GO_NO_GO_KINDS = Set.of("go-no-go");
  static final Set<String> RISK_KINDS = Set.of("risk", "risk-review");

  /** Tactical tasks of the instruction by state. */
  record TaskCounts(int total, int completed, int cancelled, int open) {

    static TaskCounts of(List<WorkItem> items) {
      List<WorkItem> tactical = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL).toList();
      int completed = (int) tactical.stream().filter(i -> i.state() == TaskState.COMPLETED).count();
      int cancelled = (int) tactical.stream().filter(i -> i.state() == TaskState.CANCELLED).count();
      return new TaskCounts(tactical.size(), completed, cancelled, tactical.size() - completed - cancelled);
    }
  }

  record StrategicTaskView(String key, String domain, String title, TaskState state, double estimateHours,
      List<String> dependencies, @Schema(description = "Completed / not cancelled tactical tasks of this ST")
      double progress, List<TacticalTaskView> tacticalTasks) {}

  record TacticalTaskView(String key, String domain, String title, TaskState state, String assignee,
      double estimateHours, double hoursSpent, List<String> dependencies) {

    static TacticalTaskView of(WorkItem item) {
      return new TacticalTaskView(item.taskKey(), item.domain().value(), item.title(), item.state(),
          item.assignee(), item.estimateHours(), item.hoursSpent(), item.dependencies());
    }
  }

  record DecisionView(String kind, String subject, String outcome, String reason, String actor,
      Instant occurredAt) {

    static DecisionView of(InstructionDecision decision) {
      return new DecisionView(decision.kind(), decision.subject(), decision.outcome(), decision.reason(),
          decision.actor(), decision.occurredAt());
    }
  }

  record InstructionLinks(@Schema(example = "/camunda/app/tasklist/") String tasklist,
      @Schema(example = "/camunda/app/cockpit/default/#/process-instance/5f1c…") String cockpit) {}

  static InstructionView of(Instruction instruction, List<WorkItem> items, List<InstructionDecision> decisions,
      List<PlanTask> pendingPlan) {
    Comparator<WorkItem> byKey = Comparator.comparing(WorkItem::taskKey, PlanValidator.KEY_ORDER);
    List<WorkItem> strategic = items.stream().filter(i -> i.kind() == TaskKind.STRATEGIC).sorted(byKey).toList();
    Set<String> strategicKeys = new java.util.HashSet<>(strategic.stream().map(WorkItem::taskKey).toList());
    List<WorkItem> tactical = items.stream().filter(i -> i.kind() == TaskKind.TACTICAL).sorted(byKey).toList();

    List<StrategicTaskView> strategicViews = new ArrayList<>();
    for (WorkItem st : strategic) {
      List<WorkItem> children = tactical.stream().filter(t -> st.taskKey().equals(t.parentTaskKey())).toList();
      strategicViews.add(new StrategicTaskView(st.taskKey(), st.domain().value(), st.title(), st.state(),
          st.estimateHours(), st.dependencies(), InstructionService.progress(children),
          children.stream().map(TacticalTaskView::of).toList()));
    }
    List<TacticalTaskView> loose = tactical.stream()
        .filter(t -> t.parentTaskKey() == null || !strategicKeys.contains(t.parentTaskKey()))
        .map(TacticalTaskView::of).toList();

    Map<String, Integer> scores = new LinkedHashMap<>();
    for (int i = 0; i < instruction.riskScores().size() && i < RiskScores.LABELS.size(); i++) {
      scores.put(RiskScores.LABELS.get(i), instruction.riskScores().get(i));
    }
    List<DecisionView> all = decisions.stream().map(DecisionView::of).toList();
    String cockpit = instruction.processInstanceId() == null ? null
        : "/camunda/app/cockpit/default/#/process-instance/" + instruction.processInstanceId();
    return new InstructionView(instruction.key(), instruction.title(), instruction.description(),
        instruction.workType() == null ? null : instruction.workType().jsonName(), instruction.workTypeInferred(),
        instruction.affectedDomains(), instruction.scopeFlags(), instruction.priority(), instruction.deadline(),
        instruction.customerCommitment(), instruction.estimateHours(), instruction.state(), instruction.tier(),
        instruction.classifiedTier(), instruction.tierConfidence(), instruction.tierReason(),
        instruction.tierOverridden(), instruction.objective(), instruction.answer(), scores,
        instruction.riskOutcome(), instruction.checkpoints(), instruction.goNoGo(),
        InstructionService.progress(items), TaskCounts.of(items), strategicViews, loose,
        pendingPlan == null ? null : pendingPlan.stream().map(InstructionView::json).toList(), all,
        only(all, GATE_KINDS), only(all, GO_NO_GO_KINDS), only(all, RISK_KINDS), instruction.submittedBy(),
        instruction.createdAt(), instruction.updatedAt(), new InstructionLinks("/camunda/app/tasklist/", cockpit));
  }

  private static List<DecisionView> only(List<DecisionView> decisions, Set<String> kinds) {
    return decisions.stream().filter(d -> kinds.contains(d.kind())).toList();
  }

  /** A stored plan task in the JSON shape the plan is submitted in (docs/plans.md "JSON"). */
  static PlanTaskJson json(PlanTask task) {
    Map<String, String> skills = new LinkedHashMap<>();
    task.requiredSkills().forEach((skill, level) -> skills.put(skill, level == null ? null : level.value()));
    return new PlanTaskJson(task.key(), task.domain() == null ? null : task.domain().value(), task.estimate(),
        task.description(), task.dependencies(), skills, List.copyOf(task.niceToHaveSkills()),
        task.complexity() == null ? null : task.complexity().jsonName(),
        task.risk() == null ? null : task.risk().jsonName(), task.securitySensitive(), task.architectural(),
        task.acceptanceCriteria());
  }
}
