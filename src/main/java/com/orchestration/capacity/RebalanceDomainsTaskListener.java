package com.orchestration.capacity;

import static com.orchestration.capacity.RebalancingVariables.*;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.lifecycle.ProcessValues;
import com.orchestration.organization.OrganizationGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * "Rebalance domains" completes: only the TL (or EM) decides; lend needs an offered IC and 1–30 days, defer at least
 * one offered strategic task, escalate and dismiss a note. The decision is recorded; lend and defer run next.
 */
@Component
class RebalanceDomainsTaskListener implements TaskListener {

  static final List<String> ACTIONS = List.of("lend", "defer", "escalate", "dismiss");

  private final RebalancingService rebalancing;

  RebalanceDomainsTaskListener(RebalancingService rebalancing) {
    this.rebalancing = rebalancing;
  }

  @Override
  public void notify(DelegateTask task) {
    String by = RebalanceTeamTaskListener.decider(task, DOMAIN_ACTION, List.of(OrganizationGroups.TECH_LEADS,
        OrganizationGroups.ENGINEERING_MANAGERS), "the tech lead (or the engineering manager)");
    String action = ProcessValues.oneOf(task, DOMAIN_ACTION, "Action", ACTIONS);
    long reviewId = ProcessValues.id(task, DOMAIN_REVIEW_ID);
    String note = ProcessValues.text(task, DOMAIN_NOTE);
    if (note != null && note.length() > 1000) {
      throw new FormInputException(DOMAIN_NOTE, "The note is limited to 1000 characters");
    }
    switch (action) {
      case "lend" -> {
        Double days = ProcessValues.number(task, LOAN_DAYS, "Loan length in days", 1, RebalancingService.MAX_LOAN_DAYS);
        rebalancing.validateLend(reviewId, ProcessValues.text(task, LEND_IC), days == null ? null : days.intValue(),
            LEND_IC);
      }
      case "defer" -> rebalancing.validateDefer(reviewId, keys(task.getVariable(DEFER_TASKS)), DEFER_TASKS);
      default -> {
        if (note == null) {
          throw new FormInputException(DOMAIN_NOTE, "escalate".equals(action)
              ? "Tell the engineering manager what you need decided" : "Say why nothing needs to change");
        }
      }
    }
    rebalancing.decideDomain(reviewId, action, by, note);
    task.setVariable(DOMAIN_DECIDED_BY, by);
  }

  /** The checklist's Json array, a collection, or text with one key per line. */
  static List<String> keys(Object value) {
    List<String> keys = new ArrayList<>();
    if (value == null) {
      return keys;
    }
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> keys.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        keys.addAll(json.stringValue().lines().toList());
      }
    } else if (value instanceof Collection<?> list) {
      list.forEach(e -> keys.add(String.valueOf(e)));
    } else {
      keys.addAll(value.toString().lines().toList());
    }
    return keys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
  }
}
