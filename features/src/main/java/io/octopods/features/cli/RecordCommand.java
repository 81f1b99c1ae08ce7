package io.octopods.features.cli;

import io.octopods.simulator.capture.CaptureProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./octopods record}: a forwarding proxy in front of a real webhook endpoint that writes
 * every callback into a capture file (docs/simulator.md, Capture), scrubbed unless {@code
 * --keep-pii}. Runs until stopped (Ctrl-C).
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = "Forwards a provider's callbacks to your endpoint and writes them to a capture.")
public final class RecordCommand implements Callable<Integer> {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Option(names = "--provider", required = true, description = "twilio, whatsapp or viber")
  String provider;

  @Option(
      names = "--upstream",
      required = true,
      description = "the real endpoint's base URL; path and query are kept")
  URI upstream;

  @Option(names = "--host", description = "the address to listen on (default ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "the port to listen on (default ${DEFAULT-VALUE})")
  int port = 8090;

  @Option(
      names = "--out",
      description = "the capture file (default capture-<provider>-<UTC time>.jsonl)")
  Path out;

  @Option(
      names = "--secret",
      description =
          "the provider's real secret (Twilio auth token, Meta app secret, Viber auth token), to"
              + " check each signature on arrival")
  String secret;

  @Option(
      names = "--public-url",
      description = "the URL Twilio signs (your endpoint as Twilio calls it)")
  String publicUrl;

  @Option(
      names = "--keep-pii",
      description = "keep phone numbers, bodies, names and e-mail addresses as they came")
  boolean keepPii;

  @Override
  public Integer call() throws InterruptedException {
    if (!List.of("twilio", "whatsapp", "viber").contains(provider)) {
      System.err.println(
          "octopods record: --provider must be twilio, whatsapp or viber, not " + provider);
      return 2;
    }
    if (upstream.getScheme() == null || upstream.getHost() == null) {
      System.err.println("octopods record: --upstream must be an absolute URL, not " + upstream);
      return 2;
    }
    Clock clock = Clock.systemUTC();
    Path file =
        out != null
            ? out
            : Path.of("capture-" + provider + "-" + FILE_TIME.format(clock.instant()) + ".jsonl");
    CaptureProxy proxy;
    try {
      proxy =
          CaptureProxy.start(
              new CaptureProxy.Settings(
                  provider,
                  upstream,
                  host,
                  port,
                  file,
                  Optional.ofNullable(secret),
                  Optional.ofNullable(publicUrl),
                  keepPii,
                  clock));
    } catch (RuntimeException e) {
      System.err.println("octopods record: cannot start: " + e.getMessage());
      return 2;
    }
    System.out.println(
        "octopods record: "
            + provider
            + " callbacks at "
            + proxy.url()
            + " go to "
            + upstream
            + "; each one into "
            + proxy.file()
            + (keepPii ? " as it came (--keep-pii)" : ", scrubbed")
            + (secret == null ? "; signatures unchecked (no --secret)" : "")
            + ". Ctrl-C stops.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  proxy.close();
                  System.out.println(
                      "octopods record: " + proxy.captured() + " callbacks in " + proxy.file());
                  stopped.countDown();
                },
                "octopods-record-stop"));
    stopped.await();
    return 0;
  }
}
