package io.octopods.stack.bench;

import io.octopods.simulator.core.http.KeptAliveConnections;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Posts pre-signed callbacks to the service, each thread on its own kept-alive connection. Closed
 * loop ({@link #closed}): {@code threads} requests always in flight, as fast as the service answers
 * (the peak rate). Open loop ({@link #open}): callback {@code i} is due at {@code start + i /
 * rate}, whoever is free takes it; its latency counts from its due time, so a late start (all
 * threads busy) is charged to the service. Every thread opens its connection ({@code GET /health})
 * before the phase's clock starts: the phase measures the service, not the driver's connection
 * set-up.
 */
final class LoadDriver {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** The open loop's first callback is due this long after the threads are released. */
  private static final long LEAD_NANOS = 20_000_000L;

  private final URI server;
  private final Set<String> acked;
  private final CpuMeter cpu;

  LoadDriver(String baseUrl, Set<String> acked, CpuMeter cpu) {
    this.server = URI.create(baseUrl);
    this.acked = acked;
    this.cpu = cpu;
  }

  PhaseResult closed(String name, List<Callback> callbacks, int threads, double seconds)
      throws InterruptedException {
    PhaseResult result = new PhaseResult(name);
    CpuMeter.Span span = cpu.start();
    AtomicInteger next = new AtomicInteger();
    run(
        threads,
        name,
        began -> {},
        (client, samples, began) -> {
          long end = began + (long) (seconds * 1e9);
          int i;
          while (System.nanoTime() < end && (i = next.getAndIncrement()) < callbacks.size()) {
            long start = System.nanoTime();
            post(client, callbacks.get(i), start, start, result, samples, SampleWatch.NONE);
          }
        },
        result);
    result.cpu = span.stop();
    if (next.get() >= callbacks.size()) {
      BenchLog.say(name + ": NOTE: ran out of prepared callbacks before " + seconds + " s");
    }
    result.unused = callbacks.subList(Math.min(next.get(), callbacks.size()), callbacks.size());
    return result;
  }

  PhaseResult open(
      String name, List<Callback> callbacks, int threads, double rate, SampleWatch watch)
      throws InterruptedException {
    PhaseResult result = new PhaseResult(name);
    CpuMeter.Span span = cpu.start();
    AtomicInteger next = new AtomicInteger();
    double gap = 1e9 / rate;
    run(
        threads,
        name,
        began ->
            result.seconds =
                new SecondTally(
                    result.wallMs(began + LEAD_NANOS),
                    (int) Math.ceil(callbacks.size() / rate) + 1),
        (client, samples, began) -> {
          long start = began + LEAD_NANOS;
          int i;
          while ((i = next.getAndIncrement()) < callbacks.size()) {
            long due = start + (long) (i * gap);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
              LockSupport.parkNanos(wait);
            }
            long latency =
                post(client, callbacks.get(i), due, System.nanoTime(), result, samples, watch);
            result.seconds.add((int) ((due - start) / 1_000_000_000L), latency);
          }
        },
        result);
    result.cpu = span.stop();
    return result;
  }

  /** Posts one callback; answers its latency from {@code due}. */
  private long post(
      KeptAliveConnections client,
      Callback c,
      long due,
      long sent,
      PhaseResult result,
      Samples samples,
      SampleWatch watch) {
    result.firstSend.accumulate(sent);
    if (c.visible() != null) {
      watch.sent(c, sent);
    }
    try {
      int status = client.post(server, c.path(), c.headers(), c.body());
      long answered = System.nanoTime();
      result.lastAnswer.accumulate(answered);
      samples.add(answered - due);
      if (status >= 200 && status < 300) {
        result.ok.incrementAndGet();
        result.reportsOk.addAndGet(c.reportKeys().size());
        acked.addAll(c.reportKeys());
        if (c.visible() != null) {
          watch.acknowledged(c, answered);
        }
      } else {
        result.fail("HTTP " + status);
      }
      return answered - due;
    } catch (IOException e) {
      long answered = System.nanoTime();
      result.lastAnswer.accumulate(answered);
      Throwable why =
          e instanceof KeptAliveConnections.ConnectFailed && e.getCause() != null
              ? e.getCause()
              : e;
      result.fail(why.getClass().getSimpleName());
      return answered - due;
    }
  }

  @FunctionalInterface
  private interface Work {
    /**
     * @param began the phase's start ({@link System#nanoTime()}), the same for every thread
     */
    void run(KeptAliveConnections client, Samples samples, long began);
  }

  /**
   * Runs {@code work} on {@code threads} threads, each connected first; {@code started} hears the
   * start first.
   */
  private void run(int threads, String name, LongConsumer started, Work work, PhaseResult result)
      throws InterruptedException {
    List<Thread> all = new ArrayList<>();
    CountDownLatch connected = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] began = new long[1];
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                Samples mine = new Samples();
                try (KeptAliveConnections client =
                    new KeptAliveConnections(CONNECT_TIMEOUT, READ_TIMEOUT)) {
                  try {
                    connect(client);
                  } finally {
                    connected.countDown();
                  }
                  go.await();
                  work.run(client, mine, began[0]);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  result.latency.addAll(mine);
                }
              },
              "bench-" + name + "-" + t);
      thread.start();
      all.add(thread);
    }
    connected.await();
    began[0] = System.nanoTime(); // published to the threads by go's count-down
    started.accept(began[0]);
    go.countDown();
    for (Thread thread : all) {
      thread.join();
    }
  }

  /**
   * Opens this thread's kept-alive connection; a failure here shows again, counted, on the first
   * post.
   */
  private void connect(KeptAliveConnections client) {
    try {
      client.get(server, "/health", Map.of());
    } catch (IOException e) {
      // counted when the phase's posts fail the same way
    }
  }
}
