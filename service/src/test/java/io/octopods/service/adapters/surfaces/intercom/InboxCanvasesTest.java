package io.octopods.service.adapters.surfaces.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.surfaces.InMemoryMessages;
import io.octopods.service.adapters.surfaces.canvaskit.Canvas;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasRequest;
import io.octopods.service.application.FailureReason;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Inbox app's canvases (status-model.md, section 5) over messages kept in memory: the history
 * list of the contact's messages (5, then up to 20), each row's "Delivery Status" with its icon,
 * and the detail of one message.
 */
class InboxCanvasesTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final String WORKSPACE = "demo";
  private static final String EMAIL = "ann@example.com";

  private final InMemoryMessages messages = new InMemoryMessages();
  private final InboxCanvases inbox = new InboxCanvases(messages, messages);

  @Test
  void theFirstCanvasListsTheLatestFiveWithTheirDeliveryStatusAndALinkToOlderOnes() {
    for (int i = 0; i < 6; i++) {
      messages.add(message(i, EMAIL, Status.DELIVERED));
    }

    JsonNode c = components(inbox.initialize(request(Optional.empty()), WORKSPACE));

    assertThat(texts(c)).containsExactly("Sent messages");
    JsonNode items = c.get(1).path("items");
    assertThat(items).hasSize(5);
    assertThat(items.get(0).path("id").asText()).isEqualTo(id(5));
    assertThat(items.get(0).path("title").asText()).isEqualTo("SMS to +15551230001");
    assertThat(items.get(0).path("subtitle").asText()).isEqualTo("\u2713\u2713 Delivered");
    assertThat(items.get(0).path("tertiary_text").asText()).isEqualTo("26 Nov 10:05 UTC");
    assertThat(buttons(c)).containsExactly("more:Show older messages:link");
  }

  @Test
  void exactlyFiveMessagesNeedNoLinkToOlderOnes() {
    for (int i = 0; i < 5; i++) {
      messages.add(message(i, EMAIL, Status.SENT));
    }

    JsonNode c = components(inbox.initialize(request(Optional.empty()), WORKSPACE));

    assertThat(c.get(1).path("items")).hasSize(5);
    assertThat(buttons(c)).isEmpty();
  }

  @Test
  void olderMessagesListTwentyAndSayTheApiHasTheRest() {
    for (int i = 0; i < 22; i++) {
      messages.add(message(i, EMAIL, Status.FAILED));
    }

    JsonNode c = components(inbox.submit(request(Optional.of("more")), WORKSPACE));

    assertThat(c.get(1).path("items")).hasSize(20);
    assertThat(c.get(1).path("items").get(0).path("subtitle").asText())
        .isEqualTo("\u2297 Delivery Failed");
    assertThat(texts(c))
        .containsExactly(
            "Sent messages", "Only the latest 20 are listed here; the API lists them all.");
    assertThat(buttons(c)).containsExactly("back:Back:secondary");
  }

  @Test
  void olderMessagesThatAllFitOnlyOfferBack() {
    for (int i = 0; i < 20; i++) {
      messages.add(message(i, EMAIL, Status.SENT));
    }

    JsonNode c = components(inbox.submit(request(Optional.of("more")), WORKSPACE));

    assertThat(c.get(1).path("items")).hasSize(20);
    assertThat(texts(c)).containsExactly("Sent messages");
    assertThat(buttons(c)).containsExactly("back:Back:secondary");
  }

  @Test
  void aContactWithoutMessagesIsToldSo() {
    messages.add(message(0, "someone.else@example.com", Status.SENT));

    JsonNode c = components(inbox.initialize(request(Optional.empty()), WORKSPACE));

    assertThat(texts(c))
        .containsExactly("Sent messages", "No messages were sent to this contact yet.");
    assertThat(c).hasSize(2);
  }

  @Test
  void aRowOpensTheDetailWithTheDeliveryStatusAndTheFailure() {
    messages.add(message(0, EMAIL, Status.SENT));
    MessageRecord failed =
        withFailure(message(1, EMAIL, Status.FAILED), "30003", "Unreachable destination handset");
    messages.add(failed);

    Canvas canvas = inbox.submit(request(Optional.of(id(1))), WORKSPACE);

    JsonNode c = components(canvas);
    assertThat(texts(c)).containsExactly("SMS to +15551230001");
    assertThat(rows(c))
        .containsExactly(
            "Delivery Status=\u2297 Delivery Failed",
            "Channel=SMS",
            "To=+15551230001",
            "Created=26 Nov 2026, 10:01:00 UTC",
            "Updated=26 Nov 2026, 10:01:30 UTC",
            "Failure=30003: Unreachable destination handset",
            "Message ID=" + id(1));
    assertThat(buttons(c)).containsExactly("back:Back:secondary");
    assertThat(canvas.json().path("canvas").path("stored_data").path("message_id").asText())
        .isEqualTo(id(1));
  }

  @Test
  void aMessageThatDidNotFailHasNoFailureRow() {
    messages.add(message(0, EMAIL, Status.READ));

    JsonNode c = components(inbox.submit(request(Optional.of(id(0))), WORKSPACE));

    assertThat(rows(c)).first().isEqualTo("Delivery Status=\uD83D\uDC41 Read");
    assertThat(rows(c)).noneMatch(r -> r.startsWith("Failure="));
  }

  @Test
  void anotherContactsMessageOrAnUnknownClickShowsTheHistoryInstead() {
    messages.add(message(0, EMAIL, Status.SENT));
    messages.add(message(1, "someone.else@example.com", Status.DELIVERED));

    for (Optional<String> click :
        List.of(
            Optional.of(id(1)),
            Optional.of(id(9)),
            Optional.of("back"),
            Optional.of("refresh"),
            Optional.<String>empty())) {
      JsonNode c = components(inbox.submit(request(click), WORKSPACE));
      assertThat(texts(c)).as("click %s", click).containsExactly("Sent messages");
      assertThat(c.get(1).path("items")).as("click %s", click).hasSize(1);
      assertThat(c.get(1).path("items").get(0).path("id").asText()).isEqualTo(id(0));
    }
  }

  @Test
  void aContactWithoutEmailIsFoundByPhone() {
    messages.add(message(0, EMAIL, Status.SENT));

    JsonNode c =
        components(
            inbox.initialize(
                request(Optional.empty(), Optional.of("+15551230001"), Optional.empty()),
                WORKSPACE));

    assertThat(c.get(1).path("items")).hasSize(1);
  }

  @ParameterizedTest(name = "''{0}'' and ''{1}'' -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "30003, Unreachable destination handset, 30003: Unreachable destination handset",
        "null,  Sender blocked,                  Sender blocked",
        "' ',   Sender blocked,                  Sender blocked",
        "63016, null,                            63016",
        "63016, ' ',                             63016",
        "null,  null,                            no reason given",
        "'',    ' ',                             no reason given"
      })
  void aFailureIsWrittenWithTheCodeAndTitleItHas(String code, String title, String shown) {
    assertThat(InboxCanvases.failure(code, title)).isEqualTo(shown);
  }

  // ---------------------------------------------------------------- fixtures

  static String id(int n) {
    return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
  }

  /** Message n, created n minutes after T0 and updated 30 s later. */
  static MessageRecord message(int n, String email, Status status) {
    Instant created = T0.plus(Duration.ofMinutes(n));
    Map<Status, Instant> reached = new EnumMap<>(Status.class);
    reached.put(Status.QUEUED, created);
    reached.put(status, created.plusSeconds(30));
    return new MessageRecord(
        id(n),
        WORKSPACE,
        Channel.SMS,
        "+15551230001",
        "hi",
        Optional.of(email),
        Optional.of("SM" + n),
        status,
        created,
        created.plusSeconds(30),
        Optional.empty(),
        reached);
  }

  static MessageRecord withFailure(MessageRecord m, String code, String title) {
    return m.withFailure(FailureReason.fromProvider(code, title));
  }

  /**
   * A click (or none) in the panel of the contact {@value #EMAIL}, whose email Intercom may write
   * in any case.
   */
  private static CanvasRequest request(Optional<String> click) {
    return request(Optional.of(EMAIL.toUpperCase(Locale.ROOT)), Optional.empty(), click);
  }

  private static CanvasRequest request(
      Optional<String> email, Optional<String> phone, Optional<String> click) {
    return new CanvasRequest(
        Optional.of("ic1"), email, phone, click, JsonBodies.MAPPER.createObjectNode());
  }

  private static JsonNode components(Canvas canvas) {
    return canvas.json().path("canvas").path("content").path("components");
  }

  private static List<String> texts(JsonNode components) {
    return StreamSupport.stream(components.spliterator(), false)
        .filter(n -> n.path("type").asText().equals("text"))
        .map(n -> n.path("text").asText())
        .toList();
  }

  private static List<String> buttons(JsonNode components) {
    return StreamSupport.stream(components.spliterator(), false)
        .filter(n -> n.path("type").asText().equals("button"))
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
    return StreamSupport.stream(components.spliterator(), false)
        .filter(n -> n.path("type").asText().equals("data-table"))
        .flatMap(n -> StreamSupport.stream(n.path("items").spliterator(), false))
        .map(r -> r.path("field").asText() + "=" + r.path("value").asText())
        .toList();
  }

  /**
   * The surfaces' two ports over a list: newest first, by workspace and email (any case) or phone.
   */
}
