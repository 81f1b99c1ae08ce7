package io.octopods.stack.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.octopods.service.support.TestDatabase;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Stack} of the {@link StackProfile#TEST} profile for the whole-stack suites, with what
 * they ask of it: on the embedded database under a temporary data directory, or on a fresh schema
 * of the PostgreSQL of {@code OCTOPODS_TEST_DB_URL} when it is set; fresh recipients; the public
 * API's calls. One stack per test class; {@link #reset()} between tests.
 */
public final class StackUnderTest implements AutoCloseable {
  public static final String WORKSPACE = "acme";
  public static final String OTHER_WORKSPACE = "other";
  public static final String API_KEY = StackProfile.TEST_API_KEY;
  public static final String OTHER_KEY = StackProfile.TEST_OTHER_KEY;
  public static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber");

  private static final AtomicInteger RECIPIENTS = new AtomicInteger();
  private static final Pattern FRESH_SCHEMA =
      Pattern.compile("([?&])currentSchema=(e2e_[0-9a-f]{16})$");

  private final Stack stack;

  private StackUnderTest(Stack stack) {
    this.stack = stack;
  }

  public static StackUnderTest start() {
    return start(Map.of());
  }

  /**
   * @param overrides settings ({@code OCTOPODS_*}) that replace or add to the {@link
   *     StackProfile#TEST} profile's
   */
  public static StackUnderTest start(Map<String, String> overrides) {
    Map<String, String> settings = new LinkedHashMap<>();
    testDatabaseUrl().ifPresent(u -> settings.put("OCTOPODS_DB_URL", freshSchemaUrl(u)));
    settings.putAll(overrides);
    try {
      return new StackUnderTest(Stack.of(StackProfile.TEST).settings(settings).start());
    } catch (RuntimeException | AssertionError e) {
      Optional.ofNullable(settings.get("OCTOPODS_DB_URL"))
          .ifPresent(StackUnderTest::dropFreshSchema);
      throw e;
    }
  }

  /** {@code OCTOPODS_TEST_DB_URL} when set (and not blank). */
  public static Optional<String> testDatabaseUrl() {
    return Optional.ofNullable(System.getenv(TestDatabase.URL_VARIABLE)).filter(u -> !u.isBlank());
  }

  /**
   * Creates a schema of its own on that PostgreSQL and answers the URL that uses it ({@code
   * currentSchema=}).
   */
  public static String freshSchemaUrl(String url) {
    String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(url)) {
      connection.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  // ---- the parts ----

  public Simulators simulators() {
    return stack.simulators();
  }

  /** The simulators' admin API. */
  public SimulatorClient admin() {
    return stack.admin();
  }

  /** A simulator's base URL: {@code twilio}, {@code whatsapp}, {@code viber} or {@code hubspot}. */
  public String sim(String provider) {
    return stack.simulators().baseUrl(provider);
  }

  /** The service's base URL (the same after a restart on the same port). */
  public String service() {
    return stack.serviceUrl();
  }

  public int port() {
    return URI.create(stack.serviceUrl()).getPort();
  }

  public Path dataDir() {
    return stack.dataDir();
  }

  /** The settings the service was started with ({@code OCTOPODS_*}), for a second process. */
  public Map<String, String> env() {
    return stack.serviceSettings();
  }

  /** The flags the service was started with ({@code --port}, {@code --data-dir}). */
  public Map<String, String> flags() {
    return stack.serviceFlags();
  }

  /** The database URL the service uses, when it is not the embedded one. */
  public Optional<String> dbUrl() {
    return Optional.ofNullable(env().get("OCTOPODS_DB_URL"));
  }

  /**
   * Stops the in-process service (not the simulators): a restart starts a new one on the same port
   * and data.
   */
  public void stopService() {
    stack.stopService();
  }

  /**
   * Forgets every simulator's messages, bindings, journal, uploads and scheduled work (not the
   * webhooks, the clock).
   */
  public void reset() {
    admin().reset();
  }

  @Override
  public void close() {
    try {
      stack.close();
    } finally {
      dbUrl().ifPresent(StackUnderTest::dropFreshSchema);
    }
  }

  /**
   * Drops a schema made by {@link #freshSchemaUrl(String)} (named in the URL's {@code
   * currentSchema=}).
   */
  public static void dropFreshSchema(String urlWithSchema) {
    Matcher m = FRESH_SCHEMA.matcher(urlWithSchema);
    if (!m.find()) {
      return;
    }
    String base = urlWithSchema.substring(0, m.start());
    try (Connection connection = DriverManager.getConnection(base)) {
      connection.createStatement().execute("DROP SCHEMA IF EXISTS " + m.group(2) + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + m.group(2) + ": " + e.getMessage());
    }
  }

  // ---- channels and providers ----

  /** A recipient no other test of this JVM uses: {@code +1555} and a counter. */
  public static String freshRecipient() {
    return "+1555" + (7_000_000 + RECIPIENTS.incrementAndGet());
  }

  // ---- the simulators ----

  /**
   * Binds a scenario (library or uploaded) to a fresh recipient of its provider and answers the
   * recipient.
   */
  public String bindFresh(String provider, String scenarioId) {
    String to = freshRecipient();
    bind(provider, to, scenarioId);
    return to;
  }

  public void bind(String provider, String to, String scenarioId) {
    admin().bind(provider, to, scenarioId);
  }

  /** Uploads a scenario (YAML) and answers its id. */
  public String upload(String provider, String yaml) {
    return admin().upload(provider, yaml).id();
  }

  /** What the provider's simulator received for {@code to}. */
  public List<SimulatorClient.Message> simMessages(String provider, String to) {
    return admin().messages(provider, to);
  }

  /** The simulator's journal of callback attempts. */
  public List<SimulatorClient.CallbackAttempt> simCallbacks(String provider) {
    return admin().callbacks(provider);
  }

  /**
   * Advances the simulators' shared virtual clock: every callback due (retries included) is
   * delivered and answered before this returns.
   */
  public SimulatorClient.Advanced advance(String by) {
    return admin().advance(by);
  }

  /**
   * {@link #advance(String)} by eight days: more than any library scenario and every retry
   * schedule.
   */
  public SimulatorClient.Advanced advanceAll() {
    return advance("P8D");
  }

  // ---- the public API ----

  public static Map<String, String> auth(String key) {
    return Map.of("Authorization", "Bearer " + key);
  }

  /**
   * {@code POST /api/v1/{channel}/messages}, expecting {@code 202}; answers the message resource.
   */
  public JsonNode send(String channel, String to) {
    return send(channel, to, API_KEY);
  }

  public JsonNode send(String channel, String to, String key) {
    String body =
        "{\"to\":"
            + StackHttp.quote(to)
            + ",\"body\":\"Hello from the e2e suite\","
            + "\"contact\":{\"email\":"
            + StackHttp.quote("e2e" + to.substring(1) + "@example.com")
            + "}}";
    Map<String, String> headers = new LinkedHashMap<>(auth(key));
    headers.put("Content-Type", "application/json");
    StackHttp.Answer a =
        StackHttp.call("POST", service() + "/api/v1/" + channel + "/messages", headers, body)
            .expect(202);
    return a.json();
  }

  /** {@code GET} of one message with our key, expecting {@code 200}. */
  public JsonNode message(String channel, String messageId) {
    return poll(channel, messageId, API_KEY).expect(200).json();
  }

  public StackHttp.Answer poll(String channel, String messageId, String key) {
    return StackHttp.call(
        "GET", service() + "/api/v1/" + channel + "/messages/" + messageId, auth(key), null);
  }

  /** The history events ({@code data}) of one message with our key. */
  public List<JsonNode> history(String channel, String messageId) {
    List<JsonNode> events = new ArrayList<>();
    historyAnswer(channel, messageId, API_KEY).expect(200).json().path("data").forEach(events::add);
    return events;
  }

  public StackHttp.Answer historyAnswer(String channel, String messageId, String key) {
    return StackHttp.call(
        "GET",
        service() + "/api/v1/" + channel + "/messages/" + messageId + "/history",
        auth(key),
        null);
  }

  /** {@code GET /health}'s body. */
  public JsonNode health() {
    return StackHttp.get(service() + "/health").expect(200).json();
  }

  public long pendingHandOffs() {
    return health().path("pending").path("handoff").asLong(-1);
  }

  public long orphans() {
    return health().path("pending").path("orphans").asLong(-1);
  }

  /** The public status of a message. */
  public String status(String channel, String messageId) {
    return message(channel, messageId).path("message_status").path("message_status").asText();
  }

  /**
   * Waits until the hand-off of a message is settled: no hand-off pending in {@code /health}, and
   * the message is past {@code UNKNOWN} or its provider's simulator shows the send (a time-out
   * leaves it {@code UNKNOWN}).
   *
   * @param atMost longer than the provider timeout plus the hand-off's back-offs
   */
  public void awaitSettled(String channel, String messageId, String to, Duration atMost) {
    String provider = StatusModel.providerOf(channel);
    await("hand-off of " + channel + " message " + messageId + " to " + to + " settled")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .until(
            () ->
                pendingHandOffs() == 0
                    && (!"UNKNOWN".equals(status(channel, messageId))
                        || !simMessages(provider, to).isEmpty()));
  }
}
