package com.orchestration.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganizationConfiguration {

  /** Read once at start-up; a bad skills file stops start-up with the problem named. */
  @Bean
  SkillTaxonomy skillTaxonomy(OrganizationProperties properties) {
    return OrganizationFileReader.readSkills(properties.skillsFile());
  }
}
