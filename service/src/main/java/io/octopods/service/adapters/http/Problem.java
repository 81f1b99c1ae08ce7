package io.octopods.service.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem: the service's one error dialect ({@code application/problem+json}). Every
 * problem says what went wrong, what was expected, and what to do.
 */
public record Problem(int status, String title, String detail, List<FieldError> errors) {
  public static final String CONTENT_TYPE = "application/problem+json";

  /** One wrong field: a JSON Pointer into the request and what is wrong with it. */
  public record FieldError(String pointer, String detail) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem(status, title, detail, List.of());
  }

  /**
   * A body that broke off before its end (a chunked body without its last chunk, fewer bytes than
   * its Content-Length): the client's request, so {@code 400}, not a failure of the service.
   */
  public static Problem unreadableBody(String what, IOException e) {
    return of(
        400,
        "Body not read",
        "the "
            + what
            + " body could not be read to its end ("
            + e.getMessage()
            + "): send the whole body, with a Content-Length that matches it or a complete chunked encoding");
  }

  public String type() {
    return "https://octopods.io/problems/"
        + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  public ObjectNode json() {
    ObjectNode o =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("type", type())
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    if (!errors.isEmpty()) {
      var list = o.putArray("errors");
      errors.forEach(e -> list.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
    }
    return o;
  }

  public void writeTo(Context ctx) {
    // bytes, not a String: Jetty would encode a String in ISO-8859-1 for a media type without a
    // charset (JSON is UTF-8)
    ctx.status(status)
        .contentType(CONTENT_TYPE)
        .result(JsonBodies.write(json()).getBytes(StandardCharsets.UTF_8));
  }

  /** Thrown by a handler to answer with a problem. */
  public static final class Raised extends RuntimeException {
    private final transient Problem problem;

    public Raised(Problem problem) {
      super(problem.title() + ": " + problem.detail(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  public Raised raise() {
    return new Raised(this);
  }
}
