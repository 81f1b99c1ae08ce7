package io.octopods.features.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.octopods.contracts.StatusModel;
import io.octopods.features.harness.Harness;
import io.octopods.features.harness.StackDriver;
import io.octopods.features.harness.SurfaceSnapshot;
import io.octopods.features.harness.Wire;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ./octopods replay SCENARIO.yaml}: plays one scenario against a service (a local stack by
 * default) on a recipient of its own, then prints the message's history and every surface. Exit 1
 * when the history ({@code expect.history}: words and reasons, in order) or the final status
 * ({@code expect.status}, on every surface) differs from what the scenario expects; 2 for usage or
 * infrastructure errors.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Plays a scenario against a service and compares the history and surfaces with its"
            + " expect.")
public final class ReplayCommand implements Callable<Integer> {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Parameters(
      paramLabel = "SCENARIO",
      arity = "1..*",
      description = "scenario files (YAML or JSON); several are played at once")
  List<Path> scenarios;

  @Mixin TargetOptions targetOptions = new TargetOptions();

  @Override
  public Integer call() {
    PrintStream out = System.out;
    String problem = targetOptions.problem();
    if (problem != null) {
      System.err.println("octopods replay: " + problem);
      return 2;
    }
    List<ObjectNode> docs = new ArrayList<>();
    for (Path scenario : scenarios) {
      try {
        JsonNode read = YAML.readTree(Files.readString(scenario));
        if (!(read instanceof ObjectNode o) || !o.path("provider").isTextual()) {
          System.err.println("octopods replay: " + scenario + " is not a scenario (no provider)");
          return 2;
        }
        docs.add(o);
      } catch (IOException e) {
        System.err.println("octopods replay: cannot read " + scenario + ": " + e.getMessage());
        return 2;
      }
    }
    targetOptions.applyTo(Map.of());
    List<Replay> replays;
    try {
      replays = playAll(Harness.get().driver(), docs);
    } catch (RuntimeException | AssertionError e) {
      System.err.println("octopods replay: " + e.getMessage());
      return 2;
    }
    boolean differs = false;
    for (int i = 0; i < replays.size(); i++) {
      Replay replay = replays.get(i);
      replay.print(out);
      List<String> differences = replay.differences(docs.get(i).path("expect"));
      differences.forEach(d -> out.println("differs: " + d));
      differs |= !differences.isEmpty();
    }
    out.println(differs ? "replay: differs" : "replay: as expected");
    return differs ? 1 : 0;
  }

  /** What one play of a scenario left: the message, its history and every surface. */
  record Replay(
      String scenarioId,
      String channel,
      String to,
      String messageId,
      List<JsonNode> history,
      SurfaceSnapshot surfaces) {

    void print(PrintStream out) {
      out.println(
          "replayed " + scenarioId + ": " + channel + " message " + messageId + " to " + to);
      out.println("history:");
      for (JsonNode e : history) {
        out.println(
            "  "
                + e.path("source").asText()
                + " "
                + text(e.path("provider_status"))
                + " -> "
                + text(e.path("mapped_status"))
                + ": "
                + (e.path("applied").asBoolean() ? "applied" : e.path("reason").asText()));
      }
      out.println("surfaces:");
      List<String> statuses = surfaces.statuses();
      for (int i = 0; i < SurfaceSnapshot.SURFACES.size(); i++) {
        out.println("  " + SurfaceSnapshot.SURFACES.get(i) + ": " + statuses.get(i));
      }
      out.println("  HubSpot timeline: " + surfaces.hubspot());
      if (!surfaces.hubspotDead().isEmpty()) {
        out.println("  HubSpot dead letters: " + surfaces.hubspotDead());
      }
    }

    /** The provider's reports as the service recorded them: word and reason, in order. */
    List<String> historyRead() {
      List<String> read = new ArrayList<>();
      callbackReports(history).forEach(e -> read.add(entry(e.path("provider_status"), reason(e))));
      return read;
    }

    /** Where the play differs from {@code expect}; empty when it matches or expects nothing. */
    List<String> differences(JsonNode expect) {
      List<String> found = new ArrayList<>();
      if (expect.path("status").isTextual()) {
        String status = expect.path("status").asText();
        List<String> shown = surfaces.statuses();
        for (int i = 0; i < shown.size(); i++) {
          if (!status.equals(shown.get(i))) {
            found.add(
                SurfaceSnapshot.SURFACES.get(i)
                    + " shows "
                    + shown.get(i)
                    + ", the scenario expects "
                    + status);
          }
        }
      }
      if (expect.path("history").isArray()) {
        List<String> want = new ArrayList<>();
        expect.path("history").forEach(h -> want.add(entry(h.path("word"), h.path("reason"))));
        List<String> got = historyRead();
        if (!want.equals(got)) {
          found.add("the history reads " + got + ", the scenario expects " + want);
        }
      }
      return found;
    }
  }

  /** The reports the provider sent, in the order the service recorded them. */
  static List<JsonNode> callbackReports(List<JsonNode> history) {
    return history.stream().filter(e -> "callback".equals(e.path("source").asText())).toList();
  }

  private static JsonNode reason(JsonNode event) {
    return event.path("applied").asBoolean() ? null : event.path("reason");
  }

  private static String entry(JsonNode word, JsonNode reason) {
    return text(word) + " (" + (reason == null || reason.isNull() ? "applied" : text(reason)) + ")";
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? "null" : n.asText();
  }

  /** Plays one scenario: {@link #playAll} of one. */
  static Replay play(StackDriver driver, ObjectNode scenario) {
    return playAll(driver, List.of(scenario)).get(0);
  }

  /**
   * Uploads each scenario under an id of its own (so a library scenario of the same id stays as it
   * is), binds it to a fresh recipient and sends one message through the public API for each, their
   * hand-offs under way together; then plays every callback of them all at once, waits until the
   * service is quiet, and reads each message's history and surfaces.
   */
  static List<Replay> playAll(StackDriver driver, List<ObjectNode> scenarios) {
    driver.requireVirtualClock();
    record Sent(String original, String channel, String to, String messageId) {}
    List<Sent> sent = new ArrayList<>();
    for (ObjectNode scenario : scenarios) {
      String provider = scenario.path("provider").asText();
      String channel = StatusModel.channelOf(provider);
      String original = scenario.path("id").asText("scenario");
      String to = driver.freshRecipient();
      driver.bind(provider, to, driver.upload(provider, uploadable(scenario, original)));
      JsonNode accepted =
          Wire.json(driver.send(channel, to).then().statusCode(202).extract().response());
      sent.add(new Sent(original, channel, to, accepted.path("message_id").asText()));
    }
    for (Sent s : sent) {
      driver.awaitHandOff(s.channel(), s.messageId(), s.to());
    }
    driver.advance("P8D");
    driver.awaitQuiet();
    return sent.stream()
        .map(
            s ->
                new Replay(
                    s.original(),
                    s.channel(),
                    s.to(),
                    s.messageId(),
                    driver.history(s.channel(), s.messageId()),
                    driver.snapshot(s.channel(), s.messageId(), s.to())))
        .toList();
  }

  /** The scenario under a fresh id, without {@code match}, as YAML. */
  private static String uploadable(ObjectNode scenario, String original) {
    ObjectNode doc = scenario.deepCopy();
    String id =
        ("replay-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24))
                + "-"
                + original)
            .replaceAll("[^a-z0-9-]", "-");
    doc.put("id", id.length() > 80 ? id.substring(0, 80) : id);
    if (!doc.path("description").isTextual()) {
      doc.put("description", "replayed from " + original);
    }
    doc.remove("match");
    try {
      return YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
