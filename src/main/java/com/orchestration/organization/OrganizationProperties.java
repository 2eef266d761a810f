package com.orchestration.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param file the organisation file (default the demo {@code classpath:organization.yaml})
 * @param initialPassword password given to a person's Camunda user when it is created; never overwrites one
 * @param skillsFile the skills taxonomy
 */
@ConfigurationProperties("orchestration.organization")
record OrganizationProperties(
    @DefaultValue("classpath:organization.yaml") Resource file,
    String initialPassword,
    @DefaultValue("classpath:skills.yaml") Resource skillsFile) {}
