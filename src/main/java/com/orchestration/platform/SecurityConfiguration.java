package com.orchestration.platform;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Servlet filters that make security the default (SPEC §13). Order matters: the CVE guards run first, before any
 * authentication or parsing, so an attack request is refused whoever sends it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String[] ENGINE_APIS = {"/engine-rest/*", "/camunda/api/engine/*"};

  @Bean
  FilterRegistrationBean<ExpressionKeyGuardFilter> expressionKeyGuard() {
    FilterRegistrationBean<ExpressionKeyGuardFilter> registration =
        new FilterRegistrationBean<>(new ExpressionKeyGuardFilter());
    registration.setName("expressionKeyGuard");
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdminSetupGuardFilter> adminSetupGuard(ProcessEngine engine) {
    FilterRegistrationBean<AdminSetupGuardFilter> registration =
        new FilterRegistrationBean<>(new AdminSetupGuardFilter(engine));
    registration.setName("adminSetupGuard");
    registration.addUrlPatterns("/camunda/api/admin/*", "/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /**
   * Form completions through Camunda's REST APIs set only the form's fields, with form-shaped values (see the
   * filter). After authentication on {@code /engine-rest}; it does not depend on who is calling.
   */
  @Bean
  FilterRegistrationBean<FormSubmissionGuardFilter> formSubmissionGuard(ProcessEngine engine, AsSystem asSystem,
      Environment environment) {
    Map<String, String> topics = Binder.get(environment)
        .bind("orchestration.forms.external-task-topics", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    FilterRegistrationBean<FormSubmissionGuardFilter> registration =
        new FilterRegistrationBean<>(new FormSubmissionGuardFilter(engine, asSystem, topics));
    registration.setName("formSubmissionGuard");
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  /** Tomcat's own refusals (malformed paths, oversized headers) as problem details instead of HTML pages. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context ->
        context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
  }

  /** The engine REST API has no authentication by default; {@code /engine-rest/engine} stays anonymous by design. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engineRestAuthentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, Groups.CAMUNDA_ADMIN));
    registration.setName("apiAuthentication");
    registration.addUrlPatterns("/api/*", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
