package io.octopods.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.octopods.features.harness.Harness;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.capture.Capture;
import io.octopods.simulator.capture.CaptureProxy;
import io.octopods.simulator.capture.ScenarioDerivation;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From production to a scenario, on a local stack: library scenarios whose whole story is in the
 * callbacks (the send accepted at once; no {@code drop}, {@code raw} or reconciliation) play with a
 * capture proxy ({@code ./octopods record}) between each simulator and the service; {@code scenario
 * from-capture} derives one scenario per message; replayed, each gives the same history (words,
 * order, reasons) and the same surfaces as the original play, and its steps are the original's
 * (words, signatures, error codes, and {@code at} relative to the first step within the resolution
 * of the provider's timestamps). Here one scenario per edge-case row; with {@code
 * -Doctopods.roundtrip=all} (as {@code .ci/run} runs it) every eligible library scenario.
 */
class CaptureRoundTripTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ROW = Pattern.compile("^(twilio|whatsapp|viber)-([a-k][0-9]+)-");
  private static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber");

  @TempDir static Path dir;
  private static Stack stack;
  private static final List<CaptureProxy> proxies = new ArrayList<>();
  private static final Map<String, Path> captures = new LinkedHashMap<>();
  private static Harness harness;

  @BeforeAll
  static void startTheStackBehindCaptureProxies() {
    // Twilio calls back the service's public URL: the proxy's port is chosen first, and chosen
    // again if another listener takes it before the proxy binds it
    for (int attempt = 1; ; attempt++) {
      int twilioPort = freePort();
      String twilioProxy = "http://127.0.0.1:" + twilioPort;
      // the stories played here are all in the callbacks: the reconciliation job must not ask
      // Twilio about a message while it waits for the clock to move
      stack =
          Stack.of(StackProfile.TEST)
              .settings(Map.of("OCTOPODS_RECONCILE_AFTER", "PT1H"))
              .flag("--public-url", twilioProxy)
              .start();
      try {
        proxy("twilio", twilioPort, Optional.of(twilioProxy));
        break;
      } catch (UncheckedIOException e) {
        stack.close();
        if (attempt == 5) {
          throw e;
        }
      }
    }
    SimulatorClient admin = stack.admin();
    Map<String, String> options = new LinkedHashMap<>();
    options.put("target", stack.serviceUrl());
    options.put("api-key", StackProfile.TEST_API_KEY);
    options.put("intercom-secret", StackProfile.TEST_INTERCOM_SECRET);
    List<String> sims = new ArrayList<>();
    for (String p : List.of("twilio", "whatsapp", "viber", "hubspot")) {
      sims.add(p + "=" + stack.simulators().baseUrl(p));
    }
    options.put("sims", String.join(",", sims));
    harness = Harness.of(options);
    for (String provider : List.of("whatsapp", "viber")) {
      CaptureProxy proxy = proxy(provider, 0, Optional.empty());
      admin.setWebhook(provider, SimulatorClient.Webhook.to(proxy.url() + "/webhooks/" + provider));
    }
  }

  /**
   * A capture proxy in front of the service for {@code provider}'s callbacks, stamping each with
   * the scenario clock and keeping ids as sent, to find each message's reports (scrubbing has tests
   * of its own).
   */
  private static CaptureProxy proxy(String provider, int port, Optional<String> publicUrl) {
    Path file = dir.resolve("capture-" + provider + ".jsonl");
    try {
      Files.deleteIfExists(file); // a proxy refuses to write over a capture
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CaptureProxy proxy =
        CaptureProxy.start(
            new CaptureProxy.Settings(
                provider,
                URI.create(stack.serviceUrl()),
                "127.0.0.1",
                port,
                file,
                Optional.of(stack.admin().info(provider).signingSecret()),
                publicUrl,
                true,
                new ScenarioClock(stack.admin())));
    proxies.add(proxy);
    captures.put(provider, file);
    return proxy;
  }

  @AfterAll
  static void stop() {
    proxies.forEach(CaptureProxy::close);
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aCapturedStoryReplaysAsItHappened() {
    List<ObjectNode> originals = eligibleLibraryScenarios();
    assertThat(originals).as("eligible library scenarios").isNotEmpty();
    List<ReplayCommand.Replay> played = ReplayCommand.playAll(harness.driver(), originals);

    List<ObjectNode> derived = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      ObjectNode original = originals.get(i);
      String provider = original.path("provider").asText();
      String providerMessageId =
          played.get(i).surfaces().api().path("provider_message_id").asText();
      List<ScenarioDerivation.Derived> fromCapture;
      try {
        fromCapture =
            ScenarioDerivation.fromCapture(
                Capture.read(captures.get(provider)), Optional.of(providerMessageId), "round trip");
      } catch (IllegalArgumentException e) {
        failures.add(original.path("id").asText() + ": " + e.getMessage());
        fromCapture = List.of();
      }
      if (fromCapture.size() != 1) {
        failures.add(
            original.path("id").asText() + ": derived " + fromCapture.size() + " scenarios");
        derived.add(original);
        continue;
      }
      ObjectNode doc = (ObjectNode) read(fromCapture.get(0).yaml());
      failures.addAll(StepComparison.differences(original, doc));
      derived.add(doc);
    }
    List<ReplayCommand.Replay> replayed = ReplayCommand.playAll(harness.driver(), derived);
    for (int i = 0; i < originals.size(); i++) {
      String id = originals.get(i).path("id").asText();
      ReplayCommand.Replay before = played.get(i);
      ReplayCommand.Replay after = replayed.get(i);
      if (!before.historyRead().equals(after.historyRead())) {
        failures.add(
            id
                + ": the history read "
                + before.historyRead()
                + ", replayed "
                + after.historyRead());
      }
      if (!before.surfaces().statuses().equals(after.surfaces().statuses())) {
        failures.add(
            id
                + ": the surfaces showed "
                + before.surfaces().statuses()
                + ", replayed "
                + after.surfaces().statuses());
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * The library scenarios whose story is all in the callbacks; one per edge-case row unless {@code
   * octopods.roundtrip} is {@code all}.
   */
  private static List<ObjectNode> eligibleLibraryScenarios() {
    boolean all = "all".equals(System.getProperty("octopods.roundtrip"));
    SimulatorClient admin = stack.admin();
    Map<String, ObjectNode> byRow = new TreeMap<>();
    List<ObjectNode> every = new ArrayList<>();
    for (String provider : PROVIDERS) {
      for (SimulatorClient.ScenarioSummary s : admin.scenarios(provider)) {
        JsonNode doc = admin.scenario(provider, s.id());
        if (!eligible(doc)) {
          continue;
        }
        every.add((ObjectNode) doc);
        Matcher row = ROW.matcher(s.id());
        if (row.find()) {
          byRow.putIfAbsent(provider + " " + row.group(2), (ObjectNode) doc);
        }
      }
    }
    return all ? every : List.copyOf(byRow.values());
  }

  /**
   * Accepted at once, every step a callback about our message (no foreign id, no {@code raw} body),
   * none dropped, no service behaviour needed.
   */
  static boolean eligible(JsonNode doc) {
    JsonNode send = doc.path("send");
    boolean acceptedAtOnce =
        send.isMissingNode()
            || (send.isObject()
                && send.path("respond").asText("accept").equals("accept")
                && List.of("", "0ms", "0s").contains(send.path("delay").asText("")));
    if (!acceptedAtOnce || doc.path("expect").has("needs") || doc.path("callbacks").isEmpty()) {
      return false;
    }
    for (JsonNode step : doc.path("callbacks")) {
      JsonNode fields = step.path("fields");
      boolean foreignId =
          fields.has("id") || fields.has("message_token") || fields.has("MessageSid");
      if (step.has("raw") || step.path("drop").asBoolean(false) || foreignId) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The simulators' scenario clock: a callback's arrival is stamped with the moment it fell due, as
   * a real provider's callbacks arrive when they happen.
   */
  private static final class ScenarioClock extends Clock {
    private final SimulatorClient admin;

    ScenarioClock(SimulatorClient admin) {
      this.admin = admin;
    }

    @Override
    public Instant instant() {
      return admin.clock().now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
