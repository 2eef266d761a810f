package com.orchestration.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps the client's mistakes out of the error log. Camunda logs every exception that ends a command as
 * {@code ERROR ENGINE-16004 Exception while closing command context} with a stack trace — also a form value a
 * listener refused, an unknown task id, or the loser of two completions of one task, which our APIs and Camunda's
 * REST answer with a 4xx problem detail ({@link ClientErrors}). Those lines are dropped here and written instead as
 * one line at debug level by this class's logger; a failure {@link ClientErrors} does not recognise stays an ERROR
 * with its stack trace, as before.
 */
@Component
public class ClientErrorLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(ClientErrorLogFilter.class);

  /** Added to logback's context once, however many application contexts a JVM starts (tests). */
  @PostConstruct
  void register() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(ClientErrorLogFilter.class::isInstance)) {
      setName(ClientErrorLogFilter.class.getSimpleName());
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable failure = t != null ? t : lastThrowable(params);
    if (failure == null || ClientErrors.classify(failure).filter(e -> e.status().is4xxClientError()).isEmpty()) {
      return FilterReply.NEUTRAL;
    }
    if (log.isDebugEnabled()) {
      log.debug("A command ended with a client error (answered 4xx): {}", failure.toString());
    }
    return FilterReply.DENY;
  }

  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
  }
}
