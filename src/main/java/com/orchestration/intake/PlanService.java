package com.orchestration.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orchestration.lifecycle.Complexity;
import com.orchestration.lifecycle.LifecycleService;
import com.orchestration.lifecycle.TaskKind;
import com.orchestration.lifecycle.WorkItem;
import com.orchestration.lifecycle.WorkItemService;
import com.orchestration.organization.Domain;
import com.orchestration.organization.SkillTaxonomy;
import com.orchestration.platform.ConflictException;
import com.orchestration.platform.InvalidInputException;
import com.orchestration.platform.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans (SPEC §4.4, §4.6): the strategic plan of a tier 3–4 instruction, the tactical breakdown of a strategic
 * task, the tier-2 tactical plan and remediation tasks. One validation for the form textarea and the JSON API
 * ({@link PlanValidator}); a plan waiting for review is stored as a submission, tasks are created from an approved
 * plan only, all or nothing; tactical tasks start their lifecycle in PENDING at once.
 */
@Service
public class PlanService {

  static final String STRATEGIC_SCOPE = "PLAN";
  private static final Pattern MOVE = Pattern.compile("(TT[0-9.]+)\\s*(?:->|→)\\s*([A-Za-z]+)");
  private static final Pattern OWN_KEY = Pattern.compile("TT([1-9][0-9]*)\\.[1-9][0-9]*");

  private final InstructionRepository repository;
  private final InstructionService instructions;
  private final WorkItemService workItems;
  private final LifecycleService lifecycle;
  private final SkillTaxonomy taxonomy;
  private final ObjectMapper json;
  /** A strategic task's estimate is in days; its work item holds hours: the same day as projections use. */
  private final double hoursPerWorkingDay;

  PlanService(InstructionRepository repository, InstructionService instructions, WorkItemService workItems,
      LifecycleService lifecycle, SkillTaxonomy taxonomy, ObjectMapper json,
      @Value("${orchestration.working-hours-per-day:8}") double hoursPerWorkingDay) {
    this.repository = repository;
    this.instructions = instructions;
    this.workItems = workItems;
    this.lifecycle = lifecycle;
    this.taxonomy = taxonomy;
    this.json = json;
    this.hoursPerWorkingDay = hoursPerWorkingDay;
  }

  /** Validates a strategic plan and keeps it for the architecture and risk reviews; records count warnings. */
  @Transactional
  public PlanValidation submitStrategicPlan(String key, String objective, List<PlanTask> tasks,
      List<Integer> riskScores, String actor) {
    Instruction instruction = instructions.get(key);
    PlanValidation validation = PlanValidator.validate(tasks, instruction.tier(), taxonomy, Set.of(),
        "strategicTasks");
    if (tasks.get(0).kind() != TaskKind.STRATEGIC) {
      throw new InvalidInputException("strategicTasks", "A strategic plan holds strategic tasks ST<n>, e.g. ST1");
    }
    repository.updatePlan(key, objective, riskScores, InstructionService.now());
    repository.saveSubmission(key, STRATEGIC_SCOPE, write(tasks), String.join("\n", validation.warnings()), actor,
        InstructionService.now());
    recordWarnings(key, null, validation, actor);
    instructions.record(key, "strategic-plan", null, tasks.size() + " strategic tasks",
        "objective: " + objective + "; risk sum " + RiskScores.sum(riskScores), actor);
    return validation;
  }

  /** The strategic plan waiting for approval. */
  public List<PlanTask> strategicPlan(String key) {
    return read(repository.submission(key, STRATEGIC_SCOPE).orElseThrow(() -> new ConflictException(
        "Instruction " + key + " has no strategic plan yet")));
  }

  /** Creates the approved strategic tasks in PENDING; returns their keys in plan order. */
  @Transactional
  public List<String> createStrategicTasks(String key, String actor) {
    Instruction instruction = instructions.get(key);
    List<WorkItem.Draft> drafts = new ArrayList<>();
    for (PlanTask task : strategicPlan(key)) {
      drafts.add(draft(instruction, task, null, task.domain(), task.estimate() * hoursPerWorkingDay));
    }
    return workItems.createAll(drafts, actor, "strategic plan approved").stream().map(WorkItem::taskKey).toList();
  }

  /**
   * Tier 2 plan or remediation tasks: validated against the tasks that exist (new keys only, dependencies may name
   * them), created and started at once. {@code wholePlan}: the tier's task-count range applies (not to a few
   * remediation tasks or the single tier-1 task).
   */
  @Transactional
  public List<WorkItem> createTacticalTasks(String key, List<PlanTask> tasks, String actor, String reason,
      boolean wholePlan) {
    Instruction instruction = instructions.get(key);
    Set<String> existing = new HashSet<>(instructions.existingTaskKeys(key));
    PlanValidation validation = validateTactical(tasks, instruction.tier(), existing, "tacticalTasks");
    if (wholePlan) {
      recordWarnings(key, null, validation, actor);
    }
    List<WorkItem.Draft> drafts = new ArrayList<>();
    for (PlanTask task : tasks) {
      String parent = parentOf(task.key());
      if (parent != null && !existing.contains(parent)) {
        parent = null;
      }
      drafts.add(draft(instruction, task, parent, task.domain(), task.estimate()));
    }
    return start(instruction, workItems.createAll(drafts, actor, reason));
  }

  /** A domain lead's breakdown of {@code stKey}; kept for the TL's review. */
  @Transactional
  public PlanValidation submitBreakdown(String key, String stKey, List<PlanTask> tasks, String actor) {
    Instruction instruction = instructions.get(key);
    WorkItem st = workItems.get(key, stKey);
    if (st.kind() != TaskKind.STRATEGIC) {
      throw new InvalidInputException("strategicTaskKey", stKey + " is not a strategic task");
    }
    String number = stKey.substring(2);
    for (int i = 0; i < tasks.size(); i++) {
      PlanTask task = tasks.get(i);
      Matcher m = task.key() == null ? null : OWN_KEY.matcher(task.key());
      if (m == null || !m.matches() || !m.group(1).equals(number)) {
        throw new InvalidInputException("tacticalTasks[" + i + "].key", "'" + task.key() + "' is not a task of "
            + stKey + "; its tactical tasks are TT" + number + ".<n>, e.g. TT" + number + ".1");
      }
    }
    Set<String> existing = new HashSet<>(instructions.existingTaskKeys(key));
    PlanValidation validation = validateTactical(tasks, instruction.tier(), existing, "tacticalTasks");
    // A follow-up breakdown (the ST came back to planning) adds a few tasks: the 3–10 range is for the first one.
    boolean followUp = existing.stream().anyMatch(k -> stKey.equals(parentOf(k)));
    PlanValidation kept = followUp ? new PlanValidation(List.of(), validation.taskCount(),
        validation.parallelGroups()) : validation;
    repository.saveSubmission(key, stKey, write(tasks), String.join("\n", kept.warnings()), actor,
        InstructionService.now());
    recordWarnings(key, stKey, kept, actor);
    return kept;
  }

  /** The breakdown waiting for the TL. */
  public List<PlanTask> breakdown(String key, String stKey) {
    return read(repository.submission(key, stKey).orElseThrow(() -> new ConflictException(
        "Strategic task " + key + "/" + stKey + " has no breakdown yet")));
  }

  /**
   * Parses "TT2.3 -> frontend" lines (one move per line) against the breakdown: every task named must be in it and
   * every domain known. Empty text → no moves.
   */
  public Map<String, Domain> parseMoves(String key, String stKey, String text) {
    Map<String, Domain> moves = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return moves;
    }
    Set<String> keys = breakdown(key, stKey).stream().map(PlanTask::key).collect(Collectors.toSet());
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = MOVE.matcher(line);
      String field = "rebalanceMoves line " + (i + 1);
      if (!m.matches()) {
        throw new InvalidInputException(field, "'" + line + "' is not a move; write TT2.3 -> frontend");
      }
      if (!keys.contains(m.group(1))) {
        throw new InvalidInputException(field, m.group(1) + " is not a task of this breakdown; its tasks are "
            + String.join(", ", keys.stream().sorted(PlanValidator.KEY_ORDER).toList()));
      }
      moves.put(m.group(1), Domain.require(field, m.group(2).toLowerCase(java.util.Locale.ROOT)));
    }
    return moves;
  }

  /** Creates the approved breakdown (domains moved as the TL rebalanced) and starts every task's lifecycle. */
  @Transactional
  public List<WorkItem> approveBreakdown(String key, String stKey, Map<String, Domain> moves, String actor) {
    Instruction instruction = instructions.get(key);
    List<WorkItem.Draft> drafts = new ArrayList<>();
    for (PlanTask task : breakdown(key, stKey)) {
      drafts.add(draft(instruction, task, stKey, moves.getOrDefault(task.key(), task.domain()), task.estimate()));
    }
    if (!moves.isEmpty()) {
      instructions.record(key, "rebalance", stKey, moves.size() + " moved", moves.entrySet().stream()
          .map(e -> e.getKey() + " → " + e.getValue().value()).collect(Collectors.joining(", ")), actor);
    }
    return start(instruction, workItems.createAll(drafts, actor, "breakdown of " + stKey + " approved"));
  }

  /** One line per task, for review forms. */
  static String summary(List<PlanTask> tasks, String unit) {
    return tasks.stream().map(t -> t.key() + " · " + t.domain().value() + " · " + number(t.estimate()) + " " + unit
            + " · " + t.description() + (t.dependencies().isEmpty() ? "" : " (after " + String.join(", ",
            t.dependencies()) + ")"))
        .collect(Collectors.joining("\n"));
  }

  private PlanValidation validateTactical(List<PlanTask> tasks, int tier, Set<String> existing, String list) {
    PlanValidation validation = PlanValidator.validate(tasks, tier, taxonomy, existing, list);
    if (tasks.get(0).kind() != TaskKind.TACTICAL) {
      throw new InvalidInputException(list, "Write tactical tasks TT<st>.<n> (or TT<n> at tier 2), e.g. TT1.1");
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (existing.contains(tasks.get(i).key())) {
        throw new InvalidInputException(list + "[" + i + "].key", "Task " + tasks.get(i).key()
            + " already exists in this instruction; choose a new number");
      }
    }
    return validation;
  }

  private List<WorkItem> start(Instruction instruction, List<WorkItem> created) {
    String why = "Part of " + instruction.key() + " (" + instruction.title() + ")"
        + (instruction.objective() == null ? "" : ": " + instruction.objective());
    for (WorkItem item : created) {
      lifecycle.start(item.id(), instruction.tier(), why);
    }
    return created;
  }

  private void recordWarnings(String key, String subject, PlanValidation validation, String actor) {
    for (String warning : validation.warnings()) {
      instructions.record(key, "plan-warning", subject, "warning", warning, actor);
    }
  }

  private static WorkItem.Draft draft(Instruction instruction, PlanTask task, String parent, Domain domain,
      double estimateHours) {
    String title = Texts.abbreviate(task.description().strip(), 200);
    return new WorkItem.Draft(instruction.key(), task.key(), task.kind(), parent, domain, title,
        task.description().strip(), task.acceptanceCriteria(), estimateHours,
        task.complexity() == null ? Complexity.MODERATE : task.complexity(), instruction.priority(),
        instruction.deadline(), task.securitySensitive(), task.architectural(), task.requiredSkills(),
        task.niceToHaveSkills(), task.dependencies());
  }

  static String parentOf(String tacticalKey) {
    Matcher m = OWN_KEY.matcher(tacticalKey);
    return m.matches() ? "ST" + m.group(1) : null;
  }

  private String write(List<PlanTask> tasks) {
    try {
      return json.writeValueAsString(tasks);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the plan", e);
    }
  }

  private List<PlanTask> read(String text) {
    try {
      return json.readValue(text, new TypeReference<List<PlanTask>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored plan cannot be read: " + e.getMessage(), e);
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
