package io.octopods.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioLibrary;
import io.octopods.simulator.core.scenario.SendAttempt;
import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the simulator's library, played end to end against the real service over HTTP:
 * bound to a fresh recipient, sent through the public API, the hand-off settled, the virtual clock
 * advanced past every callback and retry, then checked over the public API against the scenario's
 * {@code expect} block and the invariants of status-model.md (E2eInvariants). A scenario that needs
 * the reconciliation job (E1) waits for it: the stack checks SMS after OCTOPODS_RECONCILE_AFTER of
 * one second. The library is played in two halves, by provider ({@link
 * WhatsAppLibraryAcceptanceTest}, {@link TwilioAndViberLibraryAcceptanceTest}), each against a
 * stack of its own, so that the two run in test JVMs side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibraryScenariosAcceptanceTest {
  private static final List<Scenario> LIBRARY =
      ScenarioLibrary.shipped().stream().sorted(Comparator.comparing(Scenario::id)).toList();

  /**
   * Longer than every send answer that a library scenario delays but still gives ({@code accept
   * after 3s}, D1), so that those answers arrive as the scenario means them; a {@code timeout}
   * scenario then costs this much. A shorter timeout would turn those delayed answers into
   * time-outs, and the no-callback-data variant of D1 could then never be matched.
   */
  private static final Duration PROVIDER_TIMEOUT = providerTimeout();

  private static final Duration SETTLE = PROVIDER_TIMEOUT.multipliedBy(2).plusSeconds(15);

  /** Short, so that E1 (no final callback) is settled by the reconciliation job within the test. */
  private static final Duration RECONCILE_AFTER = Duration.ofSeconds(1);

  private StackUnderTest stack;

  /** Whether this half plays the scenarios of {@code provider}. */
  abstract boolean plays(String provider);

  @BeforeAll
  void startStack() {
    stack =
        StackUnderTest.start(
            Map.of(
                "OCTOPODS_PROVIDER_TIMEOUT",
                PROVIDER_TIMEOUT.toString(),
                "OCTOPODS_RECONCILE_AFTER",
                RECONCILE_AFTER.toString()));
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void reset() {
    stack.reset();
  }

  static Duration providerTimeout() {
    Duration longest =
        LIBRARY.stream()
            .flatMap(s -> s.send().stream())
            .filter(a -> a.respond() != SendAttempt.Respond.TIMEOUT)
            .map(SendAttempt::delay)
            .max(Comparator.naturalOrder())
            .orElse(Duration.ZERO);
    Duration t = longest.plusSeconds(1);
    return t.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : t;
  }

  Stream<Arguments> scenarios() {
    return LIBRARY.stream().filter(s -> plays(s.provider())).map(s -> Arguments.of(s.id(), s));
  }

  @Test
  void theLibraryIsThere() {
    assertThat(LIBRARY).as("the shipped scenario library").hasSizeGreaterThanOrEqualTo(95);
    assertThat(LIBRARY)
        .allSatisfy(
            s ->
                assertThat(s.document().path("expect").path("status").isTextual())
                    .as(s.id() + " states its expected final status")
                    .isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void endsAsItsExpectBlockSays(String id, Scenario scenario) {
    JsonNode expect = scenario.document().path("expect");
    String needs = expect.path("needs").asText("");
    String provider = scenario.provider();
    String channel = StatusModel.channelOf(provider);
    String to = stack.bindFresh(provider, id);
    long orphansBefore = stack.orphans();

    JsonNode accepted = stack.send(channel, to);
    String messageId = accepted.path("message_id").asText();
    assertThat(accepted.path("channel").asText()).isEqualTo(channel);
    stack.awaitSettled(channel, messageId, to, SETTLE);
    JsonNode handedOff = stack.message(channel, messageId);
    List<String> surfacesBefore = E2eSurfaces.sample(stack, messageId);
    stack.advanceAll();
    if ("reconciliation".equals(needs)) {
      // E1: no callback settles it; the reconciliation job asks the provider after
      // OCTOPODS_RECONCILE_AFTER
      org.awaitility.Awaitility.await()
          .atMost(RECONCILE_AFTER.multipliedBy(20))
          .until(
              () ->
                  expect
                      .path("status")
                      .asText()
                      .equals(
                          stack
                              .message(channel, messageId)
                              .at("/message_status/message_status")
                              .asText()));
    }
    JsonNode played = stack.message(channel, messageId);
    List<JsonNode> history = stack.history(channel, messageId);
    String where = id + ": " + played + "\nhistory " + history;

    E2eInvariants.checkBetweenPolls(accepted, handedOff);
    E2eInvariants.checkBetweenPolls(handedOff, played);
    JsonNode status = played.path("message_status");
    assertThat(status.path("message_status").asText())
        .as("final status; " + where)
        .isEqualTo(expect.path("status").asText());
    if (expect.has("failure_code")) {
      JsonNode code = expect.get("failure_code");
      JsonNode reason = status.path("failure_reason");
      if (code.isNull()) {
        assertThat(reason.path("code").isNull())
            .as("failure_reason.code null (no code given); " + where)
            .isTrue();
        // F6: a report without any error data says "no code given"; a Viber `failed` whose `desc`
        // says why
        // (viber-f8-failed-after-accepted: "with the description as the reason") keeps that text as
        // the title
        String title =
            history.stream()
                .filter(
                    e ->
                        e.path("applied").asBoolean()
                            && "FAILED".equals(e.path("mapped_status").asText()))
                .map(e -> e.path("error").path("title").asText(""))
                .findFirst()
                .orElse("");
        assertThat(reason.path("title").asText())
            .as("failure_reason.title; " + where)
            .isEqualTo(title.isBlank() ? "no code given" : title);
      } else {
        assertThat(reason.path("code").asText())
            .as("failure_reason.code; " + where)
            .isEqualTo(code.asText());
      }
    }
    E2eInvariants.check(channel, played, history);
    everyCallbackAnsweredAsItsSignatureDeserves(provider, where);
    everyReportAnswered200IsInTheHistory(provider, played, history, where);
    // I10: once the system is quiet (nothing left to hand off or push), every surface shows the
    // same status
    org.awaitility.Awaitility.await()
        .atMost(SETTLE)
        .until(
            () ->
                stack.health().at("/pending/hubspot").asLong() == 0
                    && stack.pendingHandOffs() == 0);
    E2eSurfaces.agree(stack, channel, messageId, "e2e" + to.substring(1) + "@example.com", where);
    E2eSurfaces.neverWentBack(surfacesBefore, E2eSurfaces.sample(stack, messageId), where);
    if (hasForeignIds(scenario)) {
      assertThat(stack.orphans())
          .as("D2/D3: reports for ids we never sent are kept as orphans; " + where)
          .isGreaterThan(orphansBefore);
    }
  }

  /**
   * 200 for every authentic callback (C2: also batches with unknown ids and bad items), 401 for a
   * bad signature.
   */
  private void everyCallbackAnsweredAsItsSignatureDeserves(String provider, String where) {
    for (SimulatorClient.CallbackAttempt attempt : stack.simCallbacks(provider)) {
      String outcome = attempt.outcome();
      if ("dropped".equals(outcome)) {
        continue;
      }
      assertThat(outcome)
          .as("the service answered callback " + attempt.seq() + "; " + where)
          .isEqualTo("answered");
      String signature = attempt.signature();
      int expected = "invalid".equals(signature) || "missing".equals(signature) ? 401 : 200;
      assertThat(attempt.responseCode())
          .get()
          .as(
              "answer to callback "
                  + attempt.seq()
                  + " ("
                  + attempt.status()
                  + ", signature "
                  + signature
                  + "); "
                  + where)
          .isEqualTo(expected);
    }
  }

  /**
   * Section 2: every report is recorded in the history, one event per status item. Counts the
   * status items for this message in the callbacks the service answered {@code 200} (a batch's
   * items each, repeats each) and compares with the history's callback events.
   */
  private void everyReportAnswered200IsInTheHistory(
      String provider, JsonNode message, List<JsonNode> history, String where) {
    Set<String> providerIds = new HashSet<>();
    providerIds.add(message.path("provider_message_id").asText(""));
    message.path("other_provider_message_ids").forEach(id -> providerIds.add(id.asText()));
    String ourId = message.path("message_id").asText();
    int reports = 0;
    for (SimulatorClient.CallbackAttempt attempt : stack.simCallbacks(provider)) {
      if (attempt.responseCode().orElse(0) == 200) {
        reports += ourReports(provider, attempt.body(), providerIds, ourId);
      }
    }
    long recorded =
        history.stream().filter(e -> "callback".equals(e.path("source").asText())).count();
    assertThat(recorded)
        .as("one history event per status item of ours answered 200 (" + reports + "); " + where)
        .isEqualTo(reports);
  }

  /**
   * How many status items of one callback body concern our message (by one of its provider ids or
   * our echoed id).
   */
  static int ourReports(String provider, String body, Set<String> providerIds, String ourId) {
    try {
      switch (provider) {
        case "twilio":
          {
            Map<String, String> form = new java.util.HashMap<>();
            for (String pair : body.split("&")) {
              int eq = pair.indexOf('=');
              if (eq > 0) {
                form.put(
                    java.net.URLDecoder.decode(
                        pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(
                        pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
              }
            }
            return providerIds.contains(form.getOrDefault("MessageSid", form.get("SmsSid")))
                ? 1
                : 0;
          }
        case "whatsapp":
          {
            int n = 0;
            for (JsonNode entry : StackHttp.JSON.readTree(body).path("entry")) {
              for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                  if (providerIds.contains(status.path("id").asText(null))
                      || ourId.equals(status.path("biz_opaque_callback_data").asText(null))) {
                    n++;
                  }
                }
              }
            }
            return n;
          }
        case "viber":
          {
            JsonNode v = StackHttp.JSON.readTree(body);
            boolean report =
                List.of("delivered", "seen", "failed", "expired").contains(v.path("event").asText())
                    || !v.path("event").isTextual();
            return report && providerIds.contains(v.path("message_token").asText(null)) ? 1 : 0;
          }
        default:
          throw new AssertionError("no provider " + provider);
      }
    } catch (java.io.IOException e) {
      return 0; // not JSON: no report of ours the service could read
    }
  }

  /**
   * A step that names an id of its own (a WhatsApp wamid, a Viber token, a Twilio sid): a report we
   * never sent.
   */
  static boolean hasForeignIds(Scenario scenario) {
    for (JsonNode step : scenario.document().path("callbacks")) {
      JsonNode fields = step.path("fields");
      for (String key : List.of("id", "message_token", "MessageSid", "SmsSid")) {
        JsonNode v = fields.path(key);
        if (!v.isMissingNode() && !v.isNull() && !v.asText().contains("{{")) {
          return true;
        }
      }
    }
    return false;
  }
}
