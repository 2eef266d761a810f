package com.orchestration.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigation for CVE-2026-109432 (SPEC §13): a task query's {@code orQueries} bypasses the engine's ad-hoc
 * expression check, so any logged-in user could have an expression evaluated. Camunda 7 CE has no fix. We refuse,
 * with 400, every request to the engine REST API and the webapps' engine API whose query string or body carries a
 * key ending in {@code Expression} at any depth — before authentication, before Jersey parses anything.
 *
 * <p>Consequence: filters with expressions ({@code ${currentUser()}}) cannot be created through REST or the Tasklist
 * filter dialog; ours are created in Java at start-up (organization sync), where stored expressions are allowed.
 */
class ExpressionKeyGuardFilter extends OncePerRequestFilter {

  /** Lenient on purpose: whatever JSON dialect the endpoint might accept, we must be able to read too. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> inQuery = expressionKeyInUrlEncoded(request.getQueryString());
    if (inQuery.isPresent()) {
      refuse(response, inQuery.get(), "query parameter");
      return;
    }
    String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (contentType.startsWith("multipart/")) {
      // Deployments and file uploads: no query JSON travels this way.
      chain.doFilter(request, response);
      return;
    }
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      // The container parses form bodies itself; reading the stream here would take them from the endpoint.
      Optional<String> inForm = request.getParameterMap().keySet().stream()
          .filter(k -> isExpressionKey(k.trim())).findFirst();
      if (inForm.isPresent()) {
        refuse(response, inForm.get(), "form field");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    ReplayableRequest replayable = ReplayableRequest.of(request);
    Optional<String> inBody = expressionKeyInJson(replayable.body());
    if (inBody.isPresent()) {
      refuse(response, inBody.get(), "body key");
      return;
    }
    chain.doFilter(replayable, response);
  }

  private static void refuse(HttpServletResponse response, String key, String where) throws IOException {
    ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Expressions are not allowed",
        "The " + where + " '" + key + "' is refused: keys ending in 'Expression' are not accepted by this server "
            + "(mitigation of CVE-2026-109432). Send literal values instead.", null);
  }

  static boolean isExpressionKey(String key) {
    return key != null && key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  static Optional<String> expressionKeyInUrlEncoded(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name;
      try {
        name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = rawName;
      }
      if (isExpressionKey(name.trim())) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * Streams the whole document (any depth, inside arrays and nested objects). A body our lenient parser cannot
   * read is searched as text for anything shaped like an expression key, so a malformed prefix cannot hide one.
   */
  static Optional<String> expressionKeyInJson(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && isExpressionKey(parser.currentName().trim())) {
          return Optional.of(parser.currentName());
        }
      }
    } catch (IOException e) {
      java.util.regex.Matcher m = KEY_LIKE.matcher(new String(body, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
    return Optional.empty();
  }

  private static final java.util.regex.Pattern KEY_LIKE =
      java.util.regex.Pattern.compile("([A-Za-z0-9_$]*[Ee][Xx][Pp][Rr][Ee][Ss][Ss][Ii][Oo][Nn])\\s*[\"']?\\s*:");
}
