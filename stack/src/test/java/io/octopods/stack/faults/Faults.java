package io.octopods.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioLibrary;
import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * What the fault tests share: the PostgreSQL precondition, sending a batch of library scenarios
 * through a given service instance, reading the simulators' journals, and the two checks: I11
 * (every status item of ours that the service answered 2xx is a callback event of the history) and
 * convergence (each message ends at its scenario's {@code expect.status}, the status of an
 * undisturbed run, as LibraryScenariosAcceptanceTest shows).
 */
final class Faults {
  /**
   * The send timeout of the fault stacks: the happy scenarios answer at once, but on a loaded
   * machine (several JVMs, PostgreSQL) a short timeout turns slow answers into time-outs, which
   * these tests are not about.
   */
  static final String PROVIDER_TIMEOUT = "PT5S";

  static final List<String> REPORT_EVENTS_VIBER = List.of("delivered", "seen", "failed", "expired");

  private Faults() {}

  /**
   * The fault tests need a PostgreSQL shared by processes: skipped, with the reason, without it.
   */
  static String requirePostgres() {
    Optional<String> url = StackUnderTest.testDatabaseUrl();
    Assumptions.assumeTrue(
        url.isPresent(),
        "fault tests (crash, two instances, database outage) need PostgreSQL: set "
            + "OCTOPODS_TEST_DB_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres); .ci/run's PostgreSQL "
            + "phase does");
    return url.get();
  }

  /** One message sent through the public API, playing a library scenario. */
  record Sent(
      String provider, String channel, String scenario, String expected, String id, String to) {
    @Override
    public String toString() {
      return channel + " " + id + " (" + scenario + ", to " + to + ")";
    }
  }

  static String expectedStatus(String scenarioId) {
    Scenario s =
        ScenarioLibrary.shipped().stream()
            .filter(x -> x.id().equals(scenarioId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no library scenario " + scenarioId));
    String status = s.document().path("expect").path("status").asText("");
    assertThat(status).as("expect.status of " + scenarioId).isNotBlank();
    return status;
  }

  /**
   * Binds and sends {@code each} messages of every scenario, interleaved, through the instances in
   * turn ({@code bases}), and waits until every send reached its simulator and no hand-off is
   * pending anywhere.
   */
  static List<Sent> sendAll(
      StackUnderTest stack, List<String> bases, List<String> scenarios, int each, Duration atMost) {
    return sendAll(stack, bases, scenarios, each, Optional.empty(), atMost);
  }

  /**
   * As {@link #sendAll(StackUnderTest, List, List, int, Duration)}; with a {@code stagger}, the
   * virtual clock is advanced that much after each round (one message of every scenario), so the
   * rounds' callbacks fall due at different times instead of all at once (and the first callbacks
   * are delivered while later messages are sent).
   */
  static List<Sent> sendAll(
      StackUnderTest stack,
      List<String> bases,
      List<String> scenarios,
      int each,
      Optional<Duration> stagger,
      Duration atMost) {
    Map<String, String> expected = new HashMap<>();
    scenarios.forEach(s -> expected.put(s, expectedStatus(s)));
    List<Sent> sent = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < each; i++) {
      for (String scenario : scenarios) {
        String provider = scenario.substring(0, scenario.indexOf('-'));
        String channel = StatusModel.channelOf(provider);
        String to = stack.bindFresh(provider, scenario);
        String id = send(bases.get(n++ % bases.size()), channel, to).path("message_id").asText();
        sent.add(new Sent(provider, channel, scenario, expected.get(scenario), id, to));
      }
      stagger.ifPresent(by -> stack.advance(by.toString()));
    }
    Map<String, Long> perProvider = new TreeMap<>();
    sent.forEach(s -> perProvider.merge(s.provider(), 1L, Long::sum));
    await("every send reached its simulator and no hand-off is pending")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .pollInSameThread()
        .until(
            () ->
                perProvider.entrySet().stream()
                        .allMatch(e -> simMessageCount(stack, e.getKey()) >= e.getValue())
                    && bases.stream().allMatch(b -> pendingHandOffs(b) == 0));
    return sent;
  }

  static JsonNode send(String base, String channel, String to) {
    String body =
        "{\"to\":"
            + StackHttp.quote(to)
            + ",\"body\":\"Hello from the fault suite\","
            + "\"contact\":{\"email\":"
            + StackHttp.quote("faults" + to.substring(1) + "@example.com")
            + "}}";
    Map<String, String> headers = new LinkedHashMap<>(StackUnderTest.auth(StackUnderTest.API_KEY));
    headers.put("Content-Type", "application/json");
    return StackHttp.call("POST", base + "/api/v1/" + channel + "/messages", headers, body)
        .expect(202)
        .json();
  }

  static long simMessageCount(StackUnderTest stack, String provider) {
    return stack.admin().messages(provider).size();
  }

  static long pendingHandOffs(String base) {
    return StackHttp.get(base + "/health")
        .expect(200)
        .json()
        .path("pending")
        .path("handoff")
        .asLong(-1);
  }

  static JsonNode message(String base, Sent s) {
    return StackHttp.call(
            "GET",
            base + "/api/v1/" + s.channel() + "/messages/" + s.id(),
            StackUnderTest.auth(StackUnderTest.API_KEY),
            null)
        .expect(200)
        .json();
  }

  static String status(String base, Sent s) {
    return message(base, s).path("message_status").path("message_status").asText();
  }

  static List<JsonNode> history(String base, Sent s) {
    List<JsonNode> events = new ArrayList<>();
    StackHttp.call(
            "GET",
            base + "/api/v1/" + s.channel() + "/messages/" + s.id() + "/history",
            StackUnderTest.auth(StackUnderTest.API_KEY),
            null)
        .expect(200)
        .json()
        .path("data")
        .forEach(events::add);
    return events;
  }

  /** The whole journal of one provider's callback attempts, in firing order. */
  static List<SimulatorClient.CallbackAttempt> journal(StackUnderTest stack, String provider) {
    return stack.simCallbacks(provider);
  }

  static long count(
      StackUnderTest stack, String provider, Predicate<SimulatorClient.CallbackAttempt> which) {
    return journal(stack, provider).stream().filter(which).count();
  }

  static boolean answered(SimulatorClient.CallbackAttempt attempt, int code) {
    return "answered".equals(attempt.outcome()) && attempt.responseCode().orElse(0) == code;
  }

  static boolean answered2xx(SimulatorClient.CallbackAttempt attempt) {
    return "answered".equals(attempt.outcome()) && attempt.responseCode().orElse(0) / 100 == 2;
  }

  /**
   * The provider words of the status items of one callback body that concern our message (as
   * LibraryScenarios' {@code ourReports} counts them).
   */
  static List<String> ourReports(String provider, String body, String providerId, String ourId) {
    List<String> words = new ArrayList<>();
    try {
      switch (provider) {
        case "twilio" -> {
          Map<String, String> form = new HashMap<>();
          for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
              form.put(
                  URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                  URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
          }
          if (providerId.equals(form.getOrDefault("MessageSid", form.get("SmsSid")))) {
            words.add(form.getOrDefault("MessageStatus", form.getOrDefault("SmsStatus", "")));
          }
        }
        case "whatsapp" -> {
          for (JsonNode entry : StackHttp.JSON.readTree(body).path("entry")) {
            for (JsonNode change : entry.path("changes")) {
              for (JsonNode status : change.path("value").path("statuses")) {
                if (providerId.equals(status.path("id").asText(null))
                    || ourId.equals(status.path("biz_opaque_callback_data").asText(null))) {
                  words.add(status.path("status").asText(""));
                }
              }
            }
          }
        }
        case "viber" -> {
          JsonNode v = StackHttp.JSON.readTree(body);
          String event = v.path("event").asText("");
          if (REPORT_EVENTS_VIBER.contains(event)
              && providerId.equals(v.path("message_token").asText(null))) {
            words.add(event);
          }
        }
        default -> throw new AssertionError("no provider " + provider);
      }
    } catch (IOException e) {
      // not JSON: nothing of ours the service could read
    }
    return words;
  }

  /**
   * I11 and "one event per status item": for every message, the provider words of its status items
   * in callbacks answered 2xx, counted, against the provider words of the history's callback
   * events. {@code exact}: the same counts (nothing was lost, nothing recorded twice); else at
   * least as many in the history (a report committed just before a crash or a cut connection, whose
   * answer never arrived, is retried and recorded again).
   *
   * @return how many reports answered 2xx were checked
   */
  static int everyReportAnswered2xxIsInTheHistory(
      StackUnderTest stack, String base, List<Sent> sent, boolean exact) {
    Map<String, List<SimulatorClient.CallbackAttempt>> journals = new HashMap<>();
    for (String provider : StackUnderTest.PROVIDERS) {
      journals.put(provider, journal(stack, provider));
    }
    int checked = 0;
    List<String> problems = new ArrayList<>();
    for (Sent s : sent) {
      JsonNode message = message(base, s);
      String providerId = message.path("provider_message_id").asText("");
      assertThat(providerId).as("provider id of " + s + ": " + message).isNotBlank();
      Map<String, Integer> acknowledged = new TreeMap<>();
      for (SimulatorClient.CallbackAttempt attempt : journals.get(s.provider())) {
        if (answered2xx(attempt)) {
          for (String w : ourReports(s.provider(), attempt.body(), providerId, s.id())) {
            acknowledged.merge(w, 1, Integer::sum);
          }
        }
      }
      Map<String, Integer> recorded = new TreeMap<>();
      List<JsonNode> history = history(base, s);
      history.stream()
          .filter(e -> "callback".equals(e.path("source").asText()))
          .forEach(e -> recorded.merge(e.path("provider_status").asText(""), 1, Integer::sum));
      checked += acknowledged.values().stream().mapToInt(Integer::intValue).sum();
      boolean ok =
          exact
              ? recorded.equals(acknowledged)
              : acknowledged.entrySet().stream()
                  .allMatch(e -> recorded.getOrDefault(e.getKey(), 0) >= e.getValue());
      if (!ok) {
        problems.add(
            s
                + ": reports answered 2xx "
                + acknowledged
                + ", callback events in the history "
                + recorded
                + "; history "
                + history);
      }
    }
    assertThat(problems)
        .as(
            "I11: every report answered 2xx is in the history ("
                + (exact ? "exactly" : "at least")
                + "); "
                + problems.size()
                + " of "
                + sent.size()
                + " messages differ")
        .isEmpty();
    return checked;
  }

  /**
   * Every message ends at its scenario's expected status (= the undisturbed run); waits for
   * reconciliation.
   */
  static void everyMessageEndsAsUndisturbed(String base, List<Sent> sent, Duration atMost) {
    try {
      await("every message reaches its undisturbed final status")
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(200))
          .pollInSameThread()
          .until(() -> sent.stream().allMatch(s -> s.expected().equals(status(base, s))));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      List<String> off = new ArrayList<>();
      for (Sent s : sent) {
        String now = status(base, s);
        if (!s.expected().equals(now)) {
          off.add(s + ": " + now + " instead of " + s.expected() + "; history " + history(base, s));
        }
      }
      assertThat(off)
          .as(off.size() + " of " + sent.size() + " messages did not end as in an undisturbed run")
          .isEmpty();
    }
  }
}
