package com.example.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.SimulatorClient.Webhook;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meta may report a WhatsApp message 'read' before 'delivered': our webhook hears them in that order. */
@OctopodsSimulators(clock = "virtual")
class ReadBeforeDeliveredTest {
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");

  private final List<String> statusesHeard = new CopyOnWriteArrayList<>();
  private HttpServer webhook;

  @BeforeEach
  void startOurWebhook() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/webhooks/whatsapp", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      STATUS.matcher(body).results().forEach(status -> statusesHeard.add(status.group(1)));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    webhook.start();
  }

  @AfterEach
  void stopOurWebhook() {
    webhook.stop(0);
  }

  @Test
  void readArrivesBeforeDelivered(SimulatorClient sims) throws Exception {
    String webhookUrl = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/whatsapp";
    sims.setWebhook("whatsapp", Webhook.to(webhookUrl).unverified());
    sims.bind("whatsapp", "+15551230001", "whatsapp-a2-read-before-delivered");

    // send as to Meta's Graph API, with the simulator's credentials
    Map<String, String> account = sims.info("whatsapp").credentials();
    HttpRequest send = HttpRequest.newBuilder(URI.create(sims.baseUrl("whatsapp") + "/"
            + account.get("api_version") + "/" + account.get("phone_number_id") + "/messages"))
        .header("Authorization", "Bearer " + account.get("access_token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"messaging_product": "whatsapp", "to": "15551230001", "type": "text", "text": {"body": "hi"}}"""))
        .build();
    HttpResponse<String> sent = HttpClient.newHttpClient().send(send, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, sent.statusCode(), sent.body());

    // every callback due within ten seconds is delivered, in order, before advance returns
    sims.advance(Duration.ofSeconds(10));

    assertEquals(List.of("sent", "read", "delivered", "delivered"), statusesHeard);
  }
}
