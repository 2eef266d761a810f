package com.orchestration.organization;

import java.util.List;

/**
 * The organisation or skills file is not usable. Thrown before anything is written, so start-up stops and
 * nothing is half-synchronised. Each line of the message names the file, the entry and the field.
 */
public class OrganizationFileException extends RuntimeException {

  private final List<String> problems;

  OrganizationFileException(List<String> problems) {
    super(problems.size() == 1
        ? problems.get(0)
        : problems.size() + " problems:\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem, each naming file, entry and field. */
  public List<String> problems() {
    return problems;
  }
}
