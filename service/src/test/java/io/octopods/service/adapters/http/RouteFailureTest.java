package io.octopods.service.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A route that fails in a way nobody planned still answers in the service's dialect: {@code 500}
 * application/problem+json naming the request, whether it threw an exception or a Java {@code
 * Error} (an assertion, a stack overflow), never the framework's plain text.
 */
class RouteFailureTest {
  private static HttpServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        new HttpServer(
                List.of(
                    routes -> {
                      routes.get(
                          "/fails/exception",
                          ctx -> {
                            throw new IllegalStateException("a bug");
                          });
                      routes.get(
                          "/fails/error",
                          ctx -> {
                            throw new AssertionError("a broken assumption");
                          });
                      routes.get(
                          "/fails/overflow",
                          ctx -> {
                            throw new StackOverflowError();
                          });
                    }))
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"exception", "error", "overflow"})
  void anUnplannedFailureIsAProblem(String kind) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/fails/" + kind))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(Problem.CONTENT_TYPE));
    assertThat(r.body()).contains("\"status\":500").contains("GET /fails/" + kind);
  }
}
