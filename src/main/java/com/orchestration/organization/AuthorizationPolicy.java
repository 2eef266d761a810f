package com.orchestration.organization;

import static com.orchestration.organization.Role.ARCHITECT;
import static com.orchestration.organization.Role.DOMAIN_LEAD;
import static com.orchestration.organization.Role.ENGINEERING_MANAGER;
import static com.orchestration.organization.Role.IC;
import static com.orchestration.organization.Role.TECH_LEAD;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * Who may do what in Camunda, by role — least privilege (SPEC §3, §13). One row per grant; the sync turns the rows
 * that match a person into user authorizations. Only humans get anything here: an agent has no webapp access and
 * no definition-wide rights (assignment grants it the instances it works on). Candidates and assignees see their
 * tasks without any row here (Camunda's task identity-link check).
 */
final class AuthorizationPolicy {

  private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
  private static final Set<Role> MANAGEMENT = EnumSet.of(ENGINEERING_MANAGER, TECH_LEAD);
  private static final Set<Role> LEADS = EnumSet.of(ENGINEERING_MANAGER, TECH_LEAD, DOMAIN_LEAD);

  /** The policy. Read it as: humans with one of these roles get these permissions on this resource. */
  static final List<Rule> RULES = List.of(
      rule(EVERY_ROLE, APPLICATION, "tasklist", Permissions.ACCESS),
      rule(MANAGEMENT, APPLICATION, "cockpit", Permissions.ACCESS),
      // Starting an instruction from Tasklist needs both: CREATE_INSTANCE on the definition, CREATE on instances.
      rule(EVERY_ROLE, PROCESS_DEFINITION, "instruction",
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
      rule(EVERY_ROLE, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE),
      // Only the EM declares incidents (SPEC §9.5): the incident start form is hers alone.
      rule(EnumSet.of(ENGINEERING_MANAGER), PROCESS_DEFINITION, "incident",
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
      rule(MANAGEMENT, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
      rule(EnumSet.of(DOMAIN_LEAD), PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ),
      rule(MANAGEMENT, PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ),
      rule(MANAGEMENT, DECISION_DEFINITION, "*", Permissions.READ),
      rule(MANAGEMENT, TASK, "*", TaskPermissions.READ),
      filter(EVERY_ROLE, TasklistFilter.MY_TASKS),
      filter(LEADS, TasklistFilter.MY_TEAMS_OPEN_TASKS),
      filter(EnumSet.of(DOMAIN_LEAD, IC, ARCHITECT), TasklistFilter.TO_REVIEW),
      filter(LEADS, TasklistFilter.ESCALATED_TO_ME),
      filter(LEADS, TasklistFilter.OVERDUE));

  private AuthorizationPolicy() {}

  /**
   * @param resourceId the resource id, or null for a filter (whose id is only known once the filter exists)
   */
  record Rule(Set<Role> roles, Resources resource, String resourceId, TasklistFilter filter, List<Permission> permissions) {}

  /** What a grant is about: a resource type and id. For filters the id is the filter's name until resolved. */
  record Target(Resources resource, String resourceId, TasklistFilter filter) {
    String describe() {
      return resource.resourceName() + " " + (filter != null ? "'" + filter.title() + "'" : resourceId);
    }
  }

  /** The grants for a person, one entry per target with every permission the matching rules give. */
  static Map<Target, Set<Permission>> grantsFor(Person person) {
    Map<Target, Set<Permission>> grants = new LinkedHashMap<>();
    if (!person.active() || person.isAgent()) {
      return grants;
    }
    for (Rule rule : RULES) {
      if (rule.roles().contains(person.role())) {
        grants.computeIfAbsent(new Target(rule.resource(), rule.resourceId(), rule.filter()), t -> new LinkedHashSet<>())
            .addAll(rule.permissions());
      }
    }
    return grants;
  }

  /** Every target the policy knows; the sync removes a person's grants on these when the policy no longer gives them. */
  static Set<Target> managedTargets() {
    return RULES.stream().map(r -> new Target(r.resource(), r.resourceId(), r.filter()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The filters a person sees in Tasklist. */
  static Set<TasklistFilter> filtersFor(Person person) {
    return grantsFor(person).keySet().stream().map(Target::filter).filter(f -> f != null)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TasklistFilter.class)));
  }

  private static Rule rule(Set<Role> roles, Resources resource, String resourceId, Permission... permissions) {
    return new Rule(roles, resource, resourceId, null, List.of(permissions));
  }

  private static Rule filter(Set<Role> roles, TasklistFilter filter) {
    return new Rule(roles, FILTER, null, filter, List.of(Permissions.READ));
  }
}
