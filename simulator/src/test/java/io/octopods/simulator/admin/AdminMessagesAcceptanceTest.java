package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__sim/messages}, {@code GET /__sim/messages/{id}} and the callback journal {@code GET
 * /__sim/callbacks} (simulator.md, "Admin API"), through real HTTP on the WhatsApp port, with the
 * shape of its answer checked field by field and against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class AdminMessagesAcceptanceTest extends AdminApiFixture {
  // ---- messages
  // -------------------------------------------------------------------------------------

  @Test
  void aMessageIsListedWithItsShapeAndItsStatusMovesWithTheClock() {
    Instant before = wa.now();
    String wamid = wa.sendAccepted("15557010004", "ours-4");
    String other = wa.sendAccepted("15557010005", null);

    Http.Answer all = Http.get(base + "/__sim/messages");
    assertThat(all.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-messages.schema.json", all.body())).isEmpty();
    assertThat(list(all.json().get("messages")))
        .extracting(m -> m.get("provider_message_id").asText())
        .containsExactly(wamid, other);

    Http.Answer one = Http.get(base + "/__sim/messages?to=15557010004");
    assertThat(list(one.json().get("messages")))
        .extracting(m -> m.get("provider_message_id").asText())
        .containsExactly(wamid);
    assertThat(
            list(
                Http.get(base + "/__sim/messages?to=" + WhatsAppDriver.enc("+15557010005"))
                    .json()
                    .get("messages")))
        .extracting(m -> m.get("provider_message_id").asText())
        .containsExactly(other);

    Http.Answer m = Http.get(base + "/__sim/messages/" + WhatsAppDriver.enc(wamid));
    assertThat(m.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-message.schema.json", m.body())).isEmpty();
    JsonNode msg = m.json();
    assertThat(msg.get("provider_message_id").asText()).isEqualTo(wamid);
    assertThat(msg.get("to").asText()).isEqualTo("+15557010004");
    assertThat(msg.get("scenario").asText()).isEqualTo("whatsapp-happy-path");
    assertThat(msg.get("attempts").asInt()).isEqualTo(1);
    assertThat(msg.get("correlation").asText()).isEqualTo("ours-4");
    assertThat(Instant.parse(msg.get("received_at").asText())).isEqualTo(before);
    assertThat(wa.message(other).get("correlation").isNull()).isTrue();

    // happy path: sent 500ms, delivered 2s, read 5s; the status is the last step whose time has
    // passed
    String initial = msg.get("status").asText();
    assertThat(initial).isNotIn("sent", "delivered", "read");
    wa.advance("499ms");
    assertThat(wa.status(wamid)).isEqualTo(initial);
    wa.advance("1ms");
    assertThat(wa.status(wamid)).isEqualTo("sent");
    wa.advance("1500ms");
    assertThat(wa.status(wamid)).isEqualTo("delivered");
    wa.advance("3s");
    assertThat(wa.status(wamid)).isEqualTo("read");
    assertThat(wa.status(other)).isEqualTo("read");
  }

  @Test
  void attemptsCountTheSendsOfOneCorrelation() {
    wa.bind("+15557010006", "whatsapp-g1-throttled-then-accepted");
    assertThat(wa.send("15557010006", "ours-6").status()).isEqualTo(429);
    assertThat(wa.send("15557010006", "ours-6").status()).isEqualTo(429);
    String wamid = wa.sendAccepted("15557010006", "ours-6");

    JsonNode msg = wa.message(wamid);
    assertThat(msg.get("attempts").asInt()).isEqualTo(3);
    assertThat(msg.get("correlation").asText()).isEqualTo("ours-6");
    assertThat(wa.messages()).hasSize(1);
  }

  @Test
  void anUnknownMessageIs404Problem() {
    assertProblem(Http.get(base + "/__sim/messages/wamid.NOPE"), 404);
  }

  // ---- callbacks journal
  // ----------------------------------------------------------------------------

  @Test
  void theJournalShowsEveryFieldOfEachAttemptInFiringOrder() {
    Instant start = wa.now();
    String first = wa.sendAccepted("15557010007", "ours-7");
    String second = wa.sendAccepted("15557010008", null);
    wa.advance("6s");

    Http.Answer a = Http.get(base + "/__sim/callbacks");
    assertThat(a.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-callbacks.schema.json", a.body())).isEmpty();
    List<JsonNode> attempts = list(a.json().get("attempts"));
    assertThat(attempts).hasSize(6);
    assertThat(attempts)
        .extracting(j -> j.get("message").asText())
        .containsExactly(first, second, first, second, first, second);
    assertThat(attempts).extracting(j -> j.get("seq").asLong()).isSorted().doesNotHaveDuplicates();

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(6);
    for (int i = 0; i < attempts.size(); i++) {
      JsonNode j = attempts.get(i);
      CallbackReceiver.Received post = posts.get(i);
      int step = i / 2;
      Instant due =
          start.plus(
              List.of(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5))
                  .get(step));
      assertThat(j.get("step").asInt()).isEqualTo(step);
      assertThat(j.get("attempt").asInt()).isEqualTo(1);
      assertThat(Instant.parse(j.get("due_at").asText())).isEqualTo(due);
      assertThat(Instant.parse(j.get("sent_at").asText())).isEqualTo(due);
      assertThat(j.get("url").asText()).isEqualTo(receiver.url("/webhooks/whatsapp"));
      assertThat(j.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
      assertThat(j.get("headers").get("X-Hub-Signature-256").asText())
          .isEqualTo(post.header("X-Hub-Signature-256"));
      assertThat(j.get("body").asText()).isEqualTo(post.text());
      assertThat(post.header("Content-Length")).isEqualTo(String.valueOf(post.body().length));
      assertThat(post.header("Transfer-Encoding")).isNull();
      assertThat(j.get("signature").asText()).isEqualTo("valid");
      assertThat(j.get("outcome").asText()).isEqualTo("answered");
      assertThat(j.get("response_code").asInt()).isEqualTo(200);
      assertThat(j.get("latency_ms").isIntegralNumber()).isTrue();
      assertThat(j.get("latency_ms").asLong()).isNotNegative();
      assertThat(j.get("next_retry_at").isNull()).isTrue();
    }

    List<JsonNode> ofFirst = wa.callbacks(first);
    assertThat(ofFirst)
        .hasSize(3)
        .allSatisfy(j -> assertThat(j.get("message").asText()).isEqualTo(first));
    assertThat(ofFirst)
        .extracting(j -> j.get("seq").asLong())
        .containsExactly(
            attempts.get(0).get("seq").asLong(),
            attempts.get(2).get("seq").asLong(),
            attempts.get(4).get("seq").asLong());
    assertThat(wa.callbacks("wamid.NOPE")).isEmpty();
  }

  @Test
  void anUnreachableReceiverIsJournaledAsAConnectErrorWithItsRetry() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    wa.webhookTo("http://127.0.0.1:" + closedPort + "/webhooks/whatsapp");
    String wamid = wa.sendAccepted("15557010009", null);
    Instant start = wa.now();

    JsonNode advanced = wa.advance("600ms");

    assertThat(list(advanced.get("fired")))
        .hasSize(1)
        .allSatisfy(f -> assertThat(f.get("response_code").isNull()).isTrue());
    JsonNode j = wa.callbacks(wamid).get(0);
    assertThat(j.get("outcome").asText()).isEqualTo("connect-error");
    assertThat(j.get("response_code").isNull()).isTrue();
    assertThat(Instant.parse(j.get("next_retry_at").asText()))
        .isEqualTo(start.plusMillis(500).plusSeconds(30));
  }
}
