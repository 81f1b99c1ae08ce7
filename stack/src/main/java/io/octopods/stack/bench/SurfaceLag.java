package io.octopods.stack.bench;

import io.octopods.simulator.core.http.KeptAliveConnections;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For each sampled callback, the time from its {@code 2xx} until each of the service's read
 * surfaces (API, Intercom, Reach) shows its status or a later one: a poller starts at the answer
 * and reads the surfaces not yet showing it every millisecond, {@value #GIVE_UP_SECONDS} s at most
 * (a surface that never shows it counts as that long). The samples are kept, with the wall time of
 * their answer, for HubSpot's lag ({@link HubSpotEvents}).
 */
final class SurfaceLag implements SampleWatch, AutoCloseable {
  static final int GIVE_UP_SECONDS = 10;

  /** A sampled callback answered 2xx: its message, the status to wait for, and when (epoch ms). */
  record Acked(String messageId, String status, long atWallMs) {}

  private final URI server;
  private final Map<String, String> auth;
  private final ExecutorService pollers;
  private final KeptAliveConnections http =
      new KeptAliveConnections(Duration.ofSeconds(5), Duration.ofSeconds(30));
  private final Map<Surface, Samples> lags = new EnumMap<>(Surface.class);
  private final Map<Surface, AtomicLong> neverSeen = new EnumMap<>(Surface.class);
  private final List<Acked> acked = new ArrayList<>();
  private final long anchorWallMs = System.currentTimeMillis();
  private final long anchorNanos = System.nanoTime();

  SurfaceLag(String baseUrl, String apiKey, int threads) {
    this.server = URI.create(baseUrl);
    this.auth = Map.of("Authorization", "Bearer " + apiKey, "Accept", "application/json");
    this.pollers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-surface-lag");
              t.setDaemon(true);
              return t;
            });
    for (Surface s : Surface.values()) {
      lags.put(s, new Samples());
      neverSeen.put(s, new AtomicLong());
    }
  }

  @Override
  public void acknowledged(Callback callback, long answeredNanos) {
    Callback.Visible v = callback.visible();
    synchronized (acked) {
      acked.add(
          new Acked(
              v.messageId(), v.status(), anchorWallMs + (answeredNanos - anchorNanos) / 1_000_000));
    }
    pollers.execute(() -> watch(callback, v, answeredNanos));
  }

  private void watch(Callback callback, Callback.Visible v, long answeredNanos) {
    Set<Surface> waiting = EnumSet.allOf(Surface.class);
    while (!waiting.isEmpty()
        && System.nanoTime() - answeredNanos < TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS)) {
      for (Surface s : List.copyOf(waiting)) {
        try {
          KeptAliveConnections.Answer a =
              http.get(server, s.path(callback.channel(), v.messageId()), auth);
          if (a.status() == 200 && Surface.shows(v.status(), s.statusIn(a.text()))) {
            long took = System.nanoTime() - answeredNanos;
            synchronized (lags.get(s)) {
              lags.get(s).add(took);
            }
            waiting.remove(s);
          }
        } catch (IOException e) {
          // the connection is dropped; the next round opens a new one
        }
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
    for (Surface s :
        waiting) { // counted at the give-up time, so a p99 equal to it means more than 1 % never
      // showed
      neverSeen.get(s).incrementAndGet();
      synchronized (lags.get(s)) {
        lags.get(s).add(TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS));
      }
    }
  }

  /** Waits for the pollers still at work. */
  @Override
  public void close() throws InterruptedException {
    pollers.shutdown();
    pollers.awaitTermination(GIVE_UP_SECONDS + 5, TimeUnit.SECONDS);
    http.close();
  }

  Samples lag(Surface s) {
    return lags.get(s);
  }

  long neverSeen(Surface s) {
    return neverSeen.get(s).get();
  }

  List<Acked> acked() {
    synchronized (acked) {
      return List.copyOf(acked);
    }
  }
}
