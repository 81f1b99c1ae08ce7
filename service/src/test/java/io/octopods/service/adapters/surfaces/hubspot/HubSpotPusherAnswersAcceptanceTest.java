package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Reason;
import io.octopods.simulator.SimulatorClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each of HubSpot's answers to a batch, from the simulator over real HTTP, and what the pusher
 * makes of it: done, retried (never dropped), split, sent alone, or kept as a dead letter (api.md,
 * Surfaces: HubSpot, the table).
 */
class HubSpotPusherAnswersAcceptanceTest extends HubSpotPusherFixture {
  private List<MessageRecord> sendTo(List<String> emails) {
    List<MessageRecord> sent = new ArrayList<>();
    emails.forEach(e -> sent.add(send(e)));
    return sent;
  }

  private List<HistoryEvent> deadLetterEvents(MessageRecord m) {
    return store.history(m.messageId()).stream()
        .filter(e -> e.reason().equals(Optional.of(Reason.DEAD_LETTER)))
        .toList();
  }

  @Test
  void oneRefusedInputAmongAHundredIsOneDeadLetterAndTheOther99AreCreatedInTheSameCall() {
    String email = SimulatedHubSpot.freshEmail();
    String refused = SimulatedHubSpot.freshEmail();
    sim.refuse(refused, 400);
    List<String> contacts = new ArrayList<>(Collections.nCopies(99, email));
    contacts.add(50, refused);
    List<MessageRecord> messages = sendTo(contacts);
    Counting counting = new Counting(client);

    start(counting, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(counting.calls.get()).isEqualTo(1);
    assertThat(sim.timeline(email)).hasSize(99);
    assertThat(dead()).isEqualTo(1);
    MessageRecord bad = messages.get(50);
    assertThat(rows(bad)).singleElement().satisfies(r -> assertThat(r.deadStatus()).isEqualTo(400));
    assertThat(deadLetterEvents(bad))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo("hubspot");
              assertThat(e.providerStatus()).contains("400");
              assertThat(e.errorCode()).contains("VALIDATION_ERROR");
              assertThat(e.rawPayload()).contains("refusals");
            });
    assertThat(outbox.deadLetters(WORKSPACE, 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.eventId()).isEqualTo(bad.messageId() + "-UNKNOWN");
              assertThat(d.httpStatus()).isEqualTo(400);
              assertThat(d.hubspotBody()).contains("VALIDATION_ERROR");
            });
  }

  @Test
  void aBadRequestForTheWholeCallSendsEachEventAloneOnceAndOnlyTheOneRefusedAloneIsADeadLetter() {
    String email = SimulatedHubSpot.freshEmail();
    String refused = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = sendTo(List.of(email, refused, email));
    sim.refuse(refused, 400);
    sim.limits(SimulatorClient.HubSpotLimits.failNext(1, 400));
    Counting counting = new Counting(client);

    start(counting, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(counting.calls.get()).as("the batch, then each of its 3 events alone").isEqualTo(4);
    assertThat(sim.timeline(email)).hasSize(2);
    assertThat(dead()).isEqualTo(1);
    assertThat(deadLetterEvents(messages.get(1))).hasSize(1);
  }

  @Test
  void notFoundForTheWholeCallMakesEveryEventOfItADeadLetter() {
    String email = SimulatedHubSpot.freshEmail();
    List<MessageRecord> messages = sendTo(List.of(email, email));
    sim.limits(SimulatorClient.HubSpotLimits.failNext(1, 404));

    start(client, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(dead()).isEqualTo(2));
    assertThat(pending()).isZero();
    assertThat(messages)
        .allSatisfy(
            m ->
                assertThat(deadLetterEvents(m))
                    .singleElement()
                    .satisfies(e -> assertThat(e.providerStatus()).contains("404")));
    assertThat(sim.timeline(email)).isEmpty();
  }

  @Test
  void tooLargeSplitsTheBatchInHalvesAndEveryEventArrives() {
    String email = SimulatedHubSpot.freshEmail();
    sendTo(List.of(email, email, email, email));
    sim.limits(SimulatorClient.HubSpotLimits.failNext(1, 413));
    Counting counting = new Counting(client);

    start(counting, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(counting.calls.get()).as("the batch of 4, then two of 2").isEqualTo(3);
    assertThat(sim.timeline(email)).hasSize(4);
    assertThat(dead()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"403", "408", "500", "503", "reset"})
  void aRefusalThatIsNotTheEventsFaultIsRetriedWithBackOffAndNeverADeadLetter(String failure) {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = send(email);
    sim.limits(
        failure.equals("reset")
            ? SimulatorClient.HubSpotLimits.resetNext(2)
            : SimulatorClient.HubSpotLimits.failNext(2, Integer.parseInt(failure)));

    start(client, 1);

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(1));
              assertThat(sim.ids(email)).containsExactly(m.messageId() + "-UNKNOWN");
            });
    await().atMost(WAIT).untilAsserted(() -> assertThat(pending()).isZero());
    assertThat(dead()).isZero();
    assertThat(rows(m).get(0).attempts()).isEqualTo(2);
    assertThat(rows(m).get(0).lastError())
        .contains(failure.equals("reset") ? "connection" : failure);
  }

  @Test
  void noAnswerWithinTheTimeoutIsRetried() {
    String email = SimulatedHubSpot.freshEmail();
    MessageRecord m = send(email);
    sim.limits(SimulatorClient.HubSpotLimits.failNext(1, 503).failDelay(TIMEOUT.plusSeconds(1)));

    start(client, 1);

    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(m).get(0).attempts()).isEqualTo(1));
    assertThat(rows(m).get(0).lastError()).contains("no answer within");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              advance(Duration.ofSeconds(1));
              assertThat(sim.ids(email)).containsExactly(m.messageId() + "-UNKNOWN");
            });
    assertThat(dead()).isZero();
  }

  @Test
  void deadLettersQueuedAgainArriveAndReadInStatusOrderThoughPushedAfterTheLaterEvents() {
    String email = SimulatedHubSpot.freshEmail();
    sim.refuse(email, 404);
    MessageRecord m = send(email);
    report(m, "sent");
    start();
    await().atMost(WAIT).untilAsserted(() -> assertThat(dead()).isEqualTo(2));
    sim.liftRefusals();
    report(m, "delivered");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(sim.ids(email)).containsExactly(m.messageId() + "-DELIVERED"));

    assertThat(outbox.requeue("another-workspace", Optional.empty(), clock.instant())).isZero();
    assertThat(outbox.requeue(WORKSPACE, Optional.of(m.messageId() + "-READ"), clock.instant()))
        .isZero();
    assertThat(outbox.requeue(WORKSPACE, Optional.empty(), clock.instant())).isEqualTo(2);

    await().atMost(WAIT).untilAsserted(() -> assertThat(sim.ids(email)).hasSize(3));
    assertThat(dead()).isZero();
    assertThat(sim.ids(email))
        .as("pushed after DELIVERED, the message's dead letters oldest first")
        .containsExactly(
            m.messageId() + "-DELIVERED", m.messageId() + "-UNKNOWN", m.messageId() + "-SENT");
    assertThat(
            sim.timeline(email).stream()
                .sorted(Comparator.comparing(SimulatorClient.TimelineEvent::timestamp))
                .map(e -> e.tokens().path("status").asText())
                .toList())
        .as("HubSpot's timeline, by the events' times")
        .containsExactly("UNKNOWN", "SENT", "DELIVERED");
  }
}
