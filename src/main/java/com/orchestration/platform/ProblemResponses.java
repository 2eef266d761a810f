package com.orchestration.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Problem-detail responses written by servlet filters, which run outside Spring MVC's exception handling. */
final class ProblemResponses {

  private ProblemResponses() {}

  static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String basicRealm)
      throws IOException {
    response.setStatus(status.value());
    if (basicRealm != null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + basicRealm + "\", charset=\"UTF-8\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status.value()
        + ",\"detail\":" + json(detail) + "}");
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
