package com.orchestration.organization;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Synchronises the organisation file at start-up: after every singleton (the process engine, Flyway) exists and
 * before the web server starts, so a bad file stops start-up before anyone can log in.
 */
@Component
class OrganizationStartup implements SmartInitializingSingleton {

  private final OrganizationProperties properties;
  private final SkillTaxonomy taxonomy;
  private final OrganizationSync sync;

  OrganizationStartup(OrganizationProperties properties, SkillTaxonomy taxonomy, OrganizationSync sync) {
    this.properties = properties;
    this.taxonomy = taxonomy;
    this.sync = sync;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Organization organization = OrganizationFileReader.readOrganization(properties.file(), taxonomy);
    sync.sync(organization, taxonomy, properties.initialPassword());
  }
}
