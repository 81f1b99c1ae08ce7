package io.octopods.service.adapters.surfaces.hubspot;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * HubSpot's rate-limit headers on an answer: at most {@code max} calls per {@code interval}, {@code
 * remaining} of them left ({@code X-HubSpot-RateLimit-Max}, {@code -Remaining}, {@code
 * -Interval-Milliseconds}).
 */
public record RateWindow(int max, int remaining, Duration interval) {
  /** The window an answer's headers describe; empty when they are missing or not numbers. */
  public static Optional<RateWindow> of(HttpHeaders headers) {
    Optional<Long> max = number(headers, "X-HubSpot-RateLimit-Max");
    Optional<Long> remaining = number(headers, "X-HubSpot-RateLimit-Remaining");
    Optional<Long> interval = number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
    if (max.isEmpty()
        || remaining.isEmpty()
        || interval.isEmpty()
        || max.get() < 1
        || interval.get() < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new RateWindow(
            (int) Math.min(max.get(), Integer.MAX_VALUE),
            (int) Math.max(0, Math.min(remaining.get(), Integer.MAX_VALUE)),
            Duration.ofMillis(interval.get())));
  }

  private static Optional<Long> number(HttpHeaders headers, String name) {
    return headers
        .firstValue(name)
        .map(String::trim)
        .filter(v -> v.matches("-?\\d{1,18}"))
        .map(Long::parseLong);
  }
}
