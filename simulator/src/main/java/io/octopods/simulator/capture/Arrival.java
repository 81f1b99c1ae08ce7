package io.octopods.simulator.capture;

import java.time.Instant;
import java.util.Optional;

/**
 * How one callback reached the receiver: what it is called in notes, when it came, its body, and
 * the signature verdict and upstream answer recorded with it.
 *
 * @param label how notes name it ("callback 3 (line 4)", "history event 9f2c...")
 * @param signature {@code valid}, {@code invalid}, {@code missing} or {@code unchecked}
 * @param upstreamStatus the receiver's answer; 0 when it could not be reached
 */
record Arrival(
    String label,
    Instant t,
    String body,
    Optional<String> contentType,
    String signature,
    int upstreamStatus) {

  /** Whether the receiver took it, so a provider would not send it again. */
  boolean answered() {
    return upstreamStatus >= 200 && upstreamStatus < 300;
  }
}
