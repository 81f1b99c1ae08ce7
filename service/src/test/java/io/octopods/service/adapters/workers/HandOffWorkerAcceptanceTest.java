package io.octopods.service.adapters.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.adapters.clients.whatsapp.WhatsAppClient;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcOutbox;
import io.octopods.service.application.HandOff;
import io.octopods.service.application.HandOffPolicy;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.TestDatabase;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-off path end to end: {@link SendMessage} commits the message and its outbox item, the
 * {@link HandOffWorker} claims it and runs {@link HandOff} with the real {@link WhatsAppClient}
 * against the WhatsApp simulator, and the outcome lands in the real store (embedded H2, or
 * PostgreSQL with OCTOPODS_TEST_DB_URL).
 */
@OctopodsSimulators(clock = "virtual")
class HandOffWorkerAcceptanceTest {
  private static final String WORKSPACE = "demo";
  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration FAST_POLL = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private TestDatabase db;
  private JdbcMessageStore store;
  private CountingOutbox outbox;
  private SimulatorAdmin sim;
  private WhatsAppClient client;
  private HandOffWorker worker;

  @BeforeEach
  void setUp(Simulators sims) {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    outbox = new CountingOutbox(new JdbcOutbox(store));
    sim = new SimulatorAdmin(sims, "whatsapp");
    Map<String, String> c = sim.credentials();
    client =
        new WhatsAppClient(
            sim.baseUrl(),
            c.get("api_version"),
            c.get("phone_number_id"),
            c.get("access_token"),
            CLIENT_TIMEOUT);
  }

  @AfterEach
  void tearDown() {
    if (worker != null) {
      worker.close();
    }
    db.close();
  }

  private HandOff handOff(HandOffPolicy policy) {
    return new HandOff(store, outbox, channel -> client, policy, clock);
  }

  private SendMessage start(HandOffPolicy policy, Duration pollInterval) {
    worker =
        new HandOffWorker(outbox, handOff(policy), clock, CLIENT_TIMEOUT, pollInterval).start();
    store.afterQueuing(kinds -> worker.wake());
    return new SendMessage(store, clock);
  }

  private static HandOffPolicy quickPolicy(int maxAttempts) {
    return new HandOffPolicy(maxAttempts, Duration.ofMillis(50), Duration.ofMillis(200));
  }

  private static MessageRecord send(SendMessage use, String to) {
    return use.send(
        new SendMessage.Request(
            WORKSPACE, Channel.WHATSAPP, to, "Your order has shipped", Optional.empty()),
        Optional.empty());
  }

  private MessageRecord find(MessageRecord m) {
    return store.find(WORKSPACE, m.messageId()).orElseThrow();
  }

  private void play(String to, String id, String send) {
    sim.play(
        to,
        "id: " + id + "\nprovider: whatsapp\ndescription: hand-off worker test\nsend:\n" + send);
  }

  private static List<String> words(List<HistoryEvent> history) {
    return history.stream().map(e -> e.providerStatus().orElse("")).toList();
  }

  @Test
  void aSentMessageBecomesSentWithItsWamidAsSoonAsTheWorkerIsWoken() {
    SendMessage use =
        start(quickPolicy(5), Duration.ofMinutes(10)); // only wake() can find it in time
    String to = SimulatorAdmin.freshRecipient();

    MessageRecord m = send(use, to);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.SENT));
    String wamid = find(m).providerMessageId().orElseThrow();
    assertThat(wamid).startsWith("wamid.");
    assertThat(sim.messages(to))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.providerMessageId()).isEqualTo(wamid);
              assertThat(s.correlation().orElse("")).isEqualTo(m.messageId());
            });
    assertThat(words(store.history(m.messageId()))).containsExactly("accepted");
    assertThat(store.pending().handoff()).isZero();
  }

  @Test
  void throttledTwiceThenAcceptedEndsSentAfterThreeAttemptsWithBackOff() {
    SendMessage use = start(quickPolicy(5), FAST_POLL);
    String to = SimulatorAdmin.freshRecipient();
    play(
        to,
        "worker-throttled-twice",
        "  - respond: throttle\n  - respond: throttle\n  - respond: accept\n");

    MessageRecord m = send(use, to);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.SENT));
    assertThat(find(m).providerMessageId())
        .hasValueSatisfying(id -> assertThat(id).startsWith("wamid."));
    List<HistoryEvent> history = store.history(m.messageId());
    assertThat(words(history)).containsExactly("retry", "retry", "accepted");
    assertThat(history.get(0).detail())
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .contains("130429")
                    .contains("attempt 1 of 5")
                    .contains("next in PT0.05S"));
    assertThat(history.get(1).detail())
        .hasValueSatisfying(
            d -> assertThat(d).contains("attempt 2 of 5").contains("next in PT0.1S"));
    assertThat(Duration.between(history.get(0).receivedAt(), history.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(Duration.between(history.get(1).receivedAt(), history.get(2).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(sim.messages(to))
        .singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(3));
  }

  @Test
  void throttledForeverEndsFailedWithHandoffExhausted() {
    SendMessage use = start(quickPolicy(3), FAST_POLL);
    String to = SimulatorAdmin.freshRecipient();
    play(to, "worker-throttled-forever", "  respond: throttle\n");

    MessageRecord m = send(use, to);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.FAILED));
    assertThat(find(m).failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.code()).isEqualTo("handoff_exhausted");
              assertThat(f.source()).isEqualTo("octopods");
              assertThat(f.title()).contains("3 times").contains("130429");
            });
    assertThat(words(store.history(m.messageId())))
        .containsExactly("retry", "retry", "handoff_exhausted");
    assertThat(sim.messages(to)).as("a throttled send creates no provider message").isEmpty();
    assertThat(store.pending().handoff()).isZero();
  }

  @Test
  void aRejectedSendFailsAtOnceWithMetasCodeAndTitle() {
    SendMessage use = start(quickPolicy(5), FAST_POLL);
    String to = SimulatorAdmin.freshRecipient();
    play(to, "worker-rejected", "  respond: reject\n  error: 131026\n");

    MessageRecord m = send(use, to);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.FAILED));
    assertThat(find(m).failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.code()).isEqualTo("131026");
              assertThat(f.title()).isEqualTo("Message Undeliverable");
              assertThat(f.source()).isEqualTo("provider");
            });
    assertThat(words(store.history(m.messageId()))).containsExactly("rejected");
    assertThat(sim.messages(to)).as("a refused send creates no provider message").isEmpty();
  }

  @Test
  void aTimedOutHandOffStaysUnknownAndIsNeverSentAgain() {
    SendMessage use = start(quickPolicy(5), FAST_POLL);
    String to = SimulatorAdmin.freshRecipient();
    play(to, "worker-timeout", "  respond: timeout\n  delay: 2s\n");

    MessageRecord m = send(use, to);

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(words(store.history(m.messageId()))).contains("timeout"));
    int claimsAfterTimeout = outbox.claims.get();
    await().atMost(WAIT).until(() -> outbox.claims.get() >= claimsAfterTimeout + 5);
    assertThat(find(m).status()).isEqualTo(Status.UNKNOWN);
    assertThat(find(m).providerMessageId()).isEmpty();
    HistoryEvent timeout = store.history(m.messageId()).get(0);
    assertThat(timeout.detail())
        .hasValueSatisfying(
            d -> assertThat(d).contains("no answer within PT0.5S").contains("not re-sent"));
    assertThat(store.history(m.messageId())).hasSize(1);
    assertThat(sim.messages(to))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.attempts()).isEqualTo(1);
              assertThat(s.correlation().orElse("")).isEqualTo(m.messageId());
            });
    assertThat(store.pending().handoff()).isZero();
  }

  @Test
  void aHandOffThatThrowsIsTakenAgainAfterItsLease() {
    HandOff real = handOff(quickPolicy(5));
    AtomicInteger calls = new AtomicInteger();
    List<Instant> startedAt = new CopyOnWriteArrayList<>();
    Consumer<OutboxItem> flaky =
        item -> {
          startedAt.add(Instant.now());
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("the store went away for a moment");
          }
          real.run(item);
        };
    Duration lease = Duration.ofMillis(300);
    worker = new HandOffWorker(outbox, flaky, clock, lease, FAST_POLL, 2).start();
    String to = SimulatorAdmin.freshRecipient();

    store.afterQueuing(kinds -> worker.wake());
    MessageRecord m = send(new SendMessage(store, clock), to);

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.SENT));
    assertThat(calls.get()).isEqualTo(2);
    // polled every 20 ms, it is nevertheless not taken again before its lease has (about) run out
    assertThat(Duration.between(startedAt.get(0), startedAt.get(1)))
        .isGreaterThanOrEqualTo(lease.dividedBy(2));
    assertThat(sim.messages(to))
        .singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(1));
  }

  @Test
  void manyMessagesAreAllHandedOffByTheSmallPool() {
    SendMessage use = start(quickPolicy(5), FAST_POLL);
    List<MessageRecord> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sent.add(send(use, SimulatorAdmin.freshRecipient()));
    }

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(sent)
                    .allSatisfy(m -> assertThat(find(m).status()).isEqualTo(Status.SENT)));
    assertThat(sent)
        .allSatisfy(
            m ->
                assertThat(sim.messages(m.to()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.attempts()).isEqualTo(1)));
  }

  @Test
  void closeStopsPromptlyAndNothingIsClaimedAfterIt() {
    start(quickPolicy(5), FAST_POLL);
    await().atMost(WAIT).until(() -> outbox.claims.get() >= 2);

    long before = System.nanoTime();
    worker.close();
    Duration took = Duration.ofNanos(System.nanoTime() - before);

    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
    int claims = outbox.claims.get();
    worker.wake();
    await()
        .during(FAST_POLL.multipliedBy(10))
        .atMost(WAIT)
        .until(() -> outbox.claims.get() == claims);
  }

  /** The real outbox, counting the worker's looks at it. */
  private static final class CountingOutbox implements Outbox {
    private final Outbox real;
    final AtomicInteger claims = new AtomicInteger();

    CountingOutbox(Outbox real) {
      this.real = real;
    }

    @Override
    public List<OutboxItem> claimDue(String kind, Instant now, int limit, Instant leaseUntil) {
      List<OutboxItem> items = real.claimDue(kind, now, limit, leaseUntil);
      claims.incrementAndGet();
      return items;
    }

    @Override
    public void complete(long seq) {
      real.complete(seq);
    }

    @Override
    public void reschedule(long seq, Instant dueAt, int attempts, String lastError) {
      real.reschedule(seq, dueAt, attempts, lastError);
    }
  }
}
