package com.orchestration.organization;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the people of the organisation for other capabilities (assignment, capacity, review, ...).
 * Backed by our tables, which the organisation sync fills at start-up.
 */
public interface PersonDirectory {

  /** The person with this login id, active or removed (see {@link Person#active()}). */
  Optional<Person> findById(String id);

  /** Every active person, ordered by id. */
  List<Person> findActive();

  /** The active individual contributors (humans and agents) of a domain, ordered by id. */
  List<Person> findActiveIcs(Domain domain);

  /** The active people with this role, ordered by id. */
  List<Person> findActiveByRole(Role role);

  /** The active domain lead of a domain, if the organisation has one. */
  default Optional<Person> findDomainLead(Domain domain) {
    return findActiveByRole(Role.DOMAIN_LEAD).stream().filter(p -> p.domain() == domain).findFirst();
  }
}
