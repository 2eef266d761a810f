package com.orchestration.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class OrganizationFileFailureAnalyzerTest {

  @Test
  void reportsEveryProblemOnItsOwnLineWithWhatToDo() {
    OrganizationFileException cause = new OrganizationFileException(List.of(
        "organization.yaml: people[3] (id 'dave'): skills.rust-lang: unknown skill 'rust-lang'",
        "organization.yaml: domain 'qa' has no domain-lead"));

    FailureAnalysis analysis = new OrganizationFileFailureAnalyzer()
        .analyze(new BeanCreationException("organizationStartup", "failed", cause));

    assertThat(analysis.getDescription())
        .contains("\n  organization.yaml: people[3] (id 'dave'): skills.rust-lang: unknown skill 'rust-lang'")
        .contains("\n  organization.yaml: domain 'qa' has no domain-lead");
    assertThat(analysis.getAction()).contains("orchestration.organization.file");
  }
}
