package io.octopods.service.adapters.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals as problem+json: a request Jetty answers before any route sees it (a URI it
 * will not take such as {@code %00}, a URI or headers over its limits, a request line it cannot
 * parse), and any other error Jetty answers itself, gets the same RFC 9457 body as every other
 * error of the service, in UTF-8, with Jetty's status and no stack trace. Installed as the Jetty
 * server's error handler by {@link HttpServer}.
 */
final class ProblemErrorHandler extends ErrorHandler {
  /** Jetty's path for a request whose request line it could not read. */
  private static final String BAD_MESSAGE_PATH = "/badMessage";

  private static final int MAX_REASON = 200;

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object cause = request.getAttribute(ERROR_EXCEPTION);
    String reason = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
    if (cause instanceof HttpException http) {
      status = http.getCode();
      reason = http.getReason() != null ? http.getReason() : reason;
    }
    if (status < 400 || status > 599) {
      status = HttpStatus.BAD_REQUEST_400;
    }
    response.setStatus(status);
    generateCacheControl(response);
    if (HttpStatus.hasNoBody(status)) {
      callback.succeeded();
      return true;
    }
    boolean requestLine = BAD_MESSAGE_PATH.equals(request.getHttpURI().getPath());
    Problem problem = problem(status, reason(status, reason, cause), requestLine);
    byte[] body = JsonBodies.write(problem.json()).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /**
   * Jetty's words for the refusal: its reason, or, when that is only the status's name ("Bad
   * Request"), the message of what it failed on (such as "Illegal character in path"); never a
   * stack trace.
   */
  static String reason(int status, String reason, Object cause) {
    String generic = HttpStatus.getMessage(status);
    String said = reason == null || reason.isBlank() ? generic : reason;
    if (said.equalsIgnoreCase(generic) && cause instanceof Throwable t && t.getCause() != null) {
      Throwable failed = t.getCause();
      if (failed instanceof NumberFormatException) {
        said = "a % not followed by two hex digits";
      } else if (failed.getMessage() != null && !failed.getMessage().isBlank()) {
        said = failed.getMessage();
      }
    }
    return said.length() <= MAX_REASON ? said : said.substring(0, MAX_REASON) + "...";
  }

  /**
   * What Jetty refused, in the service's words; {@code requestLine}: Jetty could not read the
   * request line.
   */
  static Problem problem(int status, String reason, boolean requestLine) {
    return switch (status) {
      case HttpStatus.URI_TOO_LONG_414 ->
          Problem.of(
              status,
              "URI too long",
              "the request URI is over the server's "
                  + "limit ("
                  + reason
                  + "): send a shorter path and query");
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
          Problem.of(
              status,
              "Request headers too large",
              "the request headers are over the server's limit ("
                  + reason
                  + "): send fewer or shorter headers");
      case HttpStatus.BAD_REQUEST_400 ->
          aboutTheUri(reason, requestLine)
              ? Problem.of(
                  status,
                  "Bad request",
                  "the request URI is not accepted: "
                      + reason
                      + ". Encode each path "
                      + "segment as percent-encoded UTF-8, with no control characters (such as %00) and no invalid %XX "
                      + "escapes")
              : Problem.of(
                  status,
                  "Bad request",
                  "the request is not accepted: "
                      + reason
                      + ". Check its request line "
                      + "and headers (header names without spaces, a numeric Content-Length)");
      case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ->
          Problem.of(
              status,
              "HTTP version not supported",
              "the request's HTTP version is not accepted (" + reason + "): send HTTP/1.1");
      default ->
          status < 500
              ? Problem.of(
                  status,
                  HttpStatus.getMessage(status),
                  "the server refused the request: " + reason)
              // a failure of the server's own: its words may name its internals, so they are not
              // echoed
              : Problem.of(
                  status,
                  HttpStatus.getMessage(status),
                  "the server could not serve the request ("
                      + HttpStatus.getMessage(status)
                      + "): retry later");
    };
  }

  private static boolean aboutTheUri(String reason, boolean requestLine) {
    String r = reason.toLowerCase(Locale.ROOT);
    return requestLine
        || r.contains("uri")
        || r.contains("path")
        || r.contains("utf-8")
        || r.contains("hex")
        || r.contains("encod");
  }
}
