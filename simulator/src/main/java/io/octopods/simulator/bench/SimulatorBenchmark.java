package io.octopods.simulator.bench;

import static io.octopods.simulator.bench.BenchRun.say;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.SimulatorClient.Webhook;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./octopods bench-sim}: how fast one simulator process delivers signed callbacks to a
 * receiver in another process, on the real clock. (a) Saturation: callbacks per second with
 * everything due at once. (b) Steady: the lateness of each callback against its due time at a
 * steady rate (1,000/s by default). Numbers come from the callback journal ({@code due_at}, {@code
 * sent_at}, outcome), heard through {@code onAttempt}; nothing waits on a fixed sleep for
 * completion.
 */
@Command(
    name = "bench-sim",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures the simulator's callback delivery against a receiver in a separate JVM, on the real clock:",
      "(a) saturation: callbacks per second with a large backlog all due at once;",
      "(b) steady: lateness (sent_at - due_at) of every callback at a steady rate."
    })
public final class SimulatorBenchmark implements Callable<Integer> {
  @Option(
      names = "--lanes",
      description = "callback lanes of the simulator (default ${DEFAULT-VALUE})")
  int lanes = 8;

  @Option(
      names = "--messages",
      description = "saturation: messages sent (default ${DEFAULT-VALUE})")
  int messages = 400;

  @Option(
      names = "--per-message",
      description = "saturation: callbacks per message (default ${DEFAULT-VALUE})")
  int perMessage = 80;

  @Option(
      names = "--senders",
      description = "saturation: threads sending the messages (default ${DEFAULT-VALUE})")
  int senders = 4;

  @Option(
      names = "--rate",
      description = "steady: callbacks per second of the whole process (default ${DEFAULT-VALUE})")
  int rate = 1000;

  @Option(
      names = "--seconds",
      description = "steady: how long the steady load lasts (default ${DEFAULT-VALUE})")
  int seconds = 10;

  @Option(
      names = "--steady-messages",
      description =
          "steady: messages sharing the load, each its own share of due times (default ${DEFAULT-VALUE})")
  int steadyMessages = 10;

  @Option(
      names = "--warmup-messages",
      description =
          "messages of the unmeasured warm-up burst, x --per-message callbacks (default ${DEFAULT-VALUE}; 0 = none)")
  int warmupMessages = 60;

  @Option(
      names = "--receiver",
      description =
          "raw (a minimal HTTP/1.1 server) or jdk (com.sun.net.httpserver) (default ${DEFAULT-VALUE})")
  String receiverKind = "raw";

  @Option(
      names = "--receiver-threads",
      description = "worker threads of the jdk receiver (default ${DEFAULT-VALUE})")
  int receiverThreads = 4;

  @Option(
      names = "--timeout",
      description =
          "seconds after which the run gives up, whatever it is doing (default ${DEFAULT-VALUE})")
  int timeoutSeconds = 180;

  @Option(names = "--skip-saturation", description = "run only the steady part")
  boolean skipSaturation;

  @Option(names = "--skip-steady", description = "run only the saturation part")
  boolean skipSteady;

  private final Map<String, String> summary = new LinkedHashMap<>();
  private final GcPauses gcPauses = new GcPauses();
  private BenchRun run;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (lanes < 1
        || messages < 1
        || perMessage < 1
        || senders < 1
        || rate < 1
        || seconds < 1
        || steadyMessages < 1
        || warmupMessages < 0
        || receiverThreads < 1
        || timeoutSeconds < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--lanes, --messages, --per-message, --senders, --rate, --seconds, --steady-messages, --receiver-threads "
              + "and --timeout must be at least 1 (--warmup-messages at least 0)");
    }
    if (!receiverKind.equals("raw") && !receiverKind.equals("jdk")) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--receiver must be raw or jdk");
    }
    summary.put("saturation_callbacks_per_s", "skipped");
    summary.put("saturation_failed", "skipped");
    summary.put("steady_rate_per_s", "skipped");
    summary.put("lateness_p50_ms", "skipped");
    summary.put("lateness_p99_ms", "skipped");
    summary.put("lateness_max_ms", "skipped");
    long started = System.nanoTime();
    boolean complete = true;
    watchdog();
    say(
        "octopods bench-sim: "
            + MachineFacts.describeWithVm()
            + "; "
            + lanes
            + " callback lanes; receiver '"
            + receiverKind
            + "' in its own JVM; real clock");
    try (ReceiverProcess r = ReceiverProcess.start(receiverKind, receiverThreads)) {
      say("receiver: pid " + r.pid() + " on 127.0.0.1:" + r.port());
      Simulators sims =
          Simulators.start(
              new SimulatorSettings(
                  "127.0.0.1",
                  0,
                  "real",
                  1.0,
                  List.of(),
                  Duration.ofSeconds(10),
                  lanes,
                  Optional.empty()));
      try {
        run = new BenchRun(sims.context().clock(), r, gcPauses, summary);
        sims.context().journal().onAttempt(run::heard);
        SimulatorClient admin = sims.client();
        admin.setWebhook(
            "whatsapp",
            Webhook.to("http://127.0.0.1:" + r.port() + "/webhooks/whatsapp").unverified());
        WhatsAppSender whatsapp = new WhatsAppSender(sims.baseUrl("whatsapp"));
        say("simulator: WhatsApp on " + sims.baseUrl("whatsapp") + ", webhook -> receiver");

        SaturationPhase saturation = new SaturationPhase(run, admin, perMessage, senders, lanes);
        double sendsPerSecond = 0;
        if (warmupMessages > 0) {
          Burst warm = saturation.warmUp(warmupMessages, whatsapp);
          complete &= warm.complete();
          sendsPerSecond = warm.sendsPerSecond();
        }
        if (!skipSaturation) {
          complete &= saturation.measure(messages, whatsapp, sendsPerSecond);
        }
        if (!skipSteady) {
          complete &= new SteadyPhase(run, admin, rate, seconds, steadyMessages).measure(whatsapp);
        }
      } finally {
        sims.close();
      }
    }
    long strays = run == null ? 0 : run.strays();
    if (strays > 0) {
      say("note: " + strays + " callback attempts belonged to no phase (retries of failures?)");
    }
    say(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - started) / 1e9));
    System.out.println();
    summary.put("lanes", String.valueOf(lanes));
    summary.put("machine", MachineFacts.describeWithVm());
    summary.forEach((k, v) -> System.out.println(k + ": " + v));
    System.out.flush();
    return complete ? 0 : 1;
  }

  /**
   * Ends the process (and so the receiver, whose stdin closes) when the run overstays --timeout.
   */
  private void watchdog() {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(timeoutSeconds * 1000L);
              } catch (InterruptedException e) {
                return;
              }
              System.out.println("bench-sim: gave up after " + timeoutSeconds + " s (--timeout)");
              System.out.flush();
              System.exit(3);
            },
            "bench-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
