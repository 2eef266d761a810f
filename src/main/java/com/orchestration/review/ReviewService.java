package com.orchestration.review;

import static com.orchestration.lifecycle.LifecycleVariables.INSTRUCTION_KEY;
import static com.orchestration.lifecycle.LifecycleVariables.TASK_KEY;
import static com.orchestration.lifecycle.LifecycleVariables.WORK_ITEM_ID;

import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.platform.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Review records (SPEC §7): every gate decision with reviewer, outcome, findings and duration, and the first-time
 * approval rate per author (SPEC §11). Records are written by the gates' complete listeners after their validation,
 * in the engine's transaction, so a refused completion writes nothing.
 */
@Service
public class ReviewService {

  /** The first-time approval rate looks at the author's newest this many peer-reviewed tasks (SPEC §8.1, §11). */
  public static final int FIRST_TIME_WINDOW = 10;
  static final int MAX_FINDINGS_TEXT = 4000;

  private final ReviewRepository repository;

  ReviewService(ReviewRepository repository) {
    this.repository = repository;
  }

  /** A decision to record; the round, decision time and duration are the service's business. */
  public record Decision(long workItemId, String instructionKey, String taskKey, ReviewGate gate, String reviewer,
      String author, String outcome, List<Findings.Finding> findings, Instant openedAt) {

    public Decision {
      Objects.requireNonNull(gate, "gate");
      Objects.requireNonNull(reviewer, "reviewer");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(openedAt, "openedAt");
      findings = findings == null ? List.of() : List.copyOf(findings);
    }
  }

  /** Records a decision, decided now (engine clock); the round counts this gate's earlier decisions on the task. */
  public ReviewRecord record(Decision d) {
    Instant decidedAt = ClockUtil.getCurrentTime().toInstant();
    int round = repository.countDecisions(d.workItemId(), d.gate()) + 1;
    String findings = d.findings().isEmpty() ? null : Texts.abbreviate(d.findings().stream()
        .map(f -> f.severity() + ": " + f.text()).collect(Collectors.joining("\n")), MAX_FINDINGS_TEXT);
    String highest = d.findings().stream().map(Findings.Finding::severity).min(Comparator.naturalOrder())
        .map(Enum::name).orElse(null);
    long seconds = Math.max(0, Duration.between(d.openedAt(), decidedAt).toSeconds());
    ReviewRecord record = new ReviewRecord(0, d.workItemId(), d.instructionKey(), d.taskKey(), d.gate(), round,
        d.reviewer(), d.author(), d.outcome(), findings, d.findings().size(), highest, d.openedAt(), decidedAt,
        seconds);
    repository.insert(record);
    return record;
  }

  /**
   * Records the decision a user task's completion carries: task, instruction and work item from the process
   * variables {@code workItemId}, {@code instructionKey}, {@code taskKey}; opened when the task was created; the
   * reviewer is the user completing it (else its assignee, else {@code system}).
   */
  public ReviewRecord record(DelegateTask task, ReviewGate gate, String author, String outcome,
      List<Findings.Finding> findings) {
    return record(new Decision(ProcessValues.id(task, WORK_ITEM_ID), ProcessValues.text(task, INSTRUCTION_KEY),
        ProcessValues.text(task, TASK_KEY), gate, reviewerOf(task), author, outcome, findings,
        task.getCreateTime() == null ? ClockUtil.getCurrentTime().toInstant() : task.getCreateTime().toInstant()));
  }

  /** The user completing the task, else its assignee, else {@code system}. */
  static String reviewerOf(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /** Every review of a task, oldest first. */
  public List<ReviewRecord> forWorkItem(long workItemId) {
    return repository.findByWorkItem(workItemId);
  }

  /** Reviews matching every given filter (null = any), newest first, at most {@code limit}. */
  public List<ReviewRecord> find(String instructionKey, String reviewer, ReviewGate gate, int limit) {
    return repository.find(instructionKey, reviewer, gate, limit);
  }

  /** Share of the author's newest 10 peer-reviewed tasks whose first peer review approved (SPEC §11). */
  public FirstTimeApproval firstTimeApprovalRate(String personId) {
    List<String> firstOutcomes = repository.firstPeerReviewOutcomes(personId, FIRST_TIME_WINDOW);
    int approved = (int) firstOutcomes.stream().filter("approve"::equals).count();
    return new FirstTimeApproval(personId, firstOutcomes.size(), approved,
        firstOutcomes.isEmpty() ? null : (double) approved / firstOutcomes.size());
  }
}
