package com.orchestration.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the configured administrator a direct member of {@code camunda-admin} (CVE-2026-77226: the setup endpoint
 * becomes exploitable when that group has no direct member). The starter creates the membership only together with
 * a new user; this restores it on every start should someone have removed it in the database.
 */
@Component
class AdminMembershipGuard {

  private static final Logger LOG = LoggerFactory.getLogger(AdminMembershipGuard.class);

  private final ProcessEngine engine;
  private final CamundaBpmProperties properties;

  AdminMembershipGuard(ProcessEngine engine, CamundaBpmProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  @EventListener(PostDeployEvent.class)
  void ensureDirectAdminMember() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException("Group '" + Groups.CAMUNDA_ADMIN + "' is missing: set camunda.bpm.admin-user");
    }
    if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
      return;
    }
    if (properties.getAdminUser() == null || properties.getAdminUser().getId() == null) {
      throw new IllegalStateException("Group '" + Groups.CAMUNDA_ADMIN + "' has no direct member and "
          + "camunda.bpm.admin-user.id is not set: refusing to start (CVE-2026-77226)");
    }
    String adminId = properties.getAdminUser().getId();
    if (identity.createUserQuery().userId(adminId).count() == 0) {
      throw new IllegalStateException("Administrator '" + adminId + "' (camunda.bpm.admin-user.id) does not exist");
    }
    identity.createMembership(adminId, Groups.CAMUNDA_ADMIN);
    LOG.warn("Restored '{}' as direct member of '{}' (CVE-2026-77226 precondition)", adminId, Groups.CAMUNDA_ADMIN);
  }
}
