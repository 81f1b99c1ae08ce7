package io.octopods.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.SimulatorClient;
import io.octopods.stack.ServiceProcess;
import io.octopods.stack.support.StackUnderTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #6 item 3, two instances on one database: two service processes (separate JVMs, ports A and
 * B) on one PostgreSQL schema; the WhatsApp and Viber simulators' webhook {@code urls} list both,
 * so their callbacks alternate between the instances (on the virtual clock the simulators deliver
 * one callback at a time, so the instances take turns rather than race: the race itself is
 * ConcurrentReportsIT's); the sends alternate too (an SMS's callbacks go to the instance that sent
 * it). Scenarios with reordered (A2, B1) and duplicated (C1, C5) reports for the same messages:
 * every message ends at its scenario's {@code expect.status} (the single-instance run), and no
 * update is lost: the history of each message holds exactly the reports the instances answered 2xx.
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
  private static final Duration START = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void twoInstancesOnOneSchemaEndAsOneAndLoseNoUpdate() throws Exception {
    Faults.requirePostgres();
    try (StackUnderTest stack =
        StackUnderTest.start(Map.of("OCTOPODS_PROVIDER_TIMEOUT", Faults.PROVIDER_TIMEOUT))) {
      stack.stopService(); // the in-process one: the two instances are processes of their own
      String db = stack.dbUrl().orElseThrow();
      Map<String, String> flagsA = new LinkedHashMap<>(stack.flags());
      flagsA.put("--db-url", db);
      int portB = freePort();
      Path dataB = Files.createTempDirectory("octopods-faults-b");
      Map<String, String> flagsB = new LinkedHashMap<>(flagsA);
      flagsB.put("--port", String.valueOf(portB));
      flagsB.put("--data-dir", dataB.toString());
      String a = stack.service();
      String b = "http://127.0.0.1:" + portB;
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
            Faults.sendAll(stack, List.of(a, b), SCENARIOS, EACH, Duration.ofSeconds(120));
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
        for (String base : List.of(a, b)) {
          Faults.everyMessageEndsAsUndisturbed(base, sent, Duration.ofSeconds(20));
        }
        int checked = Faults.everyReportAnswered2xxIsInTheHistory(stack, a, sent, true);
        System.out.printf(
            "TwoInstancesIT: %d messages, %d reports answered 2xx by two instances, each in the "
                + "history once; %s; sending %d ms, callbacks %d ms, checks %d ms%n",
            sent.size(),
            checked,
            split,
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (System.nanoTime() - t2) / 1_000_000);
        assertThat(instanceA.alive()).as(instanceA.output()).isTrue();
        assertThat(instanceB.alive()).as(instanceB.output()).isTrue();
      } finally {
        deleteQuietly(dataB);
      }
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
