package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.SurfaceLabels.Icon;
import io.octopods.service.domain.SurfaceLabels.InboxLabel;
import io.octopods.service.domain.SurfaceLabels.ReachStep;
import io.octopods.service.domain.SurfaceLabels.ReachTimeline;
import io.octopods.service.domain.SurfaceLabels.TimelineStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * status-model.md section 5 and api.md "Surfaces": Inbox labels and icons, Reach steps and
 * timelines.
 */
class SurfaceLabelsTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @ParameterizedTest(name = "{0} -> {1} ({2}, {3})")
  @CsvSource({
    "QUEUED,    Send Attempted,  clock,        Queued",
    "UNKNOWN,   Send Attempted,  clock,        Queued",
    "SENT,      Sent,            check,        Sent",
    "DELIVERED, Delivered,       check-double, Delivered",
    "READ,      Read,            eye,          Read",
    "FAILED,    Delivery Failed, x-circle,     Failed",
    "DELETED,   Deleted,         trash,        Deleted"
  })
  void everyStatusHasItsInboxLabelIconAndReachStep(
      Status status, String label, String icon, String step) {
    assertThat(SurfaceLabels.inboxLabel(status).label()).isEqualTo(label);
    assertThat(SurfaceLabels.inboxLabel(status).icon().iconName()).isEqualTo(icon);
    assertThat(SurfaceLabels.reachStep(status).label()).isEqualTo(step);
  }

  @Test
  void theTableCoversEveryStatusAndOnlyTheSixLabels() {
    for (Status s : Status.values()) {
      assertThat(SurfaceLabels.inboxLabel(s)).isNotNull();
      assertThat(SurfaceLabels.reachStep(s)).isNotNull();
    }
    assertThat(InboxLabel.values())
        .extracting(InboxLabel::label)
        .containsExactly(
            "Send Attempted", "Sent", "Delivered", "Read", "Delivery Failed", "Deleted");
    assertThat(ReachStep.values())
        .extracting(ReachStep::label)
        .containsExactly("Queued", "Sent", "Delivered", "Read", "Failed", "Deleted");
    assertThat(Icon.values())
        .extracting(Icon::iconName)
        .containsExactly("clock", "check", "check-double", "eye", "x-circle", "trash");
  }

  @ParameterizedTest
  @EnumSource(Icon.class)
  void everyIconHasTextOfItsOwn(Icon icon) {
    assertThat(icon.text()).isNotBlank();
    for (Icon other : Icon.values()) {
      if (other != icon) {
        assertThat(other.text()).isNotEqualTo(icon.text());
      }
    }
    assertThat(InboxLabel.DELIVERED.withIconText())
        .isEqualTo(Icon.CHECK_DOUBLE.text() + " Delivered");
  }

  @Test
  void queuedAndUnknownAreOneQueuedStepAtTheQueuedTime() {
    assertThat(timeline(Status.QUEUED, Map.of(Status.QUEUED, t(0))))
        .isEqualTo(
            new ReachTimeline<>(
                ReachStep.QUEUED, false, List.of(step(ReachStep.QUEUED, 0, false))));
    assertThat(timeline(Status.UNKNOWN, Map.of(Status.QUEUED, t(0), Status.UNKNOWN, t(1))))
        .isEqualTo(
            new ReachTimeline<>(
                ReachStep.QUEUED, false, List.of(step(ReachStep.QUEUED, 0, false))));
  }

  @Test
  void aDeliveredMessageListsEachStepWithItsTime() {
    assertThat(
            timeline(
                Status.DELIVERED,
                Map.of(
                    Status.QUEUED,
                    t(0),
                    Status.UNKNOWN,
                    t(1),
                    Status.SENT,
                    t(2),
                    Status.DELIVERED,
                    t(3))))
        .isEqualTo(
            new ReachTimeline<>(
                ReachStep.DELIVERED,
                true,
                List.of(
                    step(ReachStep.QUEUED, 0, false),
                    step(ReachStep.SENT, 2, false),
                    step(ReachStep.DELIVERED, 3, false))));
  }

  @Test
  void deliveredWithNoSentImpliesSentAtTheDeliveredTime() {
    assertThat(
            timeline(Status.DELIVERED, Map.of(Status.QUEUED, t(0), Status.DELIVERED, t(5))).steps())
        .containsExactly(
            step(ReachStep.QUEUED, 0, false),
            step(ReachStep.SENT, 5, true),
            step(ReachStep.DELIVERED, 5, false));
  }

  @Test
  void readFirstImpliesSentAndDeliveredAtTheReadTime() {
    assertThat(timeline(Status.READ, Map.of(Status.QUEUED, t(0), Status.READ, t(7))))
        .isEqualTo(
            new ReachTimeline<>(
                ReachStep.READ,
                true,
                List.of(
                    step(ReachStep.QUEUED, 0, false),
                    step(ReachStep.SENT, 7, true),
                    step(ReachStep.DELIVERED, 7, true),
                    step(ReachStep.READ, 7, false))));
  }

  @Test
  void readAfterSentImpliesOnlyDelivered() {
    assertThat(
            timeline(Status.READ, Map.of(Status.QUEUED, t(0), Status.SENT, t(2), Status.READ, t(7)))
                .steps())
        .containsExactly(
            step(ReachStep.QUEUED, 0, false),
            step(ReachStep.SENT, 2, false),
            step(ReachStep.DELIVERED, 7, true),
            step(ReachStep.READ, 7, false));
  }

  @Test
  void deletedFirstImpliesSentAndDeliveredButNeverRead() {
    assertThat(timeline(Status.DELETED, Map.of(Status.QUEUED, t(0), Status.DELETED, t(9))))
        .isEqualTo(
            new ReachTimeline<>(
                ReachStep.DELETED,
                true,
                List.of(
                    step(ReachStep.QUEUED, 0, false),
                    step(ReachStep.SENT, 9, true),
                    step(ReachStep.DELIVERED, 9, true),
                    step(ReachStep.DELETED, 9, false))));
  }

  @Test
  void deletedAfterReadKeepsEveryTimeAndImpliesFromTheFirstHigherReport() {
    assertThat(
            timeline(
                    Status.DELETED,
                    Map.of(Status.QUEUED, t(0), Status.READ, t(4), Status.DELETED, t(9)))
                .steps())
        .containsExactly(
            step(ReachStep.QUEUED, 0, false),
            step(ReachStep.SENT, 4, true),
            step(ReachStep.DELIVERED, 4, true),
            step(ReachStep.READ, 4, false),
            step(ReachStep.DELETED, 9, false));
  }

  @Test
  void failedImpliesNothing() {
    assertThat(timeline(Status.FAILED, Map.of(Status.QUEUED, t(0), Status.FAILED, t(3))))
        .isEqualTo(
            new ReachTimeline<>(
                ReachStep.FAILED,
                true,
                List.of(step(ReachStep.QUEUED, 0, false), step(ReachStep.FAILED, 3, false))));
    assertThat(
            timeline(
                    Status.FAILED,
                    Map.of(
                        Status.QUEUED,
                        t(0),
                        Status.UNKNOWN,
                        t(1),
                        Status.SENT,
                        t(2),
                        Status.FAILED,
                        t(3)))
                .steps())
        .containsExactly(
            step(ReachStep.QUEUED, 0, false),
            step(ReachStep.SENT, 2, false),
            step(ReachStep.FAILED, 3, false));
  }

  @Test
  void anEmptyMapListsNothingButStillNamesTheCurrentStep() {
    assertThat(timeline(Status.SENT, Map.of()))
        .isEqualTo(new ReachTimeline<>(ReachStep.SENT, false, List.of()));
  }

  /**
   * Every status with every set of reached statuses (7 x 128 cases), times rising with rank: the
   * steps are in timeline order, each reached status is listed as reached at its own time, and a
   * step is implied exactly when a higher step of the delivered chain was reached without it, at
   * the time of the lowest such step.
   */
  @Test
  void everyStatusWithEverySetOfReachedStatuses() {
    List<Status> chain =
        List.of(
            Status.QUEUED,
            Status.UNKNOWN,
            Status.SENT,
            Status.DELIVERED,
            Status.READ,
            Status.DELETED,
            Status.FAILED);
    int cases = 0;
    for (Status current : Status.values()) {
      for (int mask = 0; mask < 1 << chain.size(); mask++) {
        Map<Status, Integer> reached = new EnumMap<>(Status.class);
        for (int i = 0; i < chain.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            reached.put(chain.get(i), i * 10);
          }
        }
        ReachTimeline<Integer> t = SurfaceLabels.reachTimeline(current, reached);
        String where = current + " " + reached;
        cases++;

        assertThat(t.current()).as(where).isEqualTo(SurfaceLabels.reachStep(current));
        assertThat(t.terminal()).as(where).isEqualTo(current.isTerminal());
        List<ReachStep> order = new ArrayList<>();
        t.steps().forEach(s -> order.add(s.step()));
        assertThat(order).as(where).isSorted().doesNotHaveDuplicates();

        for (TimelineStep<Integer> s : t.steps()) {
          Integer own = ownTime(s.step(), reached);
          if (own != null) {
            assertThat(s.implied()).as(where + " " + s).isFalse();
            assertThat(s.reachedAt()).as(where + " " + s).isEqualTo(own);
          } else {
            assertThat(s.implied()).as(where + " " + s).isTrue();
            assertThat(s.step())
                .as(where)
                .isIn(ReachStep.QUEUED, ReachStep.SENT, ReachStep.DELIVERED);
            assertThat(s.reachedAt()).as(where + " " + s).isEqualTo(firstAbove(s.step(), reached));
          }
        }
        for (ReachStep step : ReachStep.values()) {
          boolean listed = order.contains(step);
          boolean expected =
              ownTime(step, reached) != null
                  || (implies(step) && firstAbove(step, reached) != null);
          assertThat(listed).as(where + " lists " + step).isEqualTo(expected);
        }
      }
    }
    assertThat(cases).isEqualTo(7 * 128);
  }

  private static Integer ownTime(ReachStep step, Map<Status, Integer> reached) {
    switch (step) {
      case QUEUED:
        return reached.getOrDefault(Status.QUEUED, reached.get(Status.UNKNOWN));
      case SENT:
        return reached.get(Status.SENT);
      case DELIVERED:
        return reached.get(Status.DELIVERED);
      case READ:
        return reached.get(Status.READ);
      case FAILED:
        return reached.get(Status.FAILED);
      default:
        return reached.get(Status.DELETED);
    }
  }

  private static boolean implies(ReachStep step) {
    return step == ReachStep.QUEUED || step == ReachStep.SENT || step == ReachStep.DELIVERED;
  }

  /** The time of the lowest reached status that a missing step is implied by. */
  private static Integer firstAbove(ReachStep step, Map<Status, Integer> reached) {
    List<Status> above;
    switch (step) {
      case QUEUED:
        above = List.of(Status.SENT, Status.DELIVERED, Status.READ, Status.DELETED, Status.FAILED);
        break;
      case SENT:
        above = List.of(Status.DELIVERED, Status.READ, Status.DELETED);
        break;
      case DELIVERED:
        above = List.of(Status.READ, Status.DELETED);
        break;
      default:
        return null;
    }
    for (Status s : above) {
      if (reached.containsKey(s)) {
        return reached.get(s);
      }
    }
    return null;
  }

  private static ReachTimeline<Instant> timeline(Status status, Map<Status, Instant> reached) {
    return SurfaceLabels.reachTimeline(status, reached);
  }

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static TimelineStep<Instant> step(ReachStep step, int seconds, boolean implied) {
    return new TimelineStep<>(step, t(seconds), implied);
  }
}
