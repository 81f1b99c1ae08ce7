package io.octopods.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The status service in a JVM of its own ({@code io.octopods.service.ServiceMain} on this JVM's
 * class path): for a restart, a crash (SIGKILL), two instances on one database, or CPU and GC
 * figures of its own. Started with this JVM's environment plus the settings given (a {@link
 * Stack}'s {@link Stack#serviceSettings()}, say); its output goes to a log file; ready once {@code
 * GET /health} answers {@code 200}.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final Duration STOP_WITHIN = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final String baseUrl;
  private final Path log;

  private ServiceProcess(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmOptions> -cp <this class path> io.octopods.service.ServiceMain <flags>}
   * and waits until it answers {@code /health}.
   *
   * @param flags the service's flags; {@code --port} is required (and {@code --host} defaults to
   *     127.0.0.1)
   * @param log where its standard output and error go
   */
  public static ServiceProcess start(
      Map<String, String> flags,
      Map<String, String> settings,
      List<String> jvmOptions,
      Path log,
      Duration readyWithin) {
    String port =
        Optional.ofNullable(flags.get("--port"))
            .orElseThrow(() -> new IllegalArgumentException("a service process needs its --port"));
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "io.octopods.service.ServiceMain"));
    flags.forEach(
        (name, value) -> {
          command.add(name);
          command.add(value);
        });
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(settings);
    ServiceProcess service;
    try {
      service =
          new ServiceProcess(
              builder.start(),
              "http://" + flags.getOrDefault("--host", "127.0.0.1") + ":" + port,
              log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the service's JVM: " + e.getMessage(), e);
    }
    try {
      service.awaitReady(readyWithin);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  /**
   * As {@link #start(Map, Map, List, Path, Duration)}, with no JVM options and its output in a
   * temporary file.
   */
  public static ServiceProcess start(
      Map<String, String> flags, Map<String, String> settings, Duration readyWithin) {
    try {
      return start(
          flags,
          settings,
          List.of(),
          Files.createTempFile("octopods-service", ".log"),
          readyWithin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaCommand() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private void awaitReady(Duration within) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service's JVM ended with exit code "
                + process.exitValue()
                + " before answering GET /health; the end of its output ("
                + log
                + "):\n"
                + tail(20));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the service's JVM", e);
      }
      try {
        process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the service's JVM", e);
      }
    }
    throw new IllegalStateException(
        "the service did not answer GET /health within "
            + within.toSeconds()
            + " s; the end of its output ("
            + log
            + "):\n"
            + tail(20));
  }

  public long pid() {
    return process.pid();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The {@code service <url>} line it printed when it started serving. */
  public String serviceLine() {
    return lines().filter(l -> l.startsWith("service")).findFirst().orElse("");
  }

  /** The last lines of its output. */
  public String tail(int count) {
    List<String> all = lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
  }

  /** Its exit (or that it runs) and the end of its output, for failure messages. */
  public String output() {
    return "exit "
        + (process.isAlive() ? "(running)" : String.valueOf(process.exitValue()))
        + "; output ("
        + log
        + "):\n"
        + tail(200);
  }

  /** Lines of its output that name a warning or an error. */
  public long warnings() {
    return lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).count();
  }

  private Stream<String> lines() {
    try {
      return Files.readAllLines(log).stream();
    } catch (IOException | UncheckedIOException e) {
      return Stream.of("(" + log + " cannot be read: " + e.getMessage() + ")");
    }
  }

  /**
   * SIGKILL, the way a crash ends it (no shutdown hook), and waits until it is gone (its port
   * closed).
   */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "the service's JVM survived SIGKILL for " + STOP_WITHIN.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SIGTERM (its shutdown hook closes it), then a kill if it has not stopped; answers the exit
   * code, if it stopped.
   */
  public Optional<Integer> stop() {
    process.destroy();
    try {
      if (process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
        return Optional.of(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
    return Optional.empty();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
