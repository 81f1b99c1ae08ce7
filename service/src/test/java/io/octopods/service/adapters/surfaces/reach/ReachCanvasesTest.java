package io.octopods.service.adapters.surfaces.reach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.surfaces.InMemoryMessages;
import io.octopods.service.adapters.surfaces.canvaskit.Canvas;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasRequest;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Reach's canvases (status-model.md, section 5) over messages kept in memory: the live timeline of
 * the contact's latest or chosen message (Queued, Sent, Delivered and, for WhatsApp, Read, each
 * with its time; Failed or Deleted close it), and the list to choose another message from.
 */
class ReachCanvasesTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final String WORKSPACE = "demo";
  private static final String EMAIL = "ann@example.com";

  private final InMemoryMessages messages = new InMemoryMessages();
  private final ReachCanvases reach = new ReachCanvases(messages, messages);

  @Test
  void theFirstCanvasIsTheTimelineOfTheLatestMessageWithItsTimes() {
    messages.add(
        message(0, EMAIL, Status.SENT, Map.of(Status.QUEUED, T0, Status.SENT, T0.plusSeconds(1))));
    messages.add(
        message(
            1,
            EMAIL,
            Status.READ,
            Map.of(
                Status.QUEUED,
                T0.plusSeconds(60),
                Status.SENT,
                T0.plusSeconds(61),
                Status.READ,
                T0.plusSeconds(65))));

    Canvas canvas = reach.initialize(request(Optional.empty(), Optional.empty()), WORKSPACE);

    JsonNode c = components(canvas);
    assertThat(texts(c)).containsExactly("WhatsApp to +15551230001", "Now: Read \u00b7 final");
    assertThat(rows(c))
        .containsExactly(
            "Queued=26 Nov 10:01:00 UTC",
            "Sent=26 Nov 10:01:01 UTC",
            "Delivered=26 Nov 10:01:05 UTC (implied)",
            "Read=26 Nov 10:01:05 UTC");
    assertThat(buttons(c)).containsExactly("refresh:Refresh:primary", "others:Other messages:link");
    assertThat(stored(canvas)).isEqualTo("{\"message_id\":\"" + id(1) + "\"}");
  }

  @Test
  void aMessageStillOnItsWayAsksForARefreshAndTheOnlyMessageHasNoOthersToChoose() {
    messages.add(
        message(0, EMAIL, Status.SENT, Map.of(Status.UNKNOWN, T0, Status.SENT, T0.plusSeconds(2))));

    JsonNode c =
        components(reach.initialize(request(Optional.empty(), Optional.empty()), WORKSPACE));

    assertThat(texts(c))
        .containsExactly("WhatsApp to +15551230001", "Now: Sent \u00b7 Refresh for updates");
    assertThat(rows(c)).containsExactly("Queued=26 Nov 10:00:00 UTC", "Sent=26 Nov 10:00:02 UTC");
    assertThat(buttons(c)).containsExactly("refresh:Refresh:primary");
  }

  @Test
  void aMessageWithNoTimesYetHasNoTable() {
    messages.add(message(0, EMAIL, Status.QUEUED, Map.of()));

    JsonNode c =
        components(reach.initialize(request(Optional.empty(), Optional.empty()), WORKSPACE));

    assertThat(texts(c))
        .containsExactly("WhatsApp to +15551230001", "Now: Queued \u00b7 Refresh for updates");
    assertThat(c).noneMatch(n -> n.path("type").asText().equals("data-table"));
  }

  @Test
  void aContactWithoutMessagesIsToldSo() {
    messages.add(message(0, "someone.else@example.com", Status.SENT, Map.of(Status.SENT, T0)));

    JsonNode c =
        components(reach.initialize(request(Optional.empty(), Optional.empty()), WORKSPACE));

    assertThat(texts(c))
        .containsExactly("Delivery timeline", "No messages were sent to this contact yet.");
    assertThat(buttons(c)).containsExactly("refresh:Refresh:secondary");
  }

  @Test
  void otherMessagesListTheContactsMessagesWithTheirStepAndKeepTheChosenOne() {
    messages.add(
        message(
            0, EMAIL, Status.FAILED, Map.of(Status.QUEUED, T0, Status.FAILED, T0.plusSeconds(3))));
    messages.add(message(1, EMAIL, Status.DELIVERED, Map.of(Status.DELIVERED, T0.plusSeconds(70))));

    Canvas canvas = reach.submit(request(Optional.of("others"), Optional.of(id(0))), WORKSPACE);

    JsonNode c = components(canvas);
    assertThat(texts(c)).containsExactly("Choose a message");
    assertThat(items(c))
        .containsExactly(
            id(1) + "|WhatsApp to +15551230001|Delivered|26 Nov 10:01 UTC",
            id(0) + "|WhatsApp to +15551230001|Failed|26 Nov 10:00 UTC");
    assertThat(buttons(c)).containsExactly("back:Back:secondary");
    assertThat(stored(canvas)).isEqualTo("{\"message_id\":\"" + id(0) + "\"}");
  }

  @Test
  void otherMessagesWithNothingChosenYetStoreNothing() {
    JsonNode c =
        components(reach.submit(request(Optional.of("others"), Optional.empty()), WORKSPACE));

    assertThat(texts(c))
        .containsExactly("Choose a message", "No messages were sent to this contact yet.");
    assertThat(stored(reach.submit(request(Optional.of("others"), Optional.empty()), WORKSPACE)))
        .isEqualTo("{}");
  }

  @Test
  void choosingAMessageShowsItsTimelineAndRefreshShowsItAgain() {
    messages.add(
        message(
            0, EMAIL, Status.FAILED, Map.of(Status.QUEUED, T0, Status.FAILED, T0.plusSeconds(3))));
    messages.add(message(1, EMAIL, Status.SENT, Map.of(Status.SENT, T0.plusSeconds(61))));

    Canvas chosen = reach.submit(request(Optional.of(id(0)), Optional.of(id(1))), WORKSPACE);
    Canvas refreshed = reach.submit(request(Optional.of("refresh"), Optional.of(id(0))), WORKSPACE);
    Canvas back = reach.submit(request(Optional.empty(), Optional.of(id(0))), WORKSPACE);

    for (Canvas canvas : List.of(chosen, refreshed, back)) {
      assertThat(texts(components(canvas)))
          .containsExactly("WhatsApp to +15551230001", "Now: Failed \u00b7 final");
      assertThat(rows(components(canvas)))
          .containsExactly("Queued=26 Nov 10:00:00 UTC", "Failed=26 Nov 10:00:03 UTC");
      assertThat(stored(canvas)).isEqualTo("{\"message_id\":\"" + id(0) + "\"}");
    }
  }

  @Test
  void anotherContactsOrAnUnknownOrAMalformedIdShowsTheLatestInstead() {
    messages.add(message(0, EMAIL, Status.SENT, Map.of(Status.SENT, T0)));
    messages.add(
        message(1, "someone.else@example.com", Status.DELIVERED, Map.of(Status.DELIVERED, T0)));

    List<CanvasRequest> requests =
        List.of(
            request(Optional.of(id(1)), Optional.empty()),
            request(Optional.of(id(7)), Optional.empty()),
            request(Optional.of("refresh"), Optional.of(id(1))),
            request(Optional.of("refresh"), Optional.of("M-0")),
            request(Optional.of("refresh"), Optional.of("00000000-0000-4000-8000-00000000000A")));
    for (CanvasRequest r : requests) {
      Canvas canvas = reach.submit(r, WORKSPACE);
      assertThat(texts(components(canvas)))
          .as("%s", r)
          .contains("Now: Sent \u00b7 Refresh for updates");
      assertThat(stored(canvas)).as("%s", r).isEqualTo("{\"message_id\":\"" + id(0) + "\"}");
    }
  }

  @Test
  void aStoredIdThatIsNoMessageIdIsNeverLookedUp() {
    messages.add(message(0, EMAIL, Status.SENT, Map.of(Status.SENT, T0)));

    reach.submit(request(Optional.of("refresh"), Optional.of("' OR 1=1 --")), WORKSPACE);
    reach.submit(
        request(Optional.of("refresh"), Optional.of("00000000-0000-4000-8000-00000000000A")),
        WORKSPACE);
    reach.submit(request(Optional.of("refresh"), Optional.of(id(0))), WORKSPACE);

    assertThat(messages.looked())
        .as("stored_data comes back from the browser: only a message id is looked up")
        .containsExactly(id(0));
  }

  @Test
  void theJsonTimelineNamesTheCurrentStepAndEachStepReached() {
    MessageRecord m =
        message(
            4,
            EMAIL,
            Status.DELETED,
            Map.of(Status.QUEUED, T0, Status.DELETED, Instant.parse("2026-11-26T10:00:09.5Z")));

    assertThat(ReachRoutes.timeline(m).toString())
        .isEqualTo(
            "{\"message_id\":\""
                + id(4)
                + "\",\"channel\":\"whatsapp\","
                + "\"current\":\"Deleted\",\"terminal\":true,\"steps\":["
                + "{\"step\":\"Queued\",\"reached_at\":\"2026-11-26T10:00:00.000Z\",\"implied\":false},"
                + "{\"step\":\"Sent\",\"reached_at\":\"2026-11-26T10:00:09.500Z\",\"implied\":true},"
                + "{\"step\":\"Delivered\",\"reached_at\":\"2026-11-26T10:00:09.500Z\",\"implied\":true},"
                + "{\"step\":\"Deleted\",\"reached_at\":\"2026-11-26T10:00:09.500Z\",\"implied\":false}]}");
  }

  // ---------------------------------------------------------------- fixtures

  private static String id(int n) {
    return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
  }

  /** WhatsApp message n to the contact, created n minutes after T0. */
  private static MessageRecord message(
      int n, String email, Status status, Map<Status, Instant> reached) {
    Instant created = T0.plus(Duration.ofMinutes(n));
    return new MessageRecord(
        id(n),
        WORKSPACE,
        Channel.WHATSAPP,
        "+15551230001",
        "hi",
        Optional.of(email),
        Optional.of("wamid." + n),
        status,
        created,
        created,
        Optional.empty(),
        reached.isEmpty() ? Map.of() : new EnumMap<>(reached));
  }

  /**
   * A click (or none) in the panel of the contact {@value #EMAIL}, with the message kept on the
   * canvas (or none).
   */
  private static CanvasRequest request(Optional<String> click, Optional<String> storedId) {
    ObjectNode stored = JsonBodies.MAPPER.createObjectNode();
    storedId.ifPresent(id -> stored.put("message_id", id));
    return new CanvasRequest(
        Optional.of("ic1"), Optional.of(EMAIL), Optional.empty(), click, stored);
  }

  private static JsonNode components(Canvas canvas) {
    return canvas.json().path("canvas").path("content").path("components");
  }

  private static String stored(Canvas canvas) {
    return canvas.json().path("canvas").path("stored_data").toString();
  }

  private static List<JsonNode> ofType(JsonNode components, String type) {
    return StreamSupport.stream(components.spliterator(), false)
        .filter(n -> n.path("type").asText().equals(type))
        .toList();
  }

  private static List<String> texts(JsonNode components) {
    return ofType(components, "text").stream().map(n -> n.path("text").asText()).toList();
  }

  private static List<String> buttons(JsonNode components) {
    return ofType(components, "button").stream()
        .map(
            n ->
                n.path("id").asText()
                    + ":"
                    + n.path("label").asText()
                    + ":"
                    + n.path("style").asText())
        .toList();
  }

  private static List<String> rows(JsonNode components) {
    return ofType(components, "data-table").stream()
        .flatMap(n -> StreamSupport.stream(n.path("items").spliterator(), false))
        .map(r -> r.path("field").asText() + "=" + r.path("value").asText())
        .toList();
  }

  private static List<String> items(JsonNode components) {
    return ofType(components, "list").stream()
        .flatMap(n -> StreamSupport.stream(n.path("items").spliterator(), false))
        .map(
            i ->
                i.path("id").asText()
                    + "|"
                    + i.path("title").asText()
                    + "|"
                    + i.path("subtitle").asText()
                    + "|"
                    + i.path("tertiary_text").asText())
        .toList();
  }

  /**
   * The surfaces' two ports over a list: newest first, by workspace and email (any case) or phone.
   */
}
