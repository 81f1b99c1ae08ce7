package io.octopods.features.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.features.harness.BehaviourCoverage.EdgeCaseCell;
import io.octopods.features.harness.BehaviourCoverage.State;
import io.octopods.features.harness.BehaviourCoverage.TransitionCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The coverage of a run: each edge-case row for each provider takes the state of the scenarios
 * tagged with it that exercised that provider; the transitions are the status model's, counted once
 * per message; the share counts only the cells that concern their provider.
 */
class BehaviourCoverageTest {
  private static final String TWO_ROWS =
      """
      | id | provider | what arrives | correct handling |
      |---|---|---|---|
      | A2 | WhatsApp | read, then delivered | READ |
      | D1 | Twilio, WhatsApp | early callbacks | matched |
      """;

  @Test
  void theShippedRowsAreTheRowsOfTheEdgeCaseDocument() throws IOException {
    List<String> documented = new ArrayList<>();
    Matcher m =
        Pattern.compile("(?m)^\\| ([A-Z][0-9]+) \\|")
            .matcher(Files.readString(Path.of("..", "docs", "edge-cases.md")));
    while (m.find()) {
      documented.add(m.group(1));
    }

    List<EdgeCaseRows.Row> rows = EdgeCaseRows.shipped();

    assertThat(rows).extracting(EdgeCaseRows.Row::id).isEqualTo(documented).hasSizeGreaterThan(30);
    assertThat(rows)
        .filteredOn(r -> r.id().equals("A7"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.providers()).containsExactlyInAnyOrderElementsOf(Ledger.PROVIDERS));
    assertThat(rows)
        .filteredOn(r -> r.id().equals("D1"))
        .singleElement()
        .satisfies(r -> assertThat(r.providers()).containsExactlyInAnyOrder("twilio", "whatsapp"));
  }

  @Test
  void aCellIsFailedByAnyFailurePassedByAPassAndSkippedOnlyWhenNothingRan() {
    List<EdgeCaseRows.Row> rows = EdgeCaseRows.parse(TWO_ROWS);
    Ledger ledger = new Ledger(List.of());
    ledger.outcome(outcome("d1", "twilio", Outcome.Status.PASSED));
    ledger.outcome(outcome("d1", "twilio", Outcome.Status.FAILED));
    ledger.outcome(outcome("d1", "whatsapp", Outcome.Status.SKIPPED));
    ledger.outcome(outcome("a2", "viber", Outcome.Status.PASSED));

    BehaviourCoverage coverage = BehaviourCoverage.of(ledger, rows);

    assertThat(coverage.edgeCases())
        .containsExactly(
            new EdgeCaseCell("A2", "twilio", State.NOT_APPLICABLE),
            new EdgeCaseCell("A2", "whatsapp", State.NOT_RUN),
            new EdgeCaseCell("A2", "viber", State.NOT_APPLICABLE),
            new EdgeCaseCell("D1", "twilio", State.FAILED),
            new EdgeCaseCell("D1", "whatsapp", State.SKIPPED),
            new EdgeCaseCell("D1", "viber", State.NOT_APPLICABLE));
    assertThat(coverage.applicable()).isEqualTo(3);
    assertThat(coverage.ran()).isEqualTo(1);
    assertThat(coverage.percent()).isEqualTo(33.3);
  }

  @Test
  void everyApplicableCellThatRanIsAHundredPercent() {
    Ledger ledger = new Ledger(List.of());
    ledger.outcome(outcome("a2", "whatsapp", Outcome.Status.PASSED));
    ledger.outcome(outcome("d1", "twilio", Outcome.Status.PASSED));
    ledger.outcome(outcome("d1", "whatsapp", Outcome.Status.FAILED));

    assertThat(BehaviourCoverage.of(ledger, EdgeCaseRows.parse(TWO_ROWS)).percent())
        .isEqualTo(100.0);

    Ledger almost = new Ledger(List.of());
    almost.outcome(outcome("a2", "whatsapp", Outcome.Status.PASSED));
    almost.outcome(outcome("d1", "twilio", Outcome.Status.PASSED));
    assertThat(BehaviourCoverage.of(almost, EdgeCaseRows.parse(TWO_ROWS)).percent())
        .as("rounded down: 100 only when every cell ran")
        .isEqualTo(66.6);
  }

  @Test
  void transitionsAreTheModelsCountedOncePerMessageWithAnyOtherReachedAfterThem() {
    Ledger ledger = new Ledger(List.of());
    List<Transition> early = List.of(new Transition("twilio", "QUEUED", "SENT"));
    List<Transition> settled =
        List.of(
            new Transition("twilio", "QUEUED", "SENT"),
            new Transition("twilio", "SENT", "DELIVERED"));
    ledger.tally().history("m1", early);
    ledger.tally().history("m1", settled);
    ledger.tally().history("m2", List.of(new Transition("twilio", "QUEUED", "SENT")));
    ledger.tally().history("m3", List.of(new Transition("viber", "DELIVERED", "SENT")));

    List<TransitionCount> transitions = BehaviourCoverage.of(ledger, List.of()).transitions();

    assertThat(transitions)
        .contains(
            new TransitionCount("twilio", "QUEUED", "SENT", 2),
            new TransitionCount("twilio", "SENT", "DELIVERED", 1),
            new TransitionCount("twilio", "SENT", "FAILED", 0),
            new TransitionCount("whatsapp", "DELIVERED", "READ", 0),
            new TransitionCount("whatsapp", "READ", "DELETED", 0));
    assertThat(transitions)
        .as("READ and DELETED are WhatsApp's only")
        .noneMatch(
            t -> !t.provider().equals("whatsapp") && Set.of("READ", "DELETED").contains(t.to()));
    assertThat(transitions)
        .as("nothing leaves FAILED or DELETED")
        .noneMatch(t -> t.from().equals("FAILED") || t.from().equals("DELETED"));
    assertThat(transitions.get(transitions.size() - 1))
        .as("one the model does not allow, last")
        .isEqualTo(new TransitionCount("viber", "DELIVERED", "SENT", 1));
  }

  @Test
  void surfacesCountTheSixStatusesOnly() {
    Ledger ledger = new Ledger(List.of());
    ledger.tally().surfaces(java.util.Arrays.asList("READ", "READ", null, "sent"));
    ledger.tally().surfaces(List.of("READ", "DELIVERED", "READ", "READ"));

    BehaviourCoverage coverage = BehaviourCoverage.of(ledger, List.of());

    assertThat(coverage.surfaces()).hasSize(SurfaceSnapshot.SURFACES.size() * 6);
    assertThat(coverage.surfaces())
        .filteredOn(s -> s.seen() > 0)
        .extracting(s -> s.surface() + " " + s.status() + " " + s.seen())
        .containsExactlyInAnyOrder(
            "API READ 2",
            "HubSpot DELIVERED 1",
            "HubSpot READ 1",
            "Intercom Inbox READ 1",
            "Reach READ 1");
  }

  private static Outcome outcome(String row, String provider, Outcome.Status status) {
    return new Outcome(
        "x.feature",
        row + " " + provider + " " + status,
        row,
        status,
        status == Outcome.Status.PASSED ? null : "why",
        null,
        "",
        Set.of(row, "i2"),
        Set.of(provider),
        0);
  }
}
