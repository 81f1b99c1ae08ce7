package io.octopods.simulator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link BenchReceiver} in a JVM of its own (same java, same class path), stopped by closing its
 * stdin.
 */
final class ReceiverProcess implements AutoCloseable {
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines;
  private final int port;
  private final Thread killer;

  private ReceiverProcess(Process process, BlockingQueue<String> lines, int port) {
    this.process = process;
    this.lines = lines;
    this.stdin = process.getOutputStream();
    this.port = port;
    this.killer = new Thread(process::destroyForcibly, "bench-receiver-killer");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  static ReceiverProcess start(String kind, int threads) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx256m");
    if (Boolean.getBoolean("bench.receiver.debug")) {
      command.add("-Dbench.receiver.debug=true");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchReceiver.class.getName());
    command.add(kind);
    command.add(String.valueOf(threads));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the receiver is gone
              }
              lines.add("exited");
            },
            "bench-receiver-stdout");
    reader.setDaemon(true);
    reader.start();
    String line = lines.poll(30, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("port=")) {
      p.destroyForcibly();
      throw new IOException("the receiver did not start (it said: " + line + ")");
    }
    return new ReceiverProcess(p, lines, Integer.parseInt(line.substring("port=".length()).trim()));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** POST requests the receiver has answered so far. */
  long count() throws IOException, InterruptedException {
    stdin.write("count\n".getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
    String line;
    while ((line = lines.poll(10, TimeUnit.SECONDS)) != null) {
      if (line.startsWith("count=")) {
        return Long.parseLong(line.substring("count=".length()).trim());
      }
    }
    throw new IOException("the receiver did not answer 'count'");
  }

  /** CPU time the receiver process has used so far (zero where the OS does not say). */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // shutting down already: the hook runs anyway
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
