package io.octopods.service.adapters.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What counts as "never reached the provider" (retryable) rather than "sent, answer lost" (timed
 * out).
 */
class ProviderCallTest {
  @Test
  void refusedUnresolvedOrUnknownHostsNeverConnected() {
    assertThat(ProviderCall.neverConnected(new ConnectException())).isTrue();
    assertThat(
            ProviderCall.neverConnected(
                new IOException("wrapped", new ConnectException("refused"))))
        .isTrue();
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());
    assertThat(ProviderCall.neverConnected(unresolved)).isTrue();
    assertThat(ProviderCall.neverConnected(new UnknownHostException("api.twilio.invalid")))
        .isTrue();
  }

  @Test
  void aBrokenConnectionMayHaveCarriedTheRequest() {
    assertThat(ProviderCall.neverConnected(new IOException("Connection reset"))).isFalse();
    assertThat(
            ProviderCall.neverConnected(
                new IOException("HTTP/1.1 header parser received no bytes")))
        .isFalse();
  }

  @Test
  void theTimeoutMustBePositive() {
    assertThatThrownBy(() -> new ProviderCall("Twilio", Duration.ZERO, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
