package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HubSpotClient} against the HubSpot simulator over real HTTP: the body it sends and what each answer means. */
@OctopodsSimulators(clock = "virtual")
class HubSpotClientAcceptanceTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private SimulatedHubSpot sim;
  private HubSpotClient client;
  private String email;

  @BeforeEach
  void setUp(Simulators sims) {
    sim = new SimulatedHubSpot(sims);
    sim.reset();
    client = new HubSpotClient(sim.baseUrl(), sim.accessToken(), sim.eventTemplateId(), TIMEOUT);
    email = SimulatedHubSpot.freshEmail();
  }

  private HubSpotEvent event(Status status, String failureReason) {
    return new HubSpotEvent(email, UUID.randomUUID().toString(), Channel.WHATSAPP, status,
        Instant.parse("2026-11-26T10:00:01.234Z"), failureReason);
  }

  @Test
  void anEventIsCreatedOnTheContactWithItsIdTimestampAndStringTokens() {
    HubSpotEvent e = event(Status.FAILED, "131026: Message Undeliverable");

    PushOutcome outcome = client.push(e);

    assertThat(outcome).isEqualTo(new PushOutcome.Pushed(201));
    assertThat(sim.timeline(email)).singleElement().satisfies(stored -> {
      assertThat(stored.path("id").asText()).isEqualTo(e.messageId() + "-FAILED");
      assertThat(stored.path("eventTemplateId").asText()).isEqualTo(sim.eventTemplateId());
      assertThat(stored.path("email").asText()).isEqualTo(email);
      assertThat(Instant.parse(stored.path("timestamp").asText())).isEqualTo(Instant.parse("2026-11-26T10:00:01.234Z"));
      JsonNode tokens = stored.path("tokens");
      assertThat(tokens.path("message_id").asText()).isEqualTo(e.messageId());
      assertThat(tokens.path("channel").asText()).isEqualTo("whatsapp");
      assertThat(tokens.path("status").asText()).isEqualTo("FAILED");
      assertThat(tokens.path("updated_at").asText()).isEqualTo("2026-11-26T10:00:01.234Z");
      assertThat(tokens.path("failure_reason").asText()).isEqualTo("131026: Message Undeliverable");
      tokens.fields().forEachRemaining(t -> assertThat(t.getValue().isTextual()).as(t.getKey()).isTrue());
    });
  }

  @Test
  void theSameEventAgainIsAConflictThatCountsAsDoneAndStoresNothing() {
    HubSpotEvent e = event(Status.SENT, "");
    assertThat(client.push(e)).isEqualTo(new PushOutcome.Pushed(201));

    PushOutcome again = client.push(e);

    assertThat(again).isEqualTo(new PushOutcome.Pushed(409));
    assertThat(((PushOutcome.Pushed) again).alreadyThere()).isTrue();
    assertThat(sim.ids(email)).containsExactly(e.id());
  }

  @Test
  void aRateLimitedPushIsRetriedAfterTheRetryAfterHubSpotSent() {
    sim.limits("{\"per_10s\": 1, \"retry_after\": 7}");
    assertThat(client.push(event(Status.SENT, ""))).isInstanceOf(PushOutcome.Pushed.class);

    PushOutcome outcome = client.push(event(Status.SENT, ""));

    assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Retry.class, r -> {
      assertThat(r.rateLimited()).isTrue();
      assertThat(r.asked()).contains(Duration.ofSeconds(7));
      assertThat(r.why()).contains("429").contains("RATE_LIMIT");
    });
    assertThat(sim.timeline(email)).hasSize(1);
  }

  @Test
  void withoutRetryAfterARateLimitedPushWaitsOutHubSpotsWindowFromItsRateHeaders() {
    sim.limits("{\"per_10s\": 1}");
    client.push(event(Status.SENT, ""));

    PushOutcome outcome = client.push(event(Status.SENT, ""));

    assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Retry.class, r -> {
      assertThat(r.rateLimited()).isTrue();
      assertThat(r.asked()).contains(Duration.ofSeconds(10));
    });
  }

  @Test
  void aServerErrorIsRetriedWithoutBeingARateLimit() {
    sim.limits("{\"fail_next\": 1, \"fail_status\": 503}");

    PushOutcome outcome = client.push(event(Status.SENT, ""));

    assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Retry.class, r -> {
      assertThat(r.rateLimited()).isFalse();
      assertThat(r.why()).contains("503");
    });
    assertThat(sim.timeline(email)).isEmpty();
  }

  @Test
  void aWrongTokenIsRetriedNotDropped() {
    HubSpotClient wrong = new HubSpotClient(sim.baseUrl(), "not-the-token", sim.eventTemplateId(), TIMEOUT);

    PushOutcome outcome = wrong.push(event(Status.SENT, ""));

    assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Retry.class, r -> assertThat(r.why()).contains("401"));
  }

  @Test
  void anUnknownEventTemplateIsRejectedForGood() {
    HubSpotClient wrong = new HubSpotClient(sim.baseUrl() + "/", sim.accessToken(), "999", TIMEOUT);

    PushOutcome outcome = wrong.push(event(Status.SENT, ""));

    assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Rejected.class, r -> {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.why()).contains("999");
    });
  }

  @Test
  void noConnectionIsRetried() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HubSpotClient nowhere = new HubSpotClient("http://127.0.0.1:" + port, "t", "1", TIMEOUT);

    assertThat(nowhere.push(event(Status.SENT, ""))).isInstanceOfSatisfying(PushOutcome.Retry.class,
        r -> assertThat(r.asked()).isEqualTo(Optional.empty()));
  }

  @Test
  void noAnswerInTimeIsRetried() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      HubSpotClient slow = new HubSpotClient("http://127.0.0.1:" + silent.getLocalPort(), "t", "1", TIMEOUT);

      assertThat(slow.push(event(Status.SENT, ""))).isInstanceOfSatisfying(PushOutcome.Retry.class,
          r -> assertThat(r.rateLimited()).isFalse());
    }
  }
}
