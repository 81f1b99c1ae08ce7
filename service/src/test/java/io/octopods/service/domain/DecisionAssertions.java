package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

/**
 * The checks the status engine tests share: one decision against a table row, and a fold against
 * its trail.
 */
final class DecisionAssertions {
  private DecisionAssertions() {}

  static StatusHistory assertFold(
      Status initial, List<Report> reports, Status expectedFinal, String... expectedTrail) {
    StatusHistory history = StatusHistory.fold(initial, reports);
    List<String> trail =
        history.reasons().stream().map(r -> r.map(Reason::word).orElse("applied")).toList();
    assertThat(trail).as("reasons of %s from %s", reports, initial).containsExactly(expectedTrail);
    assertThat(history.finalStatus())
        .as("final status of %s from %s", reports, initial)
        .isEqualTo(expectedFinal);
    return history;
  }

  static void assertDecision(
      Decision decision,
      Status current,
      String mapped,
      boolean applied,
      Status next,
      String reason,
      boolean publicChange) {
    assertThat(decision.previous()).isEqualTo(current);
    assertThat(decision.applied()).as("applied").isEqualTo(applied);
    assertThat(decision.next()).as("next").isEqualTo(next);
    assertThat(decision.mapped())
        .as("mapped")
        .isEqualTo("-".equals(mapped) ? Optional.empty() : Optional.of(Status.valueOf(mapped)));
    assertThat(decision.reason())
        .as("reason")
        .isEqualTo("-".equals(reason) ? Optional.empty() : Optional.of(Reason.valueOf(reason)));
    assertThat(decision.publicChange()).as("public change").isEqualTo(publicChange);
  }
}
