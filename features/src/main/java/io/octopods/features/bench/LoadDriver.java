package io.octopods.features.bench;

import io.octopods.simulator.core.http.KeptAliveConnections;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts pre-signed callbacks to the service, each thread on its own kept-alive connection. Closed loop
 * ({@link #closed}): {@code threads} requests always in flight, as fast as the service answers (the peak rate).
 * Open loop ({@link #open}): callback {@code i} is due at {@code start + i / rate}, whoever is free takes it; its
 * latency counts from its due time, so a late start (all threads busy) is charged to the service.
 */
final class LoadDriver {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final URI server;
  private final Set<String> acked;
  private final Visibility visibility;

  LoadDriver(String host, int port, Set<String> acked, Visibility visibility) {
    this.server = URI.create("http://" + host + ":" + port);
    this.acked = acked;
    this.visibility = visibility;
  }

  PhaseResult closed(String name, List<Callback> callbacks, int threads, double seconds) throws InterruptedException {
    PhaseResult result = new PhaseResult(name);
    CpuMeter cpu = CpuMeter.start();
    AtomicInteger next = new AtomicInteger();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    run(threads, name, (client, samples) -> {
      int i;
      while (System.nanoTime() < end && (i = next.getAndIncrement()) < callbacks.size()) {
        long start = System.nanoTime();
        post(client, callbacks.get(i), start, start, result, samples);
      }
    }, result);
    result.cpu = cpu.since(result.ok.get());
    if (next.get() >= callbacks.size()) {
      BenchLog.say(name + ": NOTE: ran out of prepared callbacks before " + seconds + " s");
    }
    result.unused = callbacks.subList(Math.min(next.get(), callbacks.size()), callbacks.size());
    return result;
  }

  PhaseResult open(String name, List<Callback> callbacks, int threads, double rate) throws InterruptedException {
    PhaseResult result = new PhaseResult(name);
    CpuMeter cpu = CpuMeter.start();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime() + 20_000_000L;
    double gap = 1e9 / rate;
    run(threads, name, (client, samples) -> {
      int i;
      while ((i = next.getAndIncrement()) < callbacks.size()) {
        long due = start + (long) (i * gap);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        post(client, callbacks.get(i), due, System.nanoTime(), result, samples);
      }
    }, result);
    result.cpu = cpu.since(result.ok.get());
    return result;
  }

  private void post(KeptAliveConnections client, Callback c, long due, long sent, PhaseResult result, Samples samples) {
    result.firstSend.accumulate(sent);
    if (c.visible() != null) {
      visibility.watch(c.channel(), c.visible(), sent);
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
      } else {
        result.fail("HTTP " + status);
      }
    } catch (IOException e) {
      result.lastAnswer.accumulate(System.nanoTime());
      Throwable why = e instanceof KeptAliveConnections.ConnectFailed && e.getCause() != null ? e.getCause() : e;
      result.fail(why.getClass().getSimpleName());
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(KeptAliveConnections client, Samples samples);
  }

  private void run(int threads, String name, Work work, PhaseResult result) throws InterruptedException {
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        Samples mine = new Samples();
        try (KeptAliveConnections client = new KeptAliveConnections(CONNECT_TIMEOUT, READ_TIMEOUT)) {
          work.run(client, mine);
        } finally {
          result.latency.addAll(mine);
        }
      }, "bench-" + name + "-" + t);
      thread.start();
      all.add(thread);
    }
    for (Thread thread : all) {
      thread.join();
    }
  }
}
