package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import com.orchestration.OrchestrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's ERROR lines for failures answered as a 4xx are dropped; genuine errors stay. */
@OrchestrationTest
class ClientErrorLogFilterTest {

  @Autowired TaskService tasks;
  @Autowired ClientErrorLogFilter registered;

  private final ClientErrorLogFilter filter = new ClientErrorLogFilter();
  private final Logger engineContext =
      (Logger) LoggerFactory.getLogger(ClientErrorLogFilter.ENGINE_CONTEXT_LOGGER);

  private FilterReply decide(Logger logger, Level level, Throwable failure) {
    return filter.decide(null, logger, level, "ENGINE-16004 Exception while closing command context: {}",
        new Object[] {failure.getMessage(), failure}, null);
  }

  @Test
  void dropsTheEnginesErrorLineForAClientErrorAndKeepsEverythingElse() {
    NullValueException unknownTask = new NullValueException("Cannot find task with id x: task is null");
    InvalidInputException badValue = new InvalidInputException("title", "The title is required");

    assertThat(decide(engineContext, Level.ERROR, unknownTask)).isEqualTo(FilterReply.DENY);
    assertThat(decide(engineContext, Level.ERROR, new IllegalStateException("wrapped", badValue)))
        .isEqualTo(FilterReply.DENY);
    // a genuine server error, another level, another logger: untouched
    assertThat(decide(engineContext, Level.ERROR, new IllegalStateException("boom"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engineContext, Level.WARN, unknownTask)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide((Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.jobexecutor"), Level.ERROR,
        unknownTask)).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void registeredOnceItKeepsTheErrorLogFreeOfAnUnknownTaskCompletion() {
    // Registration is idempotent (another test's application context may have reset logback since this one started)
    registered.register();
    registered.register();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(context.getTurboFilterList()).filteredOn(ClientErrorLogFilter.class::isInstance).hasSize(1);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    engineContext.addAppender(captured);
    try {
      assertThatThrownBy(() -> tasks.complete("no-such-task")).hasMessageStartingWith("Cannot find task");
      assertThatThrownBy(() -> tasks.setAssignee("no-such-task", "lena")).hasMessageStartingWith("Cannot find task");
    } finally {
      engineContext.detachAppender(captured);
    }
    assertThat(captured.list).filteredOn(e -> e.getLevel() == Level.ERROR).isEmpty();
  }
}
