package io.octopods.service;

import io.octopods.service.adapters.workers.DaemonThreads;
import io.octopods.service.config.ServiceSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar octopods-service-cli.jar [--port N] [--port-base N] [--host H] [--db-url U]
 * [--data-dir D] [--public-url U]}: the status service alone, until SIGINT or SIGTERM. Every other
 * setting comes from the environment (README, Configuration).
 */
public final class ServiceMain {
  private ServiceMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println(
            "usage: serve [--port N] [--port-base N] [--host H] [--db-url U] [--data-dir D] [--public-url U]");
        return;
      }
      if (!a.startsWith("--") || i + 1 >= args.length) {
        System.err.println("octopods service: '" + a + "' is not a flag with a value; see --help");
        System.exit(2);
      }
      flags.put(a, args[++i]);
    }
    OctopodsService service;
    try {
      service = OctopodsService.start(ServiceSettings.read(flags, System::getenv));
    } catch (IllegalArgumentException e) {
      System.err.println("octopods service: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            DaemonThreads.named("octopods-shutdown")
                .newThread(
                    () -> {
                      service.close();
                      stopped.countDown();
                    }));
    System.out.println("service   " + service.baseUrl());
    service.demoKey().ifPresent(k -> System.out.println("API key (workspace demo): " + k));
    System.out.flush();
    stopped.await();
  }
}
