package io.octopods.simulator.bench;

import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends through the WhatsApp simulator's Graph API route, as a client of Meta would; the benchmark
 * sets the simulator up through {@link io.octopods.simulator.SimulatorClient}.
 */
final class WhatsAppSender {
  private static final Pattern WAMID = Pattern.compile("\"id\"\\s*:\\s*\"(wamid\\.[^\"]+)\"");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  WhatsAppSender(String base) {
    this.base = base;
  }

  /** Sends one text message to {@code to} (E.164 with +) and answers its wamid. */
  String send(String to, String text) throws IOException, InterruptedException {
    String body =
        "{\"messaging_product\":\"whatsapp\",\"to\":\""
            + to.replace("+", "")
            + "\",\"type\":\"text\",\"text\":{\"body\":\""
            + text
            + "\"}}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/"
                        + WhatsAppSimulator.API_VERSION
                        + "/"
                        + WhatsAppSimulator.PHONE_NUMBER_ID
                        + "/messages"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + WhatsAppSimulator.ACCESS_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    Matcher m = WAMID.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IOException("send answered " + response.statusCode() + ": " + response.body());
    }
    return m.group(1);
  }

  /**
   * Sends {@code count} messages to {@code to} from {@code threads} threads, each waiting for its
   * answer before the next; every wamid goes to {@code ids} as soon as it is known.
   */
  void sendMany(String to, int count, int threads, Consumer<String> ids) throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-sender");
              t.setDaemon(true);
              return t;
            });
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < count) {
                    ids.accept(send(to, "bench " + i));
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
