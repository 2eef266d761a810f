package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.LifecycleVariables;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Rebalance team" completes: only the domain's lead (or the TL, EM) decides; approve re-checks the proposed moves
 * against the current state, edit checks the DL's lines (each error names its line), reject needs a reason. The
 * decision is recorded before "Apply moves" runs in the same transaction.
 */
@Component
class RebalanceTeamTaskListener implements TaskListener {

  static final List<String> DECISIONS = List.of("approve", "edit", "reject");

  private final RebalancingService rebalancing;

  RebalanceTeamTaskListener(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void notify(DelegateTask task) {
    Domain domain = Domain.require(LifecycleVariables.DOMAIN, ProcessValues.text(task, LifecycleVariables.DOMAIN));
    String by = decider(task, TEAM_DECISION, List.of(OrganizationGroups.leads(domain), OrganizationGroups.TECH_LEADS,
        OrganizationGroups.ENGINEERING_MANAGERS), "the " + domain.value() + " domain lead (or the tech lead, the "
        + "engineering manager)");
    String decision = ProcessValues.oneOf(task, TEAM_DECISION, "Decision", DECISIONS);
    long proposalId = ProcessValues.id(task, PROPOSAL_ID);
    String note = ProcessValues.text(task, TEAM_NOTE);
    if (note != null && note.length() > 1000) {
      throw new FormInputException(TEAM_NOTE, "The note is limited to 1000 characters");
    }
    List<RebalancingMove> moves = null;
    switch (decision) {
      case "approve" -> {
        List<RebalancingMove.Numbered> proposed = parse(rebalancing.proposal(proposalId).moves().stream()
            .map(RebalancingMove::line).reduce((a, b) -> a + "\n" + b).orElse(""), TEAM_DECISION);
        if (proposed.isEmpty()) {
          throw new FormInputException(TEAM_DECISION, "The proposal has no moves to approve; choose edit to write "
              + "your own, or reject");
        }
        moves = validate(domain, proposed, TEAM_DECISION, "The proposal is out of date — choose edit and adjust it. ");
      }
      case "edit" -> {
        List<RebalancingMove.Numbered> edited = parse(ProcessValues.text(task, EDITED_MOVES), EDITED_MOVES);
        if (edited.isEmpty()) {
          throw new FormInputException(EDITED_MOVES, "Write at least one move as '" + RebalancingMove.LINE_FORMAT
              + "', or choose reject");
        }
        moves = validate(domain, edited, EDITED_MOVES, "");
      }
      default -> {
        if (note == null) {
          throw new FormInputException(TEAM_NOTE, "Say why you reject the proposal");
        }
      }
    }
    rebalancing.decideTeam(proposalId, decision, moves, by, note);
    task.setVariable(MOVES_APPROVED, !"reject".equals(decision));
    task.setVariable(MOVES_DECIDED_BY, by);
  }

  private List<RebalancingMove> validate(Domain domain, List<RebalancingMove.Numbered> lines, String field,
      String prefix) {
    try {
      return rebalancing.validateMoves(domain, lines, field);
    } catch (FormInputException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      throw new FormInputException(field, prefix + e.getMessage().replace(" [" + field + "]", ""));
    }
  }

  private static List<RebalancingMove.Numbered> parse(String text, String field) {
    try {
      return RebalancingMove.parse(text, field);
    } catch (InvalidInputException e) {
      throw new FormInputException(field, e.getMessage());
    }
  }

  /**
   * The user completing the task, when they hold one of {@code groups} (an admin passes Camunda's task authorization
   * but not this); system when nobody is authenticated (the engine itself).
   */
  static String decider(DelegateTask task, String field, List<String> groups, String who) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return RebalancingService.SYSTEM;
    }
    List<String> held = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.stream().noneMatch(held::contains)) {
      throw new FormInputException(field, "Only " + who + " decides this");
    }
    return user.getUserId();
  }
}
