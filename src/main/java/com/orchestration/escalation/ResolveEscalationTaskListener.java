package com.orchestration.escalation;

import static com.orchestration.escalation.EscalationVariables.*;

import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.organization.Role;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks the resolver's decision when the task {@code Task_ResolveEscalation} completes, in the engine's
 * transaction: a refusal leaves the task open and Tasklist shows the message (CAMUNDA-NOTES). Then closes the
 * level's record and writes the process outputs. Form fields ({@code resolution}, {@code guidance},
 * {@code newAssignee}) are kept apart from the outputs so nothing reaches the caller unchecked.
 */
@Component
class ResolveEscalationTaskListener implements TaskListener {

  static final List<String> RESOLUTIONS = List.of("resolved", "reassign", "escalate", "replan", "cancel");

  private final EscalationService escalations;
  private final PersonDirectory people;

  ResolveEscalationTaskListener(EscalationService escalations, PersonDirectory people) {
    this.escalations = escalations;
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    String resolution = text(task.getVariable(RESOLUTION));
    String guidance = text(task.getVariable(FORM_GUIDANCE));
    String newAssignee = text(task.getVariable(FORM_NEW_ASSIGNEE));
    validate(task, resolution, guidance, newAssignee);

    String by = resolver(task);
    long id = ((Number) task.getVariable(ESCALATION_ID)).longValue();
    boolean escalate = resolution.equals("escalate");
    escalations.close(id, escalate ? "escalated" : resolution,
        resolution.equals("reassign") && newAssignee != null
            ? join("reassign to " + newAssignee, guidance) : guidance, by);
    if (!escalate) {
      task.setVariable(OUTCOME, resolution);
      task.setVariable(GUIDANCE, guidance);
      task.setVariable(NEW_ASSIGNEE, resolution.equals("reassign") ? newAssignee : null);
      task.setVariable(RESOLVED_BY, by);
    }
  }

  private void validate(DelegateTask task, String resolution, String guidance, String newAssignee) {
    if (resolution == null || !RESOLUTIONS.contains(resolution)) {
      throw new InvalidInputException(RESOLUTION, "Choose an outcome: resolved, reassign, escalate, replan or "
          + "cancel" + (resolution == null ? "" : " ('" + resolution + "' is not one of them)"));
    }
    switch (resolution) {
      case "resolved" -> requireGuidance(guidance,
          "Write the guidance the IC needs to continue; it goes back with the task");
      case "escalate" -> {
        if (!Boolean.TRUE.equals(task.getVariable(HIGHER_LEVEL_EXISTS))) {
          throw new InvalidInputException(RESOLUTION, "The engineering manager is the last level; nobody above "
              + "can take it. Choose another outcome");
        }
        requireGuidance(guidance, "Write a note for the next level: what you tried and why you escalate");
      }
      case "cancel" -> {
        if (!Boolean.TRUE.equals(task.getVariable(CANCEL_ALLOWED))) {
          throw new InvalidInputException(RESOLUTION,
              "Only the tech lead or the engineering manager may cancel; choose another outcome");
        }
      }
      case "reassign" -> {
        if (newAssignee != null) {
          Person person = people.findById(newAssignee).orElse(null);
          if (person == null || !person.active() || person.role() != Role.IC) {
            throw new InvalidInputException(FORM_NEW_ASSIGNEE, "'" + newAssignee + "' is not an active "
                + "individual contributor; enter an IC's id, or leave New assignee empty to let the assignment "
                + "service choose");
          }
        }
      }
      default -> { }
    }
  }

  private static void requireGuidance(String guidance, String message) {
    if (guidance == null) {
      throw new InvalidInputException(FORM_GUIDANCE, message);
    }
  }

  /** The user who completes the task: the authenticated user (Tasklist, API), else the assignee. */
  private static String resolver(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static String join(String first, String second) {
    return second == null ? first : first + ": " + second;
  }
}
