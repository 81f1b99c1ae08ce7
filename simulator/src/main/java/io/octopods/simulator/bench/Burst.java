package io.octopods.simulator.bench;

import io.octopods.simulator.core.callbacks.JournaledAttempt;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A burst of callbacks, all due soon after their send. */
record Burst(
    int expected,
    List<JournaledAttempt> attempts,
    boolean complete,
    int messages,
    Instant sendStart,
    Instant sendEnd,
    Instant finished,
    String cpu,
    long receiverPosts,
    String gc) {

  double sendSeconds() {
    return AttemptStats.seconds(sendStart, sendEnd);
  }

  double sendsPerSecond() {
    return messages / sendSeconds();
  }

  double wallSeconds() {
    return AttemptStats.seconds(sendStart, finished);
  }

  Optional<Instant> firstSent() {
    return attempts.stream().map(JournaledAttempt::sentAt).min(Comparator.naturalOrder());
  }
}
