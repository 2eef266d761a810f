package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.OrchestrationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProdProfileGuardTest {

  @Test
  void refusesH2AndDemoPasswordsAndNamesEachSetting() {
    assertThat(ProdProfileGuard.problems("jdbc:h2:file:./data/x", "admin", "admin", "demo"))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("spring.datasource.url"))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.bpm.admin-user.password"))
        .anySatisfy(p -> assertThat(p).startsWith("orchestration.organization.initial-password"));
  }

  @Test
  void refusesAnAdminPasswordEqualToTheAdminId() {
    assertThat(ProdProfileGuard.problems("jdbc:postgresql://db/o", "root", "root", "S3cure-initial!"))
        .singleElement().asString().startsWith("camunda.bpm.admin-user.password");
  }

  @Test
  void acceptsPostgresAndRealSecrets() {
    assertThat(ProdProfileGuard.problems("jdbc:postgresql://db:5432/o", "admin", "v3ry-Long-secret", "Init-2026!x"))
        .isEmpty();
  }

  @Test
  void stopsTheApplicationBeforeAnythingStartsWhenProdRunsWithDemoSettings() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(OrchestrationApplication.class)
        .profiles("prod")
        .properties("spring.main.web-application-type=none");

    assertThatThrownBy(app::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The prod profile refuses to start")
        .hasMessageContaining("spring.datasource.url")
        .hasMessageContaining("camunda.bpm.admin-user.password")
        .hasMessageContaining("orchestration.organization.initial-password");
  }
}
