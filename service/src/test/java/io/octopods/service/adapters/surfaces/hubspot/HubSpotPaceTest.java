package io.octopods.service.adapters.surfaces.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pusher keeps within HubSpot's window as the rate headers describe it, counting its own calls. */
class HubSpotPaceTest {
  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration TEN = Duration.ofSeconds(10);

  private final HubSpotPace pace = new HubSpotPace();

  private void call(Instant at, int max, int remaining) {
    assertThat(pace.tryStart(at)).as("room at " + at).isEmpty();
    pace.ended(Optional.of(new RateWindow(max, remaining, TEN)), at);
  }

  @Test
  void withoutRateHeadersNothingIsHeldBack() {
    for (int i = 0; i < 50; i++) {
      assertThat(pace.tryStart(T)).isEmpty();
      pace.ended(Optional.empty(), T);
    }
  }

  @Test
  void afterMaxCallsInTheWindowTheNextWaitsForTheOldestToLeaveIt() {
    call(T, 3, 2);
    call(T.plusSeconds(1), 3, 1);
    call(T.plusSeconds(2), 3, 0);

    assertThat(pace.tryStart(T.plusSeconds(5))).contains(T.plus(TEN));
    assertThat(pace.tryStart(T.plus(TEN))).as("the first call has left the window").isEmpty();
  }

  @Test
  void callsInFlightCountAgainstTheWindow() {
    call(T, 2, 50);
    assertThat(pace.tryStart(T.plusMillis(1))).isEmpty();

    assertThat(pace.tryStart(T.plusMillis(2))).as("one answered and one in flight fill a window of two")
        .contains(T.plus(TEN));

    pace.cancelled();
    assertThat(pace.tryStart(T.plusMillis(3))).isEmpty();
  }

  @Test
  void callsThatLeftTheWindowBeforeHubSpotSaidNoneIsLeftDoNotCountAsRoomMadeSince() {
    call(T, 100, 99);
    call(T.plusSeconds(20), 100, 0);

    assertThat(pace.tryStart(T.plusSeconds(21))).contains(T.plusSeconds(30));
  }

  @Test
  void aCallStartedBeforeHubSpotSaidNoneIsLeftKeepsTheWindowFullUntilTheNextOfItsOwnCallsLeaves() {
    call(T, 100, 50);
    call(T.plusSeconds(5), 100, 50);
    assertThat(pace.tryStart(T.plusSeconds(8))).isEmpty();
    assertThat(pace.tryStart(T.plusSeconds(8))).isEmpty();
    pace.ended(Optional.of(new RateWindow(100, 0, TEN)), T.plusSeconds(9)); // the other call is still in flight

    assertThat(pace.tryStart(T.plusSeconds(11))).as("the call at T has left; the one in flight took its room")
        .contains(T.plusSeconds(15));
  }

  @Test
  void aSlowCallDoesNotCountACallThatLeftTheWindowWhileItWasInFlight() {
    call(T, 100, 50);
    assertThat(pace.tryStart(T.plusSeconds(1))).isEmpty();
    pace.ended(Optional.of(new RateWindow(100, 0, TEN)), T.plusSeconds(12));

    assertThat(pace.tryStart(T.plusSeconds(13))).contains(T.plusSeconds(22));
  }

  @Test
  void whenOtherClientsUsedTheBudgetItWaitsUntilOneOfItsOwnCallsLeavesTheWindow() {
    call(T, 100, 0); // HubSpot says none left, though this pusher made one call

    assertThat(pace.tryStart(T.plusSeconds(3))).contains(T.plus(TEN));
    assertThat(pace.tryStart(T.plus(TEN))).isEmpty();
  }

  @Test
  void callsStartedAfterTheLastAnswerUseUpWhatHubSpotSaidWasLeft() {
    call(T, 100, 1);
    assertThat(pace.tryStart(T.plusMillis(5))).isEmpty();

    assertThat(pace.tryStart(T.plusMillis(6))).isPresent();

    pace.cancelled();
    assertThat(pace.tryStart(T.plusMillis(7))).as("the call not made gave its room back").isEmpty();
  }
}
