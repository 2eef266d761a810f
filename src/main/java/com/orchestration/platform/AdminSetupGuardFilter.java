package com.orchestration.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigation for CVE-2026-77226 (SPEC §13): the Admin webapp's setup endpoint creates an administrator whenever
 * {@code camunda-admin} has no direct member. Camunda 7 CE has no fix. Two layers:
 * <ol>
 *   <li>{@code /camunda/api/admin/setup/**} is refused outright — our administrator is created from configuration;</li>
 *   <li>removing the last direct member of {@code camunda-admin} (membership delete or user delete, through the
 *       engine REST API or the webapps' engine API) is refused with 409, so the precondition of the attack cannot
 *       arise. {@link AdminMembershipGuard} restores a direct member at start-up should it be missing anyway.</li>
 * </ol>
 */
class AdminSetupGuardFilter extends OncePerRequestFilter {

  private static final Pattern MEMBER_DELETE =
      Pattern.compile("/group/" + Pattern.quote(Groups.CAMUNDA_ADMIN) + "/members/([^/]+)/?$");
  private static final Pattern USER_DELETE = Pattern.compile("/user/([^/]+)/?$");

  private final ProcessEngine engine;

  AdminSetupGuardFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/camunda/api/admin/setup")) {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Setup disabled",
          "The initial-setup endpoint is disabled on this server (mitigation of CVE-2026-77226); administrators are "
              + "created from configuration (camunda.bpm.admin-user)", null);
      return;
    }
    if ("DELETE".equalsIgnoreCase(request.getMethod()) && removesLastAdmin(path)) {
      ProblemResponses.write(response, HttpStatus.CONFLICT, "Last administrator",
          "This would leave the group '" + Groups.CAMUNDA_ADMIN + "' without a direct member; add another "
              + "administrator first (mitigation of CVE-2026-77226)", null);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean removesLastAdmin(String path) {
    Matcher member = MEMBER_DELETE.matcher(path);
    Matcher user = USER_DELETE.matcher(path);
    String userId = member.find() ? member.group(1) : user.find() ? user.group(1) : null;
    if (userId == null) {
      return false;
    }
    userId = java.net.URLDecoder.decode(userId, java.nio.charset.StandardCharsets.UTF_8);
    IdentityService identity = engine.getIdentityService();
    long directAdmins = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count();
    boolean isAdmin = identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    return isAdmin && directAdmins <= 1;
  }
}
