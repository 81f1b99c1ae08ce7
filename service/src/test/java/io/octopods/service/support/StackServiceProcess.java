package io.octopods.service.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The status service as a separate JVM ({@code io.octopods.service.ServiceMain}) on this test's class path,
 * started with the flags and settings of a {@link StackUnderTest}: for restarts (I11). Ready once it printed
 * its {@code service <url>} line; {@link #close()} ends it (SIGTERM, then kill after a grace), {@link #kill()} the
 * way a crash does (SIGKILL, no shutdown hook).
 */
public final class StackServiceProcess implements AutoCloseable {
  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> serviceLine = new CompletableFuture<>();
  private final Path stderr;

  private StackServiceProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readStdout, "e2e-service-process-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java -cp <this class path> io.octopods.service.ServiceMain} with {@code flags} and the
   * environment of this JVM plus {@code env}, and waits until it prints its {@code service} line.
   */
  public static StackServiceProcess start(Map<String, String> flags, Map<String, String> env, Duration atMost) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.octopods.service.ServiceMain");
    flags.forEach((k, v) -> {
      command.add(k);
      command.add(v);
    });
    try {
      Path err = Files.createTempFile("octopods-service-process", ".stderr");
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
      pb.environment().putAll(env);
      StackServiceProcess p = new StackServiceProcess(pb.start(), err);
      try {
        await("the service process prints its 'service' line").atMost(atMost).pollInterval(Duration.ofMillis(50))
            .until(() -> p.serviceLine.isDone() || !p.process.isAlive());
      } catch (RuntimeException | AssertionError e) {
        p.close();
        throw new AssertionError("the service process did not start: " + p.output(), e);
      }
      if (!p.serviceLine.isDone()) {
        String out = p.output();
        p.close();
        throw new AssertionError("the service process ended before it served: " + out);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readStdout() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        stdout.add(line);
        if (line.startsWith("service")) {
          serviceLine.complete(line);
        }
      }
    } catch (IOException e) {
      stdout.add("(stdout closed: " + e + ")");
    }
  }

  /** The {@code service <url>} line it printed. */
  public String serviceLine() {
    return serviceLine.getNow("");
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL ({@link Process#destroyForcibly()} on Linux), and waits until the process is gone (its port closed). */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        throw new AssertionError("the service process survived SIGKILL for 20 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while killing the service process", e);
    }
  }

  /** What it printed so far (stdout, then the end of stderr), for failure messages. */
  public String output() {
    String err;
    try {
      err = Files.readString(stderr);
      if (err.length() > 8_000) {
        err = "..." + err.substring(err.length() - 8_000);
      }
    } catch (IOException e) {
      err = "(stderr unreadable: " + e + ")";
    }
    return "exit " + (process.isAlive() ? "(running)" : process.exitValue()) + "\nstdout:\n" + String.join("\n", stdout)
        + "\nstderr:\n" + err;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(stderr);
    } catch (IOException ignored) {
      // a temporary file
    }
  }
}
