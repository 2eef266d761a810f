package com.orchestration.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in to the Camunda webapps in this browser session, for the dashboard — and the session's CSRF token,
 * which the dashboard needs to log in and out through Camunda's own endpoints
 * ({@code /camunda/api/admin/auth/user/default/login/tasklist}, {@code …/logout}) so one login serves Tasklist,
 * Cockpit and the dashboard. Camunda hands the token out only once per session (header {@code X-XSRF-TOKEN}) and as a
 * cookie whose path is {@code /camunda}, which a page under {@code /dashboard/} cannot read. Only same-origin scripts
 * can read this answer (no CORS), which is who may hold the token anyway. Not under {@code /api}: it must answer
 * before anyone has logged in, and it reveals nothing but the caller's own session.
 */
@RestController
class DashboardSessionController {

  private final ProcessEngine engine;

  DashboardSessionController(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * @param userId null when nobody is logged in in this session
   * @param csrfToken null when the session has none yet; any GET under {@code /camunda/api/} creates one and returns
   *     it in the {@code X-XSRF-TOKEN} header
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record DashboardSession(String userId, List<String> groups, String csrfToken) {}

  @GetMapping("/dashboard/session")
  DashboardSession session(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    String userId = null;
    List<String> groups = List.of();
    String token = null;
    if (session != null) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engine.getName());
      if (auth instanceof UserAuthentication user) {
        userId = user.getIdentityId();
        groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
      }
      if (session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String value) {
        token = value;
      }
    }
    // replaces the dashboard's "no-cache": who is logged in is never stored by the browser
    response.setHeader("Cache-Control", "no-store");
    return new DashboardSession(userId, groups, token);
  }
}
