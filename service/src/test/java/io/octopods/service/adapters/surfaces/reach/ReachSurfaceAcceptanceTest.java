package io.octopods.service.adapters.surfaces.reach;

import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.ACME_KEY;
import static io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.BETA_KEY;
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
import io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer;
import io.octopods.service.adapters.surfaces.intercom.SurfaceTestServer.Answer;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reach over real HTTP and a real store (api.md, "Surfaces"; status-model.md section 5): the JSON
 * timeline behind the API key, checked against contracts/surfaces/reach-timeline.schema.json, and
 * the Canvas Kit URLs behind X-Body-Signature, every canvas checked against
 * contracts/surfaces/canvas.schema.json.
 */
class ReachSurfaceAcceptanceTest {
  private static final String INIT = ReachRoutes.CANVAS + "/initialize";
  private static final String SUBMIT = ReachRoutes.CANVAS + "/submit";
  private static final String TIMELINE_SCHEMA = "surfaces/reach-timeline.schema.json";
  private static final String CONTACT = "ann@example.com";

  @TempDir Path dir;
  SurfaceTestServer s;

  @BeforeEach
  void start() {
    s =
        new SurfaceTestServer(
            dir,
            (queries, store, keys) ->
                new ReachRoutes(queries, store, keys, Optional.of(SECRET), Optional.of(MAPPING)));
  }

  @AfterEach
  void stop() {
    s.close();
  }

  private static String timeline(String id) {
    return "/surfaces/reach/messages/" + id + "/timeline";
  }

  private JsonNode timelineOf(MessageRecord m) {
    Answer a = s.get(timeline(m.messageId()), ACME_KEY);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    assertValid(TIMELINE_SCHEMA, a.body());
    return a.json();
  }

  /**
   * "Step@+seconds" or "Step@+seconds*" for an implied step, relative to the message's queued time.
   */
  private static String steps(JsonNode json, Instant queued) {
    List<String> out = new ArrayList<>();
    for (JsonNode step : json.path("steps")) {
      long seconds =
          Instant.parse(step.path("reached_at").asText()).getEpochSecond()
              - queued.getEpochSecond();
      out.add(
          step.path("step").asText()
              + "@+"
              + seconds
              + (step.path("implied").asBoolean() ? "*" : ""));
    }
    return String.join(" ", out);
  }

  // ---- the JSON read ----

  @ParameterizedTest(name = "{0} -> {1}, {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "QUEUED    | Queued    | false | Queued@+0",
        "UNKNOWN   | Queued    | false | Queued@+0",
        "SENT      | Sent      | false | Queued@+0 Sent@+2",
        "DELIVERED | Delivered | true  | Queued@+0 Sent@+2 Delivered@+4",
        "READ      | Read      | true  | Queued@+0 Sent@+2 Delivered@+4 Read@+6",
        "FAILED    | Failed    | true  | Queued@+0 Sent@+2 Failed@+4",
        "DELETED   | Deleted   | true  | Queued@+0 Sent@+2 Delivered@+4 Deleted@+8"
      })
  void theTimelineOfAMessageInEveryStatus(
      Status status, String current, boolean terminal, String expected) {
    MessageRecord m = s.insert("acme", Channel.WHATSAPP, CONTACT, status);
    JsonNode json = timelineOf(m);
    assertThat(json.path("message_id").asText()).isEqualTo(m.messageId());
    assertThat(json.path("channel").asText()).isEqualTo("whatsapp");
    assertThat(json.path("current").asText()).isEqualTo(current);
    assertThat(json.path("terminal").asBoolean()).isEqualTo(terminal);
    assertThat(steps(json, m.reached().get(Status.QUEUED))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} first -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DELIVERED | Queued@+0 Sent@+5* Delivered@+5",
        "READ      | Queued@+0 Sent@+5* Delivered@+5* Read@+5",
        "DELETED   | Queued@+0 Sent@+5* Delivered@+5* Deleted@+5",
        "FAILED    | Queued@+0 Failed@+5"
      })
  void aStepSkippedByAHigherReportIsImpliedAtThatReportsTime(Status first, String expected) {
    Instant queued = s.nextQueuedTime();
    MessageRecord m =
        s.insert(
            "acme",
            Channel.WHATSAPP,
            "+15551230001",
            Optional.of(CONTACT),
            first,
            Map.of(
                Status.QUEUED,
                queued,
                Status.UNKNOWN,
                queued.plusSeconds(1),
                first,
                queued.plusSeconds(5)));
    assertThat(steps(timelineOf(m), queued)).isEqualTo(expected);
  }

  @Test
  void aTimelineGrowsAsTheMessageMovesOn() {
    MessageRecord m = s.insert("acme", Channel.SMS, CONTACT, Status.SENT);
    Instant queued = m.reached().get(Status.QUEUED);
    assertThat(timelineOf(m).path("terminal").asBoolean()).isFalse();
    s.update(m, Status.DELIVERED, queued.plusSeconds(30));
    JsonNode after = timelineOf(m);
    assertThat(after.path("current").asText()).isEqualTo("Delivered");
    assertThat(after.path("terminal").asBoolean()).isTrue();
    assertThat(steps(after, queued)).isEqualTo("Queued@+0 Sent@+2 Delivered@+30");
  }

  @Test
  void anotherWorkspacesMessageIsNotFoundAndTheKeyIsNeeded() {
    MessageRecord acme = s.insert("acme", Channel.WHATSAPP, CONTACT, Status.DELIVERED);
    for (String path :
        List.of(
            timeline(acme.messageId()),
            timeline("00000000-0000-4000-8000-000000000000"),
            timeline("x"))) {
      Answer a = s.get(path, BETA_KEY);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.contentType()).startsWith("application/problem+json");
    }
    Answer noKey = s.get(timeline(acme.messageId()), null);
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  // ---- Canvas Kit ----

  @Test
  void aForgedOrMissingSignatureIsRefusedWith401() {
    s.insert("acme", Channel.WHATSAPP, CONTACT, Status.DELIVERED);
    String body = initialize("ic_acme", CONTACT, null);
    String forged = CanvasSignature.of("not-the-secret", body.getBytes(StandardCharsets.UTF_8));
    for (String path : List.of(INIT, SUBMIT)) {
      for (String signature : new String[] {forged, null, "zz"}) {
        Answer a = s.post(path, body, signature);
        assertThat(a.status()).as(path + " " + signature).isEqualTo(401);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).doesNotContain("canvas");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"QUEUED", "UNKNOWN", "SENT", "DELIVERED", "READ", "FAILED", "DELETED"})
  void initializeShowsTheLatestMessagesStepsWithTimesAndARefreshButton(Status status) {
    s.insert("acme", Channel.WHATSAPP, CONTACT, Status.SENT);
    MessageRecord latest = s.insert("acme", Channel.WHATSAPP, CONTACT, status);
    Answer a = s.canvas(INIT, initialize("ic_acme", CONTACT, null));
    JsonNode components = a.components();
    assertThat(a.json().path("canvas").path("stored_data").path("message_id").asText())
        .isEqualTo(latest.messageId());
    String expectedSteps = fieldsOf(timelineOf(latest));
    assertThat(rows(components)).isEqualTo(expectedSteps);
    assertThat(shownText(components))
        .contains("WhatsApp to " + latest.to())
        .contains("Now: " + timelineOf(latest).path("current").asText());
    JsonNode refresh = button(components, "refresh");
    assertThat(refresh.path("action").path("type").asText()).isEqualTo("submit");
    assertThat(refresh.path("label").asText()).isEqualTo("Refresh");
    assertThat(button(components, "others")).as("two messages to choose from").isNotNull();
    assertThat(estimatedHeight(components)).isLessThanOrEqualTo(400);
  }

  @Test
  void impliedStepsSayTheyAreImpliedOnTheCanvas() {
    Instant queued = s.nextQueuedTime();
    s.insert(
        "acme",
        Channel.WHATSAPP,
        "+15551230001",
        Optional.of(CONTACT),
        Status.READ,
        Map.of(Status.QUEUED, queued, Status.READ, queued.plusSeconds(5)));
    JsonNode components = s.canvas(INIT, initialize("ic_acme", CONTACT, null)).components();
    JsonNode table = find(components, "data-table").path("items");
    assertThat(table.get(1).path("field").asText()).isEqualTo("Sent");
    assertThat(table.get(1).path("value").asText()).endsWith("(implied)");
    assertThat(table.get(2).path("value").asText()).endsWith("(implied)");
    assertThat(table.get(3).path("value").asText()).doesNotContain("implied");
    assertThat(button(components, "others")).as("one message only").isNull();
  }

  @Test
  void refreshShowsTheChosenMessageAgainWithItsNewSteps() {
    MessageRecord older = s.insert("acme", Channel.SMS, CONTACT, Status.SENT);
    s.insert("acme", Channel.WHATSAPP, CONTACT, Status.DELIVERED);

    Answer first = s.canvas(INIT, initialize("ic_acme", CONTACT, null));
    Answer choices = s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, "others", first.json()));
    JsonNode items = find(choices.components(), "list").path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(1).path("id").asText()).isEqualTo(older.messageId());
    assertThat(items.get(1).path("subtitle").asText()).isEqualTo("Sent");

    Answer chosen =
        s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, older.messageId(), choices.json()));
    assertThat(chosen.json().path("canvas").path("stored_data").path("message_id").asText())
        .isEqualTo(older.messageId());
    assertThat(rows(chosen.components())).isEqualTo("Queued Sent");

    s.update(older, Status.DELIVERED, older.reached().get(Status.QUEUED).plusSeconds(40));
    Answer refreshed = s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, "refresh", chosen.json()));
    assertThat(rows(refreshed.components())).isEqualTo("Queued Sent Delivered");
    assertThat(shownText(refreshed.components()))
        .contains("SMS to " + older.to())
        .contains("Now: Delivered");
  }

  @Test
  void aStoredMessageOfAnotherWorkspaceOrContactIsNeverShown() {
    MessageRecord beta = s.insert("beta", Channel.SMS, CONTACT, Status.FAILED);
    MessageRecord bob = s.insert("acme", Channel.SMS, "bob@example.com", Status.FAILED);
    MessageRecord ann = s.insert("acme", Channel.WHATSAPP, CONTACT, Status.SENT);
    Answer first = s.canvas(INIT, initialize("ic_acme", CONTACT, null));
    for (MessageRecord m : List.of(beta, bob)) {
      String forgedScreen = first.body().replace(ann.messageId(), m.messageId());
      Answer refresh =
          s.canvas(
              SUBMIT,
              submit(
                  "ic_acme",
                  CONTACT,
                  null,
                  "refresh",
                  io.octopods.service.adapters.http.JsonBodies.parse(
                      forgedScreen.getBytes(StandardCharsets.UTF_8))));
      assertThat(refresh.json().path("canvas").path("stored_data").path("message_id").asText())
          .isEqualTo(ann.messageId());
      Answer clicked =
          s.canvas(SUBMIT, submit("ic_acme", CONTACT, null, m.messageId(), first.json()));
      assertThat(shownText(clicked.components())).doesNotContain("Failed");
    }
  }

  @Test
  void aContactWithNoMessagesGetsAShortCanvasWithRefresh() {
    Answer a = s.canvas(INIT, initialize("ic_acme", "new@example.com", null));
    assertThat(shownText(a.components())).contains("No messages");
    assertThat(button(a.components(), "refresh")).isNotNull();
  }

  private static String fieldsOf(JsonNode timeline) {
    List<String> out = new ArrayList<>();
    timeline.path("steps").forEach(step -> out.add(step.path("step").asText()));
    return String.join(" ", out);
  }

  private static String rows(JsonNode components) {
    JsonNode table = find(components, "data-table");
    List<String> out = new ArrayList<>();
    table.path("items").forEach(item -> out.add(item.path("field").asText()));
    return out.stream().collect(Collectors.joining(" "));
  }

  private static JsonNode button(JsonNode components, String id) {
    for (JsonNode c : components) {
      if ("button".equals(c.path("type").asText()) && id.equals(c.path("id").asText())) {
        return c;
      }
    }
    return null;
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
