package io.octopods.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.support.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./octopods sim} as a user runs it: a separate process, its printed lines, its exit codes.
 */
class SimCommandAcceptanceTest {
  @TempDir Path dataDir;

  @Test
  void printsFourBaseUrlsWritesSimJsonAndStopsOnSigterm() throws Exception {
    int base = freePortBase();
    Process sim =
        start(
            "--port-base",
            String.valueOf(base),
            "--clock",
            "virtual",
            "--data-dir",
            dataDir.toString());
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("Clock:")) {
        lines.add(line);
      }
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0))
          .startsWith("twilio")
          .contains("http://127.0.0.1:" + (base + 1))
          .contains("account_sid=");
      assertThat(lines.get(1))
          .startsWith("whatsapp")
          .contains("http://127.0.0.1:" + (base + 2))
          .contains("app_secret=");
      assertThat(lines.get(2)).startsWith("viber").contains("http://127.0.0.1:" + (base + 3));
      assertThat(lines.get(3)).startsWith("hubspot").contains("http://127.0.0.1:" + (base + 4));
      assertThat(Files.readString(dataDir.resolve("sim.json")))
          .contains("\"clock\" : \"virtual\"")
          .contains("http://127.0.0.1:" + (base + 2));
      assertThat(
              Http.get("http://127.0.0.1:" + (base + 2) + "/__sim/clock")
                  .json()
                  .get("mode")
                  .asText())
          .isEqualTo("virtual");
    } finally {
      sim.destroy(); // SIGTERM
    }
    assertThat(sim.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }

  @Test
  void aTakenPortEndsWithExitCodeTwoNamingThePort() throws Exception {
    int base = freePortBase();
    try (ServerSocket taken =
        new ServerSocket(base + 2, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Process sim = start("--port-base", String.valueOf(base), "--data-dir", dataDir.toString());
      assertThat(sim.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String err = new String(sim.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sim.exitValue()).isEqualTo(2);
      assertThat(err).contains("port " + (base + 2));
    }
  }

  private static Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                SimCommand.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** A base N whose N+1..N+4 are free right now. */
  private static int freePortBase() throws IOException {
    for (int tries = 0; tries < 50; tries++) {
      int base = 20000 + ThreadLocalRandom.current().nextInt(20000);
      boolean free = true;
      for (int i = 1; i <= 4 && free; i++) {
        try (ServerSocket s =
            new ServerSocket(base + i, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no free range of four ports found");
  }
}
