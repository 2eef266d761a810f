package com.orchestration.organization;

import java.util.List;
import java.util.Optional;

/** A validated organisation: the people of the organisation file, in file order. */
record Organization(List<Person> people) {

  Organization {
    people = List.copyOf(people);
  }

  Optional<Person> person(String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
