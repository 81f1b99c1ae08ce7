package io.octopods.features.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.contracts.Contracts;
import io.octopods.features.gate.CorruptingProxy.Corruption;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./octopods check --target} against a proxy in front of a healthy service: exit 0 through a
 * faithful proxy; exit 1, naming the broken invariant or contract field, for each way the proxy
 * corrupts the answers. A QA engineer's own feature file, run by {@code --features} against a
 * service whose reconciliation is too slow to wait for: it passes and is in the run's Allure
 * results, while the scenarios that need reconciliation are skipped with the reason. Simulators on
 * a real clock, or a target that cannot be reached: exit 2, said before any scenario runs. The gate
 * runs as its own process (the launcher's Java command), the way CI runs it.
 */
class CheckGateTest {
  private static final Map<Corruption, CompletableFuture<Run>> RUNS =
      new EnumMap<>(Corruption.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static CompletableFuture<Run> ownFeature;
  @TempDir static Path work;

  /** A behaviour no library scenario has, written by someone who writes no Java. */
  private static final String OWN_FEATURE =
      """
      @mine
      Feature: My own provider behaviour

        Scenario: Viber reports seen twice, then a late delivered
          Given a Viber message whose provider plays this script:
            \"""
            send:
              respond: accept
            callbacks:
              - at: 1s
                status: seen
                repeat: 2
              - at: 3s
                status: delivered
            \"""
          When the message is sent
          And the provider has played every callback
          Then every surface shows DELIVERED
      """;

  /**
   * One gate run per corruption, all at once: each against a stack of its own (the gate resets the
   * simulators it drives before every scenario), through a proxy of its own, as a process of its
   * own.
   */
  @BeforeAll
  static void runTheGates() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Corruption.values().length + 1);
    for (Corruption c : Corruption.values()) {
      RUNS.put(
          c,
          CompletableFuture.supplyAsync(
              () -> {
                try (Stack stack = Stack.of(StackProfile.TEST).start()) {
                  return check(stack, c, work.resolve(c.name()), "@smoke");
                }
              },
              pool));
    }
    Path mine = Files.createDirectories(work.resolve("my-scenarios"));
    Files.writeString(mine.resolve("viber-seen-twice.feature"), OWN_FEATURE);
    ownFeature =
        CompletableFuture.supplyAsync(
            () -> {
              try (Stack stack =
                  Stack.of(StackProfile.TEST)
                      .settings(Map.of("OCTOPODS_RECONCILE_AFTER", "PT1M"))
                      .start()) {
                return check(
                    stack,
                    Corruption.NONE,
                    work.resolve("own"),
                    "@mine or @e1",
                    "--features",
                    mine.toString());
              }
            },
            pool);
    pool.shutdown();
  }

  record Run(int exit, String output) {}

  private static Run check(
      Stack stack, Corruption corruption, Path reportDir, String tags, String... more) {
    try (CorruptingProxy proxy = new CorruptingProxy(stack.serviceUrl(), corruption)) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.octopods.features.cli.OctopodsCommand",
                  "check",
                  "--target",
                  proxy.url(),
                  "--api-key",
                  StackProfile.TEST_API_KEY,
                  "--other-api-key",
                  StackProfile.TEST_OTHER_KEY,
                  "--public-url",
                  stack.serviceUrl(),
                  "--intercom-secret",
                  StackProfile.TEST_INTERCOM_SECRET,
                  "--tags",
                  tags,
                  "--skip-properties",
                  "--report-dir",
                  reportDir.toString()));
      command.addAll(List.of(more));
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
        .as("the contract report follows its own contract")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LOWER_CASE_STATUS | contract breach | /message_status/message_status",
        "STATUS_GOES_BACK  | invariant I     | SENT",
        "MISSING_FIELD     | contract breach | terminal",
        "WRONG_INBOX_LABEL | invariant I10   | Intercom",
        "WRONG_INBOX_CANVAS | invariant I10  | Intercom Inbox canvas, list item",
        "WRONG_INBOX_DETAIL_CANVAS | invariant I10 | Intercom Inbox detail canvas of message",
        "WRONG_REACH_CANVAS | invariant I10  | Reach canvas, text"
      })
  void aCorruptedAnswerFailsTheGateAndIsNamed(Corruption corruption, String kind, String detail)
      throws Exception {
    Run run = RUNS.get(corruption).get(3, TimeUnit.MINUTES);
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).as("the summary names what broke").contains(kind).contains(detail);
    String json = Files.readString(work.resolve(corruption.name()).resolve("contract-report.json"));
    assertThat(json).as("the contract report names it too").contains(detail);
  }

  @Test
  void aQaEngineersOwnFeatureRunsAndIsInTheAllureResults() throws Exception {
    Run run = ownFeature.get(3, TimeUnit.MINUTES);
    assertThat(run.exit()).as(run.output()).isZero();
    List<JsonNode> results = allureFiles("-result.json");
    List<JsonNode> mine =
        results.stream()
            .filter(
                r ->
                    r.path("name")
                        .asText()
                        .contains("Viber reports seen twice, then a late delivered"))
            .toList();
    assertThat(mine)
        .as("Allure results of the own scenario")
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("passed"));
    List<String> uuids = mine.stream().map(r -> r.path("uuid").asText()).toList();
    List<JsonNode> withHooks =
        new ArrayList<>(mine); // the journal is attached by an @After hook: a container's
    for (JsonNode container : allureFiles("-container.json")) {
      container
          .path("children")
          .forEach(
              c -> {
                if (uuids.contains(c.asText())) {
                  withHooks.add(container);
                }
              });
    }
    List<String> attachments = new ArrayList<>();
    withHooks.forEach(
        r ->
            r.findValues("attachments")
                .forEach(a -> a.forEach(x -> attachments.add(x.path("name").asText()))));
    assertThat(attachments)
        .as("the requests and answers, and the callback journal")
        .anyMatch(n -> n.startsWith("POST ") && n.contains("/api/v1/viber/messages"))
        .anyMatch(n -> n.startsWith("callback journal (viber)"));
  }

  private static List<JsonNode> allureFiles(String suffix) throws IOException {
    List<JsonNode> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(work.resolve("own").resolve("allure-results"))) {
      for (Path f : list.filter(f -> f.toString().endsWith(suffix)).toList()) {
        files.add(MAPPER.readTree(f.toFile()));
      }
    }
    return files;
  }

  @Test
  void aScenarioNeedingReconciliationIsSkippedWithTheReasonWhenTheTargetIsTooSlow()
      throws Exception {
    Run run = ownFeature.get(3, TimeUnit.MINUTES);
    JsonNode report = MAPPER.readTree(work.resolve("own").resolve("contract-report.json").toFile());
    List<JsonNode> skipped = new ArrayList<>();
    report.path("skipped").forEach(skipped::add);
    assertThat(skipped)
        .as(run.output())
        .hasSize(2)
        .allSatisfy(
            k -> {
              assertThat(k.path("scenario").asText()).contains("E1");
              assertThat(k.path("reason").asText())
                  .contains("reconcile_after (PT1M)")
                  .contains("too slow");
            });
  }

  @Test
  void simulatorsOnARealClockAreAUsageErrorNamedBeforeAnyScenario() throws Exception {
    try (Stack stack = Stack.of(StackProfile.TEST).clock("real").start()) {
      Run run = check(stack, Corruption.NONE, work.resolve("real-clock"), "@smoke");
      assertThat(run.exit()).as(run.output()).isEqualTo(2);
      assertThat(run.output())
          .contains("must run on the virtual clock")
          .contains("runs on a real clock")
          .doesNotContain("scenarios and properties:");
    }
  }

  @Test
  void anUnreachableTargetIsAnInfrastructureError(@TempDir Path elsewhere) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.octopods.features.cli.OctopodsCommand",
            "check",
            "--target",
            "http://127.0.0.1:9",
            "--api-key",
            "k",
            "--report-dir",
            elsewhere.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("cannot reach the target");
  }
}
