package io.octopods.features.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.contracts.Contracts;
import io.octopods.features.gate.CorruptingProxy.Corruption;
import io.octopods.features.harness.JUnitXmlReport;
import io.octopods.features.harness.JUnitXmlShape;
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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * {@code ./octopods check --target} against a proxy in front of a healthy service: exit 0 through a
 * faithful proxy; exit 1, naming the broken invariant or contract field, for each way the proxy
 * corrupts the answers. A QA engineer's own feature file, run by {@code --features} against a
 * service whose reconciliation is too slow to wait for: it passes and is in the run's Allure
 * results, while the scenarios that need reconciliation are skipped with the reason. Simulators on
 * a real clock, or a target that cannot be reached: exit 2, said before any scenario runs. Without
 * the Intercom secret, {@code --strict} fails on the canvas checks it had to skip. The report
 * folder holds what CI publishes: the contract report, {@code junit.xml} and, made once here (the
 * other runs pass {@code --no-html}), {@code allure-report/index.html}. The gate runs as its own
 * process (the launcher's Java command), the way CI runs it.
 */
class CheckGateTest {
  private static final Map<Corruption, CompletableFuture<Run>> RUNS =
      new EnumMap<>(Corruption.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static CompletableFuture<Run> ownFeature;
  private static CompletableFuture<Run> strictWithoutSecret;
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
   * One gate run per corruption, and the strict run without the Intercom secret, in two turns, each
   * turn's runs one after another against a stack of its own (the gate resets the simulators it
   * drives before every scenario, so two runs must not share a stack at once), each through a proxy
   * of its own, as a process of its own. The QA engineer's own feature runs meanwhile against a
   * stack of its own, whose reconciliation is too slow to wait for.
   */
  @BeforeAll
  static void runTheGates() throws IOException {
    for (Corruption c : Corruption.values()) {
      RUNS.put(c, new CompletableFuture<>());
    }
    strictWithoutSecret = new CompletableFuture<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Corruption> all = List.of(Corruption.values());
    int half = (all.size() + 1) / 2;
    pool.execute(() -> runInTurn(all.subList(0, half), true));
    pool.execute(() -> runInTurn(all.subList(half, all.size()), false));
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

  /**
   * The runs of {@code corruptions} one after another against one stack of their own, then, when
   * {@code andStrict}, the strict run without the Intercom secret.
   */
  private static void runInTurn(List<Corruption> corruptions, boolean andStrict) {
    try (Stack stack = Stack.of(StackProfile.TEST).start()) {
      for (Corruption c : corruptions) {
        Path dir = work.resolve(c.name());
        completeWith(
            RUNS.get(c),
            () ->
                c == Corruption.NONE
                    ? gate(stack, c, dir, "@smoke", withIntercomSecret())
                    : check(stack, c, dir, "@smoke"));
      }
      if (andStrict) {
        completeWith(
            strictWithoutSecret,
            () ->
                gate(
                    stack,
                    Corruption.NONE,
                    work.resolve("strict"),
                    "@smoke",
                    List.of("--strict", "--no-html")));
      }
    } catch (RuntimeException e) {
      corruptions.forEach(c -> RUNS.get(c).completeExceptionally(e));
      if (andStrict) {
        strictWithoutSecret.completeExceptionally(e);
      }
    }
  }

  private static void completeWith(CompletableFuture<Run> future, Supplier<Run> run) {
    try {
      future.complete(run.get());
    } catch (RuntimeException | AssertionError e) {
      future.completeExceptionally(e);
    }
  }

  /** A gate run with the Intercom secret and without the HTML report, and {@code more}. */
  private static Run check(
      Stack stack, Corruption corruption, Path reportDir, String tags, String... more) {
    List<String> options = new ArrayList<>(withIntercomSecret());
    options.add("--no-html");
    options.addAll(List.of(more));
    return gate(stack, corruption, reportDir, tags, options);
  }

  private static List<String> withIntercomSecret() {
    return List.of("--intercom-secret", StackProfile.TEST_INTERCOM_SECRET);
  }

  /** A gate run through a proxy, with the keys, the tags and {@code options}. */
  private static Run gate(
      Stack stack, Corruption corruption, Path reportDir, String tags, List<String> options) {
    try (CorruptingProxy proxy = new CorruptingProxy(stack.serviceUrl(), corruption)) {
      List<String> command = gateCommand();
      command.addAll(
          List.of(
              "--target",
              proxy.url(),
              "--api-key",
              StackProfile.TEST_API_KEY,
              "--other-api-key",
              StackProfile.TEST_OTHER_KEY,
              "--public-url",
              stack.serviceUrl(),
              "--tags",
              tags,
              "--skip-properties",
              "--report-dir",
              reportDir.toString()));
      command.addAll(options);
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

  /**
   * The launcher's {@code check} as a Java command on this classpath. A gate run is a short-lived
   * process: the client compiler alone and the serial collector keep its start-up cheap, and change
   * nothing it checks.
   */
  private static List<String> gateCommand() {
    return new ArrayList<>(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            "io.octopods.features.cli.OctopodsCommand",
            "check"));
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

  @Test
  void theReportFolderHoldsWhatCiPublishes() throws Exception {
    Run run = RUNS.get(Corruption.NONE).get(3, TimeUnit.MINUTES);
    Path dir = work.resolve(Corruption.NONE.name());
    assertThat(dir.resolve("allure-report").resolve("index.html"))
        .as(run.output())
        .isNotEmptyFile()
        .content()
        .contains("Octopods");
    try (Stream<Path> report = Files.list(dir.resolve("allure-report"))) {
      assertThat(report)
          .as("one self-contained file")
          .containsExactly(dir.resolve("allure-report").resolve("index.html"));
    }
    Path junit = dir.resolve("junit.xml");
    assertThat(JUnitXmlShape.problems(junit)).isEmpty();
    List<Element> cases = JUnitXmlShape.testcases(JUnitXmlShape.parse(junit));
    assertThat(cases)
        .extracting(c -> c.getAttribute("classname") + " | " + c.getAttribute("name"))
        .containsExactly(
            "cross-provider/happy-path.feature | a WhatsApp message the provider handles as usual");
    assertThat(cases.get(0).getChildNodes().getLength()).as("it passed").isZero();
    assertThat(lastLine(run)).isEqualTo("skipped: 0");
    JsonNode coverage =
        MAPPER.readTree(dir.resolve("contract-report.json").toFile()).path("coverage");
    assertThat(coverage.path("surfaces").toString())
        .contains("{\"surface\":\"Reach\",\"status\":\"READ\",\"seen\":1}");
    assertThat(coverage.path("transitions").toString())
        .contains("{\"provider\":\"whatsapp\",\"from\":\"DELIVERED\",\"to\":\"READ\",\"count\":1}");
  }

  @Test
  void strictFailsOnTheCanvasChecksSkippedWithoutTheIntercomSecret() throws Exception {
    Run run = strictWithoutSecret.get(3, TimeUnit.MINUTES);
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains("skipped check: I10 on Intercom's Inbox canvas: no Intercom client secret")
        .contains("skipped check: I10 on Intercom's Inbox detail canvas: no Intercom client secret")
        .contains("skipped check: I10 on Reach's canvas: no Intercom client secret")
        .contains("--intercom-secret");
    assertThat(lastLine(run)).isEqualTo("skipped: 3 (--strict: a skip fails the gate)");
    Path dir = work.resolve("strict");
    JsonNode report = MAPPER.readTree(dir.resolve("contract-report.json").toFile());
    List<String> checks = new ArrayList<>();
    report
        .path("skipped")
        .forEach(k -> checks.add(k.path("kind").asText() + ": " + k.path("check").asText()));
    assertThat(checks)
        .containsExactly(
            "check: I10 on Intercom's Inbox canvas",
            "check: I10 on Intercom's Inbox detail canvas",
            "check: I10 on Reach's canvas");
    assertThat(JUnitXmlShape.testcases(JUnitXmlShape.parse(dir.resolve("junit.xml"))))
        .filteredOn(c -> c.getAttribute("classname").equals(JUnitXmlReport.CHECKS))
        .extracting(c -> JUnitXmlShape.child(c, "skipped").getAttribute("message"))
        .hasSize(3)
        .allSatisfy(m -> assertThat(m).contains("--intercom-secret"));
    assertThat(dir.resolve("allure-report")).as("--no-html").doesNotExist();
  }

  private static String lastLine(Run run) {
    String[] lines = run.output().strip().split("\\R");
    return lines[lines.length - 1];
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
    Path junit = work.resolve(corruption.name()).resolve("junit.xml");
    assertThat(JUnitXmlShape.testcases(JUnitXmlShape.parse(junit)))
        .as("the JUnit XML's failure message names it")
        .singleElement()
        .satisfies(
            c ->
                assertThat(JUnitXmlShape.child(c, "failure").getAttribute("message"))
                    .contains(kind));
    assertThat(work.resolve(corruption.name()).resolve("allure-report"))
        .as("--no-html")
        .doesNotExist();
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
    assertThat(
            JUnitXmlShape.testcases(JUnitXmlShape.parse(work.resolve("own").resolve("junit.xml"))))
        .as("named by its file in its --features folder")
        .extracting(c -> c.getAttribute("classname") + " | " + c.getAttribute("name"))
        .contains("viber-seen-twice.feature | Viber reports seen twice, then a late delivered");
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
    assertThat(lastLine(run)).isEqualTo("skipped: 2 (run with --strict to fail on skips)");
    assertThat(
            JUnitXmlShape.testcases(JUnitXmlShape.parse(work.resolve("own").resolve("junit.xml"))))
        .filteredOn(c -> JUnitXmlShape.child(c, "skipped") != null)
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.getAttribute("classname"))
                  .isEqualTo("twilio/late-and-missing-reports.feature");
              assertThat(JUnitXmlShape.child(c, "skipped").getAttribute("message"))
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
    List<String> command = gateCommand();
    command.addAll(
        List.of(
            "--target",
            "http://127.0.0.1:9",
            "--api-key",
            "k",
            "--report-dir",
            elsewhere.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("cannot reach the target");
  }
}
