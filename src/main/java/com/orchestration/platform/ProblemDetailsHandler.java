package com.orchestration.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API is an RFC 7807 problem detail a person can act on: which field, what is wrong, what is
 * allowed. The field goes into the {@code field} property so clients can highlight it. Applies to every handler
 * (and to requests no handler matched: unknown paths, methods, media types). Client errors wherever they surface —
 * our exceptions, the same wrapped by the engine, the engine's own (a concurrent change, a suspended instance) —
 * are classified once in {@link ClientErrors}; anything else is a 500 problem detail without internals, logged.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsHandler.class);

  static final URI INVALID_INPUT = ClientErrors.INVALID_INPUT;

  /** Our own exceptions, the engine's, and ours wrapped by the engine (a task listener's refusal). */
  @ExceptionHandler({InvalidInputException.class, NotFoundException.class, ForbiddenException.class,
      ConflictException.class, ProcessEngineException.class})
  ResponseEntity<ProblemDetail> clientError(RuntimeException e) {
    return ClientErrors.classify(e).map(ProblemDetailsHandler::problem).orElseGet(() -> unexpected(e));
  }

  /** Anything else: a client error hidden in its causes, or a genuine fault (500, logged, no internals shown). */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> other(Exception e) {
    return ClientErrors.classify(e).map(ProblemDetailsHandler::problem).orElseGet(() -> unexpected(e));
  }

  static ResponseEntity<ProblemDetail> problem(ClientErrors.ClientError error) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), ClientErrors.abbreviate(error.detail()));
    problem.setTitle(error.title());
    problem.setType(error.type());
    if (error.field() != null) {
      problem.setProperty("field", error.field());
    }
    return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ResponseEntity<ProblemDetail> unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected error, reference {}", reference, e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side; nothing of this request was saved. Reference " + reference
            + " (the server log has the details).");
    problem.setTitle("Internal error");
    problem.setProperty("reference", reference);
    return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<String> messages = e.getConstraintViolations().stream()
        .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
        .sorted()
        .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", messages));
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    e.getConstraintViolations().stream().findFirst()
        .ifPresent(v -> problem.setProperty("field", lastNode(v.getPropertyPath().toString())));
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = e.getBindingResult().getFieldErrors().stream()
        .collect(Collectors.toMap(f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()), (a, b) -> a));
    String detail = errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(en -> en.getKey() + ": " + en.getValue()).collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    errors.keySet().stream().sorted().findFirst().ifPresent(f -> problem.setProperty("field", f));
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Unknown field '" + u.getPropertyName() + "'; allowed fields: " + u.getKnownPropertyIds());
      problem.setProperty("field", path(u));
    } else if (cause instanceof JsonMappingException m && m.getCause() instanceof StreamConstraintsException c) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, (m.getPath().isEmpty() ? "The request body"
          : "Field '" + path(m) + "'") + " is too large: " + c.getMessage());
      if (!m.getPath().isEmpty()) {
        problem.setProperty("field", path(m));
      }
    } else if (cause instanceof StreamConstraintsException c) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is too large: "
          + c.getOriginalMessage());
    } else if (cause instanceof InvalidNullException n && !n.getPath().isEmpty()) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Field '" + path(n) + "' must not be null; leave it out or give a value");
      problem.setProperty("field", path(n));
    } else if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
          ? "; allowed: " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()).toLowerCase()
          : "; expected " + expected(f.getTargetType());
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Field '" + path(f) + "' has the invalid value '" + f.getValue() + "'" + allowed);
      problem.setProperty("field", path(f));
    } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Field '" + path(m) + "' has the wrong type or shape; expected " + expected(m.getTargetType()));
      problem.setProperty("field", path(m));
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Field '" + path(m) + "' has the wrong type or shape: " + m.getOriginalMessage());
      problem.setProperty("field", path(m));
    } else if (cause instanceof MismatchedInputException m) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body must be a JSON object "
          + "(" + expected(m.getTargetType()) + ")");
    } else if (cause instanceof JsonProcessingException p) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: "
          + p.getOriginalMessage() + (p.getLocation() == null ? ""
          : " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")"));
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The request body is missing or is not valid JSON");
    }
    problem.setDetail(ClientErrors.abbreviate(problem.getDetail()));
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A JSON-ish name for the type a field needed: text, a number, true or false, a list, an object. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "text (a JSON string)";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list (JSON array)";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 " + type.getSimpleName() + " such as 2026-12-01T17:00:00Z";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase();
    }
    return "an object (" + type.getSimpleName() + ")";
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Query parameter '" + e.getParameterName() + "' is required");
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    problem.setProperty("field", e.getParameterName());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String allowed = type != null && type.isEnum()
        ? "allowed: " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase()
        : "expected " + expected(type);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ClientErrors.abbreviate(
        "Parameter '" + e.getName() + "' has the invalid value '" + e.getValue() + "'; " + allowed));
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    problem.setProperty("field", e.getName());
    return problem;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
