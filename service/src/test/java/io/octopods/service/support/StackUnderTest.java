package io.octopods.service.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.javalin.util.JavalinBindException;
import io.octopods.service.OctopodsService;
import io.octopods.service.config.ServiceSettings;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The status service and the four simulators (virtual clock) wired over real HTTP, on free ports, for
 * end-to-end tests: on the embedded database under a temporary data directory, or on a fresh schema of the
 * PostgreSQL of {@code OCTOPODS_TEST_DB_URL} when it is set.
 *
 * <p>The service's provider base URLs point at the simulators; the WhatsApp and Viber simulators' webhooks
 * at the service (Meta's handshake included); Twilio's {@code StatusCallback} comes from the service's public
 * URL, so the service's port is chosen before it starts. One stack per test class; {@link #reset()} between
 * tests.
 */
public final class StackUnderTest implements AutoCloseable {
  public static final String WORKSPACE = "acme";
  public static final String OTHER_WORKSPACE = "other";
  public static final String API_KEY = "acme-key-0123456789abcdef0123456789";
  public static final String OTHER_KEY = "other-key-0123456789abcdef012345678";
  public static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber");

  /** The test settings of the brief; a map given to {@link #start(Map)} overrides them. */
  public static final Map<String, String> TEST_SETTINGS = Map.of(
      "OCTOPODS_API_KEYS", WORKSPACE + ":" + API_KEY + "," + OTHER_WORKSPACE + ":" + OTHER_KEY,
      "OCTOPODS_RATE_LIMIT", "0",
      "OCTOPODS_PROVIDER_TIMEOUT", "PT1S",
      "OCTOPODS_HANDOFF_FIRST_BACKOFF", "PT0.05S",
      "OCTOPODS_HANDOFF_BACKOFF_MAX", "PT0.2S",
      "OCTOPODS_WORKER_POLL_INTERVAL", "PT0.05S");

  private static final AtomicInteger RECIPIENTS = new AtomicInteger();
  private static final Pattern FRESH_SCHEMA = Pattern.compile("([?&])currentSchema=(e2e_[0-9a-f]{16})$");

  private final Simulators sims;
  private final Path dataDir;
  private final int port;
  private final Map<String, String> env;
  private final Map<String, String> flags;
  private OctopodsService service;

  private StackUnderTest(Simulators sims, Path dataDir, int port, Map<String, String> env, Map<String, String> flags) {
    this.sims = sims;
    this.dataDir = dataDir;
    this.port = port;
    this.env = env;
    this.flags = flags;
  }

  public static StackUnderTest start() {
    return start(Map.of());
  }

  /** @param overrides settings ({@code OCTOPODS_*}) that replace or add to {@link #TEST_SETTINGS} */
  public static StackUnderTest start(Map<String, String> overrides) {
    Simulators sims = Simulators.start(SimulatorSettings.forTests("virtual"));
    try {
      Path dataDir = Files.createTempDirectory("octopods-e2e");
      Map<String, String> env = new LinkedHashMap<>(TEST_SETTINGS);
      env.put("OCTOPODS_TWILIO_BASE_URL", sims.baseUrl("twilio"));
      env.put("OCTOPODS_WHATSAPP_BASE_URL", sims.baseUrl("whatsapp"));
      env.put("OCTOPODS_VIBER_BASE_URL", sims.baseUrl("viber"));
      env.put("OCTOPODS_HUBSPOT_BASE_URL", sims.baseUrl("hubspot"));
      testDatabaseUrl().ifPresent(u -> env.put("OCTOPODS_DB_URL", freshSchemaUrl(u)));
      env.putAll(overrides);
      StackUnderTest stack = startService(sims, dataDir, env);
      try {
        stack.pointWebhooksAtService();
      } catch (RuntimeException | AssertionError e) {
        stack.service.close();
        throw e;
      }
      return stack;
    } catch (IOException e) {
      sims.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | AssertionError e) {
      sims.close();
      throw e;
    }
  }

  /**
   * Starts the service on a port found free; another process may take that port before the service binds it (an
   * outgoing connection's ephemeral port, say), so a bind failure is tried again on another one.
   */
  private static StackUnderTest startService(Simulators sims, Path dataDir, Map<String, String> env)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      Map<String, String> flags = new LinkedHashMap<>();
      flags.put("--port", String.valueOf(port));
      flags.put("--data-dir", dataDir.toString());
      StackUnderTest stack = new StackUnderTest(sims, dataDir, port, Map.copyOf(env), Map.copyOf(flags));
      try {
        stack.service = OctopodsService.start(ServiceSettings.read(flags, env::get));
        return stack;
      } catch (JavalinBindException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private void pointWebhooksAtService() {
    for (String provider : List.of("whatsapp", "viber")) {
      StackHttp.postJson(sim(provider) + "/__sim/webhook",
          "{\"url\":" + StackHttp.quote(service() + "/webhooks/" + provider) + ",\"verify\":true}").expect(200);
    }
  }

  /** {@code OCTOPODS_TEST_DB_URL} when set (and not blank). */
  public static Optional<String> testDatabaseUrl() {
    return Optional.ofNullable(System.getenv(TestDatabase.URL_VARIABLE)).filter(u -> !u.isBlank());
  }

  /** Creates a schema of its own on that PostgreSQL and answers the URL that uses it ({@code currentSchema=}). */
  public static String freshSchemaUrl(String url) {
    String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  // ---- the parts ----

  public Simulators simulators() {
    return sims;
  }

  /** A simulator's base URL: {@code twilio}, {@code whatsapp}, {@code viber} or {@code hubspot}. */
  public String sim(String provider) {
    return sims.baseUrl(provider);
  }

  /** The service's base URL (the same after a restart on the same port). */
  public String service() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The settings the service was started with ({@code OCTOPODS_*}), for a second process. */
  public Map<String, String> env() {
    return env;
  }

  /** The flags the service was started with ({@code --port}, {@code --data-dir}). */
  public Map<String, String> flags() {
    return flags;
  }

  /** The database URL the service uses, when it is not the embedded one. */
  public Optional<String> dbUrl() {
    return Optional.ofNullable(env.get("OCTOPODS_DB_URL"));
  }

  /** Stops the in-process service (not the simulators): a restart starts a new one on the same port and data. */
  public void stopService() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  /** Forgets every simulator's messages, bindings, journal, uploads and scheduled work (not the webhooks, the clock). */
  public void reset() {
    StackHttp.call("POST", sim("twilio") + "/__sim/reset?all=true", Map.of(), null).expect(204);
  }

  @Override
  public void close() {
    try {
      stopService();
    } finally {
      try {
        sims.close();
      } finally {
        dbUrl().ifPresent(StackUnderTest::dropFreshSchema);
        deleteQuietly(dataDir);
      }
    }
  }

  /** Drops a schema made by {@link #freshSchemaUrl(String)} (named in the URL's {@code currentSchema=}). */
  public static void dropFreshSchema(String urlWithSchema) {
    Matcher m = FRESH_SCHEMA.matcher(urlWithSchema);
    if (!m.find()) {
      return;
    }
    String base = urlWithSchema.substring(0, m.start());
    try (Connection c = DriverManager.getConnection(base)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + m.group(2) + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + m.group(2) + ": " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder: the OS cleans it up
    }
  }

  // ---- channels and providers ----

  /** A recipient no other test of this JVM uses: {@code +1555} and a counter. */
  public static String freshRecipient() {
    return "+1555" + (7_000_000 + RECIPIENTS.incrementAndGet());
  }

  // ---- the simulators ----

  /** Binds a scenario (library or uploaded) to a fresh recipient of its provider and answers the recipient. */
  public String bindFresh(String provider, String scenarioId) {
    String to = freshRecipient();
    bind(provider, to, scenarioId);
    return to;
  }

  public void bind(String provider, String to, String scenarioId) {
    StackHttp.postJson(sim(provider) + "/__sim/bindings",
        "{\"to\":" + StackHttp.quote(to) + ",\"scenario\":" + StackHttp.quote(scenarioId) + "}").expect(201);
  }

  /** Uploads a scenario (YAML) and answers its id. */
  public String upload(String provider, String yaml) {
    StackHttp.Answer a = StackHttp.call("POST", sim(provider) + "/__sim/scenarios",
        Map.of("Content-Type", "application/yaml"), yaml);
    if (a.status() != 200 && a.status() != 201) {
      throw new AssertionError("upload refused (" + a.status() + "): " + a.body());
    }
    return a.json().path("id").asText();
  }

  /** What the provider's simulator received for {@code to} (with {@code attempts}, {@code provider_message_id}). */
  public List<JsonNode> simMessages(String provider, String to) {
    JsonNode body = StackHttp.get(sim(provider) + "/__sim/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8))
        .expect(200).json();
    List<JsonNode> list = new ArrayList<>();
    body.path("messages").forEach(list::add);
    return list;
  }

  /** The simulator's journal of callback attempts, of one provider message or all (empty {@code providerId}). */
  public List<JsonNode> simCallbacks(String provider, Optional<String> providerMessageId) {
    String q = providerMessageId.map(id -> "?message=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).orElse("");
    List<JsonNode> list = new ArrayList<>();
    StackHttp.get(sim(provider) + "/__sim/callbacks" + q).expect(200).json().path("attempts").forEach(list::add);
    return list;
  }

  /**
   * Advances the simulators' shared virtual clock: every callback due (retries included) is delivered and
   * answered before this returns. Answers {@code {"now", "fired": [...]}}.
   */
  public JsonNode advance(String provider, String by) {
    return StackHttp.postJson(sim(provider) + "/__sim/clock/advance", "{\"by\":" + StackHttp.quote(by) + "}")
        .expect(200).json();
  }

  /** {@link #advance(String, String)} by eight days: more than any library scenario and every retry schedule. */
  public JsonNode advanceAll(String provider) {
    return advance(provider, "P8D");
  }

  // ---- the public API ----

  public static Map<String, String> auth(String key) {
    return Map.of("Authorization", "Bearer " + key);
  }

  /** {@code POST /api/v1/{channel}/messages}, expecting {@code 202}; answers the message resource. */
  public JsonNode send(String channel, String to) {
    return send(channel, to, API_KEY);
  }

  public JsonNode send(String channel, String to, String key) {
    String body = "{\"to\":" + StackHttp.quote(to) + ",\"body\":\"Hello from the e2e suite\","
        + "\"contact\":{\"email\":" + StackHttp.quote("e2e" + to.substring(1) + "@example.com") + "}}";
    Map<String, String> headers = new LinkedHashMap<>(auth(key));
    headers.put("Content-Type", "application/json");
    StackHttp.Answer a = StackHttp.call("POST", service() + "/api/v1/" + channel + "/messages", headers, body)
        .expect(202);
    return a.json();
  }

  /** {@code GET} of one message with our key, expecting {@code 200}. */
  public JsonNode message(String channel, String messageId) {
    return poll(channel, messageId, API_KEY).expect(200).json();
  }

  public StackHttp.Answer poll(String channel, String messageId, String key) {
    return StackHttp.call("GET", service() + "/api/v1/" + channel + "/messages/" + messageId, auth(key), null);
  }

  /** The history events ({@code data}) of one message with our key. */
  public List<JsonNode> history(String channel, String messageId) {
    List<JsonNode> events = new ArrayList<>();
    historyAnswer(channel, messageId, API_KEY).expect(200).json().path("data").forEach(events::add);
    return events;
  }

  public StackHttp.Answer historyAnswer(String channel, String messageId, String key) {
    return StackHttp.call("GET", service() + "/api/v1/" + channel + "/messages/" + messageId + "/history", auth(key),
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
   * Waits until the hand-off of a message is settled: no hand-off pending in {@code /health}, and the message
   * is past {@code UNKNOWN} or its provider's simulator shows the send (a time-out leaves it {@code UNKNOWN}).
   *
   * @param atMost longer than the provider timeout plus the hand-off's back-offs
   */
  public void awaitSettled(String channel, String messageId, String to, Duration atMost) {
    String provider = StatusModel.providerOf(channel);
    await("hand-off of " + channel + " message " + messageId + " to " + to + " settled")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .until(() -> pendingHandOffs() == 0
            && (!"UNKNOWN".equals(status(channel, messageId)) || !simMessages(provider, to).isEmpty()));
  }
}
