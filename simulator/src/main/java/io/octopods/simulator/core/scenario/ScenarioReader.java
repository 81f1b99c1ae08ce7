package io.octopods.simulator.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.core.Durations;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.scenario.CallbackStep.Batch;
import io.octopods.simulator.core.scenario.CallbackStep.Signature;
import io.octopods.simulator.core.scenario.SendAttempt.Respond;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a scenario document (YAML or JSON), checks it against its schema and its own rules, and
 * builds it.
 */
public final class ScenarioReader {
  static final String SCHEMA = "simulator/scenario.schema.json";
  private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

  private ScenarioReader() {}

  /**
   * @param source names the document in error messages (a file name, "upload")
   */
  public static Scenario read(String text, String source) {
    JsonNode doc;
    try {
      doc = Json.YAML.readTree(text); // YAML is a superset of JSON
    } catch (IOException e) {
      throw new ScenarioRejected(
          source, List.of(new ScenarioProblem("", "not YAML or JSON: " + e.getMessage())));
    }
    if (doc == null || !doc.isObject()) {
      throw new ScenarioRejected(
          source, List.of(new ScenarioProblem("", "a scenario is a mapping (object)")));
    }
    List<ScenarioProblem> problems = new ArrayList<>();
    Contracts.shipped()
        .check(SCHEMA, Json.write(doc))
        .forEach(b -> problems.add(new ScenarioProblem(b.pointer(), b.message())));
    // the rules the schema cannot say are checked too, so that every error is listed at once
    List<ScenarioProblem> rules = new ArrayList<>();
    Scenario scenario = build((ObjectNode) doc, rules);
    rules.stream()
        .filter(r -> problems.stream().noneMatch(p -> p.pointer().equals(r.pointer())))
        .forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new ScenarioRejected(source, problems);
    }
    return scenario;
  }

  private static Scenario build(ObjectNode doc, List<ScenarioProblem> problems) {
    String provider = doc.path("provider").asText();
    Optional<Pattern> matchTo = Optional.empty();
    if (doc.path("match").has("to")) {
      try {
        matchTo = Optional.of(Pattern.compile(doc.path("match").path("to").asText()));
      } catch (PatternSyntaxException e) {
        problems.add(
            new ScenarioProblem("/match/to", "not a regular expression: " + e.getDescription()));
      }
    }
    return new Scenario(
        doc.path("id").asText(),
        provider,
        doc.path("description").asText(),
        matchTo,
        sendAttempts(doc.path("send"), problems),
        doc.path("callbacks_on_reject").asBoolean(false),
        steps(doc.path("callbacks"), provider, problems),
        doc);
  }

  private static List<SendAttempt> sendAttempts(JsonNode send, List<ScenarioProblem> problems) {
    if (send.isMissingNode()) {
      return List.of(SendAttempt.ACCEPT);
    }
    List<SendAttempt> attempts = new ArrayList<>();
    if (!send.isArray() && !send.isObject()) {
      return List.of(SendAttempt.ACCEPT);
    }
    if (send.isArray()) {
      for (int i = 0; i < send.size(); i++) {
        attempts.add(sendAttempt(send.get(i), "/send/" + i, problems));
      }
    } else {
      attempts.add(sendAttempt(send, "/send", problems));
    }
    return List.copyOf(attempts);
  }

  private static SendAttempt sendAttempt(JsonNode node, String at, List<ScenarioProblem> problems) {
    Respond respond =
        parse(() -> Respond.of(node.path("respond").asText("accept")), Respond.ACCEPT);
    Duration delay = duration(node.get("delay"), at + "/delay", problems).orElse(Duration.ZERO);
    if (respond == Respond.TIMEOUT && delay.compareTo(LONGEST_TIMEOUT) > 0) {
      problems.add(
          new ScenarioProblem(at + "/delay", "a timeout holds the connection for at most 5m"));
    }
    return new SendAttempt(
        respond,
        delay,
        text(node.get("error")),
        node.has("http_status")
            ? Optional.of(node.get("http_status").intValue())
            : Optional.empty(),
        duration(node.get("retry_after"), at + "/retry_after", problems, true),
        accepted(node.get("accepted"), respond, at + "/accepted", problems));
  }

  /**
   * {@code accepted}: only where the answer can hide what the provider did; else the default of the
   * answer.
   */
  private static boolean accepted(
      JsonNode node, Respond respond, String at, List<ScenarioProblem> problems) {
    if (node == null || node.isNull()) {
      return respond.acceptedByDefault();
    }
    if (!respond.mayBeAccepted()) {
      problems.add(
          new ScenarioProblem(
              at,
              "accepted is for respond: server-error or timeout (the provider created "
                  + "the message although its answer said otherwise); respond is "
                  + respond.word()
                  + ", so remove accepted"));
      return respond.acceptedByDefault();
    }
    return node.asBoolean(respond.acceptedByDefault());
  }

  private static List<CallbackStep> steps(
      JsonNode callbacks, String provider, List<ScenarioProblem> problems) {
    List<CallbackStep> steps = new ArrayList<>();
    Duration previousAt = null;
    for (int i = 0; i < callbacks.size(); i++) {
      JsonNode s = callbacks.get(i);
      if (!s.isObject()) {
        continue;
      }
      String at = "/callbacks/" + i;
      Duration when = duration(s.get("at"), at + "/at", problems).orElse(Duration.ZERO);
      Batch batch = batch(s.get("batch"));
      if (batch != Batch.NONE) {
        if (!"whatsapp".equals(provider)) {
          problems.add(
              new ScenarioProblem(
                  at + "/batch", "batch is for WhatsApp only (provider is " + provider + ")"));
        } else if (previousAt == null) {
          problems.add(
              new ScenarioProblem(at + "/batch", "the first step has no step before it to join"));
        } else if (!previousAt.equals(when)) {
          problems.add(
              new ScenarioProblem(
                  at + "/at",
                  "a batched step fires with the step before it: write the same 'at' ("
                      + previousAt
                      + ")"));
        }
      }
      previousAt = when;
      steps.add(
          new CallbackStep(
              i,
              when,
              text(s.get("status")),
              s.path("repeat").asInt(1),
              text(s.get("error")),
              parse(() -> Signature.of(s.path("signature").asText("valid")), Signature.VALID),
              batch,
              s.path("fields").isObject()
                  ? Optional.of((ObjectNode) s.get("fields"))
                  : Optional.empty(),
              Optional.ofNullable(s.get("raw")),
              text(s.get("content_type")),
              s.path("drop").asBoolean(false)));
    }
    // stable sort by 'at', then renumber so that index is the playing order
    List<CallbackStep> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparing(CallbackStep::at));
    List<CallbackStep> played = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      CallbackStep s = sorted.get(i);
      played.add(
          new CallbackStep(
              i,
              s.at(),
              s.status(),
              s.repeat(),
              s.error(),
              s.signature(),
              s.batch(),
              s.fields(),
              s.raw(),
              s.contentType(),
              s.drop()));
    }
    return List.copyOf(played);
  }

  private static Batch batch(JsonNode node) {
    if (node == null || node.isNull() || (node.isBoolean() && !node.booleanValue())) {
      return Batch.NONE;
    }
    if (node.isBoolean()) {
      return Batch.STATUS;
    }
    return parse(() -> Batch.valueOf(node.asText().toUpperCase(java.util.Locale.ROOT)), Batch.NONE);
  }

  /**
   * A value the schema has already judged: when it is wrong, the schema's error says so and a
   * neutral value stands in.
   */
  private static <T> T parse(java.util.function.Supplier<T> reading, T fallback) {
    try {
      return reading.get();
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  private static Optional<Duration> duration(
      JsonNode node, String at, List<ScenarioProblem> problems) {
    return duration(node, at, problems, false);
  }

  private static Optional<Duration> duration(
      JsonNode node, String at, List<ScenarioProblem> problems, boolean bareNumberIsSeconds) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      if (bareNumberIsSeconds && node.isNumber()) {
        return Optional.of(Duration.ofSeconds(node.longValue()));
      }
      return Optional.of(Durations.of(node));
    } catch (IllegalArgumentException e) {
      problems.add(new ScenarioProblem(at, e.getMessage()));
      return Optional.empty();
    }
  }
}
