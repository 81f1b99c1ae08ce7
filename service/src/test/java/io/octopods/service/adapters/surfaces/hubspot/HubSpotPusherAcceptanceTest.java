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

/**
 * The HubSpot surface end to end: {@link SendMessage} and {@link ReportIntake} enqueue the events in the real store
 * (embedded H2, or PostgreSQL with OCTOPODS_TEST_DB_URL), the {@link HubSpotPusher} drains them with the real {@link
 * HubSpotClient} into the HubSpot simulator, whose timeline is the proof. Time on both sides is virtual: the
 * service's {@link SteppingClock} and the simulator's clock are advanced together.
 */
@OctopodsSimulators(clock = "virtual")
class HubSpotPusherAcceptanceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final String WORKSPACE = "demo";

  @TempDir
  Path dir;

  private final SteppingClock clock = new SteppingClock(Instant.now());
  private final List<HubSpotPusher> pushers = new ArrayList<>();
  private final Map<String, String> providerIds = new HashMap<>();
  private TestDatabase db;
  private JdbcMessageStore store;
  private JdbcOutbox outbox;
  private JdbcHubSpotQueue queue;
  private SimulatedHubSpot sim;
  private HubSpotClient client;
  private SendMessage send;
  private ReportIntake intake;

  @BeforeEach
  void setUp(Simulators sims) {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    outbox = new JdbcOutbox(store);
    queue = new JdbcHubSpotQueue(db.database().dataSource());
    sim = new SimulatedHubSpot(sims);
    sim.reset();
    client = new HubSpotClient(sim.baseUrl(), sim.accessToken(), sim.eventTemplateId(), TIMEOUT);
    send = new SendMessage(store, clock, () -> { });
    intake = new ReportIntake(store, clock);
  }

  @AfterEach
  void tearDown() {
    pushers.forEach(HubSpotPusher::close);
    db.close();
  }

  // ---- the pieces ----

  private HubSpotPusher start(HubSpotTimeline hubspot, Outbox box, int threads) {
    HubSpotPusher p = new HubSpotPusher(store, box, queue, hubspot, clock,
        new HubSpotPusher.Settings(threads, Duration.ofMillis(20), LEASE, HubSpotBackoff.DEFAULT));
    pushers.add(p);
    return p.start();
  }

  private HubSpotPusher start() {
    return start(client, outbox, HubSpotPusher.DEFAULT_THREADS);
  }

  /** Moves the service's clock and the simulator's together, and looks at the outbox at once. */
  private void advance(Duration by) {
    clock.advance(by);
    sim.advance(by);
    pushers.forEach(HubSpotPusher::wake);
  }

  private MessageRecord send(String email) {
    MessageRecord m = send.send(new SendMessage.Request(WORKSPACE, Channel.SMS, "+15551230001", "Your order shipped",
        Optional.ofNullable(email)), Optional.empty());
    providerIds.put(m.messageId(), "SM" + UUID.randomUUID().toString().replace("-", ""));
    return m;
  }

  /** A Twilio status callback for the message, one second later on the service's clock. */
  private void report(MessageRecord m, String word, String code, String title) {
    clock.advance(Duration.ofSeconds(1));
    intake.apply(List.of(new IncomingReport(Channel.SMS, Optional.of(providerIds.get(m.messageId())),
        Optional.of(m.messageId()), word, Optional.empty(), Optional.ofNullable(code), Optional.ofNullable(title),
        "{\"MessageStatus\":\"" + word + "\"}")), "callback");
  }

  private void report(MessageRecord m, String word) {
    report(m, word, null, null);
  }

  /** A message taken through UNKNOWN, SENT and DELIVERED: three events. */
  private MessageRecord delivered(String email) {
    MessageRecord m = send(email);
    report(m, "sent");
    report(m, "delivered");
    return m;
  }

  private MessageRecord current(MessageRecord m) {
    return store.find(WORKSPACE, m.messageId()).orElseThrow();
  }

  private long pending() {
    return store.pending().hubspot();
  }

  private static List<String> idsOf(List<JsonNode> events, MessageRecord m) {
    return events.stream().map(e -> e.path("id").asText()).filter(id -> id.startsWith(m.messageId())).toList();
  }

  private static List<String> expected(MessageRecord m, String... statuses) {
    List<String> ids = new ArrayList<>();
    for (String s : statuses) {
      ids.add(m.messageId() + "-" + s);
    }
    return ids;
  }

  /** The outbox rows of a message, oldest first. */
  private List<Row> rows(MessageRecord m) {
    try (Connection c = db.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT seq, payload, due_at, attempts, last_error, done_at "
            + "FROM outbox WHERE kind = 'hubspot' AND message_id = ? ORDER BY seq")) {
      ps.setString(1, m.messageId());
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
          rows.add(new Row(rs.getString("payload"), rs.getObject("due_at", OffsetDateTime.class).toInstant(),
              rs.getInt("attempts"), rs.getString("last_error"), done != null));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private record Row(String payload, Instant dueAt, int attempts, String lastError, boolean done) {}

  /** Counts the calls made to HubSpot. */
  private static final class Counting implements HubSpotTimeline {
    private final HubSpotTimeline inner;
    final AtomicInteger calls = new AtomicInteger();

    Counting(HubSpotTimeline inner) {
      this.inner = inner;
    }

    @Override
    public PushOutcome push(HubSpotEvent event) {
      calls.incrementAndGet();
      return inner.push(event);
    }
  }

  // ---- the tests ----

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
