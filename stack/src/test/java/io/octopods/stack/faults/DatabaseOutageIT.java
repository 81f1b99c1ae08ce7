package io.octopods.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.octopods.simulator.SimulatorClient;
import io.octopods.stack.ServiceProcess;
import io.octopods.stack.support.StackUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #6 item 4, database outage: the service (a process of its own) reaches PostgreSQL through a
 * TCP forwarder inside the test ({@link TcpProxy}); PostgreSQL itself keeps running. While the
 * callbacks of 60 messages are being delivered (a background thread advances the virtual clock 50
 * ms at a time), the forwarder closes every connection and refuses new ones; the clock keeps moving
 * until six callbacks were refused, then stops, and the connection comes back. Then: the service
 * answered {@code 503} (never 2xx, never another 5xx) while storage was down and 2xx again once it
 * was back; WhatsApp and Viber retried the refused callbacks on their schedules (first retry 30 s /
 * 5 s after the first attempt); nothing answered 2xx is missing from the history; and every message
 * ends as in an undisturbed run, the SMS whose callbacks got a 503 (Twilio does not retry) through
 * the reconciliation job (OCTOPODS_RECONCILE_AFTER=PT1S).
 */
class DatabaseOutageIT {
  private static final List<String> SCENARIOS =
      List.of(
          "whatsapp-happy-path",
          "viber-happy-path",
          "twilio-happy-path",
          "whatsapp-c1-duplicate-webhook");
  private static final int EACH = 15;
  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern HOST_PORT =
      Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

  /**
   * On the virtual clock the simulators deliver one callback at a time: one may be in flight at the
   * cut.
   */
  private static final int IN_FLIGHT = 1;

  /**
   * Rounds of messages arrive 130 ms apart (no two scenario steps of different rounds fall due at
   * the same instant), and the clock moves 50 ms at a time: an advance carries the callbacks of an
   * instant or two. While the database is cut each callback waits out Hikari's connectionTimeout (2
   * s, fixed in Database.open) before its 503, one after the other, so an advance must not carry
   * many.
   */
  private static final Duration STAGGER = Duration.ofMillis(130);

  private static final String STEP = "PT0.05S";

  /**
   * 8 s of virtual time in 50 ms steps: past the last round's arrival (2 s) plus its scenario (5
   * s).
   */
  private static final int STEPS = 160;

  /** How many 503s make the outage long enough (each costs about 2 s of wall time). */
  private static final int REFUSALS = 6;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void callbacksDuringAnOutageGet503AreRetriedAndEverythingConvergesAfterwards() throws Exception {
    String testDb = Faults.requirePostgres();
    Matcher m = HOST_PORT.matcher(testDb);
    Assumptions.assumeThat(m.find() && List.of("127.0.0.1", "localhost").contains(m.group(1)))
        .as("the outage forwarder runs on loopback in front of a local PostgreSQL; " + testDb)
        .isTrue();
    int pgPort = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    long t0 = System.nanoTime();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (StackUnderTest stack = StackUnderTest.start();
        TcpProxy db = new TcpProxy(pgPort)) {
      stack.stopService(); // the in-process one: the service under test is a process reaching
      // PostgreSQL via db
      String schemaUrl = stack.dbUrl().orElseThrow();
      String proxied =
          schemaUrl.replaceFirst(
              "^jdbc:postgresql://[^/?]+/", "jdbc:postgresql://127.0.0.1:" + db.port() + "/");
      Map<String, String> env = new LinkedHashMap<>(stack.env());
      env.put("OCTOPODS_DB_URL", proxied);
      env.put("OCTOPODS_RECONCILE_AFTER", "PT1S");
      env.put("OCTOPODS_PROVIDER_TIMEOUT", Faults.PROVIDER_TIMEOUT);
      Map<String, String> flags = new LinkedHashMap<>(stack.flags());
      flags.put("--db-url", proxied);
      try (ServiceProcess service = ServiceProcess.start(flags, env, START)) {
        List<Faults.Sent> sent =
            Faults.sendAll(
                stack,
                List.of(stack.service()),
                SCENARIOS,
                EACH,
                Optional.of(STAGGER),
                Duration.ofSeconds(120));
        assertThat(db.connections())
            .as("the service reaches PostgreSQL through the forwarder")
            .isPositive();

        AtomicBoolean keepGoing = new AtomicBoolean(true);
        Future<Integer> clock =
            background.submit(
                () -> {
                  int steps = 0;
                  while (keepGoing.get() && steps < STEPS) {
                    stack.advance(STEP);
                    steps++;
                  }
                  return steps;
                });
        await("callbacks are being answered")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .pollInSameThread()
            .until(
                () -> Faults.count(stack, "whatsapp", Faults::answered2xx) >= 60 || clock.isDone());
        assertThat(clock.isDone())
            .as("the cut comes while callbacks are still being delivered")
            .isFalse();
        db.cut();
        long cutAt = lastSeq(stack);
        Instant cutSince = Instant.now();
        await("callbacks refused while the database is cut")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .pollInSameThread()
            .until(() -> answered(stack, 503) >= REFUSALS || clock.isDone());
        keepGoing.set(false);
        clock.get(60, TimeUnit.SECONDS); // its last advance delivered everything due, all while cut
        long cutEnd = lastSeq(stack);
        Duration cutFor = Duration.between(cutSince, Instant.now());
        db.restore();

        Map<String, List<SimulatorClient.CallbackAttempt>> during = new TreeMap<>();
        for (String provider : StackUnderTest.PROVIDERS) {
          during.put(
              provider,
              Faults.journal(stack, provider).stream()
                  .filter(a -> a.seq() > cutAt + IN_FLIGHT && a.seq() <= cutEnd)
                  .toList());
        }
        String duringText =
            during.entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + ": "
                            + e.getValue().stream()
                                .collect(
                                    Collectors.groupingBy(
                                        a ->
                                            a.outcome()
                                                + " "
                                                + a.responseCode().map(String::valueOf).orElse(""),
                                        TreeMap::new,
                                        Collectors.counting())))
                .collect(Collectors.joining("; "));
        long refused503 =
            during.values().stream()
                .flatMap(List::stream)
                .filter(a -> Faults.answered(a, 503))
                .count();
        assertThat(refused503)
            .as("callbacks answered 503 while the database was cut (" + duringText + ")")
            .isPositive();
        assertThat(
                during.values().stream().flatMap(List::stream).filter(Faults::answered2xx).toList())
            .as(
                "nothing answered 2xx while storage was down (2xx only once durable); "
                    + duringText)
            .isEmpty();
        assertThat(
                during.values().stream()
                    .flatMap(List::stream)
                    .filter(a -> "answered".equals(a.outcome()) && !Faults.answered(a, 503))
                    .toList())
            .as("every callback answered while storage was down got 503; " + duringText)
            .isEmpty();

        // the connection is back: the rest of the load, then every retry
        await("the service reads its database again")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .pollInSameThread()
            .ignoreExceptions()
            .until(() -> Faults.message(stack.service(), sent.get(0)).has("message_id"));
        stack.advanceAll();

        List<String> after = new ArrayList<>();
        for (String provider : StackUnderTest.PROVIDERS) {
          Faults.journal(stack, provider).stream()
              .filter(a -> a.seq() > cutEnd)
              .filter(a -> !Faults.answered2xx(a))
              .forEach(a -> after.add(provider + " " + a));
        }
        assertThat(after).as("once the database is back, every callback is answered 2xx").isEmpty();
        retriedAsTheSchedulesSay(stack);

        Faults.everyMessageEndsAsUndisturbed(stack.service(), sent, Duration.ofSeconds(30));
        int checked =
            Faults.everyReportAnswered2xxIsInTheHistory(stack, stack.service(), sent, false);
        System.out.printf(
            "DatabaseOutageIT: %d messages; database cut for %d ms of wall time (%d refused "
                + "connection attempts); during the cut: %s; %d reports answered 2xx checked; %d ms in all%n",
            sent.size(),
            cutFor.toMillis(),
            db.refused(),
            duringText,
            checked,
            (System.nanoTime() - t0) / 1_000_000);
        assertThat(service.alive()).as(service.output()).isTrue();
      }
    } finally {
      background.shutdownNow();
    }
  }

  private static long answered(StackUnderTest stack, int code) {
    return StackUnderTest.PROVIDERS.stream()
        .mapToLong(p -> Faults.count(stack, p, a -> Faults.answered(a, code)))
        .sum();
  }

  /** The journal's sequence is shared by the simulators of a process: the last one recorded. */
  private static long lastSeq(StackUnderTest stack) {
    return StackUnderTest.PROVIDERS.stream()
        .flatMap(p -> Faults.journal(stack, p).stream())
        .mapToLong(a -> a.seq())
        .max()
        .orElse(0);
  }

  /**
   * WhatsApp and Viber retried every refused callback on their schedules (the first retry 30 s,
   * resp. 5 s, after the first attempt) until one was answered 2xx; Twilio did not retry.
   */
  private static void retriedAsTheSchedulesSay(StackUnderTest stack) {
    Map<String, Duration> firstRetry =
        Map.of("whatsapp", Duration.ofSeconds(30), "viber", Duration.ofSeconds(5));
    for (String provider : StackUnderTest.PROVIDERS) {
      // a step with `repeat` is several deliveries of one step: group by message and step, then
      // look at attempts
      Map<String, List<SimulatorClient.CallbackAttempt>> perStep = new HashMap<>();
      for (SimulatorClient.CallbackAttempt a : Faults.journal(stack, provider)) {
        perStep.computeIfAbsent(a.message() + "#" + a.step(), k -> new ArrayList<>()).add(a);
      }
      for (List<SimulatorClient.CallbackAttempt> attempts : perStep.values()) {
        List<SimulatorClient.CallbackAttempt> refused =
            attempts.stream().filter(a -> Faults.answered(a, 503)).toList();
        if (refused.isEmpty()) {
          continue;
        }
        if ("twilio".equals(provider)) {
          assertThat(refused)
              .as("Twilio does not retry a 5xx by default: " + attempts)
              .allMatch(a -> a.nextRetryAt().isEmpty() && a.attempt() == 1, "not retried");
          continue;
        }
        assertThat(attempts.stream().filter(Faults::answered2xx).count())
            .as(provider + ": each refused delivery is retried until answered 2xx: " + attempts)
            .isEqualTo(attempts.stream().filter(a -> a.attempt() == 1).count());
        for (SimulatorClient.CallbackAttempt a : refused) {
          assertThat(a.nextRetryAt().isPresent())
              .as(provider + " schedules a retry of " + a)
              .isTrue();
          if (a.attempt() == 1) {
            assertThat(Duration.between(a.dueAt(), a.nextRetryAt().orElseThrow()))
                .as(provider + " first retry of " + a)
                .isEqualTo(firstRetry.get(provider));
          }
        }
      }
    }
  }
}
