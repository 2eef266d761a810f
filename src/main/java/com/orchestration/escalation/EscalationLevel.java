package com.orchestration.escalation;

import com.orchestration.organization.Domain;
import com.orchestration.organization.OrganizationGroups;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rung of the escalation ladder (SPEC §6: IC → DL → TL → EM; architects for architectural questions) and the
 * Camunda group whose members resolve at it. The DMN {@code escalation-routing} says which level comes next; this
 * enum only says who sits there.
 */
public enum EscalationLevel {
  DL("domain lead"),
  TL("tech lead"),
  EM("engineering manager"),
  ARCHITECT("architects");

  private final String title;

  EscalationLevel(String title) {
    this.title = title;
  }

  /** The candidate group of the resolver task at this level; the domain lead depends on the task's domain. */
  public String resolverGroup(Domain domain) {
    return switch (this) {
      case DL -> OrganizationGroups.leads(domain);
      case TL -> OrganizationGroups.TECH_LEADS;
      case EM -> OrganizationGroups.ENGINEERING_MANAGERS;
      case ARCHITECT -> OrganizationGroups.ARCHITECTS;
    };
  }

  public String title() {
    return title;
  }

  public static Optional<EscalationLevel> parse(String value) {
    return Arrays.stream(values()).filter(l -> l.name().equals(value)).findFirst();
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
