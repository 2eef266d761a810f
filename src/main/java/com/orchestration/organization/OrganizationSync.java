package com.orchestration.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes our tables and Camunda identity equal to a validated organisation, idempotently: a second run with the
 * same organisation changes nothing. Everything happens in one transaction (Camunda joins Spring's), so a failure
 * leaves the previous state. Only users that are (or were) in the organisation are touched; never {@code admin}.
 */
@Service
class OrganizationSync {

  private static final Logger log = LoggerFactory.getLogger(OrganizationSync.class);
  static final String ADMIN = "admin";

  private final PersonRepository people;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final TransactionTemplate transaction;

  OrganizationSync(PersonRepository people, IdentityService identity, AuthorizationService authorizations,
      FilterService filters, TaskService tasks, TransactionTemplate transaction) {
    this.people = people;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.transaction = transaction;
  }

  /** What a sync changed; all zero when the organisation was already in place. */
  record Report(int peopleAdded, int peopleChanged, int peopleRemoved, int camundaChanges) {
    boolean nothingChanged() {
      return peopleAdded == 0 && peopleChanged == 0 && peopleRemoved == 0 && camundaChanges == 0;
    }
  }

  Report sync(Organization organization, SkillTaxonomy taxonomy, String initialPassword) {
    if (initialPassword == null || initialPassword.isBlank()) {
      throw new IllegalStateException("orchestration.organization.initial-password must be set");
    }
    // Identity changes are the system's, not a user's: run them without the caller's authentication.
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      Report report = transaction.execute(tx -> run(organization, taxonomy, initialPassword));
      log.info("Organisation synchronised: {} added, {} changed, {} removed, {} Camunda identity changes",
          report.peopleAdded(), report.peopleChanged(), report.peopleRemoved(), report.camundaChanges());
      return report;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private Report run(Organization organization, SkillTaxonomy taxonomy, String initialPassword) {
    Instant now = Instant.now();
    Counter changes = new Counter();
    people.replaceSkills(taxonomy);
    syncGroups(changes);
    Map<TasklistFilter, String> filterIds = syncFilters(changes);

    Map<String, Person> stored = people.findAll().stream()
        .collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    int added = 0;
    int changed = 0;
    for (Person person : organization.people()) {
      Person before = stored.get(person.id());
      if (people.upsert(person, before, now)) {
        if (before == null) {
          added++;
        } else {
          changed++;
        }
      }
      syncUser(person, initialPassword, changes);
      syncMemberships(person, changes);
      syncAuthorizations(person, filterIds, changes);
    }
    int removed = 0;
    Set<String> wanted = organization.people().stream().map(Person::id).collect(Collectors.toSet());
    for (Person former : stored.values()) {
      if (wanted.contains(former.id()) || ADMIN.equals(former.id())) {
        continue;
      }
      if (former.active()) {
        people.deactivate(former.id(), now);
        removed++;
      }
      // They can no longer log in or act: user, memberships (deleted with the user) and every grant to them go.
      for (Authorization a : authorizations.createAuthorizationQuery().userIdIn(former.id()).list()) {
        authorizations.deleteAuthorization(a.getId());
        changes.add();
      }
      if (identity.createUserQuery().userId(former.id()).count() > 0) {
        identity.deleteUser(former.id());
        changes.add();
      }
    }
    return new Report(added, changed, removed, changes.value);
  }

  private void syncGroups(Counter changes) {
    OrganizationGroups.all().forEach((id, name) -> {
      Group group = identity.createGroupQuery().groupId(id).singleResult();
      if (group == null) {
        group = identity.newGroup(id);
      } else if (name.equals(group.getName()) && Groups.GROUP_TYPE_WORKFLOW.equals(group.getType())) {
        return;
      }
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
      changes.add();
    });
  }

  private Map<TasklistFilter, String> syncFilters(Counter changes) {
    Map<TasklistFilter, String> ids = new EnumMap<>(TasklistFilter.class);
    for (TasklistFilter wanted : TasklistFilter.values()) {
      FilterEntity desired = (FilterEntity) filters.newTaskFilter(wanted.title());
      desired.setQuery(wanted.query(tasks));
      desired.setProperties(wanted.properties());
      List<Filter> existing = filters.createTaskFilterQuery().filterName(wanted.title()).orderByFilterId().asc().list();
      Filter filter = existing.isEmpty() ? null : existing.get(0);
      if (filter == null) {
        filter = filters.saveFilter(desired);
        changes.add();
      } else {
        FilterEntity current = (FilterEntity) filter;
        boolean same = Objects.equals(current.getQueryInternal(), desired.getQueryInternal())
            && Objects.equals(current.getProperties(), desired.getProperties())
            && current.getOwner() == null;
        if (!same) {
          current.setQueryInternal(desired.getQueryInternal());
          current.setProperties(desired.getProperties());
          current.setOwner(null);
          filters.saveFilter(current);
          changes.add();
        }
      }
      ids.put(wanted, filter.getId());
    }
    return ids;
  }

  private void syncUser(Person person, String initialPassword, Counter changes) {
    String[] names = splitName(person.name());
    User user = identity.createUserQuery().userId(person.id()).singleResult();
    if (user == null) {
      user = identity.newUser(person.id());
      user.setPassword(initialPassword);
    } else if (names[0].equals(user.getFirstName()) && names[1].equals(user.getLastName())
        && person.email().equals(user.getEmail())) {
      return;
    }
    user.setFirstName(names[0]);
    user.setLastName(names[1]);
    user.setEmail(person.email());
    identity.saveUser(user);
    changes.add();
  }

  private void syncMemberships(Person person, Counter changes) {
    Set<String> managed = OrganizationGroups.all().keySet();
    Set<String> current = identity.createGroupQuery().groupMember(person.id()).list().stream()
        .map(Group::getId).filter(managed::contains).collect(Collectors.toSet());
    List<String> wanted = OrganizationGroups.of(person);
    for (String group : wanted) {
      if (!current.contains(group)) {
        identity.createMembership(person.id(), group);
        changes.add();
      }
    }
    for (String group : current) {
      if (!wanted.contains(group)) {
        identity.deleteMembership(person.id(), group);
        changes.add();
      }
    }
  }

  private void syncAuthorizations(Person person, Map<TasklistFilter, String> filterIds, Counter changes) {
    Map<Key, Set<Permission>> wanted = new LinkedHashMap<>();
    AuthorizationPolicy.grantsFor(person).forEach((target, permissions) -> wanted.put(key(target, filterIds), permissions));
    Set<Key> managed = AuthorizationPolicy.managedTargets().stream().map(t -> key(t, filterIds)).collect(Collectors.toSet());

    Map<Key, Authorization> existing = new LinkedHashMap<>();
    List<Authorization> stale = new ArrayList<>();
    for (Authorization a : authorizations.createAuthorizationQuery().userIdIn(person.id()).list()) {
      Key k = new Key(a.getResourceType(), a.getResourceId());
      if (a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT || !managed.contains(k)) {
        continue; // not ours: e.g. the user's own USER grant, or an agent's per-instance grant from assignment
      }
      if (wanted.containsKey(k) && !existing.containsKey(k)) {
        existing.put(k, a);
      } else {
        stale.add(a);
      }
    }
    for (Authorization a : stale) {
      authorizations.deleteAuthorization(a.getId());
      changes.add();
    }
    wanted.forEach((k, permissions) -> {
      int mask = permissions.stream().mapToInt(Permission::getValue).reduce(0, (x, y) -> x | y);
      Authorization a = existing.get(k);
      if (a != null && ((AuthorizationEntity) a).getPermissions() == mask) {
        return;
      }
      if (a == null) {
        a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setUserId(person.id());
        a.setResourceType(k.resourceType());
        a.setResourceId(k.resourceId());
      }
      a.setPermissions(permissions.toArray(Permission[]::new));
      authorizations.saveAuthorization(a);
      changes.add();
    });
  }

  private static Key key(AuthorizationPolicy.Target target, Map<TasklistFilter, String> filterIds) {
    String id = target.filter() != null ? filterIds.get(target.filter()) : target.resourceId();
    return new Key(target.resource().resourceType(), id);
  }

  /** "Mary Ann Smith" → first "Mary Ann", last "Smith"; a single word is the first name. */
  static String[] splitName(String name) {
    String trimmed = name.trim();
    int space = trimmed.lastIndexOf(' ');
    return space < 0 ? new String[] {trimmed, ""} : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1)};
  }

  private record Key(int resourceType, String resourceId) {}

  private static final class Counter {
    int value;

    void add() {
      value++;
    }
  }
}
