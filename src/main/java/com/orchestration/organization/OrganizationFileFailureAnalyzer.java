package com.orchestration.organization;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad organisation file into Spring Boot's "APPLICATION FAILED TO START" report: the problems, one per
 * line, and what to do — instead of a stack trace an admin has to read from the bottom.
 */
public class OrganizationFileFailureAnalyzer extends AbstractFailureAnalyzer<OrganizationFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, OrganizationFileException cause) {
    return new FailureAnalysis(
        "The organisation file cannot be used:\n  " + String.join("\n  ", cause.problems()),
        "Correct the entries named above in the file set by orchestration.organization.file (format and rules: "
            + "docs/organization.md) and start again. Nothing was synchronised.",
        cause);
  }
}
