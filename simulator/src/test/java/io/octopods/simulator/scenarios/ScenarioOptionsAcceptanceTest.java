package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each option of the scenario format (simulator.md, "Scenario format: the exact rules") played through real
 * HTTP with WhatsApp: inline scenarios are uploaded and bound, the send route is called as a Cloud API
 * client would, the virtual clock is advanced, and the receiver's posts and the admin API are read.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioOptionsAcceptanceTest {
  private static final String APP_SECRET = "octopods-whatsapp-app-secret";
  private static final String WRONG_SECRET = "octopods-wrong-secret";

  private final CallbackReceiver receiver = new CallbackReceiver();
  private WhatsAppDriver wa;

  @BeforeEach
  void isolate(Simulators sims) {
    wa = new WhatsAppDriver(sims);
    wa.resetAll();
    wa.webhookTo(receiver);
    assertThat(Http.get(wa.base() + "/__sim/info").json().get("signing_secret").asText()).isEqualTo(APP_SECRET);
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  // ---- send ----------------------------------------------------------------------------------------

  @Test
  void aSendListThrottlesTwiceThenAcceptsOneMessageAndCallbacksCountFromTheAcceptedAttempt() {
    wa.play("""
        id: opt-throttle-twice
        provider: whatsapp
        description: throttled twice, then accepted
        send:
          - respond: throttle
          - respond: throttle
          - respond: accept
        callbacks:
          - at: 500ms
            status: sent
          - at: 2s
            status: delivered
        """, "+15557100001");

    for (int i = 0; i < 2; i++) {
      Http.Answer throttled = wa.send("15557100001", "ours-1");
      assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
      assertThat(throttled.json().at("/error/code").asInt()).isEqualTo(130429);
      assertThat(throttled.json().at("/error/message").asText()).isEqualTo("(#130429) Rate limit hit");
      assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
      assertThat(wa.advance("10s").get("fired")).isEmpty();
    }
    Instant acceptedAt = wa.now();
    String wamid = wa.sendAccepted("15557100001", "ours-1");

    assertThat(wa.messages()).hasSize(1);
    assertThat(wa.message(wamid).get("attempts").asInt()).isEqualTo(3);
    assertThat(Instant.parse(wa.message(wamid).get("received_at").asText())).isEqualTo(acceptedAt.minusSeconds(20));

    wa.advance("3s");
    List<JsonNode> journal = wa.callbacks(wamid);
    assertThat(journal).extracting(j -> Instant.parse(j.get("due_at").asText()))
        .containsExactly(acceptedAt.plusMillis(500), acceptedAt.plusSeconds(2));
    assertThat(receiver.posts()).hasSize(2);

    // the last answer repeats: a fourth attempt is accepted with the same wamid, and the script does not restart
    Http.Answer fourth = wa.send("15557100001", "ours-1");
    assertThat(fourth.status()).isEqualTo(200);
    assertThat(fourth.json().at("/messages/0/id").asText()).isEqualTo(wamid);
    assertThat(wa.message(wamid).get("attempts").asInt()).isEqualTo(4);
    assertThat(wa.advance("1m").get("fired")).isEmpty();
  }

  @Test
  void aSingleSendMappingAnswersEveryAttemptAndSendsWithoutCorrelationAreNewMessages() {
    wa.play("""
        id: opt-throttle-forever
        provider: whatsapp
        description: throttled on every attempt
        send:
          respond: throttle
        callbacks:
          - at: 1s
            status: sent
        """, "+15557100002");

    for (int i = 0; i < 3; i++) {
      assertThat(wa.send("15557100002", "ours-2").status()).isEqualTo(429);
    }
    assertThat(wa.messages()).hasSize(1);
    assertThat(wa.messages().get(0).get("attempts").asInt()).isEqualTo(3);

    wa.send("15557100002", null);
    wa.send("15557100002", null);
    assertThat(wa.messages()).hasSize(3);
    assertThat(wa.advance("1m").get("fired")).isEmpty();
  }

  @Test
  void aRejectAnswers400With131026AndPlaysNoCallbacks() {
    wa.play("""
        id: opt-reject
        provider: whatsapp
        description: refused
        send:
          respond: reject
        callbacks:
          - at: 1s
            status: failed
            error: 131026
        """, "+15557100003");

    Http.Answer a = wa.send("15557100003", "ours-3");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/error/code").asInt()).isEqualTo(131026);
    assertThat(a.json().at("/error/message").asText()).isEqualTo("(#131026) Message Undeliverable");
    assertThat(a.json().at("/error/error_data/messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(wa.advance("1m").get("fired")).isEmpty();
    assertThat(receiver.posts()).isEmpty();
    assertThat(wa.messages().get(0).get("status").asText()).isEqualTo("failed");
  }

  @Test
  void aRejectWithCallbacksOnRejectIsFollowedByItsCallbacks() {
    wa.play("""
        id: opt-reject-then-callbacks
        provider: whatsapp
        description: refused, then a failed status anyway (F1)
        send:
          respond: reject
          error: 131026
        callbacks_on_reject: true
        callbacks:
          - at: 1s
            status: failed
            error: 131026
        """, "+15557100004");
    Instant sentAt = wa.now();

    assertThat(wa.send("15557100004", "ours-4").status()).isEqualTo(400);
    JsonNode fired = wa.advance("1s");

    assertThat(fired.get("fired")).hasSize(1);
    assertThat(receiver.posts()).hasSize(1);
    JsonNode status = statuses(receiver.posts().get(0)).get(0);
    assertThat(status.get("status").asText()).isEqualTo("failed");
    assertThat(status.get("timestamp").asText()).isEqualTo(String.valueOf(sentAt.plusSeconds(1).getEpochSecond()));
    assertThat(status.get("biz_opaque_callback_data").asText()).isEqualTo("ours-4");
  }

  @Test
  void aServerErrorAnswers500With131000() {
    wa.play("""
        id: opt-server-error
        provider: whatsapp
        description: the Graph API fails
        send:
          respond: server-error
        """, "+15557100005");

    Http.Answer a = wa.send("15557100005", null);

    assertThat(a.status()).isEqualTo(500);
    assertThat(a.json().at("/error/code").asInt()).isEqualTo(131000);
    assertThat(a.json().at("/error/message").asText()).isEqualTo("(#131000) Something went wrong");
  }

  @Test
  void errorHttpStatusAndRetryAfterOverrideTheDefaults() {
    wa.play("""
        id: opt-overrides
        provider: whatsapp
        description: every override, one per attempt
        send:
          - respond: throttle
            http_status: 400
            error: 131056
            retry_after: 7
          - respond: throttle
            retry_after: 2m
          - respond: server-error
            http_status: 503
          - respond: reject
            error: 131047
            http_status: 403
        """, "+15557100006");

    Http.Answer pair = wa.send("15557100006", "ours-6");
    assertThat(pair.status()).isEqualTo(400);
    assertThat(pair.json().at("/error/code").asInt()).isEqualTo(131056);
    assertThat(pair.json().at("/error/message").asText())
        .isEqualTo("(#131056) (Business Account, Consumer Account) pair rate limit hit");
    assertThat(pair.headers().firstValue("Retry-After")).contains("7");

    Http.Answer minutes = wa.send("15557100006", "ours-6");
    assertThat(minutes.status()).isEqualTo(429);
    assertThat(minutes.headers().firstValue("Retry-After")).contains("120");

    Http.Answer unavailable = wa.send("15557100006", "ours-6");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.json().at("/error/code").asInt()).isEqualTo(131000);

    Http.Answer refused = wa.send("15557100006", "ours-6");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().at("/error/code").asInt()).isEqualTo(131047);
    assertThat(refused.json().at("/error/message").asText()).isEqualTo("(#131047) Re-engagement message");
  }

  @Test
  void aTimeoutHoldsTheConnectionForItsDelayThenClosesItWithoutAnAnswerAndCallbacksStillFollow() {
    wa.play("""
        id: opt-timeout
        provider: whatsapp
        description: no answer
        send:
          respond: timeout
          delay: 300ms
        callbacks:
          - at: 1s
            status: sent
          - at: 3s
            status: delivered
        """, "+15557100007");

    long started = System.nanoTime();
    Optional<HttpResponse<String>> answer = wa.sendRaw("15557100007", "ours-7", Duration.ofSeconds(10));
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(answer).as("the connection must close without an HTTP answer").isEmpty();
    assertThat(tookMs).isGreaterThanOrEqualTo(300).isLessThan(5_000);
    assertThat(wa.messages()).hasSize(1);
    String wamid = wa.messages().get(0).get("provider_message_id").asText();

    wa.advance("3s");
    assertThat(receiver.posts()).extracting(p -> statuses(p).get(0).get("status").asText())
        .containsExactly("sent", "delivered");
    assertThat(receiver.posts()).allSatisfy(p -> assertThat(statuses(p).get(0).get("id").asText()).isEqualTo(wamid));
  }

  @Test
  void aDelayedSendAnswersLateWhileACallbackAtZeroReachesTheReceiverFirst() throws Exception {
    wa.play("""
        id: opt-delay
        provider: whatsapp
        description: the answer takes 2500ms; sent at 0ms
        send:
          respond: accept
          delay: 2500ms
        callbacks:
          - at: 0ms
            status: sent
        """, "+15557100008");

    long started = System.nanoTime();
    CompletableFuture<Http.Answer> send = CompletableFuture.supplyAsync(() -> wa.send("15557100008", "ours-8"));
    // the message is listed as soon as its request arrives, while its answer is held
    await().atMost(Duration.ofSeconds(5)).until(() -> wa.messages().size() == 1);
    JsonNode fired = wa.advance("0ms");

    assertThat(fired.get("fired")).hasSize(1);
    assertThat(receiver.posts()).hasSize(1);
    assertThat(send).as("the send answer must still be held").isNotDone();
    Http.Answer answer = send.get(10, TimeUnit.SECONDS);
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(answer.status()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(2500);
    assertThat(statuses(receiver.posts().get(0)).get(0).get("id").asText())
        .isEqualTo(answer.json().at("/messages/0/id").asText());
  }

  @Test
  void aNonNumericSendErrorIsAnsweredInTheGraphDialect() {
    wa.play("""
        id: opt-send-error-text
        provider: whatsapp
        description: a code that is not a number
        send:
          respond: reject
          error: "abc"
        """, "+15557100030");

    Http.Answer a = wa.send("15557100030", null);

    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/json");
    assertThat(a.json().at("/error/message").asText()).contains("Unknown error");
  }

  @Test
  void onTheRealClockACallbackAtZeroArrivesWhileTheDelayedAnswerIsStillHeld() throws Exception {
    try (Simulators real = Simulators.start(SimulatorSettings.forTests("real"));
        CallbackReceiver early = new CallbackReceiver()) {
      WhatsAppDriver rwa = new WhatsAppDriver(real);
      rwa.webhookTo(early);
      rwa.play("""
          id: opt-delay-real
          provider: whatsapp
          description: the answer takes 2s; sent at 0ms
          send:
            respond: accept
            delay: 2s
          callbacks:
            - at: 0ms
              status: sent
          """, "+15557100032");

      long started = System.nanoTime();
      CompletableFuture<Http.Answer> send = CompletableFuture.supplyAsync(() -> rwa.send("15557100032", "ours-32"));
      await().atMost(Duration.ofSeconds(5)).until(() -> early.posts().size() == 1);

      assertThat(send).as("the callback must come before the send answer").isNotDone();
      Http.Answer answer = send.get(10, TimeUnit.SECONDS);
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2000);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(statuses(early.posts().get(0)).get(0).get("id").asText())
          .isEqualTo(answer.json().at("/messages/0/id").asText());
    }
  }

  // ---- callbacks: order, repeat ---------------------------------------------------------------------

  @Test
  void stepsPlayByDueTimeThenMessageArrivalThenStep() {
    wa.play("""
        id: opt-order-first
        provider: whatsapp
        description: written out of order
        callbacks:
          - at: 2s
            status: sent
          - at: 1s
            status: delivered
          - at: 2s
            status: read
        """, "+15557100009");
    wa.play("""
        id: opt-order-second
        provider: whatsapp
        description: the second message
        callbacks:
          - at: 1s
            status: played
          - at: 500ms
            status: accepted
        """, "+15557100010");
    String first = wa.sendAccepted("15557100009", null);
    String second = wa.sendAccepted("15557100010", null);

    JsonNode fired = wa.advance("5s");

    List<String> expected = List.of(second + " accepted", first + " delivered", second + " played",
        first + " sent", first + " read");
    assertThat(list(fired.get("fired"))).extracting(f -> f.get("message").asText() + " " + f.get("status").asText())
        .containsExactlyElementsOf(expected);
    assertThat(receiver.posts()).extracting(p -> {
      JsonNode s = statuses(p).get(0);
      return s.get("id").asText() + " " + s.get("status").asText();
    }).containsExactlyElementsOf(expected);
    // step numbers are the playing order of the message's own script
    assertThat(wa.callbacks(first)).extracting(j -> j.get("step").asInt()).containsExactly(0, 1, 2);
  }

  @Test
  void repeatSendsIdenticalBodiesAndSignaturesBackToBack() {
    wa.play("""
        id: opt-repeat
        provider: whatsapp
        description: delivered three times
        callbacks:
          - at: 1s
            status: delivered
            repeat: 3
          - at: 1s
            status: read
        """, "+15557100011");
    wa.sendAccepted("15557100011", "ours-11");

    JsonNode fired = wa.advance("1s");

    assertThat(fired.get("fired")).hasSize(4);
    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).extracting(p -> statuses(p).get(0).get("status").asText())
        .containsExactly("delivered", "delivered", "delivered", "read");
    assertThat(posts.subList(0, 3)).extracting(CallbackReceiver.Received::text).containsOnly(posts.get(0).text());
    assertThat(posts.subList(0, 3)).extracting(p -> p.header("X-Hub-Signature-256"))
        .containsOnly(WhatsAppSignature.of(APP_SECRET, posts.get(0).body()));
    assertThat(wa.callbacks(null)).extracting(j -> j.get("step").asInt() + "/" + j.get("attempt").asInt())
        .containsExactly("0/1", "0/1", "0/1", "1/1");
  }

  // ---- callbacks: error, signature ------------------------------------------------------------------

  @Test
  void anErrorCodeBecomesErrorsWithTheRealTitleAndNoErrorMeansNoErrorsField() {
    wa.play("""
        id: opt-errors
        provider: whatsapp
        description: a known code, an unknown one, none
        callbacks:
          - at: 1s
            status: failed
            error: 131026
          - at: 2s
            status: failed
            error: 999999
          - at: 3s
            status: failed
        """, "+15557100012");
    wa.sendAccepted("15557100012", null);

    wa.advance("3s");

    List<JsonNode> posted = receiver.posts().stream().map(p -> statuses(p).get(0)).toList();
    assertThat(posted).hasSize(3);
    JsonNode known = posted.get(0).get("errors");
    assertThat(known).hasSize(1);
    assertThat(known.get(0).get("code").asInt()).isEqualTo(131026);
    assertThat(known.get(0).get("title").asText()).isEqualTo("Message Undeliverable");
    assertThat(known.get(0).get("message").asText()).isNotBlank();
    assertThat(known.get(0).at("/error_data/details").asText()).isNotBlank();
    assertThat(known.get(0).get("href").asText()).startsWith("https://developers.facebook.com/");
    JsonNode unknown = posted.get(1).get("errors").get(0);
    assertThat(unknown.get("code").asInt()).isEqualTo(999999);
    assertThat(unknown.get("title").asText()).isEqualTo("Unknown error");
    assertThat(posted.get(2).has("errors")).isFalse();
  }

  @Test
  void signatureIsValidInvalidWithTheWrongSecretOrMissing() {
    wa.play("""
        id: opt-signatures
        provider: whatsapp
        description: one of each
        callbacks:
          - at: 1s
            status: sent
          - at: 2s
            status: delivered
            signature: invalid
          - at: 3s
            status: read
            signature: missing
          - at: 4s
            status: read
            signature: valid
        """, "+15557100013");
    String wamid = wa.sendAccepted("15557100013", null);

    wa.advance("4s");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(4);
    assertThat(posts.get(0).header("X-Hub-Signature-256")).isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(0).body()));
    assertThat(posts.get(1).header("X-Hub-Signature-256"))
        .matches("sha256=[0-9a-f]{64}")
        .isEqualTo(WhatsAppSignature.of(WRONG_SECRET, posts.get(1).body()))
        .isNotEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(1).body()));
    assertThat(posts.get(2).header("X-Hub-Signature-256")).isNull();
    assertThat(posts.get(3).header("X-Hub-Signature-256")).isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(3).body()));
    assertThat(wa.callbacks(wamid)).extracting(j -> j.get("signature").asText())
        .containsExactly("valid", "invalid", "missing", "valid");
    // a badly signed step still moves the provider-side status
    assertThat(wa.status(wamid)).isEqualTo("read");
  }

  // ---- callbacks: batch, fields ---------------------------------------------------------------------

  @Test
  void batchedStepsJoinOnePostInStatusesChangesAndEntries() {
    wa.play("""
        id: opt-batch
        provider: whatsapp
        description: five statuses, one POST
        callbacks:
          - at: 1s
            status: sent
          - at: 1s
            status: delivered
            batch: true
          - at: 1s
            status: read
            batch: status
          - at: 1s
            status: played
            batch: change
          - at: 1s
            status: deleted
            batch: entry
          - at: 2s
            status: read
        """, "+15557100014");
    String wamid = wa.sendAccepted("15557100014", null);

    wa.advance("1s");

    assertThat(receiver.posts()).hasSize(1);
    JsonNode root = Json.parse(receiver.posts().get(0).text());
    assertThat(root.get("entry")).hasSize(2);
    assertThat(root.at("/entry/0/changes")).hasSize(2);
    assertThat(root.at("/entry/1/changes")).hasSize(1);
    assertThat(words(root.at("/entry/0/changes/0/value/statuses"))).containsExactly("sent", "delivered", "read");
    assertThat(words(root.at("/entry/0/changes/1/value/statuses"))).containsExactly("played");
    assertThat(words(root.at("/entry/1/changes/0/value/statuses"))).containsExactly("deleted");
    assertThat(root.at("/entry/1/changes/0/field").asText()).isEqualTo("messages");
    assertThat(root.at("/entry/0/changes/1/value/metadata/phone_number_id").asText()).isNotBlank();
    assertThat(root.findValues("id").stream().filter(n -> n.asText().startsWith("wamid.")))
        .allSatisfy(id -> assertThat(id.asText()).isEqualTo(wamid));
    assertThat(wa.callbacks(wamid)).hasSize(1);
    assertThat(wa.status(wamid)).isEqualTo("deleted");

    wa.advance("1s");
    assertThat(receiver.posts()).hasSize(2);
    assertThat(words(Json.parse(receiver.posts().get(1).text()).at("/entry/0/changes/0/value/statuses")))
        .containsExactly("read");
  }

  @Test
  void fieldsMergeIntoTheStatusByKeyAndIntoThePayloadByPointerAndNullDeletes() {
    wa.play("""
        id: opt-fields
        provider: whatsapp
        description: fields of every kind
        callbacks:
          - at: 1s
            status: sent
            fields:
              recipient_id: "override"
              conversation: null
              pricing: null
              extra: {nested: [1, 2]}
              "/entry/0/id": "999999"
              "/entry/0/changes/0/value/metadata/display_phone_number": null
              "/entry/0/changes/0/value/added": {"by": "pointer"}
          - at: 2s
            status: delivered
            fields:
              id: wamid.FOREIGN0001
              biz_opaque_callback_data: null
        """, "+15557100015");
    String wamid = wa.sendAccepted("15557100015", "ours-15");

    wa.advance("2s");

    JsonNode first = Json.parse(receiver.posts().get(0).text());
    JsonNode sent = first.at("/entry/0/changes/0/value/statuses/0");
    assertThat(sent.get("id").asText()).isEqualTo(wamid);
    assertThat(sent.get("recipient_id").asText()).isEqualTo("override");
    assertThat(sent.has("conversation")).isFalse();
    assertThat(sent.has("pricing")).isFalse();
    assertThat(sent.get("extra")).isEqualTo(Json.parse("{\"nested\":[1,2]}"));
    assertThat(sent.get("biz_opaque_callback_data").asText()).isEqualTo("ours-15");
    assertThat(first.at("/entry/0/id").asText()).isEqualTo("999999");
    assertThat(first.at("/entry/0/changes/0/value/metadata").has("display_phone_number")).isFalse();
    assertThat(first.at("/entry/0/changes/0/value/metadata/phone_number_id").asText()).isNotBlank();
    assertThat(first.at("/entry/0/changes/0/value/added/by").asText()).isEqualTo("pointer");
    assertThat(receiver.posts().get(0).header("X-Hub-Signature-256"))
        .isEqualTo(WhatsAppSignature.of(APP_SECRET, receiver.posts().get(0).body()));

    JsonNode foreign = statuses(receiver.posts().get(1)).get(0);
    assertThat(foreign.get("id").asText()).isEqualTo("wamid.FOREIGN0001");
    assertThat(foreign.has("biz_opaque_callback_data")).isFalse();
    assertThat(foreign.get("status").asText()).isEqualTo("delivered");
  }

  @Test
  void aFieldsPointerToAMissingArrayItemDoesNotBreakTheClock() {
    wa.play("""
        id: opt-fields-bad-pointer
        provider: whatsapp
        description: a pointer past the end of entry[]
        callbacks:
          - at: 1s
            status: sent
            fields:
              "/entry/3/id": "x"
          - at: 2s
            status: delivered
        """, "+15557100031");
    String wamid = wa.sendAccepted("15557100031", null);
    Instant target = wa.now().plusSeconds(3);

    Http.Answer a = Http.postJson(wa.base() + "/__sim/clock/advance", "{\"by\":\"3s\"}");

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(wa.now()).isEqualTo(target);
    assertThat(list(a.json().get("fired"))).extracting(f -> f.get("status").asText()).contains("delivered");
    assertThat(wa.callbacks(wamid)).extracting(j -> j.get("step").asInt()).contains(0, 1);
  }

  // ---- callbacks: raw, content_type, placeholders ---------------------------------------------------

  @Test
  void aRawStringIsSentByteForByteAndARawMappingCompactlyWithExactIntegers() {
    wa.play("""
        id: opt-raw
        provider: whatsapp
        description: raw bodies
        callbacks:
          - at: 1s
            content_type: text/plain; charset=utf-8
            raw: |
              {"object" :  "whatsapp_business_account",
                "odd":"{{provider_message_id}}",   "big": 123456789012345678901234567890 , "é": "\\u00e9" }
          - at: 2s
            raw:
              zeta: 1
              alpha: 12345678901234567890
              nested: {b: "x", a: [1, 2]}
              id: "{{provider_message_id}}"
        """, "+15557100016");
    String wamid = wa.sendAccepted("15557100016", null);

    wa.advance("2s");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(2);
    String expectedRaw = "{\"object\" :  \"whatsapp_business_account\",\n  \"odd\":\"" + wamid
        + "\",   \"big\": 123456789012345678901234567890 , \"é\": \"\\u00e9\" }\n";
    assertThat(posts.get(0).body()).isEqualTo(expectedRaw.getBytes(StandardCharsets.UTF_8));
    assertThat(posts.get(0).header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(posts.get(0).header("X-Hub-Signature-256")).isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(0).body()));
    assertThat(wa.callbacks(wamid).get(0).get("headers").get("Content-Type").asText())
        .isEqualTo("text/plain; charset=utf-8");

    assertThat(posts.get(1).text())
        .isEqualTo("{\"zeta\":1,\"alpha\":12345678901234567890,\"nested\":{\"b\":\"x\",\"a\":[1,2]},\"id\":\"" + wamid + "\"}");
    assertThat(posts.get(1).header("Content-Type")).isEqualTo("application/json");
    assertThat(posts.get(1).header("X-Hub-Signature-256")).isEqualTo(WhatsAppSignature.of(APP_SECRET, posts.get(1).body()));
  }

  @Test
  void placeholdersAreReplacedWholeWithTheirValueAndInsideTextAsText() {
    wa.play("""
        id: opt-placeholders
        provider: whatsapp
        description: every placeholder
        callbacks:
          - at: 3s
            raw:
              pmid: "{{provider_message_id}}"
              to: "{{to}}"
              ts: "{{timestamp}}"
              url: "{{callback_url}}"
              data: "{{callback_data}}"
              text: "id={{provider_message_id}} to={{to}} at={{timestamp}} data={{callback_data}}"
          - at: 4s
            raw: '{"ts":{{timestamp}},"url":"{{callback_url}}","data":"{{callback_data}}"}'
          - at: 5s
            status: read
            fields:
              recipient_id: "{{to}}"
              echoed: "{{callback_data}}"
              "/entry/0/id": "entry-{{timestamp}}"
        """, "+15557100017");
    Instant sentAt = wa.now();
    String wamid = wa.sendAccepted("15557100017", "ours-17");
    String url = receiver.url("/webhooks/whatsapp");

    wa.advance("5s");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(3);
    String ts3 = String.valueOf(sentAt.plusSeconds(3).getEpochSecond());
    String ts4 = String.valueOf(sentAt.plusSeconds(4).getEpochSecond());
    String ts5 = String.valueOf(sentAt.plusSeconds(5).getEpochSecond());

    JsonNode whole = Json.parse(posts.get(0).text());
    assertThat(whole.get("pmid").asText()).isEqualTo(wamid);
    assertThat(whole.get("to").asText()).isEqualTo("+15557100017");
    assertThat(whole.get("ts").isTextual()).as("WhatsApp timestamps are string seconds").isTrue();
    assertThat(whole.get("ts").asText()).isEqualTo(ts3);
    assertThat(whole.get("url").asText()).isEqualTo(url);
    assertThat(whole.get("data").asText()).isEqualTo("ours-17");
    assertThat(whole.get("text").asText())
        .isEqualTo("id=" + wamid + " to=+15557100017 at=" + ts3 + " data=ours-17");

    assertThat(posts.get(1).text()).isEqualTo("{\"ts\":" + ts4 + ",\"url\":\"" + url + "\",\"data\":\"ours-17\"}");

    JsonNode root = Json.parse(posts.get(2).text());
    JsonNode read = root.at("/entry/0/changes/0/value/statuses/0");
    assertThat(read.get("recipient_id").asText()).isEqualTo("+15557100017");
    assertThat(read.get("echoed").asText()).isEqualTo("ours-17");
    assertThat(read.get("timestamp").asText()).isEqualTo(ts5);
    assertThat(root.at("/entry/0/id").asText()).isEqualTo("entry-" + ts5);
  }

  // ---- callbacks: drop ------------------------------------------------------------------------------

  @Test
  void aDroppedStepIsJournaledButNeverSentWhileTheProviderSideStatusMoves() {
    wa.play("""
        id: opt-drop
        provider: whatsapp
        description: the final report is lost
        callbacks:
          - at: 1s
            status: sent
          - at: 2s
            status: delivered
            drop: true
        """, "+15557100018");
    String wamid = wa.sendAccepted("15557100018", null);

    JsonNode fired = wa.advance("3s");

    assertThat(receiver.posts()).hasSize(1);
    assertThat(statuses(receiver.posts().get(0)).get(0).get("status").asText()).isEqualTo("sent");
    assertThat(list(fired.get("fired"))).extracting(f -> f.get("status").asText()).containsExactly("sent", "delivered");
    assertThat(fired.get("fired").get(1).get("response_code").isNull()).isTrue();
    List<JsonNode> journal = wa.callbacks(wamid);
    assertThat(journal).extracting(j -> j.get("outcome").asText()).containsExactly("answered", "dropped");
    assertThat(journal.get(1).get("response_code").isNull()).isTrue();
    assertThat(journal.get(1).get("next_retry_at").isNull()).isTrue();
    assertThat(wa.status(wamid)).isEqualTo("delivered");
    assertThat(wa.advance("1d").get("fired")).isEmpty();
  }

  @Test
  void aDroppedStepHasNoSendTime() {
    wa.play("""
        id: opt-drop-times
        provider: whatsapp
        description: dropped
        callbacks:
          - at: 1s
            status: delivered
            drop: true
        """, "+15557100019");
    String wamid = wa.sendAccepted("15557100019", null);
    wa.advance("1s");

    JsonNode dropped = wa.callbacks(wamid).get(0);
    assertThat(dropped.get("outcome").asText()).isEqualTo("dropped");
    assertThat(dropped.get("sent_at").isNull()).isTrue();
    assertThat(dropped.get("latency_ms").isNull()).isTrue();
  }

  // ---- retries --------------------------------------------------------------------------------------

  @Test
  void aFailingReceiverGetsWhatsAppsRetrySchedule() {
    wa.play("""
        id: opt-retry
        provider: whatsapp
        description: one status
        callbacks:
          - at: 1s
            status: sent
        """, "+15557100020");
    Instant t0 = wa.now();
    String wamid = wa.sendAccepted("15557100020", null);
    receiver.answering(500);

    // first try at 1s, retries 30 s and 60 s later: all three fall due within this one advance
    JsonNode fired = wa.advance("100s");

    assertThat(list(fired.get("fired"))).extracting(f -> f.get("response_code").asInt()).containsExactly(500, 500, 500);
    List<JsonNode> journal = wa.callbacks(wamid);
    assertThat(journal).extracting(j -> j.get("attempt").asInt()).containsExactly(1, 2, 3);
    assertThat(journal).extracting(j -> Instant.parse(j.get("sent_at").asText()))
        .containsExactly(t0.plusSeconds(1), t0.plusSeconds(31), t0.plusSeconds(91));
    assertThat(journal).extracting(j -> Instant.parse(j.get("next_retry_at").asText()))
        .containsExactly(t0.plusSeconds(31), t0.plusSeconds(91), t0.plusSeconds(211));
    assertThat(journal).extracting(j -> Instant.parse(j.get("due_at").asText()))
        .containsExactly(t0.plusSeconds(1), t0.plusSeconds(31), t0.plusSeconds(91));
    assertThat(journal).allSatisfy(j -> assertThat(j.get("step").asInt()).isZero());

    receiver.answering(200);
    JsonNode more = wa.advance("5m");
    assertThat(list(more.get("fired"))).extracting(f -> f.get("response_code").asInt()).containsExactly(200);
    JsonNode last = wa.callbacks(wamid).get(3);
    assertThat(last.get("attempt").asInt()).isEqualTo(4);
    assertThat(Instant.parse(last.get("sent_at").asText())).isEqualTo(t0.plusSeconds(211));
    assertThat(last.get("next_retry_at").isNull()).isTrue();

    // every try carries the same bytes and signature
    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(4);
    assertThat(posts).extracting(CallbackReceiver.Received::text).containsOnly(posts.get(0).text());
    assertThat(posts).extracting(p -> p.header("X-Hub-Signature-256")).containsOnly(posts.get(0).header("X-Hub-Signature-256"));
    assertThat(wa.advance("1d").get("fired")).isEmpty();
  }

  @Test
  void retriesDoubleUpToAnHourThenComeHourlyUntilSevenDays() {
    wa.play("""
        id: opt-retry-week
        provider: whatsapp
        description: one status, never accepted
        callbacks:
          - at: 0ms
            status: sent
        """, "+15557100021");
    String wamid = wa.sendAccepted("15557100021", null);
    receiver.answering(503);

    wa.advance("P8D");

    List<JsonNode> journal = wa.callbacks(wamid);
    Instant first = Instant.parse(journal.get(0).get("sent_at").asText());
    List<Long> waits = new ArrayList<>();
    for (JsonNode j : journal.subList(0, journal.size() - 1)) {
      waits.add(Duration.between(Instant.parse(j.get("sent_at").asText()),
          Instant.parse(j.get("next_retry_at").asText())).toSeconds());
    }
    assertThat(waits.subList(0, 8)).containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L);
    assertThat(waits.subList(8, waits.size())).containsOnly(3600L);
    JsonNode last = journal.get(journal.size() - 1);
    Duration lastSinceFirst = Duration.between(first, Instant.parse(last.get("sent_at").asText()));
    assertThat(lastSinceFirst).isLessThanOrEqualTo(Duration.ofDays(7));
    assertThat(lastSinceFirst.plusHours(1)).isGreaterThan(Duration.ofDays(7));
    assertThat(last.get("next_retry_at").isNull()).isTrue();
    assertThat(receiver.posts()).hasSize(journal.size());
  }

  // ---- selection and recipients ---------------------------------------------------------------------

  @Test
  void aBindingBeatsMatchToWhichBeatsTheDefaultAndTheNewestUploadMatchesFirst() {
    String older = """
        id: opt-match-older
        provider: whatsapp
        description: matches +1555720xxxx
        match:
          to: "^\\\\+1555720\\\\d{4}$"
        callbacks:
          - at: 1s
            status: sent
        """;
    wa.upload(older);
    wa.upload(older.replace("opt-match-older", "opt-match-newer"));

    assertThat(scenarioOf(wa.sendAccepted("15557200001", null))).isEqualTo("opt-match-newer");
    assertThat(scenarioOf(wa.sendAccepted("15557300001", null))).isEqualTo("whatsapp-happy-path");
    // match.to matches the whole recipient
    assertThat(scenarioOf(wa.sendAccepted("155572000019", null))).isEqualTo("whatsapp-happy-path");

    // replacing an upload makes it the newest
    wa.upload(older.replace("matches", "still matches"));
    assertThat(scenarioOf(wa.sendAccepted("15557200002", null))).isEqualTo("opt-match-older");

    wa.bind("+15557200003", "whatsapp-a4-delivered-without-sent");
    assertThat(scenarioOf(wa.sendAccepted("15557200003", null))).isEqualTo("whatsapp-a4-delivered-without-sent");
    assertThat(scenarioOf(wa.sendAccepted("15557200004", null))).isEqualTo("opt-match-older");
  }

  @Test
  void matchToTriesUploadsThenFoldersInFileNameOrderThenTheLibrary(@TempDir Path folder) throws Exception {
    String template = """
        id: %s
        provider: whatsapp
        description: from a folder
        match:
          to: "^\\\\+1555750\\\\d{4}$"
        """;
    Files.writeString(folder.resolve("10-zulu.yaml"), template.formatted("opt-folder-zulu"));
    Files.writeString(folder.resolve("20-alpha.yaml"), template.formatted("opt-folder-alpha"));
    try (Simulators own = Simulators.start(SimulatorSettings.forTests("virtual").withScenarioFolders(List.of(folder)))) {
      WhatsAppDriver owa = new WhatsAppDriver(own);
      owa.webhookTo(receiver);

      List<JsonNode> listed = list(Http.get(owa.base() + "/__sim/scenarios").json().get("scenarios"));
      assertThat(listed).filteredOn(x -> x.get("id").asText().startsWith("opt-folder-"))
          .extracting(x -> x.get("id").asText() + " " + x.get("source").asText())
          .containsExactly("opt-folder-zulu folder", "opt-folder-alpha folder");
      assertThat(owa.message(owa.sendAccepted("15557500001", null)).get("scenario").asText())
          .isEqualTo("opt-folder-zulu");

      owa.upload(template.formatted("opt-folder-upload").replace("from a folder", "uploaded"));
      assertThat(owa.message(owa.sendAccepted("15557500002", null)).get("scenario").asText())
          .isEqualTo("opt-folder-upload");

      // reset forgets the upload; the folders stay
      owa.resetAll();
      assertThat(owa.message(owa.sendAccepted("15557500003", null)).get("scenario").asText())
          .isEqualTo("opt-folder-zulu");
    }
  }

  @Test
  void recipientsAreNormalisedToE164WithAPlus() {
    wa.bind("15557400001", "whatsapp-a4-delivered-without-sent");

    String withoutPlus = wa.sendAccepted("15557400001", null);
    String withPlus = wa.sendAccepted("+15557400001", null);

    assertThat(wa.message(withoutPlus).get("to").asText()).isEqualTo("+15557400001");
    assertThat(scenarioOf(withoutPlus)).isEqualTo("whatsapp-a4-delivered-without-sent");
    assertThat(scenarioOf(withPlus)).isEqualTo("whatsapp-a4-delivered-without-sent");
    assertThat(list(Http.get(wa.base() + "/__sim/bindings").json().get("bindings")))
        .extracting(b -> b.get("to").asText()).containsExactly("+15557400001");
    assertThat(list(Http.get(wa.base() + "/__sim/messages?to=15557400001").json().get("messages"))).hasSize(2);

    wa.advance("2s");
    assertThat(receiver.posts()).allSatisfy(p ->
        assertThat(statuses(p).get(0).get("recipient_id").asText()).isEqualTo("15557400001"));
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private String scenarioOf(String wamid) {
    return wa.message(wamid).get("scenario").asText();
  }

  /** The statuses[] of a notification's first change. */
  private static JsonNode statuses(CallbackReceiver.Received post) {
    return Json.parse(post.text()).at("/entry/0/changes/0/value/statuses");
  }

  private static List<String> words(JsonNode statuses) {
    return list(statuses).stream().map(s -> s.get("status").asText()).toList();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
