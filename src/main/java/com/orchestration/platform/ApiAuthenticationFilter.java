package com.orchestration.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to our API (SPEC §12, §13): HTTP Basic against Camunda identity (the same users as
 * Tasklist), or the Camunda webapp session of a person already logged in (the dashboard). The engine's
 * authentication is set for the request so Camunda authorization checks and our role checks see the caller, and
 * cleared afterwards so nothing leaks to the next request on the same thread.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String REALM = "Orchestration V2";

  private final ProcessEngine engine;
  private final String adminGroup;

  ApiAuthenticationFilter(ProcessEngine engine, String adminGroup) {
    this.engine = engine;
    this.adminGroup = adminGroup;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdentityService identity = engine.getIdentityService();
    String header = request.getHeader("Authorization");
    String userId;
    List<String> groups;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      userId = basicUser(header.substring(6).trim(), identity);
      if (userId == null) {
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
            "User name or password is wrong (HTTP Basic against the organisation's users)", REALM);
        return;
      }
      groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    } else {
      UserAuthentication session = sessionUser(request);
      if (session == null) {
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
            "Authentication required: send HTTP Basic credentials or log in to the Camunda webapps first",
            fromScript(request) ? null : REALM);
        return;
      }
      if (!safeMethod(request) && !csrfTokenMatches(request)) {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden",
            "A change through the webapp session needs the session's CSRF token in the X-XSRF-TOKEN header (as "
                + "Tasklist sends it; the dashboard reads it from /dashboard/session), or HTTP Basic credentials",
            null);
        return;
      }
      userId = session.getIdentityId();
      groups = session.getGroupIds() == null ? List.of() : session.getGroupIds();
    }
    if (isActuator(request) && !isHealth(request) && !groups.contains(adminGroup)) {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden",
          "Actuator endpoints other than health are for members of '" + adminGroup + "' only", null);
      return;
    }
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return isActuator(request) && isHealth(request);
  }

  private static String basicUser(String encoded, IdentityService identity) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return identity.checkPassword(user, password) ? user : null;
  }

  /**
   * A page's script (the dashboard) marks its requests with {@code X-Requested-With: XMLHttpRequest}, and a browser's
   * {@code EventSource} asks for {@code text/event-stream}; they get their 401 without the Basic challenge, so the
   * browser shows the page's own login form instead of its password dialog.
   */
  private static boolean fromScript(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
        || (accept != null && accept.trim().equalsIgnoreCase("text/event-stream"));
  }

  private static boolean safeMethod(HttpServletRequest request) {
    String method = request.getMethod();
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  /**
   * Defence in depth beside the session cookie's SameSite: a request that changes something and rides on the webapp
   * session must carry the token Camunda's CSRF filter gave that session — what another site's form cannot know.
   */
  private static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected instanceof String token && sent != null
        && java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
            sent.getBytes(StandardCharsets.UTF_8));
  }

  private UserAuthentication sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engine.getName());
    return auth instanceof UserAuthentication user ? user : null;
  }

  private static boolean isActuator(HttpServletRequest request) {
    return path(request).startsWith("/actuator");
  }

  private static boolean isHealth(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
