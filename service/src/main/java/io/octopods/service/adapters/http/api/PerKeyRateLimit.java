package io.octopods.service.adapters.http.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key ({@code OCTOPODS_RATE_LIMIT} requests per second): it holds at most
 * one second's worth, so a key may burst up to the limit and then goes at the limit. {@code 0}
 * turns it off. Kept in memory per instance: with several instances each allows the limit.
 */
final class PerKeyRateLimit {
  private final int perSecond;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  PerKeyRateLimit(int perSecond, Clock clock) {
    if (perSecond < 0) {
      throw new IllegalArgumentException(
          "OCTOPODS_RATE_LIMIT must be 0 (off) or a number of requests per second "
              + "per key, was "
              + perSecond);
    }
    this.perSecond = perSecond;
    this.clock = clock;
  }

  /**
   * Takes one request's token; empty when the request may go ahead, else how long until the next
   * token.
   */
  Optional<Duration> take(String key) {
    if (perSecond == 0) {
      return Optional.empty();
    }
    return buckets
        .computeIfAbsent(key, k -> new Bucket(perSecond, clock.instant()))
        .take(clock.instant());
  }

  private static final class Bucket {
    private final int perSecond;
    private double tokens;
    private Instant last;

    Bucket(int perSecond, Instant now) {
      this.perSecond = perSecond;
      this.tokens = perSecond;
      this.last = now;
    }

    synchronized Optional<Duration> take(Instant now) {
      if (now.isAfter(last)) {
        double seconds = Duration.between(last, now).toNanos() / 1e9;
        tokens = Math.min(perSecond, tokens + seconds * perSecond);
        last = now;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
    }
  }
}
