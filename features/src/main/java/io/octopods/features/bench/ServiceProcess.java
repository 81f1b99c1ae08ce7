package io.octopods.features.bench;

import java.io.IOException;
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

/**
 * The status service in a JVM of its own ({@code io.octopods.service.ServiceMain} on this JVM's class path), so that
 * its CPU and GC are its own: started with the environment it is given, its output in {@code service.log} and its GC
 * log in {@code service-gc.log} of the data directory; ready once {@code GET /health} answers {@code 200}; stopped
 * with SIGTERM (its shutdown hook closes it), killed when it does not stop.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(20);

  private final Process process;
  private final String baseUrl;
  private final Path log;
  private final Path gcLog;

  private ServiceProcess(Process process, String baseUrl, Path log, Path gcLog) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.gcLog = gcLog;
  }

  /** Starts the service and waits until it answers {@code /health}. */
  static ServiceProcess start(Map<String, String> env, String host, int port, Path dataDir, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path log = dataDir.resolve("service.log");
    Path gcLog = dataDir.resolve("service-gc.log");
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.addAll(jvmOptions);
    command.add(GcLog.option(gcLog));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.octopods.service.ServiceMain",
        "--port", String.valueOf(port), "--host", host, "--data-dir", dataDir.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    ServiceProcess service = new ServiceProcess(builder.start(), "http://" + host + ":" + port, log, gcLog);
    try {
      service.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(5)).build();
    long end = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service's JVM ended with exit code " + process.exitValue()
            + " before answering GET /health; the end of its output (" + log + "):\n" + tail(20));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the service did not answer GET /health within " + READY_WITHIN.toSeconds()
        + " s; the end of its output (" + log + "):\n" + tail(20));
  }

  long pid() {
    return process.pid();
  }

  String baseUrl() {
    return baseUrl;
  }

  Path gcLog() {
    return gcLog;
  }

  /** The last lines of the service's output. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(" + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  /** Lines of the service's output that name a warning or an error. */
  long warnings() {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Ends it at once (the watchdog's way out). */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** SIGTERM, then a kill if it has not stopped within 20 s; answers the exit code, if it stopped. */
  Optional<Integer> stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
      kill();
      process.waitFor(5, TimeUnit.SECONDS);
      return Optional.empty();
    }
    return Optional.of(process.exitValue());
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
