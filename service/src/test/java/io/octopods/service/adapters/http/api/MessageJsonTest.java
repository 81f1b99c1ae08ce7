package io.octopods.service.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.application.FailureReason;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageJsonTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:00:02.120456789Z");

  private static MessageRecord message(Status status, Optional<FailureReason> failure) {
    return new MessageRecord(
        "3f1c0000-0000-4000-8000-000000000001",
        "acme",
        Channel.VIBER,
        "+15551230001",
        "hi",
        Optional.empty(),
        Optional.of("5012345678901234567"),
        status,
        Instant.parse("2026-11-26T10:00:00Z"),
        AT,
        failure,
        Map.of());
  }

  @Test
  void timesAreUtcWithMillisecondsAndZ() {
    assertThat(MessageJson.time(AT)).isEqualTo("2026-11-26T10:00:02.120Z");
    assertThat(MessageJson.time(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000Z");
  }

  @Test
  void theResourceShowsQueuedAsUnknownAndTheProviderIdAsAString() {
    ObjectNode m = MessageJson.message(message(Status.QUEUED, Optional.empty()));
    assertThat(m.at("/message_status/message_status").asText()).isEqualTo("UNKNOWN");
    assertThat(m.get("provider_message_id").isTextual()).isTrue();
    assertThat(m.get("created_at").asText()).isEqualTo("2026-11-26T10:00:00.000Z");
    assertThat(m.at("/message_status/updated_at").asText()).isEqualTo("2026-11-26T10:00:02.120Z");
  }

  @Test
  void aFailureWithoutACodeShowsANullCode() {
    ObjectNode m =
        MessageJson.message(
            message(Status.FAILED, Optional.of(FailureReason.fromProvider(null, null))));
    assertThat(m.at("/message_status/failure_reason/code").isNull()).isTrue();
    assertThat(m.at("/message_status/failure_reason/title").asText()).isEqualTo("no code given");
    assertThat(m.at("/message_status/failure_reason/source").asText()).isEqualTo("provider");
    assertThat(m.at("/message_status/terminal").asBoolean()).isTrue();
  }

  @Test
  void anEventWithOnlyATitleKeepsItAndShowsItsDetail() {
    ObjectNode e =
        MessageJson.event(
            new HistoryEvent(
                "e1",
                "m1",
                AT,
                Optional.empty(),
                "send",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.of(Reason.STALE),
                Optional.empty(),
                Optional.of("timed out"),
                Optional.of("the provider did not answer within PT10S"),
                "{}"));
    assertThat(e.get("error").get("code").isNull()).isTrue();
    assertThat(e.get("error").get("title").asText()).isEqualTo("timed out");
    assertThat(e.get("reason").asText()).isEqualTo("stale");
    assertThat(e.get("detail").asText()).contains("PT10S");
    assertThat(e.has("raw_payload")).as("raw payloads stay inside").isFalse();
  }
}
