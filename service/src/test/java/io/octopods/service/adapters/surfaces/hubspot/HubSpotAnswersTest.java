package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What each of HubSpot's answers to a batch means, row by row of api.md's table, for the call and
 * for one input.
 */
class HubSpotAnswersTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
  private static final HubSpotEvent A = event("a");
  private static final HubSpotEvent B = event("b");
  private static final HubSpotEvent C = event("c");
  private static final List<HubSpotEvent> THREE = List.of(A, B, C);

  private static HubSpotEvent event(String message) {
    return new HubSpotEvent(message + "@example.com", message, Channel.SMS, Status.SENT, AT, "");
  }

  private static HttpHeaders headers(String... pairs) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      h.put(pairs[i], List.of(pairs[i + 1]));
    }
    return HttpHeaders.of(h, (k, v) -> true);
  }

  private static BatchAnswer answer(
      int status, String body, List<HubSpotEvent> sent, String... headers) {
    return HubSpotAnswers.of(status, headers(headers), body, sent, AT);
  }

  private static PushOutcome whole(BatchAnswer answer) {
    assertThat(answer).isInstanceOf(BatchAnswer.Whole.class);
    return ((BatchAnswer.Whole) answer).outcome();
  }

  private static BatchAnswer.PerEvent perEvent(BatchAnswer answer) {
    assertThat(answer).isInstanceOf(BatchAnswer.PerEvent.class);
    return (BatchAnswer.PerEvent) answer;
  }

  @Test
  void createdMeansEveryInputIsDone() {
    BatchAnswer.PerEvent created =
        perEvent(answer(201, "{\"status\":\"COMPLETE\",\"results\":[]}", THREE));

    assertThat(THREE)
        .allSatisfy(e -> assertThat(created.of(e.id())).isEqualTo(new PushOutcome.Pushed(201)));
  }

  @Test
  void aMultiStatusAnswerSettlesEachInputByItsOwnOutcome() {
    String body =
        """
        {"status": "COMPLETE", "numErrors": 2,
         "results": [{"id": "a-SENT", "objectType": "contacts"}],
         "errors": [
           {"status": "error", "category": "VALIDATION_ERROR", "message": "tokens.status is required",
            "context": {"index": ["1"]}},
           {"status": "error", "category": "CONFLICT", "message": "already exists", "context": {"id": ["c-SENT"]}}]}
        """;

    BatchAnswer.PerEvent outcomes = perEvent(answer(207, body, THREE));

    assertThat(outcomes.of("a-SENT")).isEqualTo(new PushOutcome.Pushed(201));
    assertThat(outcomes.of("b-SENT"))
        .isInstanceOfSatisfying(
            PushOutcome.Refused.class,
            r -> {
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.body()).contains("tokens.status is required");
            });
    assertThat(outcomes.of("c-SENT")).isEqualTo(new PushOutcome.Pushed(409));
  }

  @Test
  void withinAMultiStatusAnswerEachCategoryMeansWhatItsStatusMeans() {
    assertThat(item("OBJECT_NOT_FOUND"))
        .isInstanceOfSatisfying(
            PushOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(404));
    assertThat(item("VALIDATION_ERROR")).isInstanceOf(PushOutcome.Refused.class);
    assertThat(item("CONFLICT")).isEqualTo(new PushOutcome.Pushed(409));
    assertThat(item("INVALID_AUTHENTICATION")).isInstanceOf(PushOutcome.Retry.class);
    assertThat(item("MISSING_SCOPES")).isInstanceOf(PushOutcome.Retry.class);
    assertThat(item("RATE_LIMITS")).isInstanceOf(PushOutcome.Retry.class);
    assertThat(item("SOMETHING_NEW"))
        .as("an unknown category is never a dead letter")
        .isInstanceOf(PushOutcome.Retry.class);
  }

  private static PushOutcome item(String category) {
    String body =
        "{\"results\":[],\"errors\":[{\"status\":\"error\",\"category\":\""
            + category
            + "\",\"message\":\"m\",\"context\":{\"id\":[\"a-SENT\"]}}]}";
    return perEvent(answer(207, body, List.of(A))).of("a-SENT");
  }

  @Test
  void anInputAMultiStatusAnswerDoesNotNameIsRetried() {
    String body =
        """
        {"results": [{"id": "a-SENT"}, {"id": "not-sent-SENT"}],
         "errors": [{"status": "error", "category": "VALIDATION_ERROR", "message": "m", "context": {"index": ["2"]}}]}
        """;

    BatchAnswer.PerEvent outcomes = perEvent(answer(207, body, List.of(A, B)));

    assertThat(outcomes.outcomes())
        .as("results and errors about no input of the call are passed over")
        .containsOnlyKeys("a-SENT");
    assertThat(outcomes.of("b-SENT")).isInstanceOf(PushOutcome.Retry.class);
  }

  @Test
  void anErrorWithoutACategoryIsRetriedAndSaysSo() {
    String body =
        "{\"results\":[],\"errors\":[{\"status\":\"error\",\"message\":\"odd\",\"context\":{\"index\":[\"0\"]}}]}";

    assertThat(perEvent(answer(207, body, List.of(A))).of("a-SENT"))
        .isInstanceOfSatisfying(
            PushOutcome.Retry.class, r -> assertThat(r.why()).contains("(no category): odd"));
  }

  @Test
  void aBadRequestForTheCallSendsEachInputAloneAndForOneInputIsADeadLetter() {
    assertThat(answer(400, "{\"category\":\"VALIDATION_ERROR\"}", THREE))
        .isInstanceOf(BatchAnswer.EachAlone.class);
    assertThat(whole(answer(400, "{\"category\":\"VALIDATION_ERROR\"}", List.of(A))))
        .isInstanceOfSatisfying(
            PushOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
    assertThat(answer(422, "{}", THREE))
        .as("another 4xx: one input may be to blame")
        .isInstanceOf(BatchAnswer.EachAlone.class);
    assertThat(answer(499, "{}", THREE)).isInstanceOf(BatchAnswer.EachAlone.class);
    assertThat(whole(answer(499, "{}", List.of(A)))).isInstanceOf(PushOutcome.Refused.class);
  }

  @Test
  void notFoundForTheCallMakesEveryInputADeadLetter() {
    assertThat(whole(answer(404, "{\"category\":\"OBJECT_NOT_FOUND\"}", THREE)))
        .isInstanceOfSatisfying(
            PushOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(404));
  }

  @Test
  void tooLargeSplitsTheBatchInHalvesAndForOneInputIsADeadLetter() {
    assertThat(answer(413, "", THREE)).isInstanceOf(BatchAnswer.Halves.class);
    assertThat(whole(answer(413, "", List.of(A)))).isInstanceOf(PushOutcome.Refused.class);
  }

  @Test
  void aConflictForACallOfOneIsDone() {
    assertThat(whole(answer(409, "{\"category\":\"CONFLICT\"}", List.of(A))))
        .isEqualTo(new PushOutcome.Pushed(409));
    assertThat(answer(409, "{}", THREE)).isInstanceOf(BatchAnswer.EachAlone.class);
  }

  @Test
  void aWrongTokenOrMissingScopesIsRetriedNeverADeadLetter() {
    for (int status : new int[] {401, 403}) {
      assertThat(whole(answer(status, "{}", THREE)))
          .as("HTTP " + status)
          .isInstanceOfSatisfying(
              PushOutcome.Retry.class, r -> assertThat(r.rateLimited()).isFalse());
      assertThat(whole(answer(status, "{}", List.of(A)))).isInstanceOf(PushOutcome.Retry.class);
    }
  }

  @Test
  void aTimeoutAServerErrorOrAnOddStatusIsRetriedHonouringRetryAfter() {
    assertThat(whole(answer(408, "", THREE))).isInstanceOf(PushOutcome.Retry.class);
    assertThat(whole(answer(502, "", THREE, "Retry-After", "3")))
        .isEqualTo(
            new PushOutcome.Retry(
                "HubSpot answered 502", Optional.of(Duration.ofSeconds(3)), false));
    assertThat(whole(answer(599, "", List.of(A)))).isInstanceOf(PushOutcome.Retry.class);
    assertThat(whole(answer(500, "", List.of(A)))).isInstanceOf(PushOutcome.Retry.class);
    assertThat(whole(answer(399, "", List.of(A)))).isInstanceOf(PushOutcome.Retry.class);
    assertThat(whole(answer(302, "", THREE))).isInstanceOf(PushOutcome.Retry.class);
  }

  @Test
  void aRateLimitIsWaitedOutAsHubSpotSaysRetryAfterFirst() {
    String ten = "{\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";
    String daily = "{\"errorType\":\"RATE_LIMIT\",\"policyName\":\"DAILY\"}";
    String[] emptyWindow = {
      "X-HubSpot-RateLimit-Max",
      "100",
      "X-HubSpot-RateLimit-Remaining",
      "0",
      "X-HubSpot-RateLimit-Interval-Milliseconds",
      "10000"
    };

    assertThat(asked(answer(429, ten, THREE, "Retry-After", "Thu, 26 Nov 2026 10:00:20 GMT")))
        .contains(Duration.ofSeconds(20));
    assertThat(asked(answer(429, ten, THREE, emptyWindow))).contains(Duration.ofSeconds(10));
    assertThat(asked(answer(429, daily, THREE, emptyWindow))).isEmpty();
    assertThat(asked(answer(429, "not json", THREE))).isEmpty();
    assertThat(
            asked(
                answer(
                    429,
                    ten,
                    THREE,
                    "X-HubSpot-RateLimit-Max",
                    "100",
                    "X-HubSpot-RateLimit-Remaining",
                    "5",
                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                    "10000")))
        .as("a window with room says nothing of when")
        .isEmpty();
  }

  @Test
  void whatHubSpotSaidIsKeptOnOneLineAndCutAfter300Characters() {
    String longBody = "{\"message\": \"" + "x".repeat(400) + "\"}";

    PushOutcome o = whole(answer(503, longBody, THREE));

    assertThat(((PushOutcome.Retry) o).why())
        .startsWith("HubSpot answered 503: {\"message\": \"xxx")
        .endsWith("...")
        .hasSize("HubSpot answered 503: ".length() + 303);
    String exactly300 = "y".repeat(300);
    assertThat(((PushOutcome.Retry) whole(answer(503, exactly300, THREE))).why())
        .isEqualTo("HubSpot answered 503: " + exactly300);
    assertThat(((PushOutcome.Retry) whole(answer(503, "{\n \"a\": 1\n}", THREE))).why())
        .isEqualTo("HubSpot answered 503: { \"a\": 1 }");
  }

  private static Optional<Duration> asked(BatchAnswer answer) {
    PushOutcome o = whole(answer);
    assertThat(o)
        .isInstanceOfSatisfying(PushOutcome.Retry.class, r -> assertThat(r.rateLimited()).isTrue());
    return ((PushOutcome.Retry) o).asked();
  }

  @Test
  void theRateHeadersAreReadWhenAllThreeAreNumbers() {
    assertThat(
            RateWindow.of(
                headers(
                    "X-HubSpot-RateLimit-Max",
                    "100",
                    "X-HubSpot-RateLimit-Remaining",
                    "7",
                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                    "10000")))
        .contains(new RateWindow(100, 7, Duration.ofSeconds(10)));
    assertThat(RateWindow.of(headers("X-HubSpot-RateLimit-Max", "100"))).isEmpty();
    assertThat(
            RateWindow.of(
                headers(
                    "X-HubSpot-RateLimit-Max",
                    "0",
                    "X-HubSpot-RateLimit-Remaining",
                    "0",
                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                    "10000")))
        .isEmpty();
    assertThat(
            RateWindow.of(
                headers(
                    "X-HubSpot-RateLimit-Max",
                    "1",
                    "X-HubSpot-RateLimit-Remaining",
                    "0",
                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                    "1")))
        .contains(new RateWindow(1, 0, Duration.ofMillis(1)));
    assertThat(
            RateWindow.of(
                headers(
                    "X-HubSpot-RateLimit-Max",
                    "1",
                    "X-HubSpot-RateLimit-Remaining",
                    "0",
                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                    "0")))
        .isEmpty();
    assertThat(
            RateWindow.of(
                headers(
                    "X-HubSpot-RateLimit-Max",
                    "x",
                    "X-HubSpot-RateLimit-Remaining",
                    "7",
                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                    "10000")))
        .isEmpty();
  }
}
