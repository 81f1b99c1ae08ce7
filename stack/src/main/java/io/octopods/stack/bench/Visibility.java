package io.octopods.stack.bench;

import io.octopods.service.domain.Channel;
import io.octopods.simulator.core.http.KeptAliveConnections;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time from a callback's send to its status being visible on the public API: for each sampled
 * callback, a poller starts when the callback is sent and reads {@code GET
 * /api/v1/{channel}/messages/{id}} every millisecond until the message shows the callback's status
 * or a higher one (10 s at most).
 */
final class Visibility implements SampleWatch, AutoCloseable {
  private static final long GIVE_UP_NANOS = 10_000_000_000L;

  final Samples visible = new Samples();
  final AtomicLong neverSeen = new AtomicLong();
  private final URI server;
  private final Map<String, String> auth;
  private final ExecutorService pollers;
  private final KeptAliveConnections http =
      new KeptAliveConnections(Duration.ofSeconds(5), Duration.ofSeconds(30));
  private volatile boolean on;

  Visibility(String baseUrl, String apiKey, int threads) {
    this.server = URI.create(baseUrl);
    this.auth = Map.of("Authorization", "Bearer " + apiKey, "Accept", "application/json");
    this.pollers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-visibility");
              t.setDaemon(true);
              return t;
            });
  }

  /** Sampled callbacks are watched only while on (the steady phase). */
  void on(boolean value) {
    on = value;
  }

  @Override
  public void sent(Callback callback, long sentNanos) {
    if (on) {
      watch(callback.channel(), callback.visible(), sentNanos);
    }
  }

  private void watch(Channel channel, Callback.Visible v, long sentNanos) {
    pollers.execute(
        () -> {
          String path = Surface.API.path(channel, v.messageId());
          while (System.nanoTime() - sentNanos < GIVE_UP_NANOS) {
            try {
              KeptAliveConnections.Answer a = http.get(server, path, auth);
              if (a.status() == 200) {
                if (Surface.shows(v.status(), Surface.API.statusIn(a.text()))) {
                  long took = System.nanoTime() - sentNanos;
                  synchronized (visible) {
                    visible.add(took);
                  }
                  return;
                }
              }
            } catch (IOException e) {
              // the connection is dropped; the next poll opens a new one
            }
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              return;
            }
          }
          neverSeen.incrementAndGet();
        });
  }

  /** Waits for the pollers still at work. */
  @Override
  public void close() throws InterruptedException {
    pollers.shutdown();
    pollers.awaitTermination(15, TimeUnit.SECONDS);
    http.close(); // idle kept-alive connections would hold up the server's stop
  }
}
