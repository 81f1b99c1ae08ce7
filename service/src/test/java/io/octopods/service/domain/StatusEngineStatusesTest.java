package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statuses of status-model.md, section 1: rank, terminal, delivered family and public name. */
class StatusEngineStatusesTest {

  @ParameterizedTest(name = "{0}: rank {1}, terminal {2}, delivered family {3}, shown as {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            QUEUED    | 0 | false | false | UNKNOWN
            UNKNOWN   | 1 | false | false | UNKNOWN
            SENT      | 2 | false | false | SENT
            DELIVERED | 3 | true  | true  | DELIVERED
            READ      | 4 | true  | true  | READ
            DELETED   | 5 | true  | true  | DELETED
            FAILED    | 3 | true  | false | FAILED
            """)
  void status(Status status, int rank, boolean terminal, boolean deliveredFamily, String shownAs) {
    assertThat(status.rank()).isEqualTo(rank);
    assertThat(status.isTerminal()).isEqualTo(terminal);
    assertThat(status.isDeliveredFamily()).isEqualTo(deliveredFamily);
    assertThat(status.publicName()).isEqualTo(shownAs);
    assertThat(status.publicStatus()).isEqualTo(Status.valueOf(shownAs));
  }

  @Test
  void declaredInRankOrderWithFailedApart() {
    assertThat(Status.values())
        .containsExactly(
            Status.QUEUED,
            Status.UNKNOWN,
            Status.SENT,
            Status.DELIVERED,
            Status.READ,
            Status.DELETED,
            Status.FAILED);
  }
}
