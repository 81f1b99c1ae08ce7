package io.octopods.service.adapters.reconciliation.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.adapters.clients.twilio.TwilioClient;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcOutbox;
import io.octopods.service.adapters.persistence.JdbcReconciliationQueries;
import io.octopods.service.adapters.reconciliation.ReconciliationPolicy;
import io.octopods.service.adapters.reconciliation.ReconciliationWorker;
import io.octopods.service.adapters.webhooks.twilio.TwilioWebhookRoutes;
import io.octopods.service.adapters.workers.HandOffWorker;
import io.octopods.service.application.HandOff;
import io.octopods.service.application.HandOffPolicy;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.ReconciliationQueries.CheckState;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation end to end (edge-cases.md E1, status-model.md section 4): a real send through
 * {@link HandOff} and {@link TwilioClient} to the Twilio simulator (virtual clock), its callbacks
 * into {@link TwilioWebhookRoutes} on a real HTTP server, and the {@link ReconciliationWorker} with
 * the {@link TwilioReconciler} asking the simulator's fetch and list calls; everything lands in the
 * real store. Reconcile-after is PT0.1S here.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioReconciliationAcceptanceTest {
  private static final String WORKSPACE = "demo";
  private static final String FROM = "+15005550006";
  private static final String BODY = "Your code is 4711";
  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);
  private static final Duration FAST = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** PT0.1S, then waits doubling to at most PT0.2S: five checks in about a second. */
  private static final ReconciliationPolicy POLICY =
      new ReconciliationPolicy(Duration.ofMillis(100), 5, Duration.ofMillis(200));

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private Simulators sims;
  private SimulatorAdmin sim;
  private String accountSid;
  private String authToken;
  private TestDatabase db;
  private JdbcMessageStore store;
  private JdbcReconciliationQueries queries;
  private ReportIntake intake;
  private HttpServer webhooks;
  private HandOffWorker handOffWorker;
  private SendMessage send;
  private ReconciliationWorker reconciliation;

  @BeforeEach
  void setUp(Simulators sims) {
    this.sims = sims;
    sim = new SimulatorAdmin(sims, "twilio");
    Map<String, String> c = sim.credentials();
    accountSid = c.get("account_sid");
    authToken = c.get("auth_token");
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    queries = new JdbcReconciliationQueries(store);
    intake = new ReportIntake(store, clock);
    int port = freePort();
    String publicUrl = "http://127.0.0.1:" + port;
    webhooks =
        new HttpServer(List.of(new TwilioWebhookRoutes(authToken, publicUrl, intake)))
            .start("127.0.0.1", port);
    TwilioClient client =
        new TwilioClient(
            sim.baseUrl(),
            accountSid,
            authToken,
            FROM,
            Optional.empty(),
            publicUrl,
            CLIENT_TIMEOUT);
    JdbcOutbox outbox = new JdbcOutbox(store);
    HandOff handOff =
        new HandOff(
            store,
            outbox,
            channel -> client,
            new HandOffPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)),
            clock);
    handOffWorker = new HandOffWorker(outbox, handOff, clock, CLIENT_TIMEOUT, FAST).start();
    store.afterQueuing(kinds -> handOffWorker.wake());
    send = new SendMessage(store, clock);
  }

  @AfterEach
  void tearDown() {
    if (reconciliation != null) {
      reconciliation.close();
    }
    handOffWorker.close();
    webhooks.close();
    db.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TwilioReconciler reconciler(String baseUrl) {
    return new TwilioReconciler(baseUrl, accountSid, authToken, CLIENT_TIMEOUT, intake, queries);
  }

  private void startReconciliation() {
    reconciliation =
        new ReconciliationWorker(queries, reconciler(sim.baseUrl()), POLICY, clock, FAST).start();
  }

  private void bind(String to, String scenarioId) {
    sims.context().catalog().bind("twilio", to, scenarioId);
  }

  private void play(String to, String id, String yaml) {
    sim.play(to, "id: " + id + "\nprovider: twilio\ndescription: reconciliation test\n" + yaml);
  }

  /** Moves the simulators' virtual clock: what falls due is posted (or dropped) on the way. */
  private void advance(Duration by) {
    sims.context().scheduler().advance(by);
  }

  private MessageRecord sendSms(String to) {
    return send.send(
        new SendMessage.Request(WORKSPACE, Channel.SMS, to, BODY, Optional.empty()),
        Optional.empty());
  }

  private MessageRecord find(MessageRecord m) {
    return store.find(WORKSPACE, m.messageId()).orElseThrow();
  }

  private List<HistoryEvent> history(MessageRecord m) {
    return store.history(m.messageId());
  }

  private List<HistoryEvent> reconciliations(MessageRecord m) {
    return history(m).stream().filter(e -> "reconciliation".equals(e.source())).toList();
  }

  private static List<String> trail(List<HistoryEvent> history) {
    return history.stream().map(e -> e.source() + ":" + e.providerStatus().orElse("")).toList();
  }

  /** The message's checks; an assertion error (so an await retries) before its first claim. */
  private CheckState state(MessageRecord m) {
    Optional<CheckState> s = queries.state(m.messageId());
    assertThat(s).as("checks of " + m.messageId()).isPresent();
    return s.get();
  }

  private void assertSentOnce(String to) {
    assertThat(sim.messages(to))
        .as("reconciliation never sends")
        .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
  }

  @Test
  void e1AFinalReportThatWasDroppedIsFetchedAndTheMessageBecomesDelivered() {
    String to = SimulatorAdmin.freshRecipient();
    bind(to, "twilio-e1-final-report-dropped");
    MessageRecord m = sendSms(to);
    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.SENT));
    String sid = find(m).providerMessageId().orElseThrow();
    advance(
        Duration.ofSeconds(
            3)); // `sent` is posted, `delivered` is dropped: Twilio's side says delivered
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(trail(history(m))).contains("callback:sent"));
    assertThat(find(m).status()).isEqualTo(Status.SENT);

    startReconciliation();

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.DELIVERED));
    assertThat(trail(history(m)))
        .containsExactly("send:queued", "callback:sent", "reconciliation:delivered");
    HistoryEvent e = history(m).get(2);
    assertThat(e.applied()).isTrue();
    assertThat(e.reason()).isEmpty();
    assertThat(e.mappedStatus()).contains(Status.DELIVERED);
    assertThat(e.providerTimestamp()).as("Twilio has no event time").isEmpty();
    assertThat(e.rawPayload())
        .contains("\"sid\":\"" + sid + "\"")
        .contains("\"status\":\"delivered\"");
    assertThat(find(m).reached()).containsKey(Status.DELIVERED);
    await()
        .during(Duration.ofMillis(400))
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(reconciliations(m))
                    .as("a delivered message is not checked again")
                    .hasSize(1));
    assertThat(state(m).checks()).isEqualTo(1);
    assertSentOnce(to);
  }

  @Test
  void e1NoFinalReportStaysSentEachCheckIsADuplicateAndTheChecksStopAtTheBound() {
    String to = SimulatorAdmin.freshRecipient();
    bind(to, "twilio-e1-no-final-report");
    MessageRecord m = sendSms(to);
    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.SENT));
    advance(Duration.ofSeconds(1));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(trail(history(m))).contains("callback:sent"));

    startReconciliation();

    await().atMost(WAIT).untilAsserted(() -> assertThat(state(m).nextCheckAt()).isEmpty());
    assertThat(state(m).checks()).isEqualTo(5);
    assertThat(state(m).lastOutcome())
        .hasValueSatisfying(
            o ->
                assertThat(o)
                    .contains("check 5 of 5")
                    .contains("'sent'")
                    .contains("no more checks"));
    assertThat(reconciliations(m))
        .hasSize(5)
        .allSatisfy(
            e -> {
              assertThat(e.providerStatus()).contains("sent");
              assertThat(e.applied()).isFalse();
              assertThat(e.reason()).contains(Reason.DUPLICATE);
              assertThat(e.mappedStatus()).contains(Status.SENT);
            });
    assertThat(find(m).status()).isEqualTo(Status.SENT);
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(reconciliations(m)).as("no check after the bound").hasSize(5));
    List<HistoryEvent> checks = reconciliations(m);
    assertThat(Duration.between(checks.get(0).receivedAt(), checks.get(1).receivedAt()))
        .as("back-off: reconcile-after x 2")
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertSentOnce(to);
  }

  @Test
  void aTimedOutHandOffIsFoundByRecipientAndSendTimeAndSettled() {
    String to = SimulatorAdmin.freshRecipient();
    play(
        to,
        "reconcile-timeout-dropped",
        "send:\n  respond: timeout\n  delay: 1s\ncallbacks:\n"
            + "  - at: 500ms\n    status: sent\n    drop: true\n  - at: 2s\n    status: delivered\n    drop: true\n");
    MessageRecord m = sendSms(to);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(trail(history(m))).containsExactly("send:timeout"));
    assertThat(find(m).status()).isEqualTo(Status.UNKNOWN);
    assertThat(find(m).providerMessageId()).isEmpty();
    advance(Duration.ofSeconds(3)); // nothing reaches us: both callbacks are dropped

    startReconciliation();

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.DELIVERED));
    String sid = sim.messages(to).get(0).providerMessageId();
    assertThat(find(m).providerMessageId()).as("the SID is learnt from the list").contains(sid);
    assertThat(trail(history(m))).containsExactly("send:timeout", "reconciliation:delivered");
    assertThat(history(m).get(1).applied()).isTrue();
    assertThat(state(m).lastOutcome())
        .hasValueSatisfying(
            o -> assertThat(o).contains("found " + sid).contains("by recipient and send time"));
    assertSentOnce(to);
  }

  @Test
  void aTimedOutHandOffThatTwilioHasNotSentYetBecomesSentAndIsThenFetched() {
    String to = SimulatorAdmin.freshRecipient();
    play(
        to,
        "reconcile-timeout-then-delivered",
        "send:\n  respond: timeout\n  delay: 1s\ncallbacks:\n"
            + "  - at: 2s\n    status: delivered\n    drop: true\n");
    MessageRecord m = sendSms(to);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(trail(history(m))).containsExactly("send:timeout"));

    startReconciliation(); // Twilio's side still says `queued`

    await().atMost(WAIT).untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.SENT));
    assertThat(trail(history(m))).startsWith("send:timeout", "reconciliation:queued");
    advance(Duration.ofSeconds(3)); // now `delivered` on Twilio's side, its callback dropped

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(find(m).status()).isEqualTo(Status.DELIVERED));
    assertThat(trail(history(m))).last().isEqualTo("reconciliation:delivered");
    assertSentOnce(to);
  }

  @Test
  void theListSkipsASidThatAnotherOfOurMessagesHolds() {
    String to = SimulatorAdmin.freshRecipient();
    play(to, "reconcile-accept-quiet", "send:\n  respond: accept\n");
    MessageRecord first = sendSms(to);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(find(first).status()).isEqualTo(Status.SENT));
    String firstSid = find(first).providerMessageId().orElseThrow();
    play(
        to,
        "reconcile-timeout-delivered",
        "send:\n  respond: timeout\n  delay: 1s\ncallbacks:\n"
            + "  - at: 1s\n    status: delivered\n    drop: true\n");
    MessageRecord second = sendSms(to); // the same recipient and body
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(trail(history(second))).containsExactly("send:timeout"));
    advance(Duration.ofSeconds(2));

    startReconciliation();

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(find(second).status()).isEqualTo(Status.DELIVERED));
    String secondSid =
        sim.messages(to).stream()
            .filter(s -> s.correlation().orElse("").equals("message_id=" + second.messageId()))
            .findFirst()
            .orElseThrow()
            .providerMessageId();
    assertThat(secondSid).isNotEqualTo(firstSid);
    assertThat(find(second).providerMessageId()).contains(secondSid);
    assertThat(find(first).providerMessageId()).contains(firstSid);
    await().atMost(WAIT).untilAsserted(() -> assertThat(reconciliations(first)).isNotEmpty());
    assertThat(find(first).status())
        .as("the first is still `queued` on Twilio's side")
        .isEqualTo(Status.SENT);
    assertThat(reconciliations(first))
        .allSatisfy(e -> assertThat(e.providerStatus()).contains("queued"));
    assertSentOnce(to);
  }

  @Test
  void aSidTwilioDoesNotKnowIsACheckWithoutAReport() {
    MessageRecord m = Messages.sent(WORKSPACE, Channel.SMS, "SM00000000000000000000000000000000");
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });

    startReconciliation();

    await().atMost(WAIT).untilAsserted(() -> assertThat(state(m).nextCheckAt()).isEmpty());
    assertThat(state(m).checks()).isEqualTo(5);
    assertThat(state(m).lastOutcome())
        .hasValueSatisfying(o -> assertThat(o).contains("HTTP 404").contains("20404"));
    assertThat(history(m)).isEmpty();
    assertThat(find(m).status()).isEqualTo(Status.SENT);
  }

  @Test
  void twilioOutOfReachCountsAsACheckAndIsTriedAgainLater() {
    MessageRecord m = Messages.sent(WORKSPACE, Channel.SMS, "SM11111111111111111111111111111111");
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    String nowhere = "http://127.0.0.1:" + freePort();
    reconciliation =
        new ReconciliationWorker(queries, reconciler(nowhere), POLICY, clock, FAST).start();

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(state(m).checks()).isGreaterThanOrEqualTo(2));
    assertThat(state(m).lastOutcome())
        .hasValueSatisfying(o -> assertThat(o).contains("could not connect"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(state(m).nextCheckAt()).isEmpty());
    assertThat(state(m).checks()).isEqualTo(5);
    assertThat(history(m)).isEmpty();
    assertThat(find(m).status()).isEqualTo(Status.SENT);
  }

  @Test
  void onlySmsIsAskedAboutWhatsAppHasNoLookUp() {
    MessageRecord whatsapp =
        insertOld(Messages.sent(WORKSPACE, Channel.WHATSAPP, "wamid.HBgLMTU1NTEyMzAwMDEVAgARGBI"));
    MessageRecord sms =
        insertOld(Messages.sent(WORKSPACE, Channel.SMS, "SM22222222222222222222222222222222"));
    reconciliation =
        new ReconciliationWorker(queries, reconciler(sim.baseUrl()), POLICY, clock, FAST);

    assertThat(reconciliation.checkDue()).isEqualTo(1);

    assertThat(queries.state(sms.messageId())).isPresent();
    assertThat(queries.state(whatsapp.messageId())).isEmpty();
    assertThat(history(whatsapp)).isEmpty();
  }

  /** Stores a copy of {@code m} whose last change was a minute ago. */
  private MessageRecord insertOld(MessageRecord m) {
    java.time.Instant before = m.createdAt().minus(Duration.ofMinutes(1));
    MessageRecord old =
        new MessageRecord(
            m.messageId(),
            m.workspace(),
            m.channel(),
            m.to(),
            m.body(),
            m.contactEmail(),
            m.providerMessageId(),
            m.status(),
            before,
            before,
            m.failure(),
            java.util.Map.of(Status.QUEUED, before, m.status(), before));
    store.inTransaction(
        tx -> {
          tx.insert(old);
          return null;
        });
    return old;
  }

  @Test
  void closeStopsTheWorkerForGood() {
    startReconciliation();

    reconciliation.close();

    assertThatThrownBy(reconciliation::start).isInstanceOf(IllegalStateException.class);
    assertThat(reconciliation.checkDue()).isZero();
  }
}
