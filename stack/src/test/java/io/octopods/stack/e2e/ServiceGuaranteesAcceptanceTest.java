package io.octopods.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.stack.ServiceProcess;
import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service's guarantees that a scenario's final status alone does not show, end to end over
 * HTTP: early callbacks (I15, D1), a timed-out hand-off sent exactly once, authenticity (I12),
 * isolation (I13) and no loss across a restart of the service process (I11).
 */
class ServiceGuaranteesAcceptanceTest {
  private static final Duration SETTLE = Duration.ofSeconds(20);

  private static StackUnderTest stack;

  @BeforeAll
  static void startStack() {
    stack = StackUnderTest.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void reset() {
    stack.reset();
  }

  /**
   * I15 / D1: the provider answers the send after 3 s, and its callbacks come meanwhile. These
   * tests run on a stack of their own whose provider timeout (PT5S) outlasts that answer, so the
   * callbacks really arrive while the send call is still open.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class EarlyCallbacks {
    private StackUnderTest slow;

    @BeforeAll
    void start() {
      slow = StackUnderTest.start(Map.of("OCTOPODS_PROVIDER_TIMEOUT", "PT5S"));
    }

    @AfterAll
    void stop() {
      if (slow != null) {
        slow.close();
      }
    }

    @BeforeEach
    void reset() {
      slow.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "whatsapp-d1-callback-before-send-response, whatsapp, READ",
      "twilio-d1-callback-before-send-response, twilio, DELIVERED"
    })
    void aCallbackCarryingOurIdIsAppliedBeforeTheSendAnswers(
        String scenario, String provider, String expected) {
      String channel = StatusModel.channelOf(provider);
      String to = slow.bindFresh(provider, scenario);
      String id = slow.send(channel, to).path("message_id").asText();
      awaitSendArrived(slow, provider, to);

      SimulatorClient.Advanced fired =
          slow.advance("P1D"); // the callbacks, while the send call waits for its answer
      assertThat(fired.fired()).as("callbacks fired").isNotEmpty();
      fired.fired().forEach(f -> assertThat(f.responseCode()).as("answer to " + f).contains(200));
      List<JsonNode> early = slow.history(channel, id);
      assertThat(early)
          .as("no send answer yet: the callbacks came first; " + early)
          .noneMatch(e -> "send".equals(e.path("source").asText()));
      assertThat(slow.status(channel, id))
          .as("I15: the early callbacks are applied at once")
          .isEqualTo(expected);
      assertThat(early)
          .as("every early callback applied or recorded; " + early)
          .allMatch(e -> "callback".equals(e.path("source").asText()));

      slow.awaitSettled(channel, id, to, SETTLE);
      JsonNode message = slow.message(channel, id);
      List<JsonNode> history = slow.history(channel, id);
      assertThat(message.path("message_status").path("message_status").asText())
          .isEqualTo(expected);
      assertThat(message.path("provider_message_id").asText())
          .isEqualTo(slow.simMessages(provider, to).get(0).providerMessageId());
      JsonNode sendEvent =
          history.stream()
              .filter(e -> "send".equals(e.path("source").asText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the send answer is recorded: " + history));
      assertThat(sendEvent.path("applied").asBoolean())
          .as("the late send answer changes nothing: " + sendEvent)
          .isFalse();
      assertThat(history.subList(0, early.size()))
          .as("the early events stay first")
          .isEqualTo(early);
      E2eInvariants.check(channel, message, history);
    }

    @Test
    void aCallbackWithoutOurIdIsParkedAndAppliedOnceTheIdIsKnown() {
      String provider = "whatsapp";
      String to =
          slow.bindFresh(provider, "whatsapp-d1-callback-before-send-response-no-callback-data");
      String id = slow.send("whatsapp", to).path("message_id").asText();
      awaitSendArrived(slow, provider, to);
      long orphans = slow.orphans();

      SimulatorClient.Advanced fired = slow.advance("P1D");
      fired.fired().forEach(f -> assertThat(f.responseCode()).as("answer to " + f).contains(200));
      assertThat(slow.history("whatsapp", id))
          .as("nothing can be matched before the wamid is known")
          .isEmpty();
      assertThat(slow.orphans()).as("the early reports are kept as orphans").isEqualTo(orphans + 3);

      slow.awaitSettled("whatsapp", id, to, SETTLE);
      JsonNode message = slow.message("whatsapp", id);
      List<JsonNode> history = slow.history("whatsapp", id);
      assertThat(message.path("message_status").path("message_status").asText())
          .as("history " + history)
          .isEqualTo("READ");
      List<JsonNode> adopted =
          history.stream().filter(e -> "callback".equals(e.path("source").asText())).toList();
      assertThat(adopted)
          .as("the three parked reports, adopted")
          .hasSize(3)
          .allMatch(e -> e.path("applied_at").isTextual(), "carry applied_at");
      assertThat(slow.orphans()).as("adopted orphans no longer wait").isEqualTo(orphans);
      E2eInvariants.check("whatsapp", message, history);
    }
  }

  private static void awaitSendArrived(StackUnderTest s, String provider, String to) {
    await("the send request reached the " + provider + " simulator")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .until(() -> !s.simMessages(provider, to).isEmpty());
  }

  /**
   * D1 / hand-off outcomes: a send that timed out after the request went out is never re-sent
   * blindly.
   */
  @Test
  void aTimedOutHandOffIsSentExactlyOnceAndSettledByTheCallbackCarryingOurId() {
    String to = stack.bindFresh("whatsapp", "whatsapp-d1-send-timeout-callback-settles");
    String id = stack.send("whatsapp", to).path("message_id").asText();

    await("the history shows the time-out")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .until(
            () ->
                stack.history("whatsapp", id).stream()
                    .anyMatch(
                        e ->
                            "send".equals(e.path("source").asText())
                                && "timeout".equals(e.path("provider_status").asText())));
    assertThat(attempts(to)).as("one send attempt").isEqualTo(1);
    // the worker polls every 50 ms: over a second it has looked ~20 times, and must not have sent
    // again
    await("still one attempt while the worker keeps polling")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(100))
        .pollInSameThread()
        .until(
            () ->
                attempts(to) == 1
                    && stack.pendingHandOffs() == 0
                    && "UNKNOWN".equals(stack.status("whatsapp", id)));

    stack.advanceAll();
    JsonNode message = stack.message("whatsapp", id);
    List<JsonNode> history = stack.history("whatsapp", id);
    assertThat(message.path("message_status").path("message_status").asText())
        .as("settled by the callbacks; " + history)
        .isEqualTo("DELIVERED");
    assertThat(message.path("provider_message_id").asText())
        .as("learned from the callback")
        .isEqualTo(stack.simMessages("whatsapp", to).get(0).providerMessageId());
    assertThat(attempts(to)).as("still one send attempt after the clock advanced").isEqualTo(1);
    assertThat(stack.pendingHandOffs()).isZero();
    E2eInvariants.check("whatsapp", message, history);
  }

  private static int attempts(String to) {
    List<SimulatorClient.Message> messages = stack.simMessages("whatsapp", to);
    assertThat(messages).as("the simulator knows one message to " + to).hasSize(1);
    return messages.get(0).attempts();
  }

  private static final String BAD_SIGNATURES =
      String.join(
          "\n",
          "id: e2e-i12-whatsapp-bad-signatures",
          "provider: whatsapp",
          "description: >-",
          "  E2E (I12): `sent` is authentic; `delivered` is signed with a wrong secret and `read` is not signed;",
          "  the service must answer 401 to both (Meta then retries them for days) and change nothing.",
          "send:",
          "  respond: accept",
          "callbacks:",
          "  - at: 500ms",
          "    status: sent",
          "  - at: 2s",
          "    status: delivered",
          "    signature: invalid",
          "  - at: 3s",
          "    status: read",
          "    signature: missing",
          "");

  /** I12: a callback with a wrong or missing signature gets 401 and changes nothing. */
  @Test
  void aCallbackWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
    String scenario = stack.upload("whatsapp", BAD_SIGNATURES);
    String to = StackUnderTest.freshRecipient();
    stack.bind("whatsapp", to, scenario);
    String id = stack.send("whatsapp", to).path("message_id").asText();
    stack.awaitSettled("whatsapp", id, to, SETTLE);
    stack.advance("PT1S"); // the authentic `sent`
    JsonNode before = stack.message("whatsapp", id);
    List<JsonNode> historyBefore = stack.history("whatsapp", id);
    assertThat(before.path("message_status").path("message_status").asText()).isEqualTo("SENT");

    stack.advanceAll(); // the bad ones, and every retry Meta makes of them
    List<SimulatorClient.CallbackAttempt> journal = stack.simCallbacks("whatsapp");
    Map<String, List<Integer>> answers =
        journal.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.status() + "/" + a.signature(),
                    LinkedHashMap::new,
                    Collectors.mapping(a -> a.responseCode().orElse(0), Collectors.toList())));
    assertThat(answers.get("sent/valid"))
        .as("the authentic callback: " + answers)
        .containsExactly(200);
    assertThat(answers.get("delivered/invalid"))
        .as("wrong secret: 401, retried by the simulator; " + answers)
        .isNotEmpty()
        .containsOnly(401);
    assertThat(answers.get("read/missing"))
        .as("no signature: 401; " + answers)
        .isNotEmpty()
        .containsOnly(401);
    assertUnchanged(id, to, before, historyBefore);

    // posted by hand: the body of the refused `delivered`, with no signature and with a wrong one
    SimulatorClient.CallbackAttempt refused =
        journal.stream().filter(a -> "delivered".equals(a.status())).findFirst().orElseThrow();
    String body = refused.body();
    String url = stack.service() + "/webhooks/whatsapp";
    assertThat(
            StackHttp.call("POST", url, Map.of("Content-Type", "application/json"), body).status())
        .as("no X-Hub-Signature-256")
        .isEqualTo(401);
    assertThat(
            StackHttp.call(
                    "POST",
                    url,
                    Map.of(
                        "Content-Type",
                        "application/json",
                        "X-Hub-Signature-256",
                        "sha256=" + "0".repeat(64)),
                    body)
                .status())
        .as("a wrong signature")
        .isEqualTo(401);
    assertUnchanged(id, to, before, historyBefore);

    // the control: the same bytes signed with the app secret are taken
    String secret = stack.admin().info("whatsapp").signingSecret();
    assertThat(
            StackHttp.call(
                    "POST",
                    url,
                    Map.of(
                        "Content-Type",
                        "application/json",
                        "X-Hub-Signature-256",
                        "sha256=" + hmacSha256Hex(secret, body)),
                    body)
                .status())
        .as("the same body, signed right")
        .isEqualTo(200);
    JsonNode after = stack.message("whatsapp", id);
    assertThat(after.path("message_status").path("message_status").asText()).isEqualTo("DELIVERED");
    E2eInvariants.check("whatsapp", after, stack.history("whatsapp", id));
  }

  private static void assertUnchanged(
      String id, String to, JsonNode before, List<JsonNode> historyBefore) {
    JsonNode now = stack.message("whatsapp", id);
    assertThat(now.path("message_status"))
        .as("I12: status and updated_at unchanged")
        .isEqualTo(before.path("message_status"));
    assertThat(stack.history("whatsapp", id)).as("I12: no history event").isEqualTo(historyBefore);
    org.awaitility.Awaitility.await()
        .atMost(SETTLE)
        .until(() -> stack.health().at("/pending/hubspot").asLong() == 0);
    List<String> hubspot =
        stack.admin().timeline("e2e" + to.substring(1) + "@example.com").stream()
            .map(e -> e.tokens().path("status").asText())
            .toList();
    assertThat(hubspot)
        .as("I12: no HubSpot event for a refused callback")
        .containsExactly("UNKNOWN", "SENT");
  }

  private static String hmacSha256Hex(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** I13: another workspace's key never reads our message: 404, not 403. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"sms", "whatsapp", "viber"})
  void anotherWorkspaceGets404(String channel) {
    String to = StackUnderTest.freshRecipient();
    String id = stack.send(channel, to).path("message_id").asText();
    stack.awaitSettled(channel, id, to, SETTLE);
    stack.advanceAll();
    assertThat(stack.poll(channel, id, StackUnderTest.API_KEY).status())
        .as("our own key")
        .isEqualTo(200);

    StackHttp.Answer poll = stack.poll(channel, id, StackUnderTest.OTHER_KEY);
    StackHttp.Answer history = stack.historyAnswer(channel, id, StackUnderTest.OTHER_KEY);
    assertThat(poll.status())
        .as("poll with another workspace's key: " + poll.body())
        .isEqualTo(404);
    assertThat(history.status())
        .as("history with another workspace's key: " + history.body())
        .isEqualTo(404);
    assertThat(poll.body()).doesNotContain(to);
    assertThat(history.body()).doesNotContain(to);
    JsonNode list =
        StackHttp.call(
                "GET",
                stack.service() + "/api/v1/" + channel + "/messages?limit=100",
                StackUnderTest.auth(StackUnderTest.OTHER_KEY),
                null)
            .expect(200)
            .json();
    assertThat(list.path("data").findValuesAsText("message_id"))
        .as("their list")
        .doesNotContain(id);
    assertThat(stack.poll(channel, id, "not-a-key-of-anyone-0123456789abcdef").status())
        .as("an unknown key")
        .isEqualTo(401);
  }

  /**
   * I11: every message answered 202 and every callback answered 200 before a restart is there, with
   * its full history, when a new service process starts on the same data (embedded database under
   * the data directory, or the same PostgreSQL schema through {@code --db-url}) and port.
   */
  @Test
  void nothingAnsweredBeforeARestartIsLost() {
    try (StackUnderTest own = StackUnderTest.start()) {
      record Sent(String channel, String id, String to) {}
      List<Sent> sent = new ArrayList<>();
      String[][] plays = {
        {"twilio", "twilio-happy-path"},
        {"twilio", "twilio-b2-undelivered-and-delivered"},
        {"whatsapp", "whatsapp-happy-path"},
        {"whatsapp", "whatsapp-c1-duplicate-webhook"},
        {"whatsapp", "whatsapp-d2-foreign-ids-in-batch"},
        {"viber", "viber-happy-path"},
        {"viber", "viber-f8-send-refused-not-subscribed"},
        {"whatsapp", "whatsapp-f2-failed-131047-after-accept"}
      };
      for (String[] play : plays) {
        String channel = StatusModel.channelOf(play[0]);
        String to = own.bindFresh(play[0], play[1]);
        sent.add(new Sent(channel, own.send(channel, to).path("message_id").asText(), to));
      }
      for (Sent s : sent) {
        own.awaitSettled(s.channel(), s.id(), s.to(), SETTLE);
      }
      own.advanceAll();
      for (String provider : StackUnderTest.PROVIDERS) {
        List<SimulatorClient.CallbackAttempt> journal = own.simCallbacks(provider);
        assertThat(journal)
            .as(provider + " callbacks, each answered 200")
            .allMatch(a -> a.responseCode().orElse(0) == 200, "answered 200");
      }
      Map<String, JsonNode> messages = new LinkedHashMap<>();
      Map<String, List<JsonNode>> histories = new LinkedHashMap<>();
      for (Sent s : sent) {
        messages.put(s.id(), own.message(s.channel(), s.id()));
        histories.put(s.id(), own.history(s.channel(), s.id()));
        assertThat(histories.get(s.id())).as("history of " + s).isNotEmpty();
      }
      long orphans = own.orphans();

      own.stopService();
      Map<String, String> flags = new LinkedHashMap<>(own.flags());
      own.dbUrl().ifPresent(u -> flags.put("--db-url", u));
      try (ServiceProcess restarted =
          ServiceProcess.start(flags, own.env(), Duration.ofSeconds(60))) {
        assertThat(restarted.serviceLine()).as(restarted.output()).contains(own.service());
        for (Sent s : sent) {
          assertThat(own.message(s.channel(), s.id()))
              .as("I11: " + s + " after the restart; " + restarted.output())
              .isEqualTo(messages.get(s.id()));
          assertThat(own.history(s.channel(), s.id()))
              .as("I11: full history of " + s + " after the restart")
              .isEqualTo(histories.get(s.id()));
        }
        assertThat(own.orphans()).as("orphans kept across the restart").isEqualTo(orphans);

        // and the new process carries on: a new message, played to the end
        String to = own.bindFresh("whatsapp", "whatsapp-happy-path");
        String id = own.send("whatsapp", to).path("message_id").asText();
        own.awaitSettled("whatsapp", id, to, SETTLE);
        own.advanceAll();
        assertThat(own.status("whatsapp", id)).as(restarted.output()).isEqualTo("READ");
      }
    }
  }
}
