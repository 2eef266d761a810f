package com.orchestration.communication;

import java.time.Instant;
import java.util.List;

/**
 * An incident as stored (SPEC §9.5), with what it holds: the instructions whose process instances it suspended (or
 * holds together with another open incident) and how many instances that is.
 *
 * @param key {@code INC-<id>}, also the business key of its {@code incident} process instance
 */
public record Incident(long id, String key, String title, String description, IncidentSeverity severity,
    List<String> affectedDomains, IncidentState state, String declaredBy, Instant declaredAt, String resolutionNote,
    String resolvedBy, Instant resolvedAt, String processInstanceId, List<String> suspendedInstructions,
    int suspendedProcessInstances) {

  public Incident {
    affectedDomains = affectedDomains == null ? List.of() : List.copyOf(affectedDomains);
    suspendedInstructions = suspendedInstructions == null ? List.of() : List.copyOf(suspendedInstructions);
  }

  public static String key(long id) {
    return "INC-" + id;
  }

  public boolean isOpen() {
    return state == IncidentState.OPEN;
  }

  /** What the EM supplies to declare an incident (API body and start form). */
  public record Declaration(String title, String description, String severity, List<String> affectedDomains) {

    public Declaration {
      affectedDomains = affectedDomains == null ? List.of() : List.copyOf(affectedDomains);
    }
  }

  /**
   * One process instance the incident holds.
   *
   * @param action {@code suspended} (this incident suspended it) or {@code held} (already suspended by another open
   *     incident; held by both)
   * @param suspendedAt since when the instance is suspended (for {@code held}: since the other incident suspended it)
   * @param releaseOutcome after resolving: {@code resumed}, {@code still-held}, {@code already-active} or
   *     {@code ended}; null while the incident is open
   */
  public record Suspension(String processInstanceId, String processDefinitionKey, String instructionKey,
      String action, Instant recordedAt, Instant suspendedAt, Instant releasedAt, String releaseOutcome) {}
}
