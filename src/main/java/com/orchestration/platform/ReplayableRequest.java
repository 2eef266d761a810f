package com.orchestration.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body a filter has read for inspection; the endpoint (and later filters) read the same bytes. */
final class ReplayableRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  private ReplayableRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request itself when a filter before already made it replayable, else a wrapper holding its body. */
  static ReplayableRequest of(HttpServletRequest request) throws IOException {
    if (request instanceof ReplayableRequest replayable) {
      return replayable;
    }
    return new ReplayableRequest(request, request.getInputStream().readAllBytes());
  }

  static ReplayableRequest of(HttpServletRequest request, byte[] body) {
    return new ReplayableRequest(request, body);
  }

  byte[] body() {
    return body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
