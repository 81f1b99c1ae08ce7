package io.octopods.service.application;

import java.time.Duration;
import java.util.Optional;

/** What a provider's send API answered (status-model.md, hand-off outcomes). */
public sealed interface HandOffResult {
  /** Accepted: the message is {@code SENT} with the provider's id. */
  record Accepted(String providerMessageId, String providerWord) implements HandOffResult {}

  /** Refused for good: {@code FAILED} at once with the provider's code and title. */
  record Rejected(String code, String title) implements HandOffResult {}

  /** Throttled, {@code 5xx} or unreachable: stays {@code UNKNOWN} and is retried with back-off. */
  record Retryable(String why, Optional<Duration> retryAfter) implements HandOffResult {}

  /** The request went out but no answer came: stays {@code UNKNOWN}, never re-sent blindly. */
  record TimedOut(String why) implements HandOffResult {}
}
