package com.orchestration;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A browser-like HTTP client for tests: logs into a Camunda webapp the way Tasklist does (session cookie + CSRF
 * token) and talks to the webapps' engine API ({@code /camunda/api/engine/...}) or any other path on the test server.
 */
public final class WebappSession {

  private final String base;
  private final HttpClient http;
  private String csrfToken;

  private WebappSession(int port) {
    this("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
  }

  private WebappSession(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** An anonymous client holding a CSRF token (the webapps hand one to every visitor). */
  public static WebappSession anonymous(int port) {
    WebappSession session = new WebappSession(port);
    session.refreshCsrfToken();
    return session;
  }

  /** Logs in to {@code app} (tasklist, cockpit, admin); fails the test when the login is refused. */
  public static WebappSession login(int port, String user, String password, String app) {
    WebappSession session = anonymous(port);
    HttpResponse<String> response = session.postForm(
        "/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + enc(user) + "&password=" + enc(password));
    if (response.statusCode() != 200) {
      throw new AssertionError("login of " + user + " to " + app + " failed: " + response.statusCode()
          + " " + response.body());
    }
    session.refreshCsrfToken();
    return session;
  }

  /** The CSRF token this session sends in {@code X-XSRF-TOKEN}; null when the webapps gave none. */
  public String csrfToken() {
    return csrfToken;
  }

  /** The same session (cookies) sending no CSRF token: what a forged cross-site request looks like. */
  public WebappSession withoutCsrfToken() {
    return withCsrfToken(null);
  }

  /** The same session (cookies) sending {@code token} as its CSRF token. */
  public WebappSession withCsrfToken(String token) {
    WebappSession copy = new WebappSession(base, http);
    copy.csrfToken = token;
    return copy;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /**
   * A GET whose body is read line by line as it arrives (Server-Sent Events), with this session's cookies; returns
   * once the status and headers are in.
   */
  public HttpResponse<java.util.stream.Stream<String>> streamLines(String path, String accept) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build();
    try {
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A request with HTTP Basic credentials and no session, for {@code /engine-rest} and {@code /api}. */
  public static HttpResponse<String> basic(int port, String method, String path, String user, String password,
      String json) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    if (csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private void refreshCsrfToken() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/"))
        .GET());
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
