package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import io.octopods.simulator.SimulatorClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Conflicts, restarts, two pushers, refused events and a wrong token: nothing lost, nothing
 * duplicated.
 */
class HubSpotPusherRecoveryAcceptanceTest extends HubSpotPusherFixture {
  @Test
  void anEventHubSpotHasAlreadyIsAConflictThatCountsAsDone() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = send(email);
    report(m, "sent");
    HubSpotEvent first = HubSpotEvent.of(current(m), email, Status.UNKNOWN, m.updatedAt());
    client.push(List.of(first)); // as if an earlier run got it through

    start();

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(sim.ids(email)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT"));
    assertThat(rows(m)).allSatisfy(r -> assertThat(r.done()).isTrue());
  }

  @Test
  void aPusherThatDiesBeforeItsBookkeepingIsFollowedByANewOneThatFinishesWithoutDuplicates() {
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      messages.add(delivered(email));
    }
    // the first pusher dies between a batch HubSpot took and its commit: the items stay leased, not
    // done
    AtomicBoolean crashed = new AtomicBoolean();
    HubSpotOutbox dying =
        new HubSpotOutbox() {
          @Override
          public List<Claimed> claimHeads(Instant now, int limit, Instant leaseUntil) {
            return outbox.claimHeads(now, limit, leaseUntil);
          }

          @Override
          public void settle(Settlement settlement) {
            if (crashed.compareAndSet(false, true)) {
              throw new IllegalStateException("the process died before the commit");
            }
            outbox.settle(settlement);
          }

          @Override
          public List<DeadLetter> deadLetters(String workspace, int limit) {
            return outbox.deadLetters(workspace, limit);
          }

          @Override
          public int requeue(String workspace, Optional<String> eventId, Instant now) {
            return outbox.requeue(workspace, eventId, now);
          }
        };
    HubSpotPusher first =
        start(client, dying, HubSpotPusher.DEFAULT_THREADS, HubSpotClient.MAX_BATCH);
    await().atMost(WAIT).untilAsserted(() -> assertThat(sim.timeline(email)).hasSize(6));
    await().atMost(WAIT).until(crashed::get);
    first.close();
    assertThat(pending()).as("6 pushed, none of them marked done").isEqualTo(18);

    Counting counting = new Counting(client);
    start(counting, HubSpotPusher.DEFAULT_THREADS); // a restart on the same store

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(30)); // in time past the dead pusher's lease
              assertThat(pending()).isZero();
            });
    List<SimulatorClient.TimelineEvent> events = sim.timeline(email);
    assertThat(events).hasSize(18);
    assertThat(new HashSet<>(events.stream().map(e -> e.id()).toList())).hasSize(18);
    for (MessageRecord m : messages) {
      assertThat(idsOf(events, m))
          .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    }
    assertThat(counting.eventsSent)
        .as("the restart pushed the UNKNOWN events again (409: done) and the rest once")
        .hasSize(18)
        .doesNotHaveDuplicates();
  }

  @Test
  void twoPushersOnOneStoreShareTheWorkAndNeverTakeTheSameEvent() {
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      messages.add(delivered(email));
    }
    Counting counting = new Counting(client);

    start(counting, 4);
    start(counting, 4); // another instance of the service on the same database

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    List<SimulatorClient.TimelineEvent> events = sim.timeline(email);
    assertThat(events).hasSize(30);
    for (MessageRecord m : messages) {
      assertThat(idsOf(events, m))
          .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    }
    assertThat(counting.eventsSent)
        .as("no event was claimed twice")
        .hasSize(30)
        .doesNotHaveDuplicates();
  }

  @Test
  void eventsHubSpotRefusesForGoodBecomeDeadLettersOneAfterAnotherAndNoneHoldsBackTheNext() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);

    start(
        client("999", sim.accessToken()),
        2); // an event template HubSpot does not know: 404 for each event

    await().atMost(WAIT).untilAsserted(() -> assertThat(dead()).isEqualTo(3));
    assertThat(pending()).isZero();
    assertThat(rows(m))
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.done()).isFalse();
              assertThat(r.deadStatus()).isEqualTo(404);
              assertThat(r.attempts()).isEqualTo(1);
            });
    assertThat(
            store.history(m.messageId()).stream()
                .filter(e -> e.source().equals("hubspot"))
                .toList())
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.applied()).isFalse();
              assertThat(e.reason()).contains(Reason.DEAD_LETTER);
              assertThat(e.providerStatus()).contains("404");
              assertThat(e.errorCode()).contains("OBJECT_NOT_FOUND");
              assertThat(e.detail().orElseThrow())
                  .contains("/api/v1/surfaces/hubspot/dead-letters/");
            })
        .extracting(e -> e.mappedStatus().orElseThrow())
        .containsExactly(Status.UNKNOWN, Status.SENT, Status.DELIVERED);
    assertThat(sim.timeline(email)).isEmpty();
  }

  @Test
  void aWrongTokenKeepsTheEventsUntilAPusherWithTheRightOneTakesThem() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    HubSpotPusher first = start(client(sim.eventTemplateId(), "expired-token"), 1);

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(2));
              assertThat(rows(m).get(0).attempts()).isGreaterThanOrEqualTo(2);
            });
    first.close();
    assertThat(rows(m)).noneMatch(Row::done);
    assertThat(rows(m).get(0).lastError()).contains("401");
    assertThat(rows(m).subList(1, 3)).allSatisfy(r -> assertThat(r.attempts()).isZero());
    assertThat(sim.timeline(email)).isEmpty();

    start();

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(30));
              assertThat(sim.ids(email))
                  .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
            });
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
  }
}
