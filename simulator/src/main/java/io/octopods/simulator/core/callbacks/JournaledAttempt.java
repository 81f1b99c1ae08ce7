package io.octopods.simulator.core.callbacks;

import java.time.Instant;
import java.util.Map;

/** One callback attempt as the journal keeps it (the admin API's {@code /__sim/callbacks} item). */
public record JournaledAttempt(
    long seq,
    String provider,
    String message,
    int step,
    String status,
    int attempt,
    Instant dueAt,
    Instant sentAt,
    String url,
    Map<String, String> headers,
    String body,
    String signature,
    Outcome outcome,
    Integer responseCode,
    Long latencyMs,
    Instant nextRetryAt) {

  /** What happened to the attempt. */
  public enum Outcome {
    ANSWERED,
    CONNECT_ERROR,
    TIMEOUT,
    DROPPED,
    /**
     * the step could not be rendered (e.g. a {@code fields} pointer to an array item the payload
     * lacks); never sent
     */
    RENDER_ERROR;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public boolean delivered() {
    return outcome == Outcome.ANSWERED && responseCode != null && responseCode / 100 == 2;
  }
}
