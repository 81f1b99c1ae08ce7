package io.octopods.simulator.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forwarding proxy put in front of a real webhook endpoint that records every callback it passes
 * on: each request goes to the upstream unchanged and the upstream's answer comes back unchanged
 * (an unreachable upstream: {@code 502}, so the provider retries). Each callback becomes one line
 * of the capture file ({@link Capture}), after its answer has been sent, with the signature verdict
 * under the provider's real secret; unless {@code keepPii}, the line is scrubbed first ({@link
 * Scrubber}). A capture file that cannot be written never holds a callback back: the failure is
 * reported on the error stream.
 */
public final class CaptureProxy implements AutoCloseable {
  private static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber");
  private static final int THREADS = 16;
  private static final long PATIENCE_ON_CLOSE_SECONDS = 10;

  /**
   * What to capture: the provider ({@code twilio}, {@code whatsapp} or {@code viber}), the real
   * endpoint, where to listen ({@code port} 0: a free one), the capture file, the provider's real
   * secret to check signatures with (none: {@code unchecked}), the public URL Twilio signs without
   * path (none: {@code http://} and the {@code Host} header), whether to keep personal data, and
   * the clock of the {@code t} and {@code started_at} fields.
   */
  public record Settings(
      String provider,
      URI upstream,
      String host,
      int port,
      Path out,
      Optional<String> secret,
      Optional<String> publicUrl,
      boolean keepPii,
      Clock clock) {
    public Settings {
      if (!PROVIDERS.contains(provider)) {
        throw new IllegalArgumentException(
            "unknown provider '" + provider + "': expected one of " + String.join(", ", PROVIDERS));
      }
      if (upstream == null || upstream.getScheme() == null || upstream.getHost() == null) {
        throw new IllegalArgumentException(
            "the upstream must be an absolute http(s) URL such as http://localhost:8080, not "
                + upstream);
      }
    }
  }

  private final Settings settings;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Forwarder forwarder;
  private final SignatureVerdict verdicts;
  private final Optional<Scrubber> scrubber;
  private final CaptureFile file;
  private final PrintStream err;
  private final AtomicInteger failures = new AtomicInteger();

  private CaptureProxy(Settings settings, PrintStream err) {
    this.settings = settings;
    this.err = err;
    this.forwarder = new Forwarder(settings.upstream());
    this.verdicts =
        new SignatureVerdict(settings.provider(), settings.secret(), settings.publicUrl());
    this.scrubber =
        settings.keepPii()
            ? Optional.empty()
            : Optional.of(Scrubber.of(settings.provider(), settings.publicUrl()));
    try {
      this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " ("
              + e
              + "); choose another --port",
          e);
    }
    try {
      this.file =
          CaptureFile.create(
              settings.out(),
              new Capture.Header(
                  settings.provider(), !settings.keepPii(), settings.clock().instant()),
              err);
    } catch (RuntimeException e) {
      server.stop(0);
      throw e;
    }
    this.threads =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "octopods-capture");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the proxy; its error messages go to {@code System.err}. */
  public static CaptureProxy start(Settings settings) {
    return start(settings, System.err);
  }

  static CaptureProxy start(Settings settings, PrintStream err) {
    return new CaptureProxy(settings, err);
  }

  /** Where providers are to send callbacks: {@code http://host:port}. */
  public String url() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + server.getAddress().getPort();
  }

  public Path file() {
    return file.path();
  }

  /** The callbacks written to the capture file so far. */
  public int captured() {
    return file.callbacks();
  }

  private void handle(HttpExchange exchange) {
    Instant t = settings.clock().instant();
    ArrivedRequest request;
    try {
      request = ArrivedRequest.read(exchange);
    } catch (IOException e) {
      exchange.close(); // the provider hung up before its request was complete
      return;
    }
    long started = System.nanoTime();
    StringBuilder failure = new StringBuilder();
    Optional<Forwarder.Answer> answer = forwarder.forward(request, failure);
    long ms = (System.nanoTime() - started) / 1_000_000;
    try {
      respond(exchange, request, answer, failure);
    } catch (IOException e) {
      err.println("octopods record: the answer could not be sent back (" + e + ")");
    } finally {
      exchange.close();
    }
    record(request, t, answer.map(Forwarder.Answer::status).orElse(0), ms);
  }

  private void respond(
      HttpExchange exchange,
      ArrivedRequest request,
      Optional<Forwarder.Answer> answer,
      StringBuilder failure)
      throws IOException {
    if (answer.isPresent()) {
      ProxyAnswer.upstreams(exchange, request, answer.get());
      return;
    }
    if (failures.getAndIncrement() == 0) {
      err.println(
          "octopods record: the upstream "
              + settings.upstream()
              + " could not be reached ("
              + failure
              + "); answering 502 so that the provider retries. Is it running?");
    }
    ProxyAnswer.badGateway(exchange, request, settings.upstream());
  }

  private void record(ArrivedRequest request, Instant t, int upstreamStatus, long ms) {
    Capture.Callback callback;
    try {
      Capture.Callback arrived =
          request.callback(t, SignatureVerdict.UNCHECKED, upstreamStatus, ms);
      callback = arrived.withSignature(verdicts.of(arrived, request.body()));
      if (scrubber.isPresent()) {
        callback = scrubber.get().scrub(callback);
      }
    } catch (RuntimeException e) {
      err.println(
          "octopods record: a "
              + request.method()
              + " "
              + request.path()
              + " was forwarded but not recorded: it could not be scrubbed ("
              + e
              + ")");
      return;
    }
    file.append(callback.toJson());
  }

  /** Stops listening, lets callbacks in flight finish and be recorded. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
    try {
      if (!threads.awaitTermination(PATIENCE_ON_CLOSE_SECONDS, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
