package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The timeline event's tokens (section 5, HubSpot column): every token a string, the status always
 * public.
 */
class HubSpotEventTokensTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:00:00.250Z");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "QUEUED, UNKNOWN",
    "UNKNOWN, UNKNOWN",
    "SENT, SENT",
    "DELIVERED, DELIVERED",
    "READ, READ",
    "FAILED, FAILED",
    "DELETED, DELETED"
  })
  void theStatusTokenAndTheIdCarryThePublicStatus(Status status, String token) {
    HubSpotEvent e = new HubSpotEvent("a@example.com", "m-1", Channel.WHATSAPP, status, AT, "");

    assertThat(e.tokens()).containsEntry("status", token).containsEntry("channel", "whatsapp");
    assertThat(e.id()).isEqualTo("m-1-" + token);
  }

  @Test
  void aMissingFailureReasonIsAnEmptyToken() {
    HubSpotEvent e =
        new HubSpotEvent("a@example.com", "m-1", Channel.VIBER, Status.FAILED, AT, null);

    assertThat(e.tokens())
        .containsEntry("failure_reason", "")
        .containsEntry("updated_at", "2026-11-26T10:00:00.250Z");
  }

  @Test
  void aGivenFailureReasonIsTheToken() {
    HubSpotEvent e =
        new HubSpotEvent(
            "a@example.com", "m-1", Channel.VIBER, Status.FAILED, AT, "viber:5: Expired");

    assertThat(e.tokens()).containsEntry("failure_reason", "viber:5: Expired");
  }
}
