package com.orchestration.platform;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;

/**
 * Which client error a failure is, wherever it surfaced: thrown by our API, by a task listener inside an engine
 * command (the engine wraps it, e.g. {@code ENGINE-03051 There was an exception while invoking the TaskListener}),
 * or by the engine itself (a concurrent change, a suspended instance, an unknown id). One place decides, for our
 * API ({@link ProblemDetailsHandler}) and for Camunda's REST APIs ({@link EngineRestProblems}), so the same mistake
 * gets the same status and the same words on every path. Anything not recognised here stays a server error.
 */
final class ClientErrors {

  static final URI INVALID_INPUT = URI.create("https://orchestration.example/problems/invalid-input");
  static final URI CONCURRENT_CHANGE = URI.create("https://orchestration.example/problems/concurrent-change");

  /** What a client is told: the status, a title, what is wrong, and the field when one is to blame. */
  record ClientError(HttpStatus status, URI type, String title, String detail, String field) {}

  static final String CONCURRENT_CHANGE_DETAIL = "It was changed concurrently by someone else (another request or a "
      + "timer acted on the same task at the same moment); nothing of this request was saved. Read it again and retry.";

  private ClientErrors() {}

  /** The client error this failure (or one of its causes) is, or empty for a genuine server error. */
  static Optional<ClientError> classify(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      Optional<ClientError> known = direct(t);
      if (known.isPresent()) {
        return known;
      }
    }
    return Optional.empty();
  }

  private static Optional<ClientError> direct(Throwable t) {
    if (t instanceof InvalidInputException e) {
      return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input", e.getMessage(),
          e.field()));
    }
    if (t instanceof ForbiddenException e) {
      return Optional.of(error(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }
    if (t instanceof NotFoundException e) {
      return Optional.of(error(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }
    if (t instanceof ConflictException e) {
      return Optional.of(new ClientError(HttpStatus.CONFLICT,
          e.concurrentChange() ? CONCURRENT_CHANGE : URI.create("about:blank"), "Conflict", e.getMessage(), null));
    }
    if (t instanceof OptimisticLockingException) {
      return Optional.of(new ClientError(HttpStatus.CONFLICT, CONCURRENT_CHANGE, "Conflict",
          CONCURRENT_CHANGE_DETAIL, null));
    }
    if (t instanceof ConcurrencyFailureException || isConcurrencyFailure(t)) {
      // Row lock timeout, deadlock, serialization failure: the database's word for the same lost race.
      return Optional.of(new ClientError(HttpStatus.CONFLICT, CONCURRENT_CHANGE, "Conflict",
          CONCURRENT_CHANGE_DETAIL, null));
    }
    if (t instanceof MismatchingMessageCorrelationException) {
      return Optional.of(error(HttpStatus.CONFLICT, "Conflict", "It is no longer waiting for this (it moved on in "
          + "the meantime); nothing was changed. Read it again."));
    }
    if (t instanceof SuspendedEntityInteractionException e) {
      return Optional.of(error(HttpStatus.CONFLICT, "Conflict", "It is suspended (e.g. held by an open incident) "
          + "and cannot change until it is resumed: " + e.getMessage()));
    }
    if (t instanceof AuthorizationException e) {
      return Optional.of(error(HttpStatus.FORBIDDEN, "Forbidden", "Camunda refused: " + e.getMessage()));
    }
    if (t instanceof NullValueException e && e.getMessage() != null && e.getMessage().startsWith("Cannot find")) {
      // The engine reports an unknown id (task, instance, …) this way; the rest of the message is noise.
      String message = e.getMessage();
      int colon = message.indexOf(':');
      return Optional.of(error(HttpStatus.NOT_FOUND, "Not found", colon > 0 ? message.substring(0, colon) : message));
    }
    if (t instanceof BadUserRequestException e) {
      return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input", e.getMessage(),
          null));
    }
    if (t instanceof IllegalArgumentException && convertingRestVariable(t)) {
      // Camunda's REST layer could not build a typed value from the JSON (a File without valueInfo): the client's.
      return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input",
          "A variable's value cannot be read: " + t.getMessage(), null));
    }
    if (t.getMessage() != null && t.getMessage().contains("ENGINE-17007")) {
      // "Cannot set variable …: Java serialization format is prohibited": a refused variable, not a server fault.
      return Optional.of(new ClientError(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input", t.getMessage(),
          null));
    }
    return Optional.empty();
  }

  /** Thrown while Camunda's REST layer turned a client's {@code {"value", "type", "valueInfo"}} into a variable. */
  private static boolean convertingRestVariable(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals("org.camunda.bpm.engine.rest.dto.VariableValueDto")) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQL states of a lost race: 40001 serialization failure (PostgreSQL, H2 deadlock), 40P01 deadlock (PostgreSQL),
   * HYT00 lock timeout (H2), 55P03 lock not available (PostgreSQL).
   */
  private static boolean isConcurrencyFailure(Throwable t) {
    return t instanceof SQLException sql && sql.getSQLState() != null
        && List.of("40001", "40P01", "HYT00", "55P03").contains(sql.getSQLState());
  }

  private static ClientError error(HttpStatus status, String title, String detail) {
    return new ClientError(status, URI.create("about:blank"), title, detail, null);
  }

  /**
   * Long echoes of the client's own input (a 1 MB title) are cut in the middle, keeping the start and the end (where
   * {@code [field]} hints are); the client has the original. Bounded messages also keep the server log small.
   */
  static String abbreviate(String detail) {
    if (detail == null || detail.length() <= MAX_DETAIL) {
      return detail;
    }
    int tail = 200;
    int head = MAX_DETAIL - tail - 40;
    return detail.substring(0, head) + "… (" + (detail.length() - head - tail) + " characters left out) …"
        + detail.substring(detail.length() - tail);
  }

  static final int MAX_DETAIL = 2000;
}
