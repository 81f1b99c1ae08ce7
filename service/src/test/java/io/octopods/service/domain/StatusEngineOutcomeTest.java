package io.octopods.service.domain;

import static io.octopods.service.domain.DecisionAssertions.assertDecision;
import static io.octopods.service.domain.DecisionAssertions.assertFold;
import static io.octopods.service.domain.Reports.handOff;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status engine on outcomes already in our terms (the hand-off), against status-model.md,
 * section 2, cell by cell, and folds of hand-off outcomes. Expected values are written out by hand
 * from the spec, never computed by the engine.
 */
class StatusEngineOutcomeTest {

  /*
   * Outcomes already in our terms (the hand-off: accepted SENT, rejected FAILED, throttled or
   * unreachable UNKNOWN), every current status x every status, QUEUED included so the engine is
   * total. The edge: UNKNOWN on QUEUED is applied but no public change; UNKNOWN on UNKNOWN (a
   * hand-off retry that is throttled again) is a duplicate.
   */
  @ParameterizedTest(name = "outcome {1} on {0}: applied={3} next={4} reason={5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            QUEUED    | QUEUED    | UNKNOWN   | false | QUEUED    | DUPLICATE | false
            UNKNOWN   | QUEUED    | UNKNOWN   | false | UNKNOWN   | DUPLICATE | false
            SENT      | QUEUED    | UNKNOWN   | false | SENT      | STALE     | false
            DELIVERED | QUEUED    | UNKNOWN   | false | DELIVERED | STALE     | false
            READ      | QUEUED    | UNKNOWN   | false | READ      | STALE     | false
            DELETED   | QUEUED    | UNKNOWN   | false | DELETED   | STALE     | false
            FAILED    | QUEUED    | UNKNOWN   | false | FAILED    | STALE     | false
            QUEUED    | UNKNOWN   | UNKNOWN   | true  | UNKNOWN   | -         | false
            UNKNOWN   | UNKNOWN   | UNKNOWN   | false | UNKNOWN   | DUPLICATE | false
            SENT      | UNKNOWN   | UNKNOWN   | false | SENT      | STALE     | false
            DELIVERED | UNKNOWN   | UNKNOWN   | false | DELIVERED | STALE     | false
            READ      | UNKNOWN   | UNKNOWN   | false | READ      | STALE     | false
            DELETED   | UNKNOWN   | UNKNOWN   | false | DELETED   | STALE     | false
            FAILED    | UNKNOWN   | UNKNOWN   | false | FAILED    | STALE     | false
            QUEUED    | SENT      | SENT      | true  | SENT      | -         | true
            UNKNOWN   | SENT      | SENT      | true  | SENT      | -         | true
            SENT      | SENT      | SENT      | false | SENT      | DUPLICATE | false
            DELIVERED | SENT      | SENT      | false | DELIVERED | STALE     | false
            READ      | SENT      | SENT      | false | READ      | STALE     | false
            DELETED   | SENT      | SENT      | false | DELETED   | STALE     | false
            FAILED    | SENT      | SENT      | false | FAILED    | STALE     | false
            QUEUED    | DELIVERED | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | DELIVERED | DELIVERED | true  | DELIVERED | -         | true
            SENT      | DELIVERED | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | DELIVERED | DELIVERED | false | DELIVERED | DUPLICATE | false
            READ      | DELIVERED | DELIVERED | false | READ      | STALE     | false
            DELETED   | DELIVERED | DELIVERED | false | DELETED   | STALE     | false
            FAILED    | DELIVERED | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | READ      | READ      | true  | READ      | -         | true
            UNKNOWN   | READ      | READ      | true  | READ      | -         | true
            SENT      | READ      | READ      | true  | READ      | -         | true
            DELIVERED | READ      | READ      | true  | READ      | -         | true
            READ      | READ      | READ      | false | READ      | DUPLICATE | false
            DELETED   | READ      | READ      | false | DELETED   | STALE     | false
            FAILED    | READ      | READ      | false | FAILED    | CONFLICT  | false
            QUEUED    | DELETED   | DELETED   | true  | DELETED   | -         | true
            UNKNOWN   | DELETED   | DELETED   | true  | DELETED   | -         | true
            SENT      | DELETED   | DELETED   | true  | DELETED   | -         | true
            DELIVERED | DELETED   | DELETED   | true  | DELETED   | -         | true
            READ      | DELETED   | DELETED   | true  | DELETED   | -         | true
            DELETED   | DELETED   | DELETED   | false | DELETED   | DUPLICATE | false
            FAILED    | DELETED   | DELETED   | false | FAILED    | CONFLICT  | false
            QUEUED    | FAILED    | FAILED    | true  | FAILED    | -         | true
            UNKNOWN   | FAILED    | FAILED    | true  | FAILED    | -         | true
            SENT      | FAILED    | FAILED    | true  | FAILED    | -         | true
            DELIVERED | FAILED    | FAILED    | false | DELIVERED | CONFLICT  | false
            READ      | FAILED    | FAILED    | false | READ      | CONFLICT  | false
            DELETED   | FAILED    | FAILED    | false | DELETED   | CONFLICT  | false
            FAILED    | FAILED    | FAILED    | false | FAILED    | DUPLICATE | false
            """)
  void outcomeDecision(
      Status current,
      Status target,
      String mapped,
      boolean applied,
      Status next,
      String reason,
      boolean publicChange) {
    assertDecision(
        StatusEngine.decide(current, target), current, mapped, applied, next, reason, publicChange);
  }

  @Test
  @DisplayName(
      "hand-off retry: UNKNOWN on QUEUED is applied but no public change; again it is a duplicate")
  void handOffRetryUnknown() {
    StatusHistory history =
        assertFold(
            Status.QUEUED,
            List.of(handOff(Status.UNKNOWN), handOff(Status.UNKNOWN), handOff(Status.SENT)),
            Status.SENT,
            "applied",
            "duplicate",
            "applied");
    assertThat(history.decisions())
        .extracting(Decision::publicChange)
        .containsExactly(false, false, true);
  }

  @Test
  void foldOfNothingKeepsTheInitialStatus() {
    StatusHistory history = StatusHistory.fold(Status.SENT, Channel.SMS, List.of());
    assertThat(history.finalStatus()).isEqualTo(Status.SENT);
    assertThat(history.decisions()).isEmpty();
  }
}
