package com.orchestration.communication;

import com.orchestration.lifecycle.FormInputException;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Small shared reads of the incident process's steps. */
final class IncidentSteps {

  /** API field → form field key, so a refused form names the field the person sees. */
  private static final Map<String, String> FORM_FIELDS = Map.of(
      "title", IncidentVariables.INCIDENT_TITLE,
      "description", IncidentVariables.INCIDENT_DESCRIPTION,
      "severity", IncidentVariables.INCIDENT_SEVERITY);

  private IncidentSteps() {}

  /** Runs a validation; its error shows in Tasklist naming the form field, and is a 400 through our API. */
  static <T> T asForm(Supplier<T> work) {
    try {
      return work.get();
    } catch (FormInputException e) {
      throw e;
    } catch (InvalidInputException e) {
      String field = e.field() == null ? null
          : e.field().startsWith(IncidentVariables.AFFECTED_DOMAINS) ? IncidentVariables.AFFECTED_DOMAINS
          : FORM_FIELDS.getOrDefault(e.field(), e.field());
      throw new FormInputException(field, e.getMessage());
    }
  }

  static List<String> groups(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

}
