package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The timing options of {@code send} (simulator.md, "Scenario format: the exact rules") played
 * through real HTTP with WhatsApp: a {@code timeout} closes the connection without an answer, a
 * {@code delay} holds the answer while callbacks at 0 ms already reach the receiver, on the virtual
 * and on the real clock.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioSendTimingAcceptanceTest extends ScenarioOptionsFixture {
  // ---- send
  // ----------------------------------------------------------------------------------------

  @Test
  void aTimeoutHoldsTheConnectionForItsDelayThenClosesItWithoutAnAnswerAndCallbacksStillFollow() {
    wa.play(
        """
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
        """,
        "+15557100007");

    long started = System.nanoTime();
    Optional<HttpResponse<String>> answer =
        wa.sendRaw("15557100007", "ours-7", Duration.ofSeconds(10));
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(answer).as("the connection must close without an HTTP answer").isEmpty();
    assertThat(tookMs).isGreaterThanOrEqualTo(300).isLessThan(5_000);
    assertThat(wa.messages()).hasSize(1);
    String wamid = wa.messages().get(0).get("provider_message_id").asText();

    wa.advance("3s");
    assertThat(receiver.posts())
        .extracting(p -> statuses(p).get(0).get("status").asText())
        .containsExactly("sent", "delivered");
    assertThat(receiver.posts())
        .allSatisfy(p -> assertThat(statuses(p).get(0).get("id").asText()).isEqualTo(wamid));
  }

  @Test
  void aDelayedSendAnswersLateWhileACallbackAtZeroReachesTheReceiverFirst() throws Exception {
    wa.play(
        """
        id: opt-delay
        provider: whatsapp
        description: the answer takes 2500ms; sent at 0ms
        send:
          respond: accept
          delay: 2500ms
        callbacks:
          - at: 0ms
            status: sent
        """,
        "+15557100008");

    long started = System.nanoTime();
    CompletableFuture<Http.Answer> send =
        CompletableFuture.supplyAsync(() -> wa.send("15557100008", "ours-8"));
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
  void onTheRealClockACallbackAtZeroArrivesWhileTheDelayedAnswerIsStillHeld() throws Exception {
    try (Simulators real = Simulators.start(SimulatorSettings.forTests("real"));
        CallbackReceiver early = new CallbackReceiver()) {
      WhatsAppDriver rwa = new WhatsAppDriver(real);
      rwa.webhookTo(early);
      rwa.play(
          """
          id: opt-delay-real
          provider: whatsapp
          description: the answer takes 2s; sent at 0ms
          send:
            respond: accept
            delay: 2s
          callbacks:
            - at: 0ms
              status: sent
          """,
          "+15557100032");

      long started = System.nanoTime();
      CompletableFuture<Http.Answer> send =
          CompletableFuture.supplyAsync(() -> rwa.send("15557100032", "ours-32"));
      await().atMost(Duration.ofSeconds(5)).until(() -> early.posts().size() == 1);

      assertThat(send).as("the callback must come before the send answer").isNotDone();
      Http.Answer answer = send.get(10, TimeUnit.SECONDS);
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2000);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(statuses(early.posts().get(0)).get(0).get("id").asText())
          .isEqualTo(answer.json().at("/messages/0/id").asText());
    }
  }
}
