package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.application.FailureReason;
import io.octopods.service.application.MessageRecord;
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

/** The event built from a message and an outbox payload, the answers' meaning and the back-off, without a server. */
class HubSpotEventTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

  private static MessageRecord message(Status status, Optional<FailureReason> failure) {
    return new MessageRecord("m-1", "demo", Channel.SMS, "+15551230001", "hi", Optional.of("a@example.com"),
        Optional.of("SM1"), status, AT, AT, failure, Map.of(Status.QUEUED, AT));
  }

  private static HttpHeaders headers(String... pairs) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      h.put(pairs[i], List.of(pairs[i + 1]));
    }
    return HttpHeaders.of(h, (k, v) -> true);
  }

  @Test
  void thePayloadOfStatusRecorderAndSendMessageIsAChange() {
    assertThat(HubSpotEvent.Change.parse("DELIVERED 2026-11-26T10:00:01.5Z"))
        .contains(new HubSpotEvent.Change(Status.DELIVERED, Instant.parse("2026-11-26T10:00:01.500Z")));
    assertThat(HubSpotEvent.Change.parse("QUEUED 2026-11-26T10:00:00Z"))
        .contains(new HubSpotEvent.Change(Status.UNKNOWN, AT));
    assertThat(HubSpotEvent.Change.parse("")).isEmpty();
    assertThat(HubSpotEvent.Change.parse("SHIPPED 2026-11-26T10:00:00Z")).isEmpty();
    assertThat(HubSpotEvent.Change.parse("SENT yesterday")).isEmpty();
    assertThat(HubSpotEvent.Change.parse(null)).isEmpty();
  }

  @Test
  void aFailedEventCarriesTheStoredReasonAndEveryOtherEventNone() {
    MessageRecord failed = message(Status.FAILED,
        Optional.of(FailureReason.fromProvider("30003", "Unreachable destination handset")));

    assertThat(HubSpotEvent.of(failed, "a@example.com", Status.FAILED, AT).failureReason())
        .isEqualTo("30003: Unreachable destination handset");
    assertThat(HubSpotEvent.of(failed, "a@example.com", Status.SENT, AT).failureReason()).isEmpty();
    assertThat(HubSpotEvent.describe(FailureReason.fromProvider(null, "Sender blocked"))).isEqualTo("Sender blocked");
  }

  @Test
  void theIdIsMessageAndPublicStatusAndTheTokensAreStrings() {
    HubSpotEvent e = HubSpotEvent.of(message(Status.SENT, Optional.empty()), "a@example.com", Status.QUEUED,
        Instant.parse("2026-11-26T10:00:00.120Z"));

    assertThat(e.id()).isEqualTo("m-1-UNKNOWN");
    assertThat(e.time()).isEqualTo("2026-11-26T10:00:00.120Z");
    assertThat(e.tokens()).containsExactly(Map.entry("message_id", "m-1"), Map.entry("channel", "sms"),
        Map.entry("status", "UNKNOWN"), Map.entry("updated_at", "2026-11-26T10:00:00.120Z"),
        Map.entry("failure_reason", ""));
  }

  @Test
  void whatEachAnswerMeans() {
    assertThat(HubSpotClient.outcome(201, headers(), "{}", AT)).isEqualTo(new PushOutcome.Pushed(201));
    assertThat(HubSpotClient.outcome(409, headers(), "{}", AT)).isEqualTo(new PushOutcome.Pushed(409));
    assertThat(HubSpotClient.outcome(400, headers(), "{\"message\":\"bad\"}", AT))
        .isInstanceOf(PushOutcome.Rejected.class);
    assertThat(HubSpotClient.outcome(403, headers(), "", AT)).isInstanceOf(PushOutcome.Retry.class);
    assertThat(HubSpotClient.outcome(502, headers("Retry-After", "3"), "", AT))
        .isEqualTo(new PushOutcome.Retry("HubSpot answered 502", Optional.of(Duration.ofSeconds(3)), false));
  }

  @Test
  void aRateLimitIsWaitedOutAsHubSpotSaysRetryAfterFirst() {
    String ten = "{\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}";
    String daily = "{\"errorType\":\"RATE_LIMIT\",\"policyName\":\"DAILY\"}";

    assertThat(asked(HubSpotClient.outcome(429, headers("Retry-After", "Thu, 26 Nov 2026 10:00:20 GMT",
        "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"), ten, AT))).contains(Duration.ofSeconds(20));
    assertThat(asked(HubSpotClient.outcome(429, headers("X-HubSpot-RateLimit-Remaining", "0",
        "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"), ten, AT))).contains(Duration.ofSeconds(10));
    assertThat(asked(HubSpotClient.outcome(429, headers("X-HubSpot-RateLimit-Remaining", "0",
        "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"), daily, AT))).isEmpty();
    assertThat(asked(HubSpotClient.outcome(429, headers(), "not json", AT))).isEmpty();
  }

  private static Optional<Duration> asked(PushOutcome o) {
    assertThat(o).isInstanceOfSatisfying(PushOutcome.Retry.class, r -> assertThat(r.rateLimited()).isTrue());
    return ((PushOutcome.Retry) o).asked();
  }

  @Test
  void backOffDoublesToItsCeilingAndHonoursWhatHubSpotAsked() {
    HubSpotBackoff b = new HubSpotBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));

    assertThat(List.of(b.after(1), b.after(2), b.after(3), b.after(4), b.after(5), b.after(60)))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
            Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(b.next(1, Optional.of(Duration.ofSeconds(30)), false)).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.next(3, Optional.of(Duration.ofSeconds(1)), false)).isEqualTo(Duration.ofSeconds(4));
    assertThat(b.next(1, Optional.of(Duration.ofSeconds(2)), true)).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.next(1, Optional.empty(), true)).isEqualTo(Duration.ofSeconds(10));
  }
}
