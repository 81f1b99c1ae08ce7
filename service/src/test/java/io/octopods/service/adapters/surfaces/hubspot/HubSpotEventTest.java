package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.application.FailureReason;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.PublicChange;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event built from a message and an outbox payload, and the back-off, without a server. */
class HubSpotEventTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

  private static MessageRecord message(Status status, Optional<FailureReason> failure) {
    return new MessageRecord(
        "m-1",
        "demo",
        Channel.SMS,
        "+15551230001",
        "hi",
        Optional.of("a@example.com"),
        Optional.of("SM1"),
        status,
        AT,
        AT,
        failure,
        Map.of(Status.QUEUED, AT));
  }

  @Test
  void thePayloadOfStatusRecorderAndSendMessageIsAPublicChange() {
    assertThat(PublicChange.parse("DELIVERED 2026-11-26T10:00:01.5Z"))
        .contains(new PublicChange(Status.DELIVERED, Instant.parse("2026-11-26T10:00:01.500Z")));
    assertThat(PublicChange.parse("QUEUED 2026-11-26T10:00:00Z"))
        .contains(new PublicChange(Status.UNKNOWN, AT));
    assertThat(new PublicChange(Status.QUEUED, AT).payload())
        .isEqualTo("UNKNOWN 2026-11-26T10:00:00Z");
    assertThat(PublicChange.parse(new PublicChange(Status.READ, AT).payload()))
        .contains(new PublicChange(Status.READ, AT));
    assertThat(PublicChange.parse("")).isEmpty();
    assertThat(PublicChange.parse("SHIPPED 2026-11-26T10:00:00Z")).isEmpty();
    assertThat(PublicChange.parse("SENT yesterday")).isEmpty();
    assertThat(PublicChange.parse("SENT 2026-11-26T10:00:00Z extra")).isEmpty();
    assertThat(PublicChange.parse(null)).isEmpty();
  }

  @Test
  void aFailedEventCarriesTheStoredReasonAndEveryOtherEventNone() {
    MessageRecord failed =
        message(
            Status.FAILED,
            Optional.of(FailureReason.fromProvider("30003", "Unreachable destination handset")));

    assertThat(HubSpotEvent.of(failed, "a@example.com", Status.FAILED, AT).failureReason())
        .isEqualTo("30003: Unreachable destination handset");
    assertThat(HubSpotEvent.of(failed, "a@example.com", Status.SENT, AT).failureReason()).isEmpty();
    assertThat(HubSpotEvent.describe(FailureReason.fromProvider(null, "Sender blocked")))
        .isEqualTo("Sender blocked");
  }

  @Test
  void theIdIsMessageAndPublicStatusAndTheTokensAreStrings() {
    HubSpotEvent e =
        HubSpotEvent.of(
            message(Status.SENT, Optional.empty()),
            "a@example.com",
            Status.QUEUED,
            Instant.parse("2026-11-26T10:00:00.120Z"));

    assertThat(e.id()).isEqualTo("m-1-UNKNOWN");
    assertThat(e.time()).isEqualTo("2026-11-26T10:00:00.120Z");
    assertThat(e.tokens())
        .containsExactly(
            Map.entry("message_id", "m-1"),
            Map.entry("channel", "sms"),
            Map.entry("status", "UNKNOWN"),
            Map.entry("updated_at", "2026-11-26T10:00:00.120Z"),
            Map.entry("failure_reason", ""));
  }

  @Test
  void backOffDoublesToItsCeilingAndHonoursWhatHubSpotAsked() {
    HubSpotBackoff b =
        new HubSpotBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));

    assertThat(List.of(b.after(1), b.after(2), b.after(3), b.after(4), b.after(5), b.after(60)))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    assertThat(b.next(1, Optional.of(Duration.ofSeconds(30)), false))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(b.next(3, Optional.of(Duration.ofSeconds(1)), false))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(b.next(1, Optional.of(Duration.ofSeconds(2)), true))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(b.next(1, Optional.empty(), true)).isEqualTo(Duration.ofSeconds(10));
  }
}
