package io.octopods.simulator.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.octopods.simulator.core.scenario.CallbackStep.Batch;
import io.octopods.simulator.core.scenario.CallbackStep.Signature;
import io.octopods.simulator.core.scenario.SendAttempt.Respond;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  private static final String EXAMPLE =
      """
      id: whatsapp-read-overtakes-delivered
      provider: whatsapp
      description: Meta reports 'read' before 'delivered', then repeats 'delivered'.
      match:
        to: "^\\\\+1555000100\\\\d$"
      send:
        respond: accept
        delay: 0ms
      callbacks:
        - at: 200ms
          status: sent
        - at: 1s
          status: read
        - at: 1200ms
          status: delivered
          repeat: 2
        - at: 3s
          status: failed
          error: 131026
          signature: invalid
      """;

  @Test
  void readsTheDocumentedExample() {
    Scenario s = ScenarioReader.read(EXAMPLE, "example");
    assertThat(s.id()).isEqualTo("whatsapp-read-overtakes-delivered");
    assertThat(s.matches("+15550001003")).isTrue();
    assertThat(s.matches("+155500010030")).as("match.to matches the whole recipient").isFalse();
    assertThat(s.attempt(0).respond()).isEqualTo(Respond.ACCEPT);
    assertThat(s.callbacks())
        .extracting(c -> c.status().orElseThrow())
        .containsExactly("sent", "read", "delivered", "failed");
    assertThat(s.callbacks().get(2).repeat()).isEqualTo(2);
    assertThat(s.callbacks().get(3).signature()).isEqualTo(Signature.INVALID);
    assertThat(s.callbacks().get(3).error()).contains("131026");
  }

  @Test
  void sortsStepsStablyByAtAndNumbersThemInPlayingOrder() {
    Scenario s =
        ScenarioReader.read(
            """
        id: sorted
        provider: twilio
        description: out of order on paper
        callbacks:
          - {at: 2s, status: delivered}
          - {at: 500ms, status: sent}
          - {at: 2s, status: read}
        """,
            "t");
    assertThat(s.callbacks())
        .extracting(c -> c.status().orElseThrow())
        .containsExactly("sent", "delivered", "read");
    assertThat(s.callbacks()).extracting(CallbackStep::index).containsExactly(0, 1, 2);
    assertThat(s.callbacks().get(0).at()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aListOfSendAttemptsRepeatsItsLast() {
    Scenario s =
        ScenarioReader.read(
            """
        id: throttled-twice
        provider: whatsapp
        description: throttled twice, then accepted
        send:
          - {respond: throttle, retry_after: 2}
          - {respond: throttle, error: 131056}
          - {respond: accept, delay: 1s}
        """,
            "t");
    assertThat(s.attempt(0).respond()).isEqualTo(Respond.THROTTLE);
    assertThat(s.attempt(0).retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(s.attempt(1).error()).contains("131056");
    assertThat(s.attempt(2).delay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.attempt(7).respond()).isEqualTo(Respond.ACCEPT);
    assertThat(s.callbacks()).isEmpty();
  }

  @Test
  void batchedStepsKeepTheirKind() {
    Scenario s =
        ScenarioReader.read(
            """
        id: batched
        provider: whatsapp
        description: three statuses in one POST
        callbacks:
          - {at: 1s, status: sent}
          - {at: 1s, status: delivered, batch: true}
          - {at: 1s, status: read, batch: change}
          - {at: 1s, status: read, batch: entry, fields: {id: wamid.FOREIGN}}
        """,
            "t");
    assertThat(s.callbacks())
        .extracting(CallbackStep::batch)
        .containsExactly(Batch.NONE, Batch.STATUS, Batch.CHANGE, Batch.ENTRY);
  }

  @Test
  void listsEverySchemaErrorWithItsPointer() {
    ScenarioRejected e =
        catchThrowableOfType(
            ScenarioRejected.class,
            () ->
                ScenarioReader.read(
                    """
        id: X
        provider: sms
        callbacks:
          - {at: 1s, repeat: 0, status: sent}
          - {status: delivered}
        """,
                    "t"));
    assertThat(e.problems())
        .extracting(ScenarioProblem::pointer)
        .contains("/id", "/provider", "/callbacks/0/repeat", "/callbacks/1");
    assertThat(e.getMessage()).contains("scenario.schema.json");
  }

  @Test
  void expectHistoryIsReadAndLeftToHarnesses() {
    Scenario s =
        ScenarioReader.read(
            """
        id: with-history
        provider: whatsapp
        description: read overtakes delivered, with the history a service recorded
        callbacks:
          - {at: 200ms, status: sent}
          - {at: 1s, status: read}
          - {at: 1200ms, status: delivered}
        expect:
          status: READ
          history:
            - {word: sent, reason: null}
            - {word: read, reason: null}
            - {word: delivered, reason: stale}
            - {word: null, reason: unmapped}
        """,
            "t");
    assertThat(s.callbacks())
        .extracting(c -> c.status().orElseThrow())
        .containsExactly("sent", "read", "delivered");
    assertThat(s.document().at("/expect/history/2/reason").asText()).isEqualTo("stale");
  }

  @Test
  void refusesABadExpectHistoryItemAtItsPointer() {
    ScenarioRejected e =
        catchThrowableOfType(
            ScenarioRejected.class,
            () ->
                ScenarioReader.read(
                    """
        id: bad-history
        provider: viber
        description: d
        expect:
          status: DELIVERED
          history:
            - {word: delivered, reason: null}
            - {word: 42, reason: null}
            - {word: seen}
        """,
                    "t"));
    assertThat(e.problems())
        .extracting(ScenarioProblem::pointer)
        .containsExactlyInAnyOrder("/expect/history/1/word", "/expect/history/2");
  }

  @Test
  void refusesBatchOutsideWhatsAppAndABatchAtAnotherTime() {
    ScenarioRejected twilio =
        catchThrowableOfType(
            ScenarioRejected.class,
            () ->
                ScenarioReader.read(
                    """
        id: bad-batch
        provider: twilio
        description: d
        callbacks:
          - {at: 1s, status: sent}
          - {at: 1s, status: delivered, batch: true}
        """,
                    "t"));
    assertThat(twilio.problems())
        .extracting(ScenarioProblem::pointer)
        .containsExactly("/callbacks/1/batch");

    ScenarioRejected later =
        catchThrowableOfType(
            ScenarioRejected.class,
            () ->
                ScenarioReader.read(
                    """
        id: bad-batch
        provider: whatsapp
        description: d
        callbacks:
          - {at: 1s, status: sent}
          - {at: 2s, status: delivered, batch: true}
        """,
                    "t"));
    assertThat(later.problems())
        .extracting(ScenarioProblem::pointer)
        .containsExactly("/callbacks/1/at");
  }

  @Test
  void refusesATimeoutLongerThanFiveMinutesAndABadRegex() {
    ScenarioRejected e =
        catchThrowableOfType(
            ScenarioRejected.class,
            () ->
                ScenarioReader.read(
                    """
        id: too-long
        provider: viber
        description: d
        match: {to: "("}
        send: {respond: timeout, delay: 6m}
        """,
                    "t"));
    assertThat(e.problems())
        .extracting(ScenarioProblem::pointer)
        .containsExactlyInAnyOrder("/match/to", "/send/delay");
  }

  @Test
  void acceptedDefaultsToTrueForATimeoutAndFalseForAServerError_andCanBeSaidOnBoth() {
    Scenario s =
        ScenarioReader.read(
            """
        id: accepted-defaults
        provider: twilio
        description: d
        send:
          - {respond: server-error}
          - {respond: timeout, delay: 1s}
          - {respond: server-error, accepted: true}
          - {respond: timeout, accepted: false}
          - {respond: throttle}
          - {respond: accept}
        """,
            "t");
    assertThat(s.send())
        .extracting(SendAttempt::accepted)
        .containsExactly(false, true, true, false, false, true);
    assertThat(s.attempt(2).createsMessage(false)).isTrue();
    assertThat(s.attempt(3).createsMessage(false)).isFalse();
  }

  @Test
  void refusesAcceptedOnAnAnswerThatHidesNothing_sayingWhatToDo() {
    ScenarioRejected e =
        catchThrowableOfType(
            ScenarioRejected.class,
            () ->
                ScenarioReader.read(
                    """
        id: accepted-on-a-reject
        provider: whatsapp
        description: d
        send:
          - {respond: reject, accepted: true}
          - {accepted: false}
        """,
                    "t"));
    assertThat(e.problems())
        .extracting(ScenarioProblem::pointer)
        .contains("/send/0/accepted", "/send/1/accepted");
    assertThat(e.problems())
        .filteredOn(p -> p.pointer().equals("/send/0/accepted"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.detail())
                    .contains("server-error or timeout", "respond is reject", "remove accepted"));
  }

  @Test
  void readsJsonToo() {
    Scenario s =
        ScenarioReader.read(
            "{\"id\":\"json-one\",\"provider\":\"viber\",\"description\":\"d\","
                + "\"callbacks\":[{\"at\":\"PT2S\",\"raw\":{\"event\":\"delivered\",\"message_token\":\"{{provider_message_id}}\"}}]}",
            "t");
    assertThat(s.callbacks().get(0).raw()).isPresent();
    assertThat(s.callbacks().get(0).status()).isEmpty();
  }
}
