package io.octopods.service.adapters.surfaces.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Contracts;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.http.api.ApiKeys;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcSurfaceQueries;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasSignature;
import io.octopods.service.application.FailureReason;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.SurfaceQueries;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A surface's routes on a real HTTP server over a real store (the embedded H2, or PostgreSQL when
 * OCTOPODS_TEST_DB_URL is set), called over HTTP. Two workspaces, acme and beta, with Intercom
 * workspaces {@code ic_acme} and {@code ic_beta} mapped to them; Canvas Kit requests are signed
 * with {@value #SECRET}.
 */
public final class SurfaceTestServer implements AutoCloseable {
  public static final String SECRET = "client-secret";
  public static final String ACME_KEY = "acme_k_0123456789abcdef0123456789";
  public static final String BETA_KEY = "beta_k_0123456789abcdef0123456789";
  public static final String KEYS = "acme:" + ACME_KEY + ",beta:" + BETA_KEY;
  public static final String MAPPING = "ic_acme:acme, ic_beta:beta";
  public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  public static final String CANVAS_SCHEMA = "surfaces/canvas.schema.json";

  /** Makes the routes under test. */
  @FunctionalInterface
  public interface Routes {
    RouteGroup make(SurfaceQueries queries, MessageStore store, ApiKeys keys);
  }

  public final TestDatabase db;
  public final JdbcMessageStore store;
  public final JdbcSurfaceQueries queries;
  public final ApiKeys keys;
  public final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private int created;

  public SurfaceTestServer(Path dir, Routes routes) {
    db = TestDatabase.open(dir.resolve("db"));
    store = new JdbcMessageStore(db.database().dataSource());
    queries = new JdbcSurfaceQueries(store);
    keys = ApiKeys.from(Optional.of(KEYS), dir);
    server = new HttpServer(List.of(routes.make(queries, store, keys))).start("127.0.0.1", 0);
  }

  /** An answer as it came over the wire. */
  public record Answer(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      return JsonBodies.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    /** The canvas's components. */
    public JsonNode components() {
      return json().path("canvas").path("content").path("components");
    }
  }

  // ---- messages ----

  /**
   * The reached times of a message that took the usual path to {@code status}: Queued at +0 s, then
   * +2 s each.
   */
  public static Map<Status, Instant> usualPath(Status status, Instant queued) {
    Map<Status, Instant> r = new EnumMap<>(Status.class);
    r.put(Status.QUEUED, queued);
    switch (status) {
      case QUEUED:
        break;
      case UNKNOWN:
        r.put(Status.UNKNOWN, queued.plusSeconds(1));
        break;
      case FAILED:
        r.put(Status.SENT, queued.plusSeconds(2));
        r.put(Status.FAILED, queued.plusSeconds(4));
        break;
      default:
        r.put(Status.SENT, queued.plusSeconds(2));
        if (status.rank() >= Status.DELIVERED.rank()) {
          r.put(Status.DELIVERED, queued.plusSeconds(4));
        }
        if (status == Status.READ) {
          r.put(Status.READ, queued.plusSeconds(6));
        }
        if (status == Status.DELETED) {
          r.put(Status.DELETED, queued.plusSeconds(8));
        }
    }
    return r;
  }

  /**
   * Stores a message; each one is created a minute after the one before, so the last stored is the
   * newest.
   */
  public MessageRecord insert(
      String workspace,
      Channel channel,
      String to,
      Optional<String> email,
      Status status,
      Map<Status, Instant> reached) {
    Instant createdAt = reached.values().stream().min(Instant::compareTo).orElse(T0);
    Instant updatedAt = reached.values().stream().max(Instant::compareTo).orElse(createdAt);
    Optional<FailureReason> failure =
        status == Status.FAILED
            ? Optional.of(FailureReason.fromProvider("30003", "Unreachable destination handset"))
            : Optional.empty();
    MessageRecord m =
        new MessageRecord(
            UUID.randomUUID().toString(),
            workspace,
            channel,
            to,
            "hello",
            email,
            Optional.of("p-" + UUID.randomUUID()),
            status,
            createdAt,
            updatedAt,
            failure,
            reached);
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    return m;
  }

  /**
   * A message to {@code email} that took the usual path to {@code status}, newer than every one
   * before.
   */
  public MessageRecord insert(String workspace, Channel channel, String email, Status status) {
    return insert(
        workspace,
        channel,
        "+1555123000" + (created % 10),
        Optional.of(email),
        status,
        usualPath(status, nextQueuedTime()));
  }

  /** A queued time one minute after the previous message's. */
  public Instant nextQueuedTime() {
    return T0.plusSeconds(60L * ++created);
  }

  /** Moves a stored message on (as the status recorder would). */
  public MessageRecord update(MessageRecord m, Status next, Instant at) {
    MessageRecord moved = m.movedTo(next, at, true);
    store.inTransaction(
        tx -> {
          tx.update(moved);
          return null;
        });
    return moved;
  }

  // ---- HTTP ----

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  public Answer get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return call(b.build());
  }

  /**
   * POSTs a body as Intercom does, with {@code X-Body-Signature} set to {@code signature} (none
   * when null).
   */
  public Answer post(String path, String body, String signature) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .header("Content-Type", "application/json");
    if (signature != null) {
      b.header(CanvasSignature.HEADER, signature);
    }
    return call(b.build());
  }

  /**
   * POSTs a body signed with {@value #SECRET}; the answer must be a canvas that passes the
   * contract.
   */
  public Answer canvas(String path, String body) {
    Answer a = post(path, body, CanvasSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    assertValid(CANVAS_SCHEMA, a.body());
    return a;
  }

  private Answer call(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- Canvas Kit requests (providers.md 4; the shapes of contact, admin, conversation and
  // context are UNCONFIRMED) ----

  /**
   * An initialize request from an Intercom workspace about a contact (email and phone may be null).
   */
  public static String initialize(String intercomWorkspace, String email, String phone) {
    ObjectNode o = JsonBodies.MAPPER.createObjectNode();
    o.put("workspace_id", intercomWorkspace).put("workspace_region", "us");
    o.putObject("admin").put("type", "admin").put("id", "814860").put("name", "Teammate");
    o.putObject("conversation").put("type", "conversation").put("id", "147");
    ObjectNode contact =
        o.putObject("contact").put("type", "user").put("id", "5ba682d23d7cf92bef87bfd4");
    contact.put("email", email);
    contact.put("phone", phone);
    o.putObject("context").put("location", "conversation").put("locale", "en");
    return JsonBodies.write(o);
  }

  /**
   * A submit request: the component clicked on the canvas on screen, whose stored_data comes back.
   */
  public static String submit(
      String intercomWorkspace,
      String email,
      String phone,
      String componentId,
      JsonNode canvasOnScreen) {
    ObjectNode o =
        (ObjectNode)
            JsonBodies.parse(
                initialize(intercomWorkspace, email, phone).getBytes(StandardCharsets.UTF_8));
    o.put("component_id", componentId);
    o.set("current_canvas", canvasOnScreen.path("canvas").deepCopy());
    o.putObject("input_values");
    o.putObject("user").put("type", "admin").put("id", "814860");
    return JsonBodies.write(o);
  }

  // ---- checks ----

  public static void assertValid(String schema, String json) {
    List<ContractBreach> breaches = Contracts.shipped().check(schema, json);
    assertThat(breaches).as(json).isEmpty();
  }

  /**
   * A rough height of a canvas in the Inbox, in px, by Intercom's own component sizes as far as
   * they are known (text line 20 + 10 margin, header 24 + 10, list item with a subtitle 56,
   * data-table row 24 + 10 for the table, button 40 + 10, link 24 + 10, spacer 10, divider 21):
   * enough to keep the first canvas near 400 px.
   */
  public static int estimatedHeight(JsonNode components) {
    int px = 0;
    for (JsonNode c : components) {
      switch (c.path("type").asText()) {
        case "text":
          int lines = 1 + c.path("text").asText().length() / 40;
          px += ("header".equals(c.path("style").asText()) ? 24 : 20) * lines + 10;
          break;
        case "list":
          for (JsonNode item : c.path("items")) {
            px += item.has("subtitle") ? 56 : 40;
          }
          px += 10;
          break;
        case "data-table":
          px += 24 * c.path("items").size() + 10;
          break;
        case "button":
          px += ("link".equals(c.path("style").asText()) ? 24 : 40) + 10;
          break;
        case "spacer":
          px += 10;
          break;
        case "divider":
          px += 21;
          break;
        default:
          throw new AssertionError("not a component this project uses: " + c);
      }
    }
    return px;
  }

  /** The texts of every component and item of a canvas, for assertions on what a teammate reads. */
  public static String shownText(JsonNode components) {
    StringBuilder b = new StringBuilder();
    for (JsonNode c : components) {
      c.findValues("text").forEach(t -> b.append(t.asText()).append('\n'));
      c.findValues("title").forEach(t -> b.append(t.asText()).append('\n'));
      c.findValues("subtitle").forEach(t -> b.append(t.asText()).append('\n'));
      c.findValues("field").forEach(t -> b.append(t.asText()).append('\n'));
      c.findValues("value").forEach(t -> b.append(t.asText()).append('\n'));
      c.findValues("label").forEach(t -> b.append(t.asText()).append('\n'));
    }
    return b.toString();
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
