package com.orchestration.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start with a demo password or on H2 (SPEC §13). It runs as an
 * {@link EnvironmentPostProcessor} — before any bean, before the engine touches the database — so a misconfigured
 * production node stops at once with every problem listed, instead of creating demo users first.
 */
public class ProdProfileGuard implements EnvironmentPostProcessor {

  /** Passwords that ship with the demo or that nobody should use in production. */
  static final Set<String> DEMO_PASSWORDS = Set.of("", "demo", "admin", "password", "changeme", "secret", "camunda");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    List<String> problems = problems(
        environment.getProperty("spring.datasource.url", ""),
        environment.getProperty("camunda.bpm.admin-user.id", ""),
        environment.getProperty("camunda.bpm.admin-user.password", ""),
        environment.getProperty("orchestration.organization.initial-password", ""));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The prod profile refuses to start:\n- " + String.join("\n- ", problems));
    }
  }

  static List<String> problems(String datasourceUrl, String adminId, String adminPassword, String initialPassword) {
    List<String> problems = new ArrayList<>();
    if (datasourceUrl.isBlank() || datasourceUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2")) {
      problems.add("spring.datasource.url: '" + datasourceUrl + "' is H2 or unset; production needs PostgreSQL "
          + "(e.g. jdbc:postgresql://db:5432/orchestration, see docs/operations.md)");
    }
    if (isDemo(adminPassword) || adminPassword.equals(adminId)) {
      problems.add("camunda.bpm.admin-user.password: a demo password is not allowed; set "
          + "ORCHESTRATION_ADMIN_PASSWORD to a strong secret");
    }
    if (isDemo(initialPassword)) {
      problems.add("orchestration.organization.initial-password: a demo password is not allowed; set "
          + "ORCHESTRATION_INITIAL_PASSWORD (people change it at first login)");
    }
    return problems;
  }

  private static boolean isDemo(String password) {
    return DEMO_PASSWORDS.contains(password.trim().toLowerCase(Locale.ROOT));
  }
}
