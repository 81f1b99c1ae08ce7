package io.octopods.simulator.hubspot;

import static io.octopods.simulator.hubspot.HubSpotDriver.EVENTS;
import static io.octopods.simulator.hubspot.HubSpotDriver.event;
import static io.octopods.simulator.hubspot.HubSpotDriver.events;
import static io.octopods.simulator.hubspot.HubSpotDriver.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fail_status} (400, 403, 404, 408, 413, 5xx, "reset") and {@code fail_delay} of {@code POST
 * /__sim/hubspot/limits}.
 */
@OctopodsSimulators(clock = "virtual")
class HubSpotInjectedFailuresAcceptanceTest {
  private static final Contracts CONTRACTS = Contracts.shipped();
  private static final Duration DELAY = Duration.ofSeconds(1);
  private HubSpotDriver hubspot;

  @BeforeEach
  void reset(Simulators sims) {
    hubspot = new HubSpotDriver(sims.baseUrl("hubspot"));
    assertThat(Http.post(hubspot.base() + "/__sim/reset", null, "").status()).isEqualTo(204);
  }

  @ParameterizedTest
  @CsvSource({
    "400, VALIDATION_ERROR",
    "404, OBJECT_NOT_FOUND",
    "403, MISSING_SCOPES",
    "408, REQUEST_TIMEOUT",
    "413, REQUEST_ENTITY_TOO_LARGE",
    "500, INTERNAL_ERROR",
    "503, INTERNAL_ERROR",
    "599, INTERNAL_ERROR"
  })
  void theNextCallsAnswerTheStatusWithHubSpotsErrorBodyAndStoreNothing(
      int status, String category) {
    hubspot.limits("{\"fail_next\":2,\"fail_status\":" + status + "}");

    var single = hubspot.create(event("a@example.com", uuid("aaaaaaaa", 0), "SENT"));
    var batch = hubspot.batch(events("a@example.com", "aaaaaaab", 3));
    var after = hubspot.create(event("a@example.com", uuid("aaaaaaaa", 0), "SENT"));

    for (var failed : List.of(single, batch)) {
      assertThat(failed.status()).as(failed.body()).isEqualTo(status);
      assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", failed.body())).isEmpty();
      assertThat(failed.json().path("category").asText()).isEqualTo(category);
      assertThat(failed.json().path("message").asText())
          .contains("HTTP " + status)
          .contains("POST /__sim/hubspot/limits");
      assertThat(failed.headers().firstValue("X-HubSpot-RateLimit-Max")).isPresent();
    }
    assertThat(single.json().path("message").asText()).contains("1 more to come");
    assertThat(after.status()).isEqualTo(201);
    assertThat(hubspot.timeline("a@example.com")).containsExactly(uuid("aaaaaaaa", 0) + "-SENT");
  }

  @Test
  void a403NamesTheMissingScopeAsHubSpotDoes() {
    hubspot.limits("{\"fail_next\":1,\"fail_status\":403}");

    JsonNode body = hubspot.create(event("a@example.com", uuid("bbbbbbbb", 0), "SENT")).json();

    assertThat(body.path("category").asText()).isEqualTo("MISSING_SCOPES");
    assertThat(body.at("/errors/0/context/requiredScopes/0").asText()).isEqualTo("timeline");
    assertThat(body.at("/links/scopes").asText())
        .isEqualTo("https://developers.hubspot.com/scopes");
  }

  @Test
  void resetResetsTheConnectionWithoutAnAnswerAndStoresNothing() throws Exception {
    hubspot.limits("{\"fail_next\":2,\"fail_status\":\"reset\"}");

    assertThatThrownBy(
            () ->
                Http.postJson(
                    hubspot.base() + EVENTS,
                    event("a@example.com", uuid("cccccccc", 0), "SENT"),
                    HubSpotDriver.auth()))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> rawPost(event("a@example.com", uuid("cccccccc", 0), "SENT")))
        .as("a reset (RST), not a connection closed after no answer (EOF)")
        .isInstanceOf(SocketException.class);

    assertThat(hubspot.admin("GET", "/__sim/hubspot/limits", null).json().path("fail_next").asInt())
        .isZero();
    assertThat(hubspot.timeline("a@example.com")).isEmpty();
    assertThat(hubspot.create(event("a@example.com", uuid("cccccccc", 0), "SENT")).status())
        .isEqualTo(201);
  }

  @Test
  void failDelayHoldsTheInjectedAnswerPastAClientsTimeout() throws Exception {
    hubspot.limits("{\"fail_next\":2,\"fail_status\":503,\"fail_delay\":\"1s\"}");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(hubspot.base() + EVENTS))
            .header("Authorization", "Bearer " + HubSpotSimulator.ACCESS_TOKEN)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    event("a@example.com", uuid("dddddddd", 0), "SENT")));
    HttpClient client = HttpClient.newHttpClient();

    assertThatThrownBy(
            () ->
                client.send(
                    request.copy().timeout(Duration.ofMillis(200)).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    long start = System.nanoTime();
    HttpResponse<String> waited =
        client.send(
            request.copy().timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(waited.statusCode()).isEqualTo(503);
    assertThat(took).isGreaterThanOrEqualTo(DELAY);
    assertThat(hubspot.create(event("a@example.com", uuid("dddddddd", 0), "SENT")).status())
        .as("the failures are used up; an admitted call is not delayed")
        .isEqualTo(201);
  }

  @Test
  void failDelayAlsoHoldsAReset() {
    hubspot.limits("{\"fail_next\":1,\"fail_status\":\"reset\",\"fail_delay\":\"PT1S\"}");
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                Http.postJson(
                    hubspot.base() + EVENTS,
                    event("a@example.com", uuid("eeeeeeee", 0), "SENT"),
                    HubSpotDriver.auth()))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
  }

  @Test
  void theSettingsReadBackInTheShapeTheyAreSet() {
    hubspot.limits("{\"fail_next\":3,\"fail_status\":\"reset\",\"fail_delay\":\"1500ms\"}");

    var read = hubspot.admin("GET", "/__sim/hubspot/limits", null);

    assertThat(CONTRACTS.check("simulator/admin-hubspot-limits-request.schema.json", read.body()))
        .isEmpty();
    assertThat(read.json().path("fail_status").asText()).isEqualTo("reset");
    assertThat(read.json().path("fail_delay").asText()).isEqualTo("PT1.5S");
    hubspot.limits("{\"fail_next\":1}");
    JsonNode defaults = hubspot.admin("GET", "/__sim/hubspot/limits", null).json();
    assertThat(defaults.path("fail_status").asInt())
        .as("the group is set as a whole")
        .isEqualTo(502);
    assertThat(defaults.path("fail_delay").isNull()).isTrue();
  }

  /**
   * Posts an event over a plain socket and reads until the server closes; what a reset looks like
   * to a client.
   */
  private String rawPost(String json) throws IOException {
    URI uri = URI.create(hubspot.base());
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + EVENTS
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + "\r\nAuthorization: Bearer "
                  + HubSpotSimulator.ACCESS_TOKEN
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void mistakesAreProblemsNamingTheAllowedValues() {
    for (String[] bad :
        List.of(
            new String[] {"{\"fail_status\":429}", "per_10s"},
            new String[] {"{\"fail_status\":409}", "\"reset\""},
            new String[] {"{\"fail_status\":600}", "400, 403, 404, 408, 413"},
            new String[] {"{\"fail_status\":\"RESET\"}", "\"reset\""},
            new String[] {"{\"fail_delay\":\"soon\"}", "fail_delay"},
            new String[] {"{\"fail_delay\":3}", "\"3s\""},
            new String[] {"{\"fail_delay\":\"10m\"}", "at most 5m"},
            new String[] {"{\"fail_after\":1}", "fail_delay"})) {
      var answer = hubspot.admin("POST", "/__sim/hubspot/limits", bad[0]);
      assertThat(answer.status()).as(bad[0]).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("detail").asText()).as(bad[0]).contains(bad[1]);
    }
  }
}
