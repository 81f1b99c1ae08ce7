package io.octopods.features.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.contracts.Contracts;
import io.octopods.features.gate.CorruptingProxy.Corruption;
import io.octopods.features.harness.Harness;
import io.octopods.features.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./octopods check --target} against a proxy in front of a healthy service: exit 0 through a faithful
 * proxy; exit 1, naming the broken invariant or contract field, for each way the proxy corrupts the answers.
 * The gate runs as its own process (the launcher's Java command), the way CI runs it.
 */
class CheckGateTest {
  private static final Map<Corruption, CompletableFuture<Run>> RUNS = new EnumMap<>(Corruption.class);
  @TempDir static Path work;

  /**
   * One gate run per corruption, all at once: each against a stack of its own (the gate resets the simulators it
   * drives before every scenario), through a proxy of its own, as a process of its own.
   */
  @BeforeAll
  static void runTheGates() {
    ExecutorService pool = Executors.newFixedThreadPool(Corruption.values().length);
    for (Corruption c : Corruption.values()) {
      RUNS.put(c, CompletableFuture.supplyAsync(() -> {
        try (Stack stack = Stack.start(Map.of("--port-base", "0", "--data-dir", work.resolve("data-" + c).toString()),
            Harness.LOCAL_SETTINGS, "virtual", 1.0, List.of())) {
          return check(stack, c, work.resolve(c.name()));
        }
      }, pool));
    }
    pool.shutdown();
  }

  record Run(int exit, String output) {}

  private static Run check(Stack stack, Corruption corruption, Path reportDir) {
    try (CorruptingProxy proxy = new CorruptingProxy(stack.service().baseUrl(), corruption)) {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "io.octopods.features.cli.OctopodsCommand", "check",
          "--target", proxy.url(), "--api-key", Harness.API_KEY, "--other-api-key", Harness.OTHER_KEY,
          "--public-url", stack.service().baseUrl(), "--intercom-secret", Harness.INTERCOM_SECRET,
          "--tags", "@smoke", "--skip-properties", "--report-dir", reportDir.toString()));
      for (String p : List.of("twilio", "whatsapp", "viber", "hubspot")) {
        command.add("--sim");
        command.add(p + "=" + stack.simulators().baseUrl(p));
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the gate ends by itself").isTrue();
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aHealthyServiceBehindAFaithfulProxyPasses() throws Exception {
    Run run = RUNS.get(Corruption.NONE).get(3, TimeUnit.MINUTES);
    assertThat(run.exit()).as(run.output()).isZero();
    Path dir = work.resolve(Corruption.NONE.name());
    String json = Files.readString(dir.resolve("contract-report.json"));
    assertThat(json).contains("\"breaches\" : 0", "\"invariants_broken\" : 0");
    assertThat(dir.resolve("contract-report.md")).exists();
    assertThat(Contracts.shipped().check("harness/contract-report.schema.json", json))
        .as("the contract report follows its own contract").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "LOWER_CASE_STATUS | contract breach | /message_status/message_status",
      "STATUS_GOES_BACK  | invariant I     | SENT",
      "MISSING_FIELD     | contract breach | terminal",
      "WRONG_INBOX_LABEL | invariant I10   | Intercom"})
  void aCorruptedAnswerFailsTheGateAndIsNamed(Corruption corruption, String kind, String detail) throws Exception {
    Run run = RUNS.get(corruption).get(3, TimeUnit.MINUTES);
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).as("the summary names what broke").contains(kind).contains(detail);
    String json = Files.readString(work.resolve(corruption.name()).resolve("contract-report.json"));
    assertThat(json).as("the contract report names it too").contains(detail);
  }

  @Test
  void anUnreachableTargetIsAnInfrastructureError(@TempDir Path elsewhere) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "io.octopods.features.cli.OctopodsCommand", "check",
        "--target", "http://127.0.0.1:9", "--api-key", "k", "--report-dir", elsewhere.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("cannot reach the target");
  }
}
