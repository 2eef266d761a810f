package com.orchestration.insight;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard (SPEC §10.3) at {@code /dashboard/}: static files from {@code static/dashboard/} in the jar,
 * ECharts from its WebJar, data from {@code /api} with the Camunda webapp session ({@code ApiAuthenticationFilter}).
 * The page itself holds no data, so it is served to anyone; what it shows needs a login. Every response under
 * {@code /dashboard/} carries a strict Content-Security-Policy: scripts only from this origin (no inline script, no
 * eval), connections only to this origin, no framing.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

  /**
   * Inline styles stay allowed: ECharts positions its tooltips with style attributes. Scripts do not: every text
   * from the API is put into the page as text, never as markup (dashboard.js), and this header is the second line.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/dashboard", "/dashboard/");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> dashboardHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        // the page and its scripts change with each release; the browser asks again instead of running old code
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
      }
    });
    registration.setName("dashboardHeaders");
    registration.addUrlPatterns("/dashboard", "/dashboard/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
