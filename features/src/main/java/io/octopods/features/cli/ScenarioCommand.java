package io.octopods.features.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.capture.Capture;
import io.octopods.simulator.capture.CaptureDiff;
import io.octopods.simulator.capture.ScenarioDerivation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./octopods scenario}: scenarios derived from a capture or from the status service's
 * history of a message, and the provider drift a capture shows.
 */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description = "Scenarios from captures or the service's history; provider drift.",
    subcommands = {
      ScenarioCommand.FromCapture.class,
      ScenarioCommand.FromHistory.class,
      ScenarioCommand.Diff.class
    })
public final class ScenarioCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code from-capture FILE}: one scenario YAML per provider message of the capture. */
  @Command(
      name = "from-capture",
      mixinStandardHelpOptions = true,
      description = "One scenario per message of a capture (./octopods record).")
  static final class FromCapture implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a capture file")
    Path file;

    @Option(names = "--message", description = "only this provider message id")
    String message;

    @Option(names = "--out", description = "where the scenarios go (default ${DEFAULT-VALUE})")
    Path out = Path.of(".");

    @Override
    public Integer call() {
      Capture capture = read(file);
      if (capture == null) {
        return 2;
      }
      capture
          .problems()
          .forEach(p -> System.err.println(file + ":" + p.line() + ": skipped: " + p.what()));
      if (capture.header() == null) {
        return 2;
      }
      List<ScenarioDerivation.Derived> derived;
      try {
        derived =
            ScenarioDerivation.fromCapture(
                capture, Optional.ofNullable(message), file.getFileName().toString());
      } catch (IllegalArgumentException e) {
        System.err.println("octopods scenario: " + e.getMessage());
        return 2;
      }
      if (derived.isEmpty()) {
        System.err.println(
            "octopods scenario: no message"
                + (message == null ? "" : " " + message)
                + " with status callbacks in "
                + file);
        return 2;
      }
      for (ScenarioDerivation.Derived d : derived) {
        Path written = write(out, d);
        if (written == null) {
          return 2;
        }
        System.out.println(written + "  (" + d.providerMessageId() + ")");
        d.notes().forEach(n -> System.out.println("  note: " + n));
      }
      return 0;
    }
  }

  /** {@code from-history}: a scenario from the service's record of one message. */
  @Command(
      name = "from-history",
      mixinStandardHelpOptions = true,
      description = "A scenario from the status service's history of a message.")
  static final class FromHistory implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "the service's base URL")
    String target;

    @Option(names = "--api-key", required = true, description = "an API key of the service")
    String apiKey;

    @Option(names = "--channel", required = true, description = "sms, whatsapp or viber")
    String channel;

    @Option(names = "--message", required = true, description = "the message id (ours)")
    String message;

    @Option(names = "--out", description = "where the scenario goes (default ${DEFAULT-VALUE})")
    Path out = Path.of(".");

    @Override
    public Integer call() {
      if (!List.of("sms", "whatsapp", "viber").contains(channel)) {
        System.err.println("octopods scenario: --channel must be sms, whatsapp or viber");
        return 2;
      }
      String provider = StatusModel.providerOf(channel);
      String base =
          (target.endsWith("/") ? target.substring(0, target.length() - 1) : target)
              + "/api/v1/"
              + channel
              + "/messages/"
              + message;
      JsonNode resource;
      JsonNode history;
      try {
        resource = get(base);
        history = get(base + "/history?include=raw").path("data");
      } catch (IllegalStateException e) {
        System.err.println("octopods scenario: " + e.getMessage());
        return 2;
      }
      ScenarioDerivation.Derived d;
      try {
        d = ScenarioDerivation.fromHistory(provider, resource, history);
      } catch (IllegalArgumentException e) {
        System.err.println("octopods scenario: " + e.getMessage());
        return 2;
      }
      Path written = write(out, d);
      if (written == null) {
        return 2;
      }
      System.out.println(written + "  (" + message + ")");
      d.notes().forEach(n -> System.out.println("  could not rebuild: " + n));
      return 0;
    }

    private JsonNode get(String url) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + apiKey)
              .header("Accept", "application/json")
              .build();
      try {
        HttpResponse<String> answer =
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          throw new IllegalStateException(
              "GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return new ObjectMapper().readTree(answer.body());
      } catch (IOException e) {
        throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** {@code diff FILE}: how the captured callbacks differ from the contracts and the library. */
  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "Compares a capture with the contracts and the scenario library.")
  static final class Diff implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a capture file")
    Path file;

    @Option(
        names = "--out",
        description = "where diff.md and diff.json go (default ${DEFAULT-VALUE})")
    Path out = Path.of(".");

    @Override
    public Integer call() {
      Capture capture = read(file);
      if (capture == null) {
        return 2;
      }
      CaptureDiff.Report report = CaptureDiff.of(capture);
      try {
        Files.createDirectories(out);
        Files.writeString(out.resolve("diff.md"), report.markdown());
        Files.writeString(
            out.resolve("diff.json"),
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
      } catch (IOException e) {
        System.err.println("octopods scenario: cannot write into " + out + ": " + e.getMessage());
        return 2;
      }
      System.out.println(report.summary());
      System.out.println("diff: " + out.resolve("diff.md") + " (and diff.json)");
      return report.leftTheContracts() ? 1 : 0;
    }
  }

  /** The capture in {@code file}; null, said on stderr, when it cannot be read. */
  private static Capture read(Path file) {
    try {
      return Capture.read(file);
    } catch (UncheckedIOException e) {
      System.err.println("octopods scenario: " + e.getMessage());
      return null;
    }
  }

  /** Writes a derived scenario as {@code <id>.yaml} into {@code dir}; null when it cannot. */
  private static Path write(Path dir, ScenarioDerivation.Derived d) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(d.id() + ".yaml"), d.yaml());
    } catch (IOException e) {
      System.err.println("octopods scenario: cannot write into " + dir + ": " + e.getMessage());
      return null;
    }
  }
}
