package com.orchestration.platform;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an injected expression would call ({@code ${expressionProbe.touch()}}): if an attack request ever got
 * its expression evaluated, {@link #touches()} would be above zero.
 */
@Component("expressionProbe")
public class ExpressionProbe {

  private final AtomicInteger touches = new AtomicInteger();

  public java.util.Date touch() {
    touches.incrementAndGet();
    return new java.util.Date();
  }

  public int touches() {
    return touches.get();
  }
}
