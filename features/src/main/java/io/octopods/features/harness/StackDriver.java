package io.octopods.features.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.stack.Stack;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The verbs of the harness, each one HTTP call or a wait on what HTTP shows (never a sleep): choose
 * what a provider does for a recipient, send through the public API, move the simulators' virtual
 * clock, wait until the service is quiet, and read a message on every surface.
 */
public final class StackDriver {
  /** How long the harness waits for the service's own work (hand-off, HubSpot pushes) to settle. */
  public static final Duration SETTLE = Duration.ofSeconds(30);

  private static final String RUN =
      Integer.toString(ThreadLocalRandom.current().nextInt(1000, 9999));
  private static final AtomicInteger RECIPIENTS =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 900_000));
  private static final AtomicInteger UPLOADS = new AtomicInteger();

  private final Wire wire;
  private final SimulatorClient admin;

  public StackDriver(Wire wire) {
    this.wire = wire;
    this.admin = SimulatorClient.at(wire.target().simulators());
  }

  public Wire wire() {
    return wire;
  }

  /** The simulators' admin API: the harness's own instrument, not an interface under test. */
  public SimulatorClient admin() {
    return admin;
  }

  /** A recipient (E.164) this run has not used; its contact email is {@link #emailOf(String)}. */
  public String freshRecipient() {
    return "+1555" + (1_000_000 + RECIPIENTS.incrementAndGet() % 8_999_999);
  }

  public static String emailOf(String to) {
    return "check" + RUN + "-" + to.substring(1) + "@example.com";
  }

  /**
   * Forgets what the simulators saw and scheduled (not their webhooks or clock): each scenario
   * starts clean.
   */
  public void resetSimulators() {
    admin.reset();
  }

  /**
   * Points the WhatsApp and Viber simulators at the service (Twilio's callback URL comes from the
   * service).
   */
  public void pointWebhooksAt(String publicUrl) {
    Stack.pointWebhooks(admin, publicUrl);
  }

  public void bind(String provider, String to, String scenarioId) {
    try {
      admin.bind(provider, to, scenarioId);
    } catch (SimulatorClient.Refused e) {
      throw new AssertionError(
          "the " + provider + " simulator refused to bind " + scenarioId + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Uploads a scenario written in the scenario format (simulator.md); {@code id} and {@code
   * provider} may be left out and are then filled in. Answers its id.
   */
  public String upload(String provider, String yaml) {
    String doc = yaml;
    if (!doc.matches("(?s)(^|.*\\n)provider:.*")) {
      doc = "provider: " + provider + "\n" + doc;
    }
    if (!doc.matches("(?s)(^|.*\\n)description:.*")) {
      doc = "description: written in a feature file\n" + doc;
    }
    if (!doc.matches("(?s)(^|.*\\n)id:.*")) {
      doc = "id: feature-" + RUN + "-" + UPLOADS.incrementAndGet() + "\n" + doc;
    }
    try {
      return admin.upload(provider, doc).id();
    } catch (SimulatorClient.Refused e) {
      throw new AssertionError(
          "the " + provider + " simulator refused the scenario: " + e.getMessage() + "\n" + doc, e);
    }
  }

  /**
   * {@code POST /api/v1/{channel}/messages}; answers the call (the test decides what status it
   * expects).
   */
  public Response send(String channel, String to) {
    return wire.api()
        .contentType("application/json")
        .body(
            "{\"to\":"
                + Wire.quote(to)
                + ",\"body\":\"Hello from the Octopods harness\",\"contact\":{\"email\":"
                + Wire.quote(emailOf(to))
                + "}}")
        .when()
        .post("/api/v1/" + channel + "/messages");
  }

  public JsonNode message(String channel, String messageId) {
    return Wire.json(
        wire.api()
            .when()
            .get("/api/v1/" + channel + "/messages/" + messageId)
            .then()
            .statusCode(200)
            .extract()
            .response());
  }

  public List<JsonNode> history(String channel, String messageId) {
    List<JsonNode> events = new ArrayList<>();
    Wire.json(
            wire.api()
                .when()
                .get("/api/v1/" + channel + "/messages/" + messageId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .response())
        .path("data")
        .forEach(events::add);
    return events;
  }

  public JsonNode health() {
    return Wire.json(
        wire.service().when().get("/health").then().statusCode(200).extract().response());
  }

  /**
   * Waits until the hand-off of a message is settled: nothing pending, and the provider saw it (or
   * it failed).
   */
  public void awaitHandOff(String channel, String messageId, String to) {
    String provider = StatusModel.providerOf(channel);
    await("hand-off of " + channel + " message " + messageId + " settled")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(25))
        .pollInSameThread()
        .until(
            () ->
                health().at("/pending/handoff").asLong() == 0
                    && (!"UNKNOWN"
                            .equals(
                                message(channel, messageId)
                                    .at("/message_status/message_status")
                                    .asText())
                        || !simMessages(provider, to).isEmpty()));
  }

  /**
   * The scenarios move the simulators' clock, days at a time: on a real clock they would wait for
   * it. Fails, naming each simulator that cannot be reached or runs on a real clock, before any
   * scenario starts.
   */
  public void requireVirtualClock() {
    List<String> wrong = new ArrayList<>();
    for (String provider : JournalCheck.PROVIDERS) {
      String url = wire.target().simulator(provider);
      try {
        String mode = admin.clock(provider).mode();
        if (!"virtual".equals(mode)) {
          wrong.add(provider + " at " + url + " runs on a " + mode + " clock");
        }
      } catch (RuntimeException e) {
        wrong.add(provider + " at " + url + " cannot be reached (" + e.getMessage() + ")");
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException(
          "the simulators must run on the virtual clock (./octopods sim --clock virtual, "
              + "or ./octopods up --clock virtual): "
              + String.join("; ", wrong));
    }
  }

  /**
   * Moves the simulators' shared virtual clock; every callback due (and its retries) is answered
   * before this returns.
   */
  public SimulatorClient.Advanced advance(String by) {
    return admin.advance(by);
  }

  /**
   * Waits until the service has nothing left to hand off or push to HubSpot (dead letters are not
   * pending).
   */
  public void awaitQuiet() {
    await("the service is quiet (nothing pending in /health)")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(25))
        .pollInSameThread()
        .until(
            () -> {
              JsonNode h = health();
              return h.at("/pending/handoff").asLong() == 0
                  && h.at("/pending/hubspot").asLong() == 0;
            });
  }

  public List<SimulatorClient.Message> simMessages(String provider, String to) {
    return admin.messages(provider, to);
  }

  /** The simulator's journal of callback attempts, in firing order. */
  public List<SimulatorClient.CallbackAttempt> callbacks(String provider) {
    return admin.callbacks(provider);
  }

  /** The events HubSpot's simulator holds for the contact of {@code to}, oldest first. */
  public List<SimulatorClient.TimelineEvent> hubspotEvents(String to) {
    return admin.timeline(emailOf(to));
  }

  /**
   * The events HubSpot's simulator holds for a message, in timeline order: by the event's time (the
   * moment of its status change), then by rank, as HubSpot's timeline shows them however late one
   * was pushed.
   */
  public List<SimulatorClient.TimelineEvent> hubspotTimeline(String messageId, String to) {
    return hubspotEvents(to).stream()
        .filter(e -> messageId.equals(e.tokens().path("message_id").asText()))
        .sorted(
            Comparator.comparing((SimulatorClient.TimelineEvent e) -> e.timestamp())
                .thenComparing(e -> StatusModel.rank(e.tokens().path("status").asText())))
        .toList();
  }

  /**
   * The workspace's HubSpot dead letters of one message (none when the target serves no such list).
   */
  public List<JsonNode> hubspotDeadLetters(String messageId) {
    Response answer = wire.api().when().get("/api/v1/surfaces/hubspot/dead-letters");
    List<JsonNode> mine = new ArrayList<>();
    if (answer.statusCode() == 200) {
      Wire.json(answer)
          .path("data")
          .forEach(
              d -> {
                if (messageId.equals(d.path("message_id").asText())) {
                  mine.add(d);
                }
              });
    }
    return mine;
  }

  /** One message on every surface, now. */
  public SurfaceSnapshot snapshot(String channel, String messageId, String to) {
    JsonNode api = message(channel, messageId);
    List<String> hubspot =
        hubspotTimeline(messageId, to).stream()
            .map(e -> e.tokens().path("status").asText())
            .toList();
    List<String> dead =
        hubspotDeadLetters(messageId).stream().map(d -> d.path("status").asText()).toList();
    String label =
        Wire.json(
                wire.api()
                    .when()
                    .get("/surfaces/intercom/messages/" + messageId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .response())
            .at("/delivery_status/label")
            .asText();
    JsonNode reach =
        Wire.json(
            wire.api()
                .when()
                .get("/surfaces/reach/messages/" + messageId + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .response());
    String inbox =
        wire.target().intercomSecret().map(secret -> canvas("intercom", secret, to)).orElse(null);
    String inboxDetail =
        wire.target()
            .intercomSecret()
            .map(secret -> inboxDetailCanvas(secret, to, messageId))
            .orElse(null);
    String reachCanvas =
        wire.target().intercomSecret().map(secret -> canvas("reach", secret, to)).orElse(null);
    return new SurfaceSnapshot(api, hubspot, dead, label, reach, inbox, inboxDetail, reachCanvas);
  }

  /** The Inbox app's detail canvas of one message: what a click on its list item opens. */
  private String inboxDetailCanvas(String secret, String to, String messageId) {
    String body =
        "{\"workspace_id\":\"harness\",\"contact\":{\"email\":"
            + Wire.quote(emailOf(to))
            + "},\"component_id\":"
            + Wire.quote(messageId)
            + "}";
    return signedCanvas("/surfaces/intercom/canvas/submit", secret, body);
  }

  /**
   * The first canvas Intercom's Inbox app or Reach shows for the contact of {@code to}: its latest
   * message.
   */
  private String canvas(String app, String secret, String to) {
    String body =
        "{\"workspace_id\":\"harness\",\"contact\":{\"email\":" + Wire.quote(emailOf(to)) + "}}";
    return signedCanvas("/surfaces/" + app + "/canvas/initialize", secret, body);
  }

  /** A Canvas Kit request signed as Intercom signs it, sent as the bytes that were signed. */
  private String signedCanvas(String path, String secret, String body) {
    return wire.service()
        .contentType("application/json")
        .header("X-Body-Signature", Signatures.hmacHex(secret, body))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .when()
        .post(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
