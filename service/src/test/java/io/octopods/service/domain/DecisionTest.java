package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules every decision keeps, whoever builds it (status-model.md, section 2): a reason exactly
 * when not applied, an applied decision changes the status, a report that is not applied leaves the
 * status as it was except that an unmapped word moves {@code QUEUED} to {@code UNKNOWN}, and {@code
 * mapped} is a public status.
 */
class DecisionTest {

  @Test
  void anUnmappedWordOnQueuedMovesItToUnknownWithoutBeingApplied() {
    Decision step =
        new Decision(
            Status.QUEUED, false, Status.UNKNOWN, Optional.empty(), Optional.of(Reason.UNMAPPED));

    assertThat(step.next()).isEqualTo(Status.UNKNOWN);
    assertThat(step.publicChange()).as("QUEUED -> UNKNOWN is internal").isFalse();
    assertThat(Decision.unmapped(Status.QUEUED)).isEqualTo(step);
    assertThat(Decision.unmapped(Status.SENT).next()).isEqualTo(Status.SENT);
  }

  @Test
  void noOtherReportThatIsNotAppliedMovesTheMessage() {
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.UNKNOWN,
                    false,
                    Status.SENT,
                    Optional.of(Status.SENT),
                    Optional.of(Reason.STALE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only an unmapped word on QUEUED moves a message without applying");
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.QUEUED,
                    false,
                    Status.UNKNOWN,
                    Optional.of(Status.UNKNOWN),
                    Optional.of(Reason.DUPLICATE)))
        .as("QUEUED -> UNKNOWN for another reason than unmapped")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.SENT,
                    false,
                    Status.UNKNOWN,
                    Optional.empty(),
                    Optional.of(Reason.UNMAPPED)))
        .as("an unmapped word moves only QUEUED")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.QUEUED,
                    false,
                    Status.SENT,
                    Optional.empty(),
                    Optional.of(Reason.UNMAPPED)))
        .as("an unmapped word moves QUEUED to UNKNOWN only")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mappedIsAPublicStatusNeverQueued() {
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.QUEUED,
                    true,
                    Status.UNKNOWN,
                    Optional.of(Status.QUEUED),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mapped is a public status, not QUEUED");
    assertThat(
            new Decision(
                    Status.QUEUED,
                    true,
                    Status.UNKNOWN,
                    Optional.of(Status.UNKNOWN),
                    Optional.empty())
                .mapped())
        .contains(Status.UNKNOWN);
    assertThat(Decision.notApplied(Status.SENT, Status.QUEUED, Reason.STALE).mapped())
        .contains(Status.UNKNOWN);
  }

  @Test
  void aReasonExactlyWhenNotAppliedAndAnAppliedDecisionChangesTheStatus() {
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.SENT,
                    true,
                    Status.DELIVERED,
                    Optional.of(Status.DELIVERED),
                    Optional.of(Reason.STALE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.SENT, false, Status.SENT, Optional.of(Status.SENT), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Decision(
                    Status.SENT, true, Status.SENT, Optional.of(Status.SENT), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("changes the status");
    assertThat(Decision.applied(Status.UNKNOWN, Status.SENT).publicChange()).isTrue();
  }
}
