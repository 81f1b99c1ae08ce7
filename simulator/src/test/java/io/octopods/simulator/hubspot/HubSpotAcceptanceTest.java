package io.octopods.simulator.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OctopodsSimulators(clock = "virtual")
class HubSpotAcceptanceTest {
  private static final Contracts CONTRACTS = Contracts.shipped();
  private static final String EVENTS = "/crm/v3/timeline/events";
  private static final String MESSAGE = "SM0123456789abcdef0123456789abcdef";
  private String base;

  @BeforeEach
  void reset(Simulators sims) {
    base = sims.baseUrl("hubspot");
    assertThat(Http.post(base + "/__sim/reset", null, "").status()).isEqualTo(204);
  }

  @Test
  void infoPublishesTheAccessTokenAndTheEventTemplate() {
    JsonNode info = Http.get(base + "/__sim/info").json();
    assertThat(info.path("provider").asText()).isEqualTo("hubspot");
    assertThat(info.at("/credentials/access_token").asText())
        .isEqualTo(HubSpotSimulator.ACCESS_TOKEN);
    assertThat(info.at("/credentials/event_template_id").asText())
        .isEqualTo(HubSpotSimulator.EVENT_TEMPLATE_ID);
    assertThat(info.path("signing_secret").isNull()).isTrue();
  }

  @Test
  void createsAnEventInHubSpotsShapeAndShowsItOnTheContactsTimeline() {
    var created =
        post(
            EVENTS,
            event("a@example.com", MESSAGE + "-DELIVERED", "DELIVERED")
                .replace("\"failure_reason\":\"\"", "\"failure_reason\":\"\",\"attempt\":3"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(CONTRACTS.check("providers/hubspot/timeline-event.schema.json", created.body()))
        .isEmpty();
    JsonNode e = created.json();
    assertThat(e.path("objectType").asText()).isEqualTo("contacts");
    assertThat(e.path("id").asText()).isEqualTo(MESSAGE + "-DELIVERED");
    assertThat(e.path("eventTemplateId").asText()).isEqualTo("1001298");
    assertThat(e.path("email").asText()).isEqualTo("a@example.com");
    assertThat(e.path("objectId").asText()).isNotEmpty();
    assertThat(e.path("timestamp").asText()).isEqualTo("2026-11-05T05:01:47.120Z");
    assertThat(e.at("/tokens/status").asText()).isEqualTo("DELIVERED");
    assertThat(e.at("/tokens/attempt").isTextual())
        .as("token values come back as strings")
        .isTrue();
    assertThat(e.at("/tokens/attempt").asText()).isEqualTo("3");

    var timeline = Http.get(base + "/__sim/hubspot/timeline?email=a@example.com");
    assertThat(timeline.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("providers/hubspot/sim-timeline.schema.json", timeline.body()))
        .isEmpty();
    JsonNode only = timeline.json().path("events").get(0);
    assertThat(timeline.json().path("events")).hasSize(1);
    assertThat(only.path("id").asText()).isEqualTo(MESSAGE + "-DELIVERED");
    assertThat(only.path("email").asText()).isEqualTo("a@example.com");
    assertThat(only.path("objectId").asText()).isEqualTo(e.path("objectId").asText());
    assertThat(only.path("eventTemplateId").asText()).isEqualTo("1001298");
    assertThat(only.path("timestamp").asText()).isEqualTo("2026-11-05T05:01:47.120Z");
    assertThat(only.path("tokens").path("message_id").asText()).isEqualTo(MESSAGE);
    assertThat(only.path("received_at").asText())
        .isEqualTo(Http.get(base + "/__sim/clock").json().path("now").asText());

    var read = Http.get(base + EVENTS + "/1001298/" + MESSAGE + "-DELIVERED", auth());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().path("tokens")).isEqualTo(e.path("tokens"));
    assertThat(Http.get(base + EVENTS + "/1001298/no-such-event", auth()).status()).isEqualTo(404);
  }

  @Test
  void theTimelineKeepsTheOrderReceivedPerContact() {
    for (String status : List.of("UNKNOWN", "SENT", "READ", "DELIVERED")) {
      assertThat(post(EVENTS, event("a@example.com", MESSAGE + "-" + status, status)).status())
          .isEqualTo(201);
      assertThat(post(EVENTS, event("b@example.com", "other-" + status, status)).status())
          .isEqualTo(201);
    }

    JsonNode events =
        Http.get(base + "/__sim/hubspot/timeline?email=A@Example.com").json().path("events");
    assertThat(events)
        .extracting(n -> n.path("tokens").path("status").asText())
        .containsExactly("UNKNOWN", "SENT", "READ", "DELIVERED");
    String objectId = events.get(0).path("objectId").asText();
    assertThat(events("objectId=" + objectId))
        .as("a contact named by email can be read by its object id")
        .hasSize(4);
    assertThat(timeline("nobody@example.com")).isEmpty();
  }

  @Test
  void aRepeatedIdIsAConflictAndStoresNothing() {
    assertThat(post(EVENTS, event("a@example.com", MESSAGE + "-SENT", "SENT")).status())
        .isEqualTo(201);

    var again = post(EVENTS, event("a@example.com", MESSAGE + "-SENT", "SENT"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", again.body())).isEmpty();
    assertThat(again.json().path("category").asText()).isEqualTo("CONFLICT");
    assertThat(again.json().path("message").asText()).contains(MESSAGE + "-SENT");
    assertThat(timeline("a@example.com")).hasSize(1);
  }

  @Test
  void concurrentPushesOfOneIdStoreItOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () -> post(EVENTS, event("a@example.com", MESSAGE + "-SENT", "SENT")).status()));
        answers.add(
            pool.submit(
                () -> post(EVENTS, event("a@example.com", "distinct-" + n, "SENT")).status()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(17);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
    } finally {
      pool.shutdownNow();
    }
    assertThat(timeline("a@example.com")).hasSize(17);
  }

  @Test
  void withoutTheBearerTokenTheCallIsUnauthenticated() {
    String body = event("a@example.com", MESSAGE + "-SENT", "SENT");
    var none = Http.postJson(base + EVENTS, body);
    var wrong = Http.postJson(base + EVENTS, body, "Authorization", "Bearer not-the-token");

    for (var answer : List.of(none, wrong)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", answer.body())).isEmpty();
      assertThat(answer.json().path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    }
    assertThat(timeline("a@example.com")).isEmpty();
  }

  @Test
  void aMissingFieldIsAValidationErrorNamingIt() {
    var noTemplate = post(EVENTS, "{\"email\":\"a@example.com\",\"tokens\":{\"status\":\"SENT\"}}");
    var noTokens = post(EVENTS, "{\"eventTemplateId\":\"1001298\",\"email\":\"a@example.com\"}");
    var noContact =
        post(EVENTS, "{\"eventTemplateId\":\"1001298\",\"tokens\":{\"status\":\"SENT\"}}");
    var badTime =
        post(
            EVENTS,
            "{\"eventTemplateId\":\"1001298\",\"email\":\"a@example.com\",\"tokens\":{},"
                + "\"timestamp\":\"yesterday\"}");
    var notJson = post(EVENTS, "{\"eventTemplateId\":");

    assertThat(List.of(noTemplate, noTokens, noContact, badTime, notJson))
        .allSatisfy(
            a -> {
              assertThat(a.status()).as(a.body()).isEqualTo(400);
              assertThat(a.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
              assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", a.body()))
                  .isEmpty();
            });
    assertThat(noTemplate.json().path("message").asText()).contains("eventTemplateId");
    assertThat(noTemplate.json().at("/errors/0/in").asText()).isEqualTo("eventTemplateId");
    assertThat(noTokens.json().path("message").asText()).contains("tokens");
    assertThat(noContact.json().path("message").asText()).contains("email").contains("objectId");
    assertThat(badTime.json().path("message").asText()).contains("timestamp");
    assertThat(timeline("a@example.com")).isEmpty();
  }

  @Test
  void anUnknownEventTemplateIsNotFound() {
    var answer = post(EVENTS, event("a@example.com", "x-SENT", "SENT").replace("1001298", "42"));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("message").asText()).contains("42").contains("1001298");
  }

  @Test
  void theDefaultTimestampIsNowOnTheScenarioClockAndAnIdIsGenerated() {
    var created =
        post(
            EVENTS,
            "{\"eventTemplateId\":\"1001298\",\"objectId\":\"28001\","
                + "\"tokens\":{\"status\":\"SENT\"},\"extraData\":{\"attempts\":1}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("id").asText()).isNotBlank();
    assertThat(created.json().path("timestamp").asText())
        .isEqualTo(
            java.time.Instant.parse(Http.get(base + "/__sim/clock").json().path("now").asText())
                .toString());
    assertThat(created.json().at("/extraData/attempts").asInt()).isEqualTo(1);
    assertThat(events("objectId=28001")).hasSize(1);

    var templated =
        post(
            EVENTS,
            "{\"eventTemplateId\":\"1001298\",\"objectId\":\"28001\",\"id\":\"ours-{{uuid}}\","
                + "\"tokens\":{}}");
    assertThat(templated.json().path("id").asText()).matches("ours-[0-9a-f-]{36}");
  }

  @Test
  void bothPathsOfTheTimelineApiWork() {
    assertThat(post("/crm/v3/timeline/events", event("a@example.com", "one", "SENT")).status())
        .isEqualTo(201);
    assertThat(
            post("/integrators/timeline/v3/events", event("a@example.com", "two", "DELIVERED"))
                .status())
        .isEqualTo(201);
    assertThat(
            post("/integrators/timeline/v3/events", event("a@example.com", "one", "SENT")).status())
        .isEqualTo(409);
    assertThat(Http.get(base + "/integrators/timeline/v3/events/1001298/one", auth()).status())
        .isEqualTo(200);
    assertThat(timeline("a@example.com"))
        .extracting(n -> n.path("id").asText())
        .containsExactly("one", "two");
  }

  @Test
  void batchCreateIs201WhenAllPassAnd207WithPerItemErrors() {
    var all =
        post(
            EVENTS + "/batch/create",
            "{\"inputs\":["
                + event("a@example.com", "b-1", "SENT")
                + ","
                + event("a@example.com", "b-2", "DELIVERED")
                + "]}");
    assertThat(all.status()).as(all.body()).isEqualTo(201);
    assertThat(all.json().path("status").asText()).isEqualTo("COMPLETE");
    assertThat(all.json().path("results"))
        .extracting(n -> n.path("id").asText())
        .containsExactly("b-1", "b-2");

    var some =
        post(
            "/integrators/timeline/v3/events/batch/create",
            "{\"inputs\":["
                + event("a@example.com", "b-2", "DELIVERED")
                + ","
                + event("a@example.com", "b-3", "READ")
                + ","
                + "{\"eventTemplateId\":\"1001298\",\"tokens\":{}}]}");
    assertThat(some.status()).as(some.body()).isEqualTo(207);
    assertThat(some.json().path("results"))
        .extracting(n -> n.path("id").asText())
        .containsExactly("b-3");
    assertThat(some.json().path("numErrors").asInt()).isEqualTo(2);
    assertThat(some.json().path("errors"))
        .extracting(n -> n.path("category").asText())
        .containsExactly("CONFLICT", "VALIDATION_ERROR");
    assertThat(some.json().at("/errors/0/context/id/0").asText()).isEqualTo("b-2");
    assertThat(timeline("a@example.com"))
        .extracting(n -> n.path("id").asText())
        .containsExactly("b-1", "b-2", "b-3");

    assertThat(post(EVENTS + "/batch/create", "{}").status()).isEqualTo(400);
  }

  @Test
  void pastPer10sInTheRollingWindowTheCallIsRateLimitedUntilTheClockMoves() {
    var set =
        Http.postJson(base + "/__sim/hubspot/limits", "{\"per_10s\":3,\"retry_after\":\"10s\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().path("per_10s").asInt()).isEqualTo(3);

    for (int i = 1; i <= 3; i++) {
      var ok = post(EVENTS, event("a@example.com", "r-" + i, "SENT"));
      assertThat(ok.status()).isEqualTo(201);
      assertThat(ok.headers().firstValue("X-HubSpot-RateLimit-Max")).hasValue("3");
      assertThat(ok.headers().firstValue("X-HubSpot-RateLimit-Remaining"))
          .hasValue(String.valueOf(3 - i));
      assertThat(ok.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds"))
          .hasValue("10000");
    }
    var limited = post(EVENTS, event("a@example.com", "r-4", "SENT"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(CONTRACTS.check("providers/hubspot/rate-limit-error.schema.json", limited.body()))
        .isEmpty();
    JsonNode body = limited.json();
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly(
            "status", "message", "errorType", "correlationId", "policyName", "requestId");
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("message").asText())
        .isEqualTo("You have reached your ten_secondly_rolling limit.");
    assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
    assertThat(body.path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(limited.headers().firstValue("X-HubSpot-RateLimit-Remaining")).hasValue("0");
    assertThat(timeline("a@example.com")).hasSize(3);

    Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"PT9.999S\"}");
    assertThat(post(EVENTS, event("a@example.com", "r-4", "SENT")).status()).isEqualTo(429);
    Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"PT0.001S\"}");
    assertThat(post(EVENTS, event("a@example.com", "r-4", "SENT")).status()).isEqualTo(201);
    assertThat(timeline("a@example.com")).hasSize(4);
  }

  @Test
  void theDailyPolicyAnswersHubSpotsDailyBody() {
    Http.postJson(
        base + "/__sim/hubspot/limits",
        "{\"per_10s\":0,\"policy\":\"DAILY\",\"retry_after\":3600}");

    var limited = post(EVENTS, event("a@example.com", "d-1", "SENT"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().path("message").asText())
        .isEqualTo("You have reached your daily limit.");
    assertThat(limited.json().path("policyName").asText()).isEqualTo("DAILY");
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
  }

  @Test
  void failNextMakesTheNextCallsFailWithTheStatusAndStoreNothing() {
    var set =
        Http.postJson(base + "/__sim/hubspot/limits", "{\"fail_next\":2,\"fail_status\":503}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);

    var first = post(EVENTS, event("a@example.com", "f-1", "SENT"));
    var second = post(EVENTS, event("a@example.com", "f-1", "SENT"));
    var third = post(EVENTS, event("a@example.com", "f-1", "SENT"));

    assertThat(List.of(first.status(), second.status(), third.status()))
        .containsExactly(503, 503, 201);
    assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", first.body())).isEmpty();
    assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Max")).isPresent();
    assertThat(timeline("a@example.com")).hasSize(1);
    assertThat(Http.get(base + "/__sim/hubspot/limits").json().path("fail_next").asInt()).isZero();

    Http.postJson(base + "/__sim/hubspot/limits", "{\"fail_next\":1}");
    var rateToo = Http.postJson(base + "/__sim/hubspot/limits", "{\"per_10s\":50}");
    assertThat(rateToo.json().path("fail_next").asInt())
        .as("the failures are kept when the rate is set")
        .isEqualTo(1);
    assertThat(rateToo.json().path("fail_status").asInt()).as("default fail_status").isEqualTo(502);
    assertThat(post(EVENTS, event("a@example.com", "f-2", "SENT")).status()).isEqualTo(502);
  }

  @Test
  void resetForgetsTimelinesAndLimits() {
    post(EVENTS, event("a@example.com", "x-1", "SENT"));
    Http.postJson(base + "/__sim/hubspot/limits", "{\"per_10s\":0,\"fail_next\":5}");

    assertThat(Http.post(base + "/__sim/reset", null, "").status()).isEqualTo(204);

    assertThat(timeline("a@example.com")).isEmpty();
    var read = Http.get(base + "/__sim/hubspot/limits");
    assertThat(CONTRACTS.check("simulator/admin-hubspot-limits-request.schema.json", read.body()))
        .as("the settings read back in the shape they are set")
        .isEmpty();
    JsonNode limits = read.json();
    assertThat(limits.path("per_10s").isNull()).isTrue();
    assertThat(limits.path("fail_next").asInt()).isZero();
    assertThat(limits.path("policy").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(post(EVENTS, event("a@example.com", "x-1", "SENT")).status()).isEqualTo(201);
  }

  @Test
  void adminMistakesAreProblemsAndUnknownWirePathsAnswerInHubSpotsDialect() {
    for (String bad :
        List.of(
            "{\"policy\":\"HOURLY\"}",
            "{\"fail_status\":429}",
            "{\"per_10s\":-1}",
            "{\"perTenSeconds\":3}",
            "not json")) {
      var answer = Http.postJson(base + "/__sim/hubspot/limits", bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    var noContact = Http.get(base + "/__sim/hubspot/timeline");
    assertThat(noContact.status()).isEqualTo(400);
    assertThat(noContact.contentType()).startsWith("application/problem+json");

    var unknown = Http.get(base + "/crm/v3/objects/contacts", auth());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(CONTRACTS.check("providers/hubspot/error.schema.json", unknown.body())).isEmpty();
  }

  private List<JsonNode> timeline(String email) {
    return events("email=" + email);
  }

  private List<JsonNode> events(String query) {
    var answer = Http.get(base + "/__sim/hubspot/timeline?" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    answer.json().path("events").forEach(events::add);
    return events;
  }

  private Http.Answer post(String path, String json) {
    return Http.postJson(base + path, json, auth());
  }

  private static String[] auth() {
    return new String[] {"Authorization", "Bearer " + HubSpotSimulator.ACCESS_TOKEN};
  }

  /** The event the status service pushes (api.md, Surfaces). */
  private static String event(String email, String id, String status) {
    return "{\"eventTemplateId\":\"1001298\",\"email\":\""
        + email
        + "\",\"id\":\""
        + id
        + "\","
        + "\"timestamp\":\"2026-11-05T05:01:47.120Z\",\"tokens\":{\"message_id\":\""
        + MESSAGE
        + "\","
        + "\"channel\":\"twilio\",\"status\":\""
        + status
        + "\",\"updated_at\":\"2026-11-05T05:01:47.120Z\","
        + "\"failure_reason\":\"\"}}";
  }
}
