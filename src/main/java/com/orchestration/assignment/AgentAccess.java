package com.orchestration.assignment;

import com.orchestration.lifecycle.TaskClosedEvent;
import com.orchestration.organization.Person;
import com.orchestration.organization.PersonDirectory;
import com.orchestration.platform.AsSystem;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Only the assigned agent can fetch its {@code ic-work} external task (SPEC §5.2, CAMUNDA-NOTES): agents hold no
 * definition-wide rights; at assignment the agent gets READ + UPDATE on this one process instance, revoked when the
 * task moves to someone else or closes. Checked with authorization on: another agent fetches nothing.
 */
@Component
class AgentAccess {

  private final AuthorizationService authorizations;
  private final PersonDirectory people;
  private final AsSystem asSystem;

  AgentAccess(AuthorizationService authorizations, PersonDirectory people, AsSystem asSystem) {
    this.authorizations = authorizations;
    this.people = people;
    this.asSystem = asSystem;
  }

  boolean isAgent(String personId) {
    return personId != null && people.findById(personId).map(Person::isAgent).orElse(false);
  }

  void grant(String processInstanceId, String agentId) {
    if (!isAgent(agentId)) {
      return;
    }
    asSystem.run(() -> {
      Authorization existing = find(processInstanceId, agentId);
      Authorization grant = existing != null ? existing
          : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(agentId);
      grant.setResource(Resources.PROCESS_INSTANCE);
      grant.setResourceId(processInstanceId);
      grant.addPermission(Permissions.READ);
      grant.addPermission(Permissions.UPDATE);
      authorizations.saveAuthorization(grant);
    });
  }

  void revoke(String processInstanceId, String agentId) {
    if (processInstanceId == null || agentId == null) {
      return;
    }
    asSystem.run(() -> {
      Authorization existing = find(processInstanceId, agentId);
      if (existing != null) {
        authorizations.deleteAuthorization(existing.getId());
      }
    });
  }

  @EventListener
  void taskClosed(TaskClosedEvent event) {
    revoke(event.item().processInstanceId(), event.item().assignee());
  }

  private Authorization find(String processInstanceId, String agentId) {
    return authorizations.createAuthorizationQuery().userIdIn(agentId).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).singleResult();
  }
}
