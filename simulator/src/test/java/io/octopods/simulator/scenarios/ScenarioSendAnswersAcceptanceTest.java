package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code send} options of the scenario format (simulator.md, "Scenario format: the exact
 * rules") played through real HTTP with WhatsApp: what each attempt of the send route answers
 * (throttle, reject, server-error, their overrides), how attempts of one correlation count, which
 * attempts create a provider message, and {@code callbacks_on_reject}.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioSendAnswersAcceptanceTest extends ScenarioOptionsFixture {
  // ---- send
  // ----------------------------------------------------------------------------------------

  @Test
  void aSendListThrottlesTwiceThenAccepts_theAcceptedAttemptCreatesTheMessageAndItsCallbacks() {
    wa.play(
        """
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
        """,
        "+15557100001");

    for (int i = 0; i < 2; i++) {
      Http.Answer throttled = wa.send("15557100001", "ours-1");
      assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
      assertThat(throttled.json().at("/error/code").asInt()).isEqualTo(130429);
      assertThat(throttled.json().at("/error/message").asText())
          .isEqualTo("(#130429) Rate limit hit");
      assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
      assertThat(wa.advance("10s").get("fired")).isEmpty();
    }
    Instant acceptedAt = wa.now();
    String wamid = wa.sendAccepted("15557100001", "ours-1");

    assertThat(wa.messages()).hasSize(1);
    assertThat(wa.message(wamid).get("attempts").asInt()).isEqualTo(3);
    assertThat(Instant.parse(wa.message(wamid).get("received_at").asText()))
        .as("the attempt that created it, not the first of its correlation")
        .isEqualTo(acceptedAt);

    wa.advance("3s");
    List<JsonNode> journal = wa.callbacks(wamid);
    assertThat(journal)
        .extracting(j -> Instant.parse(j.get("due_at").asText()))
        .containsExactly(acceptedAt.plusMillis(500), acceptedAt.plusSeconds(2));
    assertThat(receiver.posts()).hasSize(2);

    // the last answer repeats: a fourth attempt is accepted too, as a new provider message with its
    // own script
    Instant fourthAt = wa.now();
    Http.Answer fourth = wa.send("15557100001", "ours-1");
    assertThat(fourth.status()).isEqualTo(200);
    String again = fourth.json().at("/messages/0/id").asText();
    assertThat(again).isNotEqualTo(wamid);
    assertThat(wa.message(again).get("attempts").asInt()).isEqualTo(4);
    assertThat(wa.message(wamid).get("attempts").asInt()).isEqualTo(3);
    assertThat(wa.messages()).hasSize(2);
    assertThat(wa.advance("1m").get("fired")).hasSize(2);
    assertThat(wa.callbacks(again))
        .extracting(j -> Instant.parse(j.get("due_at").asText()))
        .containsExactly(fourthAt.plusMillis(500), fourthAt.plusSeconds(2));
  }

  @Test
  void aSingleSendMappingAnswersEveryAttempt_andAttemptsThatCreateNoMessageAreNotListed() {
    wa.play(
        """
        id: opt-throttle-forever
        provider: whatsapp
        description: throttled on every attempt
        send:
          respond: throttle
        callbacks:
          - at: 1s
            status: sent
        """,
        "+15557100002");

    for (int i = 0; i < 3; i++) {
      assertThat(wa.send("15557100002", "ours-2").status()).isEqualTo(429);
    }
    assertThat(wa.send("15557100002", null).status()).isEqualTo(429);
    assertThat(wa.messages()).as("throttled attempts create no provider message").isEmpty();
    assertThat(wa.advance("1m").get("fired")).isEmpty();
  }

  @Test
  void aRejectAnswers400With131026AndPlaysNoCallbacks() {
    wa.play(
        """
        id: opt-reject
        provider: whatsapp
        description: refused
        send:
          respond: reject
        callbacks:
          - at: 1s
            status: failed
            error: 131026
        """,
        "+15557100003");

    Http.Answer a = wa.send("15557100003", "ours-3");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/error/code").asInt()).isEqualTo(131026);
    assertThat(a.json().at("/error/message").asText()).isEqualTo("(#131026) Message Undeliverable");
    assertThat(a.json().at("/error/error_data/messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(wa.advance("1m").get("fired")).isEmpty();
    assertThat(receiver.posts()).isEmpty();
    assertThat(wa.messages()).as("a refused send creates no provider message").isEmpty();
  }

  @Test
  void aRejectWithCallbacksOnRejectIsFollowedByItsCallbacks() {
    wa.play(
        """
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
        """,
        "+15557100004");
    Instant sentAt = wa.now();

    assertThat(wa.send("15557100004", "ours-4").status()).isEqualTo(400);
    assertThat(wa.messages())
        .as("callbacks follow, so the provider created the message")
        .hasSize(1);
    assertThat(wa.messages().get(0).get("status").asText()).isEqualTo("failed");
    JsonNode fired = wa.advance("1s");

    assertThat(fired.get("fired")).hasSize(1);
    assertThat(receiver.posts()).hasSize(1);
    JsonNode status = statuses(receiver.posts().get(0)).get(0);
    assertThat(status.get("status").asText()).isEqualTo("failed");
    assertThat(status.get("timestamp").asText())
        .isEqualTo(String.valueOf(sentAt.plusSeconds(1).getEpochSecond()));
    assertThat(status.get("biz_opaque_callback_data").asText()).isEqualTo("ours-4");
  }

  @Test
  void aServerErrorAnswers500With131000() {
    wa.play(
        """
        id: opt-server-error
        provider: whatsapp
        description: the Graph API fails
        send:
          respond: server-error
        """,
        "+15557100005");

    Http.Answer a = wa.send("15557100005", null);

    assertThat(a.status()).isEqualTo(500);
    assertThat(a.json().at("/error/code").asInt()).isEqualTo(131000);
    assertThat(a.json().at("/error/message").asText()).isEqualTo("(#131000) Something went wrong");
  }

  @Test
  void errorHttpStatusAndRetryAfterOverrideTheDefaults() {
    wa.play(
        """
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
        """,
        "+15557100006");

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
    assertThat(refused.json().at("/error/message").asText())
        .isEqualTo("(#131047) Re-engagement message");
  }

  @Test
  void aNonNumericSendErrorIsAnsweredInTheGraphDialect() {
    wa.play(
        """
        id: opt-send-error-text
        provider: whatsapp
        description: a code that is not a number
        send:
          respond: reject
          error: "abc"
        """,
        "+15557100030");

    Http.Answer a = wa.send("15557100030", null);

    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/json");
    assertThat(a.json().at("/error/message").asText()).contains("Unknown error");
  }
}
