package com.orchestration.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Camunda's REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}) answer 500 for many client
 * errors: a task listener refusing a form field ({@code FormInputException}, wrapped by the engine), an unknown task
 * id, two people completing the same task at once (an {@code OptimisticLockingException}), a suspended instance, a
 * prohibited variable format. This teaches both JAX-RS applications (and every other Jersey application in this
 * process) to answer those with the status {@link ClientErrors} gives — the same as our own API — and a body that is
 * an RFC 7807 problem detail <em>and</em> keeps Camunda's {@code message} field, which Tasklist shows to the user.
 *
 * <p>Registered for every Jersey application through {@code META-INF/services} ({@link ForcedAutoDiscoverable}),
 * because the webapps' engine API is not configured by our code. The mappers win over Camunda's own (same exception
 * type, higher priority) only for failures {@link ClientErrors} recognises and Camunda would have answered 500;
 * everything else keeps Camunda's answer.
 */
public final class EngineRestProblems implements ForcedAutoDiscoverable {

  static final int PRIORITY = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(WrappedByCamunda.class)) {
      context.register(WrappedByCamunda.class, PRIORITY);
      context.register(FromTheEngine.class, PRIORITY);
      context.register(FromOurCode.class, PRIORITY);
    }
  }

  /** Camunda caught the engine's exception and rethrew it as a 500 {@link RestException} with the cause inside. */
  @Priority(PRIORITY)
  public static final class WrappedByCamunda implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException e) {
      return camundaAnswers500(e) && ClientErrors.classify(e.getCause()).isPresent();
    }

    @Override
    public Response toResponse(RestException e) {
      return response(ClientErrors.classify(e.getCause()).orElseThrow(), e.getMessage());
    }
  }

  /** An engine exception that reached JAX-RS as it was (e.g. a concurrent change on a resource that does not wrap). */
  @Priority(PRIORITY)
  public static final class FromTheEngine implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException e) {
      return camundaAnswers500(e) && ClientErrors.classify(e).isPresent();
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      return response(ClientErrors.classify(e).orElseThrow(), null);
    }
  }

  /** Our own exceptions thrown through an engine call without a wrapper (Camunda's catch-all would say 500). */
  @Priority(PRIORITY)
  public static final class FromOurCode implements ExtendedExceptionMapper<RuntimeException> {
    @Override
    public boolean isMappable(RuntimeException e) {
      return !(e instanceof WebApplicationException) && !(e instanceof ProcessEngineException)
          && !(e instanceof RestException) && ClientErrors.classify(e).isPresent();
    }

    @Override
    public Response toResponse(RuntimeException e) {
      return response(ClientErrors.classify(e).orElseThrow(), null);
    }
  }

  private static boolean camundaAnswers500(Throwable e) {
    return ExceptionHandlerHelper.getInstance().getStatus(e) == Response.Status.INTERNAL_SERVER_ERROR;
  }

  /**
   * Problem detail fields plus Camunda's {@code message} (Tasklist and the external-task client show it) and
   * {@code code}. Camunda's own prefix ("Cannot complete task …:") is kept in {@code message} for its clients.
   */
  static Response response(ClientErrors.ClientError error, String camundaPrefix) {
    String detail = ClientErrors.abbreviate(error.detail());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", error.type().toString());
    body.put("title", error.title());
    body.put("status", error.status().value());
    body.put("detail", detail);
    Optional.ofNullable(error.field()).ifPresent(f -> body.put("field", f));
    body.put("message", prefix(camundaPrefix) + detail);
    body.put("code", null);
    try {
      return Response.status(error.status().value()).type("application/problem+json")
          .entity(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String prefix(String camundaMessage) {
    if (camundaMessage == null) {
      return "";
    }
    int colon = camundaMessage.indexOf(": ");
    return colon > 0 && camundaMessage.startsWith("Cannot ") ? camundaMessage.substring(0, colon + 2) : "";
  }
}
