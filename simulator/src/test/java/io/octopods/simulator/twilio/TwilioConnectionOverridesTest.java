package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.core.callbacks.JournaledAttempt.Outcome;
import io.octopods.simulator.core.callbacks.RetrySchedule;
import io.octopods.simulator.twilio.ConnectionOverrides.Failure;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Twilio's {@code rc} / {@code rp} connection overrides in the StatusCallback fragment
 * (providers.md 1.9).
 */
class TwilioConnectionOverridesTest {
  private static final Duration ANY = Duration.ZERO;

  @Test
  void noFragmentOrNoRetryKeysMeansNoOverrides() {
    assertThat(ConnectionOverrides.of("https://h/cb?x=1")).isEmpty();
    assertThat(ConnectionOverrides.of("https://h/cb#")).isEmpty();
    assertThat(ConnectionOverrides.of("https://h/cb#ct=2000&rt=3000")).isEmpty();
  }

  @Test
  void rcAndRpAreRead_rpCommaSeparated_allNamesEveryKind() {
    assertThat(ConnectionOverrides.of("https://h/cb?x=1#rc=2&rp=5xx,ct"))
        .contains(
            new ConnectionOverrides(
                2, java.util.EnumSet.of(Failure.SERVER_ERROR, Failure.CONNECT_TIMEOUT)));
    assertThat(ConnectionOverrides.of("https://h/cb#rc=5&rp=all").orElseThrow().retryOn())
        .containsExactlyInAnyOrder(Failure.values());
  }

  @Test
  void defaults_rcOne_rpConnectTimeoutOnly() {
    ConnectionOverrides o = ConnectionOverrides.of("https://h/cb#rp=4xx").orElseThrow();
    assertThat(o.retryCount()).isEqualTo(1);
    assertThat(ConnectionOverrides.of("https://h/cb#rc=3").orElseThrow().retryOn())
        .containsExactly(Failure.CONNECT_TIMEOUT);
  }

  @Test
  void invalidValuesAreIgnoredAsTwilioRefusesThem() {
    assertThat(ConnectionOverrides.of("https://h/cb#rc=6&rp=all")).isEmpty();
    assertThat(ConnectionOverrides.of("https://h/cb#rc=2&rp=3xx")).isEmpty();
  }

  @Test
  void retriesOnlyTheNamedKinds_upToTheCount_oneSecondApart() {
    RetrySchedule s = ConnectionOverrides.of("https://h/cb#rc=2&rp=5xx").orElseThrow().schedule();
    assertThat(s.next(1, ANY, Outcome.ANSWERED, 500)).contains(Duration.ofSeconds(1));
    assertThat(s.next(2, ANY, Outcome.ANSWERED, 503)).contains(Duration.ofSeconds(1));
    assertThat(s.next(3, ANY, Outcome.ANSWERED, 500)).isEmpty();
    assertThat(s.next(1, ANY, Outcome.ANSWERED, 404)).isEmpty();
    assertThat(s.next(1, ANY, Outcome.CONNECT_ERROR, null)).isEmpty();
    assertThat(s.next(1, ANY, Outcome.TIMEOUT, null)).isEmpty();
  }

  @Test
  void withoutRetryKeysTwiliosDefaultApplies_onceAfterAConnectionFailure_invalidKeysRetryNothing() {
    RetrySchedule plain = ConnectionOverrides.scheduleFor("https://h/cb?x=1");
    assertThat(plain.next(1, ANY, Outcome.CONNECT_ERROR, null)).contains(Duration.ofSeconds(1));
    assertThat(plain.next(2, ANY, Outcome.CONNECT_ERROR, null)).isEmpty();
    assertThat(plain.next(1, ANY, Outcome.ANSWERED, 500)).isEmpty();
    assertThat(plain.next(1, ANY, Outcome.ANSWERED, 404)).isEmpty();
    assertThat(plain.next(1, ANY, Outcome.TIMEOUT, null)).isEmpty();
    assertThat(
            ConnectionOverrides.scheduleFor("https://h/cb#ct=2000")
                .next(1, ANY, Outcome.CONNECT_ERROR, null))
        .as("a fragment without rc or rp leaves the default")
        .isPresent();
    assertThat(
            ConnectionOverrides.scheduleFor("https://h/cb#rc=9")
                .next(1, ANY, Outcome.CONNECT_ERROR, null))
        .as("Twilio refuses invalid overrides (11243) and does not retry")
        .isEmpty();
    assertThat(
            ConnectionOverrides.scheduleFor("https://h/cb#rc=0")
                .next(1, ANY, Outcome.CONNECT_ERROR, null))
        .isEmpty();
  }

  @Test
  void failureKindsOfAttempts() {
    assertThat(Failure.of(Outcome.ANSWERED, 429)).contains(Failure.CLIENT_ERROR);
    assertThat(Failure.of(Outcome.ANSWERED, 502)).contains(Failure.SERVER_ERROR);
    assertThat(Failure.of(Outcome.ANSWERED, 302)).isEmpty();
    assertThat(Failure.of(Outcome.CONNECT_ERROR, null)).contains(Failure.CONNECT_TIMEOUT);
    assertThat(Failure.of(Outcome.TIMEOUT, null)).contains(Failure.READ_TIMEOUT);
    assertThat(Failure.of(Outcome.DROPPED, null)).isEqualTo(Optional.empty());
  }
}
