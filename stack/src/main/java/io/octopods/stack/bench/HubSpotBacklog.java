package io.octopods.stack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongBinaryOperator;

/**
 * The HubSpot outbox's backlog over time ({@code pending.hubspot} of {@code /health}, read every
 * half second by a thread of its own), and the events HubSpot created per second while there was
 * one, that is while at least a full batch was pending (fewer, and the pusher only follows the
 * webhooks): the pusher's real throughput, which the goal {@code hubspot_use} compares with
 * HubSpot's capacity.
 */
final class HubSpotBacklog implements AutoCloseable {
  /** One reading: when (epoch ms) and how many events were pending. */
  record Sample(long atMs, long pending) {}

  /** Events created over the seconds the backlog lasted. */
  record Throughput(long events, double seconds) {
    double perSecond() {
      return seconds <= 0 ? Double.NaN : events / seconds;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%d events created in %.1f s with a backlog = %.0f events/s",
          events,
          seconds,
          perSecond());
    }
  }

  private final List<Sample> samples = new ArrayList<>();
  private final Thread reader;
  private volatile boolean stopped;

  HubSpotBacklog(ServiceHealth health) {
    reader =
        new Thread(
            () -> {
              while (!stopped) {
                try {
                  long pending = health.read().pendingHubSpot();
                  synchronized (samples) {
                    samples.add(new Sample(System.currentTimeMillis(), pending));
                  }
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                } catch (java.io.IOException e) {
                  // the next reading tries again
                }
              }
            },
            "bench-hubspot-backlog");
    reader.setDaemon(true);
    reader.start();
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /**
   * Over {@code [fromMs, toMs)}: the events created between consecutive readings of which the first
   * saw at least {@code backlog} events pending, and the time between them.
   */
  static Throughput whileBacklogged(
      List<Sample> samples,
      long backlog,
      long fromMs,
      long toMs,
      LongBinaryOperator createdBetween) {
    long events = 0;
    long ms = 0;
    for (int i = 0; i + 1 < samples.size(); i++) {
      long from = Math.max(fromMs, samples.get(i).atMs());
      long to = Math.min(toMs, samples.get(i + 1).atMs());
      if (samples.get(i).pending() >= backlog && to > from) {
        events += createdBetween.applyAsLong(from, to);
        ms += to - from;
      }
    }
    return new Throughput(events, ms / 1000.0);
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    reader.interrupt();
    reader.join(5_000);
  }
}
