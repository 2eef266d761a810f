package com.orchestration.communication;

/**
 * Variable names of the {@code incident} process, shared by the BPMN, the forms (field keys) and Java. Catalogue
 * with types: docs/processes.md and docs/incidents.md.
 */
public final class IncidentVariables {

  public static final String PROCESS_KEY = "incident";
  /** The user task the EM completes to resolve; the API's resolve completes the same task. */
  public static final String RESOLVE_TASK = "Task_ResolveIncident";

  // start form declare-incident / POST /api/incidents
  /** String, at most 150 characters. */
  public static final String INCIDENT_TITLE = "incidentTitle";
  /** String, what is happening and what people should do, at most 4000 characters. */
  public static final String INCIDENT_DESCRIPTION = "incidentDescription";
  /** String sev1, sev2 or sev3. */
  public static final String INCIDENT_SEVERITY = "incidentSeverity";
  /** Json list (start form checklist) or comma-separated String (API): domains, optional. */
  public static final String AFFECTED_DOMAINS = "affectedDomains";
  /** String, the initiator (camunda:initiator of the start event). */
  public static final String DECLARED_BY = "declaredBy";

  // written by "Suspend instructions"
  /** Long, the incident's id. */
  public static final String INCIDENT_ID = "incidentId";
  /** String INC-&lt;id&gt;, also the business key. */
  public static final String INCIDENT_KEY = "incidentKey";
  /** String: the suspended instructions and instance count, shown by the resolve form. */
  public static final String SUSPENDED_SUMMARY = "suspendedSummary";
  /** Integer: process instances held when the incident was declared. */
  public static final String SUSPENDED_INSTANCE_COUNT = "suspendedInstanceCount";

  // form resolve-incident / POST /api/incidents/{id}/resolve
  /** String, required, at most 4000 characters: what happened, what was done. */
  public static final String RESOLUTION_NOTE = "resolutionNote";
  /** String, the EM who resolved it (set by the complete listener from the authenticated user). */
  public static final String RESOLVED_BY = "resolvedBy";

  private IncidentVariables() {}
}
