package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pusher keeps within HubSpot's window as the rate headers describe it, counting its own calls.
 */
class HubSpotPaceTest {
  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration TEN = Duration.ofSeconds(10);

  /** Real time moves with the service's clock here: the instants below are both. */
  private Instant realNow = T;

  private final HubSpotPace pace = new HubSpotPace(() -> Duration.between(T, realNow).toNanos());

  private Optional<Instant> tryStart(Instant at) {
    realNow = at;
    return pace.tryStart(at);
  }

  private void call(Instant at, int max, int remaining) {
    assertThat(tryStart(at)).as("room at " + at).isEmpty();
    pace.ended(Optional.of(new RateWindow(max, remaining, TEN)), at);
  }

  @Test
  void withoutRateHeadersNothingIsHeldBack() {
    for (int i = 0; i < 50; i++) {
      assertThat(tryStart(T)).isEmpty();
      pace.ended(Optional.empty(), T);
    }
  }

  @Test
  void callsStartEvenlyAtMostOneEveryIntervalDividedByMax() {
    call(T, 100, 99);

    assertThat(tryStart(T.plusMillis(50))).contains(T.plusMillis(100));
    assertThat(tryStart(T.plusMillis(100))).isEmpty();
    assertThat(tryStart(T.plusMillis(150)))
        .as("spaced from the last start, answered or not")
        .contains(T.plusMillis(200));
  }

  @Test
  void theSpacingIsRealTimeSoAServiceClockStandingStillDoesNotHoldCallsBack() {
    call(T, 100, 99);
    realNow = T.plusMillis(100);

    assertThat(pace.tryStart(T)).isEmpty();
  }

  @Test
  void aCallNotMadeAfterAllDoesNotDelayTheNext() {
    call(T, 100, 99);
    assertThat(tryStart(T.plusMillis(100))).isEmpty();
    pace.cancelled();

    assertThat(tryStart(T.plusMillis(101))).isEmpty();
  }

  @Test
  void afterMaxCallsInTheWindowTheNextWaitsForTheOldestToLeaveIt() {
    call(T, 3, 2);
    call(T.plusSeconds(4), 3, 1);
    call(T.plusSeconds(8), 3, 0);

    assertThat(tryStart(T.plusSeconds(9))).contains(T.plus(TEN));
    assertThat(tryStart(T.plusSeconds(12))).as("the first call has left the window").isEmpty();
  }

  @Test
  void callsInFlightCountAgainstTheWindow() {
    call(T, 2, 50);
    assertThat(tryStart(T.plusSeconds(5))).isEmpty();

    assertThat(tryStart(T.plusSeconds(9)))
        .as("one answered and one in flight fill a window of two")
        .contains(T.plus(TEN));

    pace.cancelled();
    assertThat(tryStart(T.plusSeconds(9))).isEmpty();
  }

  @Test
  void callsThatLeftTheWindowBeforeHubSpotSaidNoneIsLeftDoNotCountAsRoomMadeSince() {
    call(T, 100, 99);
    call(T.plusSeconds(20), 100, 0);

    assertThat(tryStart(T.plusSeconds(21))).contains(T.plusSeconds(30));
  }

  @Test
  void aCallStartedBeforeHubSpotSaidNoneIsLeftKeepsTheWindowFullUntilTheNextOfItsOwnCallsLeaves() {
    call(T, 100, 50);
    call(T.plusSeconds(5), 100, 50);
    assertThat(tryStart(T.plusSeconds(8))).isEmpty();
    assertThat(tryStart(T.plusMillis(8100))).isEmpty();
    pace.ended(
        Optional.of(new RateWindow(100, 0, TEN)),
        T.plusSeconds(9)); // the other call is still in flight

    assertThat(tryStart(T.plusSeconds(11)))
        .as("the call at T has left; the one in flight took its room")
        .contains(T.plusSeconds(15));
  }

  @Test
  void aSlowCallDoesNotCountACallThatLeftTheWindowWhileItWasInFlight() {
    call(T, 100, 50);
    assertThat(tryStart(T.plusSeconds(1))).isEmpty();
    pace.ended(Optional.of(new RateWindow(100, 0, TEN)), T.plusSeconds(12));

    assertThat(tryStart(T.plusSeconds(13))).contains(T.plusSeconds(22));
  }

  @Test
  void whenOtherClientsUsedTheBudgetItWaitsUntilOneOfItsOwnCallsLeavesTheWindow() {
    call(T, 100, 0); // HubSpot says none left, though this pusher made one call

    assertThat(tryStart(T.plusSeconds(3))).contains(T.plus(TEN));
    assertThat(tryStart(T.plus(TEN))).isEmpty();
  }

  @Test
  void callsStartedAfterTheLastAnswerUseUpWhatHubSpotSaidWasLeft() {
    call(T, 100, 1);
    assertThat(tryStart(T.plusMillis(100))).isEmpty();

    assertThat(tryStart(T.plusMillis(200))).isPresent();

    pace.cancelled();
    assertThat(tryStart(T.plusMillis(200))).as("the call not made gave its room back").isEmpty();
  }
}
