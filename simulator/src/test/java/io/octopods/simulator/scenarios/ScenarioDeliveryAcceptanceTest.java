package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How callback steps are delivered (simulator.md, "Scenario format: the exact rules"), played
 * through real HTTP with WhatsApp and the virtual clock: playing order, {@code repeat}, {@code
 * drop}, and WhatsApp's retries of a failing receiver.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioDeliveryAcceptanceTest extends ScenarioOptionsFixture {
  // ---- callbacks: order, repeat
  // ---------------------------------------------------------------------

  @Test
  void stepsPlayByDueTimeThenMessageArrivalThenStep() {
    wa.play(
        """
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
        """,
        "+15557100009");
    wa.play(
        """
        id: opt-order-second
        provider: whatsapp
        description: the second message
        callbacks:
          - at: 1s
            status: played
          - at: 500ms
            status: accepted
        """,
        "+15557100010");
    String first = wa.sendAccepted("15557100009", null);
    String second = wa.sendAccepted("15557100010", null);

    JsonNode fired = wa.advance("5s");

    List<String> expected =
        List.of(
            second + " accepted",
            first + " delivered",
            second + " played",
            first + " sent",
            first + " read");
    assertThat(list(fired.get("fired")))
        .extracting(f -> f.get("message").asText() + " " + f.get("status").asText())
        .containsExactlyElementsOf(expected);
    assertThat(receiver.posts())
        .extracting(
            p -> {
              JsonNode s = statuses(p).get(0);
              return s.get("id").asText() + " " + s.get("status").asText();
            })
        .containsExactlyElementsOf(expected);
    // step numbers are the playing order of the message's own script
    assertThat(wa.callbacks(first)).extracting(j -> j.get("step").asInt()).containsExactly(0, 1, 2);
  }

  @Test
  void repeatSendsIdenticalBodiesAndSignaturesBackToBack() {
    wa.play(
        """
        id: opt-repeat
        provider: whatsapp
        description: delivered three times
        callbacks:
          - at: 1s
            status: delivered
            repeat: 3
          - at: 1s
            status: read
        """,
        "+15557100011");
    wa.sendAccepted("15557100011", "ours-11");

    JsonNode fired = wa.advance("1s");

    assertThat(fired.get("fired")).hasSize(4);
    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts)
        .extracting(p -> statuses(p).get(0).get("status").asText())
        .containsExactly("delivered", "delivered", "delivered", "read");
    assertThat(posts.subList(0, 3))
        .extracting(CallbackReceiver.Received::text)
        .containsOnly(posts.get(0).text());
    assertThat(posts.subList(0, 3))
        .extracting(p -> p.header("X-Hub-Signature-256"))
        .containsOnly(WhatsAppSignature.of(APP_SECRET, posts.get(0).body()));
    assertThat(wa.callbacks(null))
        .extracting(j -> j.get("step").asInt() + "/" + j.get("attempt").asInt())
        .containsExactly("0/1", "0/1", "0/1", "1/1");
  }

  // ---- callbacks: drop
  // ------------------------------------------------------------------------------

  @Test
  void aDroppedStepIsJournaledButNeverSentWhileTheProviderSideStatusMoves() {
    wa.play(
        """
        id: opt-drop
        provider: whatsapp
        description: the final report is lost
        callbacks:
          - at: 1s
            status: sent
          - at: 2s
            status: delivered
            drop: true
        """,
        "+15557100018");
    String wamid = wa.sendAccepted("15557100018", null);

    JsonNode fired = wa.advance("3s");

    assertThat(receiver.posts()).hasSize(1);
    assertThat(statuses(receiver.posts().get(0)).get(0).get("status").asText()).isEqualTo("sent");
    assertThat(list(fired.get("fired")))
        .extracting(f -> f.get("status").asText())
        .containsExactly("sent", "delivered");
    assertThat(fired.get("fired").get(1).get("response_code").isNull()).isTrue();
    List<JsonNode> journal = wa.callbacks(wamid);
    assertThat(journal)
        .extracting(j -> j.get("outcome").asText())
        .containsExactly("answered", "dropped");
    assertThat(journal.get(1).get("response_code").isNull()).isTrue();
    assertThat(journal.get(1).get("next_retry_at").isNull()).isTrue();
    assertThat(wa.status(wamid)).isEqualTo("delivered");
    assertThat(wa.advance("1d").get("fired")).isEmpty();
  }

  @Test
  void aDroppedStepHasNoSendTime() {
    wa.play(
        """
        id: opt-drop-times
        provider: whatsapp
        description: dropped
        callbacks:
          - at: 1s
            status: delivered
            drop: true
        """,
        "+15557100019");
    String wamid = wa.sendAccepted("15557100019", null);
    wa.advance("1s");

    JsonNode dropped = wa.callbacks(wamid).get(0);
    assertThat(dropped.get("outcome").asText()).isEqualTo("dropped");
    assertThat(dropped.get("sent_at").isNull()).isTrue();
    assertThat(dropped.get("latency_ms").isNull()).isTrue();
  }

  // ---- retries
  // --------------------------------------------------------------------------------------

  @Test
  void aFailingReceiverGetsWhatsAppsRetrySchedule() {
    wa.play(
        """
        id: opt-retry
        provider: whatsapp
        description: one status
        callbacks:
          - at: 1s
            status: sent
        """,
        "+15557100020");
    Instant t0 = wa.now();
    String wamid = wa.sendAccepted("15557100020", null);
    receiver.answering(500);

    // first try at 1s, retries 30 s and 60 s later: all three fall due within this one advance
    JsonNode fired = wa.advance("100s");

    assertThat(list(fired.get("fired")))
        .extracting(f -> f.get("response_code").asInt())
        .containsExactly(500, 500, 500);
    List<JsonNode> journal = wa.callbacks(wamid);
    assertThat(journal).extracting(j -> j.get("attempt").asInt()).containsExactly(1, 2, 3);
    assertThat(journal)
        .extracting(j -> Instant.parse(j.get("sent_at").asText()))
        .containsExactly(t0.plusSeconds(1), t0.plusSeconds(31), t0.plusSeconds(91));
    assertThat(journal)
        .extracting(j -> Instant.parse(j.get("next_retry_at").asText()))
        .containsExactly(t0.plusSeconds(31), t0.plusSeconds(91), t0.plusSeconds(211));
    assertThat(journal)
        .extracting(j -> Instant.parse(j.get("due_at").asText()))
        .containsExactly(t0.plusSeconds(1), t0.plusSeconds(31), t0.plusSeconds(91));
    assertThat(journal).allSatisfy(j -> assertThat(j.get("step").asInt()).isZero());

    receiver.answering(200);
    JsonNode more = wa.advance("5m");
    assertThat(list(more.get("fired")))
        .extracting(f -> f.get("response_code").asInt())
        .containsExactly(200);
    JsonNode last = wa.callbacks(wamid).get(3);
    assertThat(last.get("attempt").asInt()).isEqualTo(4);
    assertThat(Instant.parse(last.get("sent_at").asText())).isEqualTo(t0.plusSeconds(211));
    assertThat(last.get("next_retry_at").isNull()).isTrue();

    // every try carries the same bytes and signature
    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(4);
    assertThat(posts).extracting(CallbackReceiver.Received::text).containsOnly(posts.get(0).text());
    assertThat(posts)
        .extracting(p -> p.header("X-Hub-Signature-256"))
        .containsOnly(posts.get(0).header("X-Hub-Signature-256"));
    assertThat(wa.advance("1d").get("fired")).isEmpty();
  }

  @Test
  void retriesDoubleUpToAnHourThenComeHourlyUntilSevenDays() {
    wa.play(
        """
        id: opt-retry-week
        provider: whatsapp
        description: one status, never accepted
        callbacks:
          - at: 0ms
            status: sent
        """,
        "+15557100021");
    String wamid = wa.sendAccepted("15557100021", null);
    receiver.answering(503);

    wa.advance("P8D");

    List<JsonNode> journal = wa.callbacks(wamid);
    Instant first = Instant.parse(journal.get(0).get("sent_at").asText());
    List<Long> waits = new ArrayList<>();
    for (JsonNode j : journal.subList(0, journal.size() - 1)) {
      waits.add(
          Duration.between(
                  Instant.parse(j.get("sent_at").asText()),
                  Instant.parse(j.get("next_retry_at").asText()))
              .toSeconds());
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
}
