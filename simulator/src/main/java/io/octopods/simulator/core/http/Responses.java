package io.octopods.simulator.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.scenario.ScenarioProblem;
import java.time.Duration;
import java.util.List;

/**
 * Answers our routes give: JSON, problem+json (the admin API's dialect), and a held-then-dropped
 * connection.
 */
public final class Responses {
  private Responses() {}

  public static ResponseDefinition json(int status, JsonNode body) {
    return builder(status, "application/json", Json.write(body)).build();
  }

  public static ResponseDefinitionBuilder builder(int status, String contentType, String body) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
    if (contentType != null) {
      b = b.withHeader("Content-Type", contentType);
    }
    return body == null ? b : b.withBody(body);
  }

  public static ResponseDefinition empty(int status) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status).build();
  }

  /** RFC 9457 problem details: what went wrong, and what to do. */
  public static ResponseDefinition problem(int status, String title, String detail) {
    return problem(status, title, detail, List.of());
  }

  public static ResponseDefinition problem(
      int status, String title, String detail, List<ScenarioProblem> errors) {
    ObjectNode p =
        Json.object()
            .put(
                "type",
                "https://octopods.io/problems/"
                    + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    if (!errors.isEmpty()) {
      var list = p.putArray("errors");
      errors.forEach(e -> list.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
    }
    return builder(status, "application/problem+json", Json.write(p)).build();
  }

  /** Holds the connection for {@code delay}, then closes it without an answer. */
  public static ResponseDefinition noAnswerAfter(Duration delay) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withFixedDelay((int) delay.toMillis())
        .withFault(Fault.EMPTY_RESPONSE)
        .build();
  }
}
