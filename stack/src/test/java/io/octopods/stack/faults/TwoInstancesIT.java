package io.octopods.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.stack.ServiceProcess;
import io.octopods.stack.e2e.E2eInvariants;
import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #6 item 3, two instances on one database: two service processes (separate JVMs, ports A and
 * B) on one PostgreSQL schema, in two parts.
 *
 * <p>Turns: the WhatsApp and Viber simulators' webhook {@code urls} list both instances, so their
 * callbacks alternate between them (on the virtual clock the simulators deliver one callback at a
 * time, so here the instances take turns); the sends alternate too (an SMS's callbacks go to the
 * instance that sent it). Scenarios with reordered (A2, B1) and duplicated (C1, C5) reports for the
 * same messages: every message ends at its scenario's {@code expect.status} (the single-instance
 * run), and no update is lost: the history of each message holds exactly the reports the instances
 * answered 2xx.
 *
 * <p>Race: both instances apply reports for the same messages at the same moment, shown by
 * PostgreSQL's lock waits ({@link #raceOnTheSameMessages}).
 */
class TwoInstancesIT {
  private static final List<String> SCENARIOS =
      List.of(
          "whatsapp-a2-read-before-delivered",
          "whatsapp-c1-duplicate-webhook",
          "whatsapp-b1-delivered-and-failed",
          "viber-c5-delivered-per-device",
          "whatsapp-happy-path",
          "viber-happy-path",
          "twilio-happy-path");
  private static final int EACH = 10;

  /** How many messages get their two reports from both instances at once. */
  private static final int RACING = 24;

  private static final String RACE_SCENARIO = "whatsapp-happy-path";
  private static final Duration START = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void twoInstancesOnOneSchemaEndAsOneAndLoseNoUpdate() throws Exception {
    Faults.requirePostgres();
    try (StackUnderTest stack =
        StackUnderTest.start(Map.of("OCTOPODS_PROVIDER_TIMEOUT", Faults.PROVIDER_TIMEOUT))) {
      stack.stopService(); // the in-process one: the two instances are processes of their own
      String db = stack.dbUrl().orElseThrow();
      // each instance names its database connections, so that PostgreSQL's views tell them apart
      String run = UUID.randomUUID().toString().substring(0, 8);
      Instance a = new Instance(stack.service(), "octopods-a-" + run);
      int portB = freePort();
      Instance b = new Instance("http://127.0.0.1:" + portB, "octopods-b-" + run);
      Map<String, String> flagsA = new LinkedHashMap<>(stack.flags());
      flagsA.put("--db-url", a.dbUrl(db));
      Path dataB = Files.createTempDirectory("octopods-faults-b");
      Map<String, String> flagsB = new LinkedHashMap<>(flagsA);
      flagsB.put("--db-url", b.dbUrl(db));
      flagsB.put("--port", String.valueOf(portB));
      flagsB.put("--data-dir", dataB.toString());
      try (ServiceProcess instanceA = ServiceProcess.start(flagsA, stack.env(), START);
          ServiceProcess instanceB = ServiceProcess.start(flagsB, stack.env(), START);
          TcpProxy toA = new TcpProxy(stack.port());
          TcpProxy toB = new TcpProxy(portB)) {
        // the simulators' journal shows the URL a callback is signed for, not the one it went to:
        // each instance's
        // webhook URL goes through a counting forwarder, which shows that both instances took
        // callbacks
        String viaA = "http://127.0.0.1:" + toA.port();
        String viaB = "http://127.0.0.1:" + toB.port();
        for (String provider : List.of("whatsapp", "viber")) {
          String hook = "/webhooks/" + provider;
          stack
              .admin()
              .setWebhook(
                  provider,
                  SimulatorClient.Webhook.to(viaA + hook)
                      .withUrls(List.of(viaA + hook, viaB + hook)));
        }
        long t0 = System.nanoTime();
        List<Faults.Sent> sent =
            Faults.sendAll(
                stack, List.of(a.base(), b.base()), SCENARIOS, EACH, Duration.ofSeconds(120));
        long t1 = System.nanoTime();
        stack.advanceAll(); // every callback (and retry) of every simulator
        long t2 = System.nanoTime();

        long total = toA.bytesUp() + toB.bytesUp();
        String split =
            "callback bytes to A "
                + toA.bytesUp()
                + " ("
                + toA.connections()
                + " connections), to B "
                + toB.bytesUp()
                + " ("
                + toB.connections()
                + " connections)";
        assertThat(Math.min(toA.bytesUp(), toB.bytesUp()))
            .as("callbacks alternate between the instances: " + split)
            .isGreaterThan(total / 4);
        for (String provider : List.of("whatsapp", "viber")) {
          List<SimulatorClient.CallbackAttempt> journal = Faults.journal(stack, provider);
          Map<Integer, Long> codes =
              journal.stream()
                  .collect(
                      Collectors.groupingBy(
                          j -> j.responseCode().orElse(0), TreeMap::new, Collectors.counting()));
          assertThat(codes.keySet())
              .as(provider + " callbacks, each answered 200 by either instance: " + codes)
              .containsOnly(200);
        }
        for (Instance instance : List.of(a, b)) {
          Faults.everyMessageEndsAsUndisturbed(instance.base(), sent, Duration.ofSeconds(20));
        }
        int checked = Faults.everyReportAnswered2xxIsInTheHistory(stack, a.base(), sent, true);
        System.out.printf(
            "TwoInstancesIT: %d messages, %d reports answered 2xx by two instances, each in the "
                + "history once; %s; sending %d ms, callbacks %d ms, checks %d ms%n",
            sent.size(),
            checked,
            split,
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (System.nanoTime() - t2) / 1_000_000);

        raceOnTheSameMessages(stack, List.of(a, b));
        assertThat(instanceA.alive()).as(instanceA.output()).isTrue();
        assertThat(instanceB.alive()).as(instanceB.output()).isTrue();
      } finally {
        deleteQuietly(dataB);
      }
    }
  }

  /**
   * Both instances apply reports for the same messages at the same moment. Each of {@link #RACING}
   * WhatsApp messages, handed off and {@code SENT} (the virtual clock is not advanced again, so the
   * simulator plays none of its own callbacks), gets two signed callbacks at once: {@code
   * delivered} to one instance and {@code read} to the other (which gets which alternates), all
   * released together by a start barrier. To show that the instances overlap rather than hope for
   * it, the test first locks the messages' rows itself, on a connection of its own, and waits until
   * PostgreSQL shows backends of both instances (told apart by their {@code application_name})
   * waiting behind that lock; only then does it release the rows, for which both instances'
   * transactions then contend. While they do, the messages are polled, a page of all of them from
   * each instance in turn, and no status goes back between two polls. Then: every callback was
   * answered 2xx and each report is in its message's history exactly once; every message ends at
   * {@code READ}, as any order of the two reports ends alone; and each history replays under the
   * status model's rules, so every report was decided on the status the one before it committed,
   * never on a stale read.
   *
   * <p>Without the row lock the two instances read a message without waiting for each other, and a
   * {@code delivered} decided on the {@code SENT} it read is written over the {@code read} the
   * other instance committed: a poll sees {@code READ} and then {@code DELIVERED}, the message ends
   * below {@code READ}, and its history no longer replays.
   */
  private static void raceOnTheSameMessages(StackUnderTest stack, List<Instance> instances)
      throws Exception {
    long t0 = System.nanoTime();
    String base = instances.get(0).base();
    List<Faults.Sent> racing = new ArrayList<>();
    for (int i = 0; i < RACING; i++) {
      String to = stack.bindFresh("whatsapp", RACE_SCENARIO);
      String id =
          Faults.send(instances.get(i % 2).base(), "whatsapp", to).path("message_id").asText();
      racing.add(new Faults.Sent("whatsapp", "whatsapp", RACE_SCENARIO, "READ", id, to));
    }
    await("every racing message is handed off")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .pollInSameThread()
        .until(() -> racing.stream().allMatch(s -> "SENT".equals(Faults.status(base, s))));
    String secret = stack.admin().info("whatsapp").signingSecret();
    long deliveredAt = Instant.now().getEpochSecond();
    List<RacingCallback> callbacks = new ArrayList<>();
    for (int i = 0; i < racing.size(); i++) {
      Faults.Sent s = racing.get(i);
      String wamid = Faults.message(base, s).path("provider_message_id").asText();
      assertThat(wamid).as("provider id of " + s).isNotBlank();
      callbacks.add(
          RacingCallback.of(s, wamid, "delivered", deliveredAt, instances.get(i % 2), secret));
      callbacks.add(
          RacingCallback.of(s, wamid, "read", deliveredAt + 1, instances.get((i + 1) % 2), secret));
    }

    String dbUrl = stack.dbUrl().orElseThrow();
    ExecutorService posters = Executors.newFixedThreadPool(callbacks.size());
    ExecutorService watcher = Executors.newSingleThreadExecutor();
    Map<String, Integer> waitingBehindTheTest;
    List<StackHttp.Answer> answers = new ArrayList<>();
    int polls;
    long t1;
    long t2;
    try (Connection gate = DriverManager.getConnection(dbUrl);
        Connection observer = DriverManager.getConnection(dbUrl)) {
      gate.setAutoCommit(false);
      int gatePid = lockRows(gate, racing);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<StackHttp.Answer>> posted = new ArrayList<>();
      for (RacingCallback callback : callbacks) {
        posted.add(
            posters.submit(
                () -> {
                  start.await();
                  return callback.post();
                }));
      }
      AtomicBoolean over = new AtomicBoolean();
      Future<Integer> watched = watcher.submit(() -> statusesNeverGoBack(racing, instances, over));
      start.countDown();
      AtomicReference<Map<String, Integer>> waits = new AtomicReference<>(Map.of());
      await("backends of both instances wait behind the test's lock on the racing messages")
          .atMost(Duration.ofSeconds(8))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                waits.set(waitingBehind(observer, gatePid, instances));
                return instances.stream()
                    .allMatch(i -> waits.get().getOrDefault(i.applicationName(), 0) > 0);
              });
      waitingBehindTheTest = waits.get();
      gate.commit();
      t1 = System.nanoTime();
      for (Future<StackHttp.Answer> answer : posted) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      t2 = System.nanoTime();
      over.set(true);
      polls = watched.get(60, TimeUnit.SECONDS);
    } finally {
      posters.shutdownNow();
      watcher.shutdownNow();
    }

    List<String> refused = new ArrayList<>();
    Map<String, Map<String, Integer>> acknowledged = new HashMap<>();
    for (int i = 0; i < callbacks.size(); i++) {
      RacingCallback callback = callbacks.get(i);
      StackHttp.Answer answer = answers.get(i);
      if (answer.status() / 100 == 2) {
        acknowledged
            .computeIfAbsent(callback.message().id(), k -> new TreeMap<>())
            .merge(callback.word(), 1, Integer::sum);
      } else {
        refused.add(callback + " answered " + answer.status() + ": " + answer.body());
      }
    }
    assertThat(refused).as("every racing callback is answered 2xx").isEmpty();
    for (Instance instance : instances) {
      Faults.everyMessageEndsAsUndisturbed(instance.base(), racing, Duration.ofSeconds(20));
    }
    for (Faults.Sent s : racing) {
      List<JsonNode> history = Faults.history(base, s);
      Map<String, Integer> recorded = new TreeMap<>();
      history.stream()
          .filter(e -> "callback".equals(e.path("source").asText()))
          .forEach(e -> recorded.merge(e.path("provider_status").asText(""), 1, Integer::sum));
      assertThat(recorded)
          .as("every report answered 2xx is in the history once: " + s + ", history " + history)
          .isEqualTo(acknowledged.get(s.id()));
      E2eInvariants.check("whatsapp", Faults.message(base, s), history);
    }
    System.out.printf(
        "TwoInstancesIT race: %d messages, %d callbacks at once, half to each instance; waiting "
            + "behind the test's lock together: %s; %d polls of all of them, no status went back; "
            + "setting up %d ms, from the release to the last answer %d ms%n",
        racing.size(),
        callbacks.size(),
        waitingBehindTheTest,
        polls,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000);
  }

  /** Locks the messages' rows on {@code gate}; answers its backend's pid. */
  private static int lockRows(Connection gate, List<Faults.Sent> messages) throws SQLException {
    try (PreparedStatement lock =
        gate.prepareStatement(
            "SELECT message_id FROM message WHERE message_id = ANY(?) FOR UPDATE")) {
      lock.setArray(
          1, gate.createArrayOf("text", messages.stream().map(Faults.Sent::id).toArray()));
      int locked = 0;
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          locked++;
        }
      }
      assertThat(locked).as("the test holds every racing message's row").isEqualTo(messages.size());
    }
    try (Statement pid = gate.createStatement();
        ResultSet row = pid.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  /**
   * The instances' backends waiting for a message row the test holds, by {@code application_name}:
   * either on the test's transaction itself, or queued for the row's lock behind a backend that
   * does.
   */
  private static Map<String, Integer> waitingBehind(
      Connection observer, int gatePid, List<Instance> instances) throws SQLException {
    Map<String, Integer> waiting = new TreeMap<>();
    try (PreparedStatement ps =
        observer.prepareStatement(
            "SELECT a.application_name, count(*) FROM pg_stat_activity a "
                + "WHERE a.wait_event_type = 'Lock' AND a.application_name = ANY(?) "
                + "AND (? = ANY(pg_blocking_pids(a.pid)) OR EXISTS (SELECT 1 FROM pg_locks l "
                + "WHERE l.pid = a.pid AND NOT l.granted AND l.locktype = 'tuple' "
                + "AND l.relation = 'message'::regclass)) "
                + "GROUP BY a.application_name")) {
      ps.setArray(
          1,
          observer.createArrayOf(
              "text", instances.stream().map(Instance::applicationName).toArray()));
      ps.setInt(2, gatePid);
      try (ResultSet rows = ps.executeQuery()) {
        while (rows.next()) {
          waiting.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return waiting;
  }

  /**
   * Polls the racing messages (the newest WhatsApp messages: one page of the list holds them all)
   * from the instances in turn until {@code over}, then once more; each message's every poll is
   * checked against its one before (status and {@code updated_at} never go back). Answers how many
   * pages were polled.
   */
  private static int statusesNeverGoBack(
      List<Faults.Sent> messages, List<Instance> instances, AtomicBoolean over) {
    Map<String, JsonNode> last = new HashMap<>();
    int pages = 0;
    for (boolean finalPass = false; !finalPass; pages++) {
      finalPass = over.get();
      String base = instances.get(pages % instances.size()).base();
      Map<String, JsonNode> page = new HashMap<>();
      StackHttp.call(
              "GET",
              base + "/api/v1/whatsapp/messages?limit=" + messages.size(),
              StackUnderTest.auth(StackUnderTest.API_KEY),
              null)
          .expect(200)
          .json()
          .path("data")
          .forEach(m -> page.put(m.path("message_id").asText(), m));
      for (Faults.Sent s : messages) {
        JsonNode now = page.get(s.id());
        assertThat(now).as("the newest page from " + base + " holds " + s).isNotNull();
        JsonNode before = last.put(s.id(), now);
        if (before != null) {
          E2eInvariants.checkBetweenPolls(before, now);
        }
      }
    }
    return pages;
  }

  /** A service instance: its base URL and the name its database connections carry. */
  private record Instance(String base, String applicationName) {
    String dbUrl(String shared) {
      return shared + (shared.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
    }
  }

  /**
   * One WhatsApp status notification for one message, signed as Meta signs it, for one instance.
   */
  private record RacingCallback(
      Faults.Sent message, String word, Instance to, String body, String signature) {
    static RacingCallback of(
        Faults.Sent message,
        String wamid,
        String word,
        long epochSecond,
        Instance to,
        String appSecret) {
      ObjectNode root =
          StackHttp.JSON.createObjectNode().put("object", "whatsapp_business_account");
      ObjectNode value =
          root.putArray("entry")
              .addObject()
              .put("id", "race")
              .putArray("changes")
              .addObject()
              .put("field", "messages")
              .putObject("value")
              .put("messaging_product", "whatsapp");
      value
          .putArray("statuses")
          .addObject()
          .put("id", wamid)
          .put("status", word)
          .put("timestamp", String.valueOf(epochSecond))
          .put("recipient_id", message.to().substring(1));
      String body = root.toString();
      return new RacingCallback(
          message,
          word,
          to,
          body,
          WhatsAppSignature.of(appSecret, body.getBytes(StandardCharsets.UTF_8)));
    }

    StackHttp.Answer post() {
      return StackHttp.call(
          "POST",
          to.base() + "/webhooks/whatsapp",
          Map.of("Content-Type", "application/json", WhatsAppSignature.HEADER, signature),
          body);
    }

    @Override
    public String toString() {
      return word + " for " + message + " to " + to.base();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // a temporary folder
    }
  }
}
