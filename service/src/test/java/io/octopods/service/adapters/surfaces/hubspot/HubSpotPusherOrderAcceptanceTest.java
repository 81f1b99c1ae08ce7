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

/** Events per message in status order, exactly once, under rate limits and server errors. */
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
    List<JsonNode> events = sim.timeline(email);
    assertThat(events).hasSize(6);
    assertThat(idsOf(events, a)).containsExactlyElementsOf(expected(a, "UNKNOWN", "SENT", "DELIVERED"));
    assertThat(idsOf(events, b)).containsExactlyElementsOf(expected(b, "UNKNOWN", "SENT", "FAILED"));
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    events.forEach(e -> byId.put(e.path("id").asText(), e));
    for (MessageRecord m : List.of(a, b)) {
      List<Row> rows = rows(m);
      assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.done()).isTrue());
      for (Row row : rows) {
        String[] change = row.payload().split(" ");
        JsonNode e = byId.get(m.messageId() + "-" + change[0]);
        Instant at = Instant.parse(change[1]);
        assertThat(e.path("email").asText()).isEqualTo(email);
        assertThat(Instant.parse(e.path("timestamp").asText())).isEqualTo(at);
        JsonNode tokens = e.path("tokens");
        assertThat(tokens.path("message_id").asText()).isEqualTo(m.messageId());
        assertThat(tokens.path("channel").asText()).isEqualTo("sms");
        assertThat(tokens.path("status").asText()).isEqualTo(change[0]);
        assertThat(tokens.path("updated_at").asText()).isEqualTo(HubSpotEvent.TIME.format(at));
        assertThat(tokens.path("failure_reason").asText()).isEqualTo(
            change[0].equals("FAILED") ? "30003: Unreachable destination handset" : "");
      }
    }
    JsonNode newestOfB = byId.get(b.messageId() + "-FAILED");
    assertThat(Instant.parse(newestOfB.path("timestamp").asText())).isEqualTo(current(b).updatedAt());
  }

  @Test
  void changesThatArriveWhileThePusherRunsFollowInOrderAndAMessageWithoutEmailPushesNothing() {
    HubSpotPusher pusher = start();
    String email = SimulatedHubSpot.freshEmail();

    MessageRecord m = send(email);
    pusher.wake();
    await().atMost(WAIT).untilAsserted(() -> assertThat(sim.ids(email)).containsExactly(m.messageId() + "-UNKNOWN"));
    report(m, "sent");
    report(m, "delivered");
    MessageRecord silent = send(null);
    report(silent, "sent");

    await().atMost(WAIT).untilAsserted(() -> assertThat(sim.ids(email))
        .containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED")));
    assertThat(rows(silent)).isEmpty();
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
  }

  @Test
  void underARateLimitOfTwoPerTenSecondsEveryEventArrivesExactlyOnceAndInOrder() {
    sim.limits("{\"per_10s\": 2}");
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      messages.add(delivered(email));
    }
    start();

    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      advance(Duration.ofSeconds(11));
      assertThat(sim.timeline(email)).hasSize(15);
    });
    List<JsonNode> events = sim.timeline(email);
    assertThat(new HashSet<>(events.stream().map(e -> e.path("id").asText()).toList())).hasSize(15);
    for (MessageRecord m : messages) {
      assertThat(idsOf(events, m)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(messages.stream().flatMap(m -> rows(m).stream()).filter(r -> r.attempts() > 0))
        .as("some pushes were rate limited and retried").isNotEmpty()
        .allSatisfy(r -> assertThat(r.lastError()).contains("429"));
  }

  @Test
  void afterA429NothingIsCalledUntilTheWaitHubSpotAskedForHasPassed() {
    sim.limits("{\"per_10s\": 2, \"retry_after\": 30}");
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    MessageRecord n = send(email);
    Instant startedAt = clock.instant();
    Counting counting = new Counting(client);
    HubSpotPusher pusher = start(counting, outbox, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(counting.calls.get()).isEqualTo(3));
    assertThat(sim.timeline(email)).hasSize(2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(pusher.pausedUntil()).isEqualTo(startedAt.plusSeconds(30)));
    assertThat(List.of(rows(m), rows(n)).stream().flatMap(List::stream).filter(r -> r.attempts() == 1))
        .singleElement().satisfies(r -> assertThat(r.dueAt()).isEqualTo(startedAt.plusSeconds(30)));

    advance(Duration.ofSeconds(29)); // HubSpot's window has passed, but not the 30 s it asked for
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> counting.calls.get() == 3);

    advance(Duration.ofSeconds(1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(sim.timeline(email)).hasSize(4));
    List<JsonNode> events = sim.timeline(email);
    assertThat(idsOf(events, m)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    assertThat(idsOf(events, n)).containsExactlyElementsOf(expected(n, "UNKNOWN"));
  }

  @Test
  void threeServerErrorsAreRetriedWithBackOffAndTheEventArrivesOnce() {
    sim.limits("{\"fail_next\": 3, \"fail_status\": 503}");
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = delivered(email);
    start(client, outbox, 1);

    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      advance(Duration.ofSeconds(1));
      assertThat(sim.timeline(email)).hasSize(3);
    });
    assertThat(sim.ids(email)).containsExactlyElementsOf(expected(m, "UNKNOWN", "SENT", "DELIVERED"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    List<Row> rows = rows(m);
    assertThat(rows.get(0).attempts()).isEqualTo(3);
    assertThat(rows.get(0).lastError()).contains("503").contains("attempt 3");
    assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r.attempts()).isZero());
  }
}
