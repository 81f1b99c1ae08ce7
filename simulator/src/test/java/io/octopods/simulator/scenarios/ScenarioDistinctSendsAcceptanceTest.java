package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Distinct sends are never merged (simulator.md, "Distinct sends"), played with WhatsApp: a
 * provider message per accepted send, the (recipient, correlation) pair choosing the answer, and
 * {@code accepted} on {@code server-error} and {@code timeout}.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioDistinctSendsAcceptanceTest extends ScenarioOptionsFixture {
  @Test
  void theSameCallbackDataToTwoRecipientsIsTwoMessagesWithTwoCallbackSequences() {
    String first = wa.sendAccepted("15557500001", "ours-1");
    String second = wa.sendAccepted("15557500002", "ours-1");
    wa.advance("6s");

    assertThat(first).isNotEqualTo(second);
    for (String wamid : List.of(first, second)) {
      assertThat(wa.callbacks(wamid))
          .extracting(j -> j.get("status").asText())
          .containsExactly("sent", "delivered", "read");
      assertThat(wa.message(wamid).get("attempts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aServerErrorAcceptedThenAnAcceptedRetryIsTwoMessages_eachWithItsCallbacks_libraryRowD4() {
    wa.bind("+15557500003", "whatsapp-d4-server-error-but-accepted");
    Instant firstAt = wa.now();
    Http.Answer failed = wa.send("15557500003", "ours-3");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().at("/error/code").asInt()).isEqualTo(131000);
    wa.advance("1s");
    Instant retryAt = wa.now();
    String retried = wa.sendAccepted("15557500003", "ours-3");
    wa.advance("10s");

    List<JsonNode> messages = list(wa.messages());
    assertThat(messages).extracting(m -> m.get("attempts").asInt()).containsExactly(1, 2);
    String hidden = messages.get(0).get("provider_message_id").asText();
    assertThat(messages.get(1).get("provider_message_id").asText()).isEqualTo(retried);
    assertThat(hidden).isNotEqualTo(retried);
    for (Object[] m : new Object[][] {{hidden, firstAt}, {retried, retryAt}}) {
      Instant origin = (Instant) m[1];
      List<JsonNode> journal = wa.callbacks((String) m[0]);
      assertThat(journal)
          .extracting(j -> j.get("status").asText())
          .containsExactly("sent", "delivered", "read");
      assertThat(journal)
          .extracting(j -> Instant.parse(j.get("due_at").asText()))
          .containsExactly(origin.plusMillis(500), origin.plusSeconds(2), origin.plusSeconds(5));
    }
    assertThat(receiver.posts())
        .hasSize(6)
        .allSatisfy(
            p ->
                assertThat(statuses(p).get(0).get("biz_opaque_callback_data").asText())
                    .isEqualTo("ours-3"));
  }

  @Test
  void aServerErrorIsNotAcceptedByDefault_aTimeoutIs_unlessTheScenarioSaysOtherwise() {
    wa.play(
        """
        id: opt-accepted-defaults
        provider: whatsapp
        description: every accepted default and override, one per attempt
        send:
          - respond: server-error
          - respond: timeout
            delay: 50ms
          - respond: timeout
            delay: 50ms
            accepted: false
          - respond: server-error
            accepted: true
        callbacks:
          - at: 1s
            status: sent
        """,
        "+15557500004");

    assertThat(wa.send("15557500004", "ours-4").status()).isEqualTo(500);
    assertThat(wa.messages()).as("a server error creates no message by default").isEmpty();
    assertThat(wa.sendRaw("15557500004", "ours-4", Duration.ofSeconds(5)))
        .as("timeout: no answer")
        .isEmpty();
    assertThat(wa.messages()).as("a timeout creates one by default").hasSize(1);
    assertThat(wa.sendRaw("15557500004", "ours-4", Duration.ofSeconds(5))).isEmpty();
    assertThat(wa.messages()).as("accepted: false").hasSize(1);
    assertThat(wa.send("15557500004", "ours-4").status()).isEqualTo(500);

    List<JsonNode> messages = list(wa.messages());
    assertThat(messages).extracting(m -> m.get("attempts").asInt()).containsExactly(2, 4);
    assertThat(wa.advance("2s").get("fired")).hasSize(2);
  }

  @Test
  void anEmptyCallbackDataIsNoCorrelation_eachSuchSendIsAFirstAttempt() {
    wa.play(
        """
        id: opt-first-attempt-only
        provider: whatsapp
        description: accepted on the first attempt of a pair, throttled after
        send:
          - respond: accept
          - respond: throttle
        """,
        "+15557500005");

    wa.sendAccepted("15557500005", "");
    wa.sendAccepted("15557500005", "");
    wa.sendAccepted("15557500005", "ours-5");
    assertThat(wa.send("15557500005", "ours-5").status()).isEqualTo(429);

    List<JsonNode> messages = list(wa.messages());
    assertThat(messages)
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.get("attempts").asInt()).isEqualTo(1));
    assertThat(messages.get(0).get("correlation").isNull()).isTrue();
  }
}
