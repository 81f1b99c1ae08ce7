package io.octopods.service.adapters.surfaces.hubspot;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a push waits before it is tried again. There is no last attempt: an event is never
 * dropped for being retried too often (api.md: never lost); it waits at most {@code longest}
 * between tries (unless HubSpot asks for longer).
 *
 * @param first the wait after the first failed try; doubled after each further one
 * @param longest the longest wait of the doubling
 * @param rateLimitDefault the wait after a {@code 429} that says nothing of when to come back
 */
public record HubSpotBackoff(Duration first, Duration longest, Duration rateLimitDefault) {
  /** 1 s doubling up to 5 min; 10 s (HubSpot's rolling window) after a silent {@code 429}. */
  public static final HubSpotBackoff DEFAULT =
      new HubSpotBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10));

  public HubSpotBackoff {
    if (first.isNegative()
        || first.isZero()
        || longest.compareTo(first) < 0
        || rateLimitDefault.isNegative()) {
      throw new IllegalArgumentException(
          "back-off must be positive with longest >= first, was "
              + first
              + ", "
              + longest
              + ", "
              + rateLimitDefault);
    }
  }

  /** The doubling wait after {@code failed} tries (1 -> {@code first}). */
  public Duration after(int failed) {
    Duration d = first.multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 20));
    return d.compareTo(longest) > 0 ? longest : d;
  }

  /**
   * The wait before the next try: for a {@code 429}, exactly what HubSpot asked (else {@code
   * rateLimitDefault}, or the doubling once that is longer, for a limit that does not lift);
   * otherwise the doubling, or HubSpot's {@code Retry-After} when it is longer.
   */
  public Duration next(int failed, Optional<Duration> asked, boolean rateLimited) {
    if (rateLimited) {
      if (asked.isPresent()) {
        return asked.get();
      }
      Duration doubling = after(failed);
      return doubling.compareTo(rateLimitDefault) > 0 ? doubling : rateLimitDefault;
    }
    Duration doubling = after(failed);
    return asked.filter(a -> a.compareTo(doubling) > 0).orElse(doubling);
  }
}
