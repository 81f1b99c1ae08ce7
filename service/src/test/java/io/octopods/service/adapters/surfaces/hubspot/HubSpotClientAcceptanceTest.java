package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HubSpotClient} against the HubSpot simulator over real HTTP: the batch it sends and what
 * each answer means.
 */
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
    client = client(sim.baseUrl(), sim.accessToken(), sim.eventTemplateId());
    email = SimulatedHubSpot.freshEmail();
  }

  private static HubSpotClient client(String baseUrl, String token, String template) {
    return new HubSpotClient(baseUrl, token, template, TIMEOUT, Clock.systemUTC());
  }

  private HubSpotEvent event(Status status, String failureReason) {
    return new HubSpotEvent(
        email,
        UUID.randomUUID().toString(),
        Channel.WHATSAPP,
        status,
        Instant.parse("2026-11-26T10:00:01.234Z"),
        failureReason);
  }

  private static PushOutcome whole(HubSpotTimeline.Reply reply) {
    assertThat(reply.answer()).isInstanceOf(BatchAnswer.Whole.class);
    return ((BatchAnswer.Whole) reply.answer()).outcome();
  }

  @Test
  void aBatchCreatesEachEventOnTheContactWithItsIdTimestampAndStringTokens() {
    HubSpotEvent failed = event(Status.FAILED, "131026: Message Undeliverable");
    HubSpotEvent sent = event(Status.SENT, "");

    HubSpotTimeline.Reply reply = client.push(List.of(failed, sent));

    assertThat(reply.answer())
        .isInstanceOfSatisfying(
            BatchAnswer.PerEvent.class,
            p -> {
              assertThat(p.of(failed.id())).isEqualTo(new PushOutcome.Pushed(201));
              assertThat(p.of(sent.id())).isEqualTo(new PushOutcome.Pushed(201));
            });
    assertThat(reply.window()).as("the simulator sends HubSpot's rate headers").isPresent();
    assertThat(sim.ids(email)).containsExactly(failed.id(), sent.id());
    SimulatorClient.TimelineEvent stored = sim.timeline(email).get(0);
    assertThat(stored.eventTemplateId()).isEqualTo(sim.eventTemplateId());
    assertThat(stored.email().orElse("")).isEqualTo(email);
    assertThat(stored.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:01.234Z"));
    JsonNode tokens = stored.tokens();
    assertThat(tokens.path("message_id").asText()).isEqualTo(failed.messageId());
    assertThat(tokens.path("channel").asText()).isEqualTo("whatsapp");
    assertThat(tokens.path("status").asText()).isEqualTo("FAILED");
    assertThat(tokens.path("updated_at").asText()).isEqualTo("2026-11-26T10:00:01.234Z");
    assertThat(tokens.path("failure_reason").asText()).isEqualTo("131026: Message Undeliverable");
    tokens
        .fields()
        .forEachRemaining(t -> assertThat(t.getValue().isTextual()).as(t.getKey()).isTrue());
  }

  @Test
  void anEventAlreadyThereIsAConflictThatCountsAsDoneBesideANewOne() {
    HubSpotEvent known = event(Status.SENT, "");
    client.push(List.of(known));
    HubSpotEvent fresh = event(Status.DELIVERED, "");

    HubSpotTimeline.Reply again = client.push(List.of(known, fresh));

    assertThat(again.answer())
        .isInstanceOfSatisfying(
            BatchAnswer.PerEvent.class,
            p -> {
              assertThat(p.of(known.id())).isEqualTo(new PushOutcome.Pushed(409));
              assertThat(p.of(fresh.id())).isEqualTo(new PushOutcome.Pushed(201));
            });
    assertThat(sim.ids(email)).containsExactly(known.id(), fresh.id());
  }

  @Test
  void aRateLimitedCallIsRetriedAfterTheRetryAfterHubSpotSent() {
    sim.limits(SimulatorClient.HubSpotLimits.rateLimit(1).retryAfter(Duration.ofSeconds(7)));
    client.push(List.of(event(Status.SENT, "")));

    PushOutcome outcome = whole(client.push(List.of(event(Status.SENT, ""))));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PushOutcome.Retry.class,
            r -> {
              assertThat(r.rateLimited()).isTrue();
              assertThat(r.asked()).contains(Duration.ofSeconds(7));
              assertThat(r.why()).contains("429").contains("RATE_LIMIT");
            });
    assertThat(sim.timeline(email)).hasSize(1);
  }

  @Test
  void withoutRetryAfterARateLimitedCallWaitsOutHubSpotsWindowFromItsRateHeaders() {
    sim.limits(SimulatorClient.HubSpotLimits.rateLimit(1));
    client.push(List.of(event(Status.SENT, "")));

    PushOutcome outcome = whole(client.push(List.of(event(Status.SENT, ""))));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PushOutcome.Retry.class,
            r -> {
              assertThat(r.rateLimited()).isTrue();
              assertThat(r.asked()).contains(Duration.ofSeconds(10));
            });
  }

  @Test
  void aServerErrorIsRetriedWithoutBeingARateLimit() {
    sim.limits(SimulatorClient.HubSpotLimits.failNext(1, 503));

    PushOutcome outcome = whole(client.push(List.of(event(Status.SENT, ""))));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PushOutcome.Retry.class,
            r -> {
              assertThat(r.rateLimited()).isFalse();
              assertThat(r.why()).contains("503");
            });
    assertThat(sim.timeline(email)).isEmpty();
  }

  @Test
  void aWrongTokenIsRetriedNotDropped() {
    HubSpotClient wrong = client(sim.baseUrl(), "not-the-token", sim.eventTemplateId());

    assertThat(whole(wrong.push(List.of(event(Status.SENT, "")))))
        .isInstanceOfSatisfying(PushOutcome.Retry.class, r -> assertThat(r.why()).contains("401"));
  }

  @Test
  void anUnknownEventTemplateIsRefusedForGood() {
    HubSpotClient wrong = client(sim.baseUrl() + "/", sim.accessToken(), "999");

    HubSpotTimeline.Reply reply = wrong.push(List.of(event(Status.SENT, "")));

    assertThat(reply.answer())
        .isInstanceOfSatisfying(
            BatchAnswer.PerEvent.class,
            p ->
                assertThat(p.outcomes().values())
                    .singleElement()
                    .isInstanceOfSatisfying(
                        PushOutcome.Refused.class,
                        r -> {
                          assertThat(r.status()).isEqualTo(404);
                          assertThat(r.body()).contains("999");
                        }));
  }

  @Test
  void noConnectionIsRetried() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HubSpotClient nowhere = client("http://127.0.0.1:" + port, "t", "1");

    assertThat(whole(nowhere.push(List.of(event(Status.SENT, "")))))
        .isInstanceOfSatisfying(
            PushOutcome.Retry.class, r -> assertThat(r.asked()).isEqualTo(Optional.empty()));
  }

  @Test
  void noAnswerInTimeIsRetried() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      HubSpotClient slow = client("http://127.0.0.1:" + silent.getLocalPort(), "t", "1");

      assertThat(whole(slow.push(List.of(event(Status.SENT, "")))))
          .isInstanceOfSatisfying(
              PushOutcome.Retry.class, r -> assertThat(r.rateLimited()).isFalse());
    }
  }
}
