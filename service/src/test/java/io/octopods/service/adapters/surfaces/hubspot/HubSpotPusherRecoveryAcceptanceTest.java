package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcOutbox;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.TestDatabase;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conflicts, restarts, two pushers, refused events and a wrong token: nothing lost, nothing duplicated. */
class HubSpotPusherRecoveryAcceptanceTest extends HubSpotPusherFixture {
  @Test
  void anEventHubSpotHasAlreadyIsAConflictThatCountsAsDone() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = send(email);
    report(m, "sent");
    HubSpotEvent first = HubSpotEvent.of(current(m), email, Status.UNKNOWN, m.updatedAt());
    assertThat(client.push(first)).isEqualTo(new PushOutcome.Pushed(201)); // as if an earlier run got it through

    start();

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(sim.ids(email)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT"));
    assertThat(rows(m)).allSatisfy(r -> assertThat(r.done()).isTrue());
  }

  @Test
  void aPusherClosedMidwayIsFollowedByANewOneThatFinishesWithoutDuplicates() {
    sim.limits("{\"per_10s\": 5}");
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      messages.add(delivered(email));
    }
    // the first pusher dies between a push HubSpot took and its commit: the item stays leased, not done
    AtomicBoolean crashed = new AtomicBoolean();
    Outbox dying = new Outbox() {
      @Override
      public List<OutboxItem> claimDue(String kind, Instant now, int limit, Instant leaseUntil) {
        return outbox.claimDue(kind, now, limit, leaseUntil);
      }

      @Override
      public void complete(long seq) {
        if (crashed.compareAndSet(false, true)) {
          throw new IllegalStateException("the process died before the commit");
        }
        outbox.complete(seq);
      }

      @Override
      public void reschedule(long seq, Instant dueAt, int attempts, String lastError) {
        outbox.reschedule(seq, dueAt, attempts, lastError);
      }
    };
    HubSpotPusher first = start(client, dying, HubSpotPusher.DEFAULT_THREADS);
    await().atMost(WAIT).untilAsserted(() -> assertThat(sim.timeline(email)).hasSize(5));
    await().atMost(WAIT).until(() -> first.pausedUntil().isAfter(clock.instant()));
    first.close();
    assertThat(crashed).isTrue();
    assertThat(pending()).as("5 pushed, 4 of them committed").isEqualTo(14);

    start(); // a restart on the same store

    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      advance(Duration.ofSeconds(11)); // past the rate windows, and in time past the dead pusher's lease
      assertThat(pending()).isZero();
    });
    List<JsonNode> events = sim.timeline(email);
    assertThat(events).hasSize(18);
    assertThat(new HashSet<>(events.stream().map(e -> e.path("id").asText()).toList())).hasSize(18);
    for (MessageRecord m : messages) {
      assertThat(idsOf(events, m)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    }
  }

  @Test
  void twoPushersOnOneStoreShareTheWorkAndNeverTakeTheSameEvent() {
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      messages.add(delivered(email));
    }
    Counting counting = new Counting(client);

    start(counting, outbox, 4);
    start(counting, outbox, 4); // another instance of the service on the same database

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    List<JsonNode> events = sim.timeline(email);
    assertThat(events).hasSize(30);
    for (MessageRecord m : messages) {
      assertThat(idsOf(events, m)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    }
    assertThat(counting.calls.get()).as("one call per event: no item was claimed twice").isEqualTo(30);
  }

  @Test
  void anEventHubSpotRefusesForGoodIsGivenUpAndDoesNotHoldBackTheMessagesLaterEvents() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    HubSpotClient unknownTemplate = new HubSpotClient(sim.baseUrl(), sim.accessToken(), "999", TIMEOUT);

    start(unknownTemplate, outbox, 2);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(rows(m)).hasSize(3).allSatisfy(r -> {
      assertThat(r.done()).isTrue();
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.lastError()).startsWith("gave up: ").contains("404");
    });
    assertThat(sim.timeline(email)).isEmpty();
  }

  @Test
  void aWrongTokenKeepsTheEventsUntilAPusherWithTheRightOneTakesThem() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    HubSpotClient wrongToken = new HubSpotClient(sim.baseUrl(), "expired-token", sim.eventTemplateId(), TIMEOUT);
    HubSpotPusher first = start(wrongToken, outbox, 1);

    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      advance(Duration.ofSeconds(2));
      assertThat(rows(m).get(0).attempts()).isGreaterThanOrEqualTo(2);
    });
    first.close();
    assertThat(rows(m)).noneMatch(Row::done);
    assertThat(rows(m).get(0).lastError()).contains("401");
    assertThat(rows(m).subList(1, 3)).allSatisfy(r -> assertThat(r.attempts()).isZero());
    assertThat(sim.timeline(email)).isEmpty();

    start();

    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      advance(Duration.ofSeconds(30));
      assertThat(sim.ids(email)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    });
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
  }
}
