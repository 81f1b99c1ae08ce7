package io.octopods.service.adapters.surfaces.intercom;

import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.ACME_KEY;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.BETA_KEY;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.CANVAS_SCHEMA;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.MAPPING;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.SECRET;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.assertValid;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.estimatedHeight;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.initialize;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.shownText;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasSignature;
import io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.Answer;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.domain.SurfaceLabels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Intercom Inbox app over real HTTP and a real store (api.md, "Surfaces"; status-model.md
 * section 5): the JSON read behind the API key, and the Canvas Kit URLs behind X-Body-Signature,
 * every canvas checked against contracts/surfaces/canvas.schema.json.
 */
class IntercomSurfaceAcceptanceTest {
  private static final String INIT = IntercomRoutes.CANVAS + "/initialize";
  private static final String SUBMIT = IntercomRoutes.CANVAS + "/submit";
  private static final String CONTACT = "ann@example.com";

  @TempDir Path dir;
  SurfaceTestServer s;

  @BeforeEach
  void start() {
    s =
        new SurfaceTestServer(
            dir,
            (queries, store, keys) ->
                new IntercomRoutes(
                    queries, store, keys, Optional.of(SECRET), Optional.of(MAPPING)));
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private static String read(String id) {
    return "/surfaces/intercom/messages/" + id;
  }

  // ---- the JSON read ----

  @ParameterizedTest(name = "{0} on {1} -> {2} ({3})")
  @CsvSource({
    "QUEUED,    sms,      Send Attempted,  clock",
    "UNKNOWN,   viber,    Send Attempted,  clock",
    "SENT,      whatsapp, Sent,            check",
    "DELIVERED, whatsapp, Delivered,       check-double",
    "READ,      whatsapp, Read,            eye",
    "FAILED,    sms,      Delivery Failed, x-circle",
    "DELETED,   whatsapp, Deleted,         trash"
  })
  void theJsonReadShowsTheLabelAndIconOfEveryStatus(
      Status status, String channel, String label, String icon) {
    MessageRecord m = s.insert("acme", Channel.fromPath(channel).orElseThrow(), CONTACT, status);
    Answer a = s.get(read(m.messageId()), ACME_KEY);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    assertValid("surfaces/intercom-delivery-status.schema.json", a.body());
    JsonNode json = a.json();
    assertThat(json.path("message_id").asText()).isEqualTo(m.messageId());
    assertThat(json.path("channel").asText()).isEqualTo(channel);
    assertThat(json.path("delivery_status").path("label").asText()).isEqualTo(label);
    assertThat(json.path("delivery_status").path("icon").asText()).isEqualTo(icon);
  }

  @Test
  void anotherWorkspacesMessageIsNotFoundLikeAMessageThatDoesNotExist() {
    MessageRecord acme = s.insert("acme", Channel.WHATSAPP, CONTACT, Status.DELIVERED);
    Answer other = s.get(read(acme.messageId()), BETA_KEY);
    Answer none = s.get(read("00000000-0000-4000-8000-000000000000"), BETA_KEY);
    Answer malformed = s.get(read("not-a-uuid"), BETA_KEY);
    for (Answer a : List.of(other, none, malformed)) {
      assertThat(a.status()).as(a.body()).isEqualTo(404);
      assertThat(a.contentType()).startsWith("application/problem+json");
    }
    assertThat(other.body()).doesNotContain("acme").doesNotContain("Delivered");
    Answer own = s.get(read(acme.messageId().toUpperCase()), ACME_KEY);
    assertThat(own.status()).isEqualTo(200);
    assertValid("surfaces/intercom-delivery-status.schema.json", own.body());
  }

  @Test
  void theJsonReadNeedsAKnownApiKey() {
    MessageRecord m = s.insert("acme", Channel.SMS, CONTACT, Status.SENT);
    for (String key : new String[] {null, "wrong_key_0123456789"}) {
      Answer a = s.get(read(m.messageId()), key);
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.contentType()).startsWith("application/problem+json");
      assertThat(a.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }

  // ---- Canvas Kit: signatures ----

  @Test
  void aForgedMissingOrOtherSecretSignatureIsRefusedWith401() {
    s.insert("acme", Channel.WHATSAPP, CONTACT, Status.DELIVERED);
    String body = initialize("ic_acme", CONTACT, null);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<String> forged =
        List.of(
            "0".repeat(64),
            CanvasSignature.of("another-secret", bytes),
            CanvasSignature.of(SECRET, (body + " ").getBytes(StandardCharsets.UTF_8)));
    List<Answer> answers = new ArrayList<>();
    for (String path : List.of(INIT, SUBMIT)) {
      forged.forEach(sig -> answers.add(s.post(path, body, sig)));
      answers.add(s.post(path, body, null));
    }
    for (Answer a : answers) {
      assertThat(a.status()).as(a.body()).isEqualTo(401);
      assertThat(a.contentType()).startsWith("application/problem+json");
      assertThat(a.body()).doesNotContain(CONTACT).doesNotContain("canvas");
    }
  }

  @Test
  void theSignatureCoversTheRawBytesAsSentAndAcceptsUpperCaseHex() {
    s.insert("acme", Channel.WHATSAPP, CONTACT, Status.DELIVERED);
    String body =
        "{ \"workspace_id\" : \"ic_acme\",\n \"contact\": {\"email\": \"" + CONTACT + "\"} }";
    String signature =
        CanvasSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8)).toUpperCase();
    Answer a = s.post(INIT, body, signature);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertValid(CANVAS_SCHEMA, a.body());
  }

  @Test
  void withoutAClientSecretEveryCanvasRequestIsRefused(@TempDir Path other) {
    try (SurfaceTestServer unconfigured =
        new SurfaceTestServer(
            other,
            (queries, store, keys) ->
                new IntercomRoutes(queries, store, keys, Optional.empty(), Optional.empty()))) {
      String body = initialize("ic_acme", CONTACT, null);
      Answer a =
          unconfigured.post(
              INIT, body, CanvasSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8)));
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.body()).contains("OCTOPODS_INTERCOM_CLIENT_SECRET");
    }
  }

  @Test
  void aSignedBodyThatIsNotJsonIs400AndGetIs405() {
    String body = "workspace_id=ic_acme";
    Answer a =
        s.post(INIT, body, CanvasSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/problem+json");
    Answer get = s.get(INIT, null);
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
  }

  // ---- Canvas Kit: the history and the detail ----

  @Test
  void initializeListsTheContactsMessagesNewestFirstWithTheirLabels() {
    List<MessageRecord> sent = new ArrayList<>();
    for (Status status : List.of(Status.QUEUED, Status.SENT, Status.DELIVERED, Status.FAILED)) {
      sent.add(s.insert("acme", Channel.WHATSAPP, CONTACT, status));
    }
    s.insert("acme", Channel.SMS, "someone-else@example.com", Status.READ);
    s.insert("beta", Channel.SMS, CONTACT, Status.DELETED);

    Answer a = s.canvas(INIT, initialize("ic_acme", "Ann@Example.com", null));
    JsonNode components = a.components();
    assertThat(components.get(0).path("type").asText()).isEqualTo("text");
    JsonNode list = components.get(1);
    assertThat(list.path("type").asText()).isEqualTo("list");
    List<String> ids = new ArrayList<>();
    List<String> subtitles = new ArrayList<>();
    for (JsonNode item : list.path("items")) {
      ids.add(item.path("id").asText());
      subtitles.add(item.path("subtitle").asText());
      assertThat(item.path("title").asText()).startsWith("WhatsApp to +1555");
      assertThat(item.path("action").path("type").asText()).isEqualTo("submit");
    }
    assertThat(ids)
        .containsExactly(
            sent.get(3).messageId(),
            sent.get(2).messageId(),
            sent.get(1).messageId(),
            sent.get(0).messageId());
    assertThat(subtitles)
        .containsExactly(
            SurfaceLabels.InboxLabel.DELIVERY_FAILED.withIconText(),
                SurfaceLabels.InboxLabel.DELIVERED.withIconText(),
            SurfaceLabels.InboxLabel.SENT.withIconText(),
                SurfaceLabels.InboxLabel.SEND_ATTEMPTED.withIconText());
    assertThat(estimatedHeight(components)).isLessThanOrEqualTo(400);
  }

  @Test
  void aContactWithoutEmailIsFoundByPhoneAgainstTo() {
    MessageRecord m =
        s.insert(
            "acme",
            Channel.VIBER,
            "+15557654321",
            Optional.empty(),
            Status.DELIVERED,
            SurfaceTestServer.usualPath(Status.DELIVERED, s.nextQueuedTime()));
    Answer a = s.canvas(INIT, initialize("ic_acme", null, "+1 555 765 4321"));
    assertThat(a.components().get(1).path("items").get(0).path("id").asText())
        .isEqualTo(m.messageId());
    assertThat(a.components().get(1).path("items").get(0).path("title").asText())
        .isEqualTo("Viber to +15557654321");
  }

  @Test
  void anItemOpensADetailWithTheDeliveryStatusFieldAndBackReturns() {
    MessageRecord failed = s.insert("acme", Channel.SMS, CONTACT, Status.FAILED);
    Answer first = s.canvas(INIT, initialize("ic_acme", CONTACT, null));

    Answer detail =
        s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, failed.messageId(), first.json()));
    JsonNode table = find(detail.components(), "data-table");
    assertThat(table.path("items").get(0).path("field").asText()).isEqualTo("Delivery Status");
    assertThat(table.path("items").get(0).path("value").asText())
        .isEqualTo(SurfaceLabels.Icon.X_CIRCLE.text() + " Delivery Failed");
    assertThat(shownText(detail.components()))
        .contains("30003: Unreachable destination handset")
        .contains("SMS to " + failed.to());
    JsonNode back = find(detail.components(), "button");
    assertThat(back.path("id").asText()).isEqualTo("back");
    assertThat(back.path("action").path("type").asText()).isEqualTo("submit");

    Answer again = s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, "back", detail.json()));
    assertThat(find(again.components(), "list").path("items").get(0).path("id").asText())
        .isEqualTo(failed.messageId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"QUEUED", "UNKNOWN", "SENT", "DELIVERED", "READ", "FAILED", "DELETED"})
  void theDetailOfAMessageInEveryStatusShowsItsLabel(Status status) {
    MessageRecord m = s.insert("acme", Channel.WHATSAPP, CONTACT, status);
    Answer first = s.canvas(INIT, initialize("ic_acme", CONTACT, null));
    Answer detail = s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, m.messageId(), first.json()));
    SurfaceLabels.InboxLabel label = SurfaceLabels.inboxLabel(status);
    assertThat(find(detail.components(), "data-table").path("items").get(0).path("value").asText())
        .isEqualTo(label.icon().text() + " " + label.label());
    assertThat(estimatedHeight(detail.components())).isLessThanOrEqualTo(400);
  }

  @Test
  void anotherWorkspacesOrContactsMessageNeverOpens() {
    MessageRecord beta = s.insert("beta", Channel.SMS, CONTACT, Status.DELIVERED);
    MessageRecord otherContact = s.insert("acme", Channel.SMS, "bob@example.com", Status.DELIVERED);
    s.insert("acme", Channel.SMS, CONTACT, Status.SENT);
    Answer first = s.canvas(INIT, initialize("ic_acme", CONTACT, null));
    for (MessageRecord m : List.of(beta, otherContact)) {
      Answer a = s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, m.messageId(), first.json()));
      assertThat(shownText(a.components())).doesNotContain(m.messageId()).contains("Sent messages");
      assertThat(find(a.components(), "data-table")).isNull();
    }
  }

  @Test
  void moreThanFiveMessagesShowALinkToTheLatestTwenty() {
    List<MessageRecord> sent = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      sent.add(
          s.insert("acme", Channel.WHATSAPP, CONTACT, Status.values()[i % Status.values().length]));
    }
    Answer first = s.canvas(INIT, initialize("ic_acme", CONTACT, null));
    assertThat(find(first.components(), "list").path("items")).hasSize(5);
    JsonNode more = find(first.components(), "button");
    assertThat(more.path("id").asText()).isEqualTo("more");
    assertThat(estimatedHeight(first.components())).isLessThanOrEqualTo(400);

    Answer all = s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, "more", first.json()));
    JsonNode items = find(all.components(), "list").path("items");
    assertThat(items).hasSize(20);
    assertThat(items.get(0).path("id").asText()).isEqualTo(sent.get(21).messageId());
    assertThat(items.get(19).path("id").asText()).isEqualTo(sent.get(2).messageId());
    assertThat(find(all.components(), "button").path("id").asText()).isEqualTo("back");
  }

  @Test
  void intercomWorkspacesSeeOnlyTheWorkspaceTheyAreMappedTo() {
    MessageRecord beta = s.insert("beta", Channel.SMS, CONTACT, Status.DELIVERED);
    s.insert("acme", Channel.SMS, CONTACT, Status.SENT);
    Answer asBeta = s.canvas(INIT, initialize("ic_beta", CONTACT, null));
    assertThat(find(asBeta.components(), "list").path("items")).hasSize(1);
    assertThat(find(asBeta.components(), "list").path("items").get(0).path("id").asText())
        .isEqualTo(beta.messageId());

    Answer unknown = s.canvas(INIT, initialize("ic_nobody", CONTACT, null));
    assertThat(find(unknown.components(), "list")).isNull();
    assertThat(shownText(unknown.components()))
        .contains("not linked")
        .contains("OCTOPODS_INTERCOM_WORKSPACES");
  }

  @Test
  void unmappedIntercomWorkspacesSeeTheFirstWorkspaceOfTheKeys(@TempDir Path other) {
    try (SurfaceTestServer unmapped =
        new SurfaceTestServer(
            other,
            (queries, store, keys) ->
                new IntercomRoutes(queries, store, keys, Optional.of(SECRET), Optional.empty()))) {
      MessageRecord acme = unmapped.insert("acme", Channel.SMS, CONTACT, Status.SENT);
      unmapped.insert("beta", Channel.SMS, CONTACT, Status.DELIVERED);
      Answer a = unmapped.canvas(INIT, initialize("any-intercom-workspace", CONTACT, null));
      JsonNode items = find(a.components(), "list").path("items");
      assertThat(items).hasSize(1);
      assertThat(items.get(0).path("id").asText()).isEqualTo(acme.messageId());
    }
  }

  @Test
  void aContactWithNoMessagesOrNoDetailsGetsAShortCanvas() {
    Answer none = s.canvas(INIT, initialize("ic_acme", "new@example.com", null));
    assertThat(find(none.components(), "list")).isNull();
    assertThat(shownText(none.components())).contains("No messages");
    Answer anonymous = s.canvas(INIT, initialize("ic_acme", null, null));
    assertThat(shownText(anonymous.components())).contains("no email or phone");
  }

  private static JsonNode find(JsonNode components, String type) {
    for (JsonNode c : components) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }
}
