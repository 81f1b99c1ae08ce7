package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A fold of reports keeps one decision per report, in arrival order (status-model.md, section 2).
 */
class StatusHistoryTest {

  @Test
  void theStatusAfterEachReportAndWhyTheOthersWereNotApplied() {
    StatusHistory history =
        StatusHistory.fold(
            Status.QUEUED,
            Channel.WHATSAPP,
            List.of("warning", "sent", "delivered", "sent", "read"));

    assertThat(history.statuses())
        .containsExactly(
            Status.UNKNOWN, Status.SENT, Status.DELIVERED, Status.DELIVERED, Status.READ);
    assertThat(history.reasons())
        .containsExactly(
            Optional.of(Reason.UNMAPPED),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Reason.STALE),
            Optional.empty());
    assertThat(history.finalStatus()).isEqualTo(Status.READ);
  }

  @Test
  void noReportsLeaveTheInitialStatus() {
    StatusHistory history = StatusHistory.fold(Status.SENT, Channel.SMS, List.of());

    assertThat(history.statuses()).isEmpty();
    assertThat(history.finalStatus()).isEqualTo(Status.SENT);
  }
}
