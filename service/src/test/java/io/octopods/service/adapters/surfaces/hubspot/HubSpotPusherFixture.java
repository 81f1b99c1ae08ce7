package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.adapters.persistence.JdbcHubSpotOutbox;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.domain.Channel;
import io.octopods.service.support.TestDatabase;
import io.octopods.simulator.SimulatorClient;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared set-up of the HubSpot pusher suites: a real store, the HubSpot simulator, a stepping
 * clock.
 */
@OctopodsSimulators(clock = "virtual")
abstract class HubSpotPusherFixture {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration LEASE = Duration.ofMinutes(2);
  static final String WORKSPACE = "demo";

  @TempDir Path dir;

  final SteppingClock clock = new SteppingClock(Instant.now());
  final List<HubSpotPusher> pushers = new ArrayList<>();
  final Map<String, String> providerIds = new HashMap<>();
  TestDatabase db;
  JdbcMessageStore store;
  JdbcHubSpotOutbox outbox;
  SimulatedHubSpot sim;
  HubSpotClient client;
  SendMessage send;
  ReportIntake intake;

  @BeforeEach
  void setUp(Simulators sims) {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    outbox = new JdbcHubSpotOutbox(store);
    sim = new SimulatedHubSpot(sims);
    sim.reset();
    client = client(sim.eventTemplateId(), sim.accessToken());
    send = new SendMessage(store, clock);
    intake = new ReportIntake(store, clock);
  }

  @AfterEach
  void tearDown() {
    pushers.forEach(HubSpotPusher::close);
    db.close();
  }

  // ---- the pieces ----

  HubSpotClient client(String eventTemplateId, String accessToken) {
    return new HubSpotClient(sim.baseUrl(), accessToken, eventTemplateId, TIMEOUT, clock);
  }

  HubSpotPusher start(HubSpotTimeline hubspot, HubSpotOutbox box, int threads, int batchSize) {
    HubSpotPusher p =
        new HubSpotPusher(
            box,
            hubspot,
            clock,
            new HubSpotPusher.Settings(
                threads, batchSize, Duration.ofMillis(20), LEASE, HubSpotBackoff.DEFAULT));
    pushers.add(p);
    store.afterQueuing(kinds -> pushers.forEach(HubSpotPusher::wake));
    return p.start();
  }

  HubSpotPusher start(HubSpotTimeline hubspot, int threads) {
    return start(hubspot, outbox, threads, HubSpotClient.MAX_BATCH);
  }

  HubSpotPusher start() {
    return start(client, HubSpotPusher.DEFAULT_THREADS);
  }

  /** Moves the service's clock and the simulator's together, and looks at the outbox at once. */
  void advance(Duration by) {
    clock.advance(by);
    sim.advance(by);
    pushers.forEach(HubSpotPusher::wake);
  }

  MessageRecord send(String email) {
    MessageRecord m =
        send.send(
            new SendMessage.Request(
                WORKSPACE,
                Channel.SMS,
                "+15551230001",
                "Your order shipped",
                Optional.ofNullable(email)),
            Optional.empty());
    providerIds.put(m.messageId(), "SM" + UUID.randomUUID().toString().replace("-", ""));
    return m;
  }

  /** A Twilio status callback for the message, one second later on the service's clock. */
  void report(MessageRecord m, String word, String code, String title) {
    clock.advance(Duration.ofSeconds(1));
    intake.apply(
        List.of(
            new IncomingReport(
                Channel.SMS,
                Optional.of(providerIds.get(m.messageId())),
                Optional.of(m.messageId()),
                word,
                Optional.empty(),
                Optional.ofNullable(code),
                Optional.ofNullable(title),
                "{\"MessageStatus\":\"" + word + "\"}")),
        "callback");
  }

  void report(MessageRecord m, String word) {
    report(m, word, null, null);
  }

  /** A message taken through UNKNOWN, SENT and DELIVERED: three events. */
  MessageRecord delivered(String email) {
    MessageRecord m = send(email);
    report(m, "sent");
    report(m, "delivered");
    return m;
  }

  MessageRecord current(MessageRecord m) {
    return store.find(WORKSPACE, m.messageId()).orElseThrow();
  }

  long pending() {
    return store.pending().hubspot();
  }

  long dead() {
    return store.pending().hubspotDead();
  }

  static List<String> idsOf(List<SimulatorClient.TimelineEvent> events, MessageRecord m) {
    return events.stream()
        .map(SimulatorClient.TimelineEvent::id)
        .filter(id -> id.startsWith(m.messageId()))
        .toList();
  }

  static List<String> expected(MessageRecord m, String... statuses) {
    List<String> ids = new ArrayList<>();
    for (String s : statuses) {
      ids.add(m.messageId() + "-" + s);
    }
    return ids;
  }

  /** The outbox rows of a message, oldest first. */
  List<Row> rows(MessageRecord m) {
    try (Connection c = db.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, payload, due_at, attempts, last_error, done_at, "
                    + "dead_status FROM outbox WHERE kind = 'hubspot' AND message_id = ? ORDER BY seq")) {
      ps.setString(1, m.messageId());
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
          int deadStatus = rs.getInt("dead_status");
          rows.add(
              new Row(
                  rs.getString("payload"),
                  rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                  rs.getInt("attempts"),
                  rs.getString("last_error"),
                  done != null,
                  rs.wasNull() ? 0 : deadStatus));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * @param deadStatus HubSpot's status of a dead letter; 0 when the row is none
   */
  record Row(
      String payload, Instant dueAt, int attempts, String lastError, boolean done, int deadStatus) {
    boolean deadLetter() {
      return deadStatus != 0;
    }
  }

  /** Counts the calls made to HubSpot, and notes when (in real time) and with which events. */
  final class Counting implements HubSpotTimeline {
    private final HubSpotTimeline inner;
    final AtomicInteger calls = new AtomicInteger();
    final List<Long> realTimes = new CopyOnWriteArrayList<>();
    final List<String> eventsSent = new CopyOnWriteArrayList<>();

    Counting(HubSpotTimeline inner) {
      this.inner = inner;
    }

    @Override
    public Reply push(List<HubSpotEvent> events) {
      calls.incrementAndGet();
      realTimes.add(System.nanoTime());
      events.forEach(e -> eventsSent.add(e.id()));
      return inner.push(events);
    }
  }
}
