package com.orchestration.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
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
 * allowed. The field goes into the {@code field} property so clients can highlight it.
 */
@RestControllerAdvice(basePackages = "com.orchestration")
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  static final URI INVALID_INPUT = URI.create("https://orchestration.example/problems/invalid-input");

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    return problem;
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
    if (e.getCause() instanceof UnrecognizedPropertyException u) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Unknown field '" + u.getPropertyName() + "'; allowed fields: " + u.getKnownPropertyIds());
      problem.setProperty("field", path(u));
    } else if (e.getCause() instanceof InvalidFormatException f) {
      String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
          ? "; allowed: " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()).toLowerCase()
          : "; expected " + (f.getTargetType() == null ? "another type" : f.getTargetType().getSimpleName());
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Field '" + path(f) + "' has the invalid value '" + f.getValue() + "'" + allowed);
      problem.setProperty("field", path(f));
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Field '" + path(m) + "' has the wrong type or shape: " + m.getOriginalMessage());
      problem.setProperty("field", path(m));
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The request body is not valid JSON or is missing");
    }
    problem.setTitle("Invalid input");
    problem.setType(INVALID_INPUT);
    return ResponseEntity.badRequest().body(problem);
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
        : "expected " + (type == null ? "another type" : type.getSimpleName());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Parameter '" + e.getName() + "' has the invalid value '" + e.getValue() + "'; " + allowed);
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
