package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.simulator.SimulatorClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events per message in status order, exactly once, in batches, paced by HubSpot's rate headers,
 * through errors.
 */
class HubSpotPusherOrderAcceptanceTest extends HubSpotPusherFixture {
  @Test
  void theEventsOfTwoMessagesArePushedInStatusOrderWithTheirIdsTokensAndTimes() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord a = delivered(email);
    MessageRecord b = send(email);
    report(b, "sent");
    report(b, "undelivered", "30003", "Unreachable destination handset");
    assertThat(pending()).isEqualTo(6);

    start();

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    List<SimulatorClient.TimelineEvent> events = sim.timeline(email);
    assertThat(events).hasSize(6);
    assertThat(idsOf(events, a))
        .containsExactlyElementsOf(expected(a, "UNKNOWN", "SENT", "DELIVERED"));
    assertThat(idsOf(events, b))
        .containsExactlyElementsOf(expected(b, "UNKNOWN", "SENT", "FAILED"));
    Map<String, SimulatorClient.TimelineEvent> byId = new LinkedHashMap<>();
    events.forEach(e -> byId.put(e.id(), e));
    for (MessageRecord m : List.of(a, b)) {
      List<Row> rows = rows(m);
      assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.done()).isTrue());
      for (Row row : rows) {
        String[] change = row.payload().split(" ");
        SimulatorClient.TimelineEvent e = byId.get(m.messageId() + "-" + change[0]);
        Instant at = Instant.parse(change[1]);
        assertThat(e.email()).contains(email);
        assertThat(e.timestamp()).isEqualTo(at);
        JsonNode tokens = e.tokens();
        assertThat(tokens.path("message_id").asText()).isEqualTo(m.messageId());
        assertThat(tokens.path("channel").asText()).isEqualTo("sms");
        assertThat(tokens.path("status").asText()).isEqualTo(change[0]);
        assertThat(tokens.path("updated_at").asText()).isEqualTo(HubSpotEvent.TIME.format(at));
        assertThat(tokens.path("failure_reason").asText())
            .isEqualTo(change[0].equals("FAILED") ? "30003: Unreachable destination handset" : "");
      }
    }
    SimulatorClient.TimelineEvent newestOfB = byId.get(b.messageId() + "-FAILED");
    assertThat(newestOfB.timestamp()).isEqualTo(current(b).updatedAt());
  }

  @Test
  void changesThatArriveWhileThePusherRunsFollowInOrderAndAMessageWithoutEmailPushesNothing() {
    HubSpotPusher pusher = start();
    String email = SimulatedHubSpot.freshEmail();

    MessageRecord m = send(email);
    pusher.wake();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(sim.ids(email)).containsExactly(m.messageId() + "-UNKNOWN"));
    report(m, "sent");
    report(m, "delivered");
    MessageRecord silent = send(null);
    report(silent, "sent");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(sim.ids(email))
                    .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED")));
    assertThat(rows(silent)).isEmpty();
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
  }

  @Test
  void theHeadsOfManyMessagesShareOneCall() {
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      messages.add(send(email));
    }
    Counting counting = new Counting(client);

    start(counting, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(counting.calls.get())
        .as("30 UNKNOWN events, one head per message, in one call")
        .isEqualTo(1);
    assertThat(sim.timeline(email)).hasSize(30);
  }

  @Test
  void aBatchSizeBelowTheBacklogSplitsItIntoCallsOfThatSize() {
    String email = SimulatedHubSpot.freshEmail();
    for (int i = 0; i < 7; i++) {
      send(email);
    }
    Counting counting = new Counting(client);

    start(counting, outbox, 1, 3);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(counting.calls.get()).isEqualTo(3);
    assertThat(sim.timeline(email)).hasSize(7);
  }

  @Test
  void underARateLimitThePusherSpacesItsCallsEvenlyAndIsNeverRefused() {
    sim.limits(SimulatorClient.HubSpotLimits.rateLimit(10));
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      messages.add(delivered(email));
    }
    Counting counting = new Counting(client);
    start(counting, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    List<SimulatorClient.TimelineEvent> events = sim.timeline(email);
    assertThat(new HashSet<>(events.stream().map(e -> e.id()).toList())).hasSize(15);
    for (MessageRecord m : messages) {
      assertThat(idsOf(events, m))
          .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    }
    assertThat(messages.stream().flatMap(m -> rows(m).stream()))
        .as("no call was refused with a 429")
        .allSatisfy(r -> assertThat(r.attempts()).isZero());
    List<Long> started = counting.realTimes;
    assertThat(started).hasSize(3);
    // the pace hands out a slot every 10 s / 10; a call reaches the client a moment after its slot,
    // and that moment
    // varies with the machine's load, so the gaps are checked against the slot less a margin, not a
    // burst's zero
    for (int i = 1; i < started.size(); i++) {
      assertThat(Duration.ofNanos(started.get(i) - started.get(i - 1)))
          .as("calls 10 s / 10 apart")
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void whenAnotherClientUsedTheWindowA429PausesEveryCallForTheWaitHubSpotAskedFor() {
    sim.limits(SimulatorClient.HubSpotLimits.rateLimit(10).retryAfter(Duration.ofSeconds(30)));
    for (int i = 0; i < 10; i++) { // another client of the account: the window is used up
      client.push(
          List.of(
              new HubSpotEvent(
                  "other@example.com",
                  "other-" + i,
                  Channel.SMS,
                  Status.SENT,
                  clock.instant(),
                  "")));
    }
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    Instant startedAt = clock.instant();
    Counting counting = new Counting(client);
    HubSpotPusher pusher = start(counting, 1);

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(pusher.pausedUntil()).isEqualTo(startedAt.plusSeconds(30)));
    assertThat(counting.calls.get()).isEqualTo(1);
    assertThat(rows(m).get(0).attempts()).isEqualTo(1);
    assertThat(rows(m).get(0).dueAt()).isEqualTo(startedAt.plusSeconds(30));
    assertThat(rows(m).get(0).lastError()).contains("429");

    advance(Duration.ofSeconds(29)); // HubSpot's window has passed, but not the 30 s it asked for
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> counting.calls.get() == 1);

    advance(Duration.ofSeconds(1));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(11));
              assertThat(sim.ids(email))
                  .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
            });
  }

  @Test
  void threeServerErrorsAreRetriedWithBackOffAndTheEventArrivesOnce() {
    sim.limits(SimulatorClient.HubSpotLimits.failNext(3, 503));
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    start(client, 1);

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(1));
              assertThat(sim.timeline(email)).hasSize(3);
            });
    assertThat(sim.ids(email))
        .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    List<Row> rows = rows(m);
    assertThat(rows.get(0).attempts()).isEqualTo(3);
    assertThat(rows.get(0).lastError()).contains("503").contains("attempt 3");
    assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r.attempts()).isZero());
  }
}
