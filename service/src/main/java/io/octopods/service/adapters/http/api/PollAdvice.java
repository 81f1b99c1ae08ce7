package io.octopods.service.adapters.http.api;

import io.octopods.service.domain.Status;
import java.util.OptionalInt;

/**
 * How long a client should wait before polling a message again ({@code Retry-After}, whole
 * seconds).
 */
final class PollAdvice {
  static final int UNKNOWN_SECONDS = 10;
  static final int SENT_SECONDS = 15;

  private PollAdvice() {}

  /**
   * {@code 10} for {@code UNKNOWN} (and {@code QUEUED}), {@code 15} for {@code SENT}; none once
   * terminal.
   */
  static OptionalInt retryAfterSeconds(Status status) {
    if (status.isTerminal()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(status.publicStatus() == Status.SENT ? SENT_SECONDS : UNKNOWN_SECONDS);
  }
}
