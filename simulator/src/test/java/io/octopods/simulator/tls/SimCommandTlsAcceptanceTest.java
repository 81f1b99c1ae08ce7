package io.octopods.simulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.cli.SimCommand;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.support.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
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
 * {@code ./octopods sim --tls} as a user runs it: a process of its own, the lines it prints,
 * sim.json.
 */
class SimCommandTlsAcceptanceTest {
  private static final int[] OFFSETS = {1, 2, 3, 4, 10, 11, 12, 13, 14};

  @TempDir Path dataDir;

  @Test
  void printsEachProvidersHttpsUrlAndRoutedNameThenTheCa() throws Exception {
    int base = freePortBase();
    Process sim =
        start(
            "--port-base",
            String.valueOf(base),
            "--clock",
            "virtual",
            "--data-dir",
            dataDir.toString(),
            "--tls");
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("Clock:")) {
        lines.add(line);
      }
      assertThat(lines).hasSize(9);
      assertThat(lines.get(0)).startsWith("twilio").contains("http://127.0.0.1:" + (base + 1));
      assertThat(lines.get(4))
          .isEqualTo(
              String.format(
                  "%-9s https://127.0.0.1:%d  https://api.twilio.com:%d",
                  "twilio", base + 11, base + 10));
      assertThat(lines.get(5))
          .contains("https://127.0.0.1:" + (base + 12))
          .contains("https://graph.facebook.com:");
      assertThat(lines.get(6))
          .contains("https://127.0.0.1:" + (base + 13))
          .contains("https://chatapi.viber.com:");
      assertThat(lines.get(7))
          .contains("https://127.0.0.1:" + (base + 14))
          .contains("https://api.hubapi.com:");
      assertThat(lines.get(8))
          .startsWith("TLS:")
          .contains(dataDir.resolve("ca.pem").toString())
          .contains(dataDir.resolve("ca.p12").toString())
          .contains("password octopods");

      JsonNode description = Json.parse(Files.readString(dataDir.resolve("sim.json")));
      assertThat(description.at("/providers/whatsapp/https_base_url").asText())
          .isEqualTo("https://127.0.0.1:" + (base + 12));
      assertThat(description.at("/tls/router_port").asInt()).isEqualTo(base + 10);
      assertThat(
              TlsClient.trustingOnly(dataDir.resolve("ca.p12"))
                  .get("https://localhost:" + (base + 12) + "/__sim/info")
                  .json()
                  .get("provider")
                  .asText())
          .isEqualTo("whatsapp");
      assertThat(Http.get("http://127.0.0.1:" + (base + 2) + "/__sim/info").status())
          .isEqualTo(200);
    } finally {
      sim.destroy();
    }
    assertThat(sim.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }

  @Test
  void aTakenTlsPortEndsWithExitCodeTwoNamingThePortAndTheFlag() throws Exception {
    int base = freePortBase();
    try (ServerSocket taken = new ServerSocket(base + 10, 1, InetAddress.getByName("127.0.0.1"))) {
      Process sim =
          start("--port-base", String.valueOf(base), "--data-dir", dataDir.toString(), "--tls");
      assertThat(sim.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(sim.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sim.exitValue()).isEqualTo(2);
      assertThat(err).contains("port " + (base + 10)).contains("--tls-port");
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

  /**
   * A base N whose plain (N+1..N+4), router (N+10) and TLS (N+11..N+14) ports are free right now.
   */
  private static int freePortBase() throws IOException {
    for (int tries = 0; tries < 50; tries++) {
      int base = 20000 + ThreadLocalRandom.current().nextInt(20000);
      boolean free = true;
      for (int i = 0; i < OFFSETS.length && free; i++) {
        try (ServerSocket s =
            new ServerSocket(base + OFFSETS[i], 1, InetAddress.getByName("127.0.0.1"))) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no free range of ports found");
  }
}
