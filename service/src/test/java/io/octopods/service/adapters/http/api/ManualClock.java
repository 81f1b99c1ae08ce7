package io.octopods.service.adapters.http.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test clock: stands still until {@link #advance} moves it, or, made {@link #ticking}, moves one
 * millisecond every time it is read (so every message gets its own {@code created_at}).
 */
final class ManualClock extends Clock {
  private final AtomicLong nanos;
  private final long tickNanos;

  private ManualClock(Instant start, long tickNanos) {
    this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    this.tickNanos = tickNanos;
  }

  static ManualClock standingAt(Instant start) {
    return new ManualClock(start, 0);
  }

  static ManualClock ticking(Instant start) {
    return new ManualClock(start, 1_000_000);
  }

  void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Override
  public Instant instant() {
    long n = nanos.getAndAdd(tickNanos);
    return Instant.ofEpochSecond(
        Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
