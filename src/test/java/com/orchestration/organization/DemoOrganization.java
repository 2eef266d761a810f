package com.orchestration.organization;

import org.springframework.core.io.ClassPathResource;

/** Personas of the demo organisation ({@code organization.yaml}) that tests use by name. */
final class DemoOrganization {

  static final String PASSWORD = "demo";
  static final String ENGINEERING_MANAGER = "erin";
  static final String TECH_LEAD = "tom";
  static final String ARCHITECT = "arjun";
  static final String BACKEND_LEAD = "bruno";
  static final String DATA_LEAD = "dana";
  static final String BACKEND_IC = "alice";
  static final String BACKEND_AGENT = "bot-backend-1";
  static final String QA_AGENT = "bot-qa-1";

  private DemoOrganization() {}

  static SkillTaxonomy taxonomy() {
    return OrganizationFileReader.readSkills(new ClassPathResource("skills.yaml"));
  }

  static Organization organization() {
    return OrganizationFileReader.readOrganization(new ClassPathResource("organization.yaml"), taxonomy());
  }
}
