package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.scenario.ScenarioReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How steps are derived where a played library scenario cannot show it. */
class ScenarioDerivationTest {
  private static final String TOKEN = "5741311803571721087";

  @Test
  void retriesFoldRepeatsCountEarlierTimestampsAndLateCopiesAreKept() {
    String delivered = viber("delivered", 1_000_000_000_000L);
    String seen = viber("seen", 1_000_000_003_000L);
    String old = viber("delivered", 999_999_999_000L);
    Capture capture =
        Captures.of("viber")
            .callback(0, "application/json", delivered, "valid", 500)
            .callback(5_000, "application/json", delivered, "valid", 200)
            .json(6_000, seen)
            .json(7_000, seen)
            .json(8_000, old)
            .json(3_608_000, old)
            .json(3_609_000, "{\"event\":\"subscribed\",\"timestamp\":1000000005000}")
            .callback(
                3_610_000,
                "application/json",
                "{\"event\":\"failed\",\"timestamp\":1000000004000,\"message_token\":"
                    + TOKEN
                    + ",\"user_id\":\"u\"}",
                "missing",
                200)
            .capture();

    ScenarioDerivation.Derived d =
        ScenarioDerivation.fromCapture(capture, Optional.empty(), "viber.jsonl").get(0);

    JsonNode doc = read(d);
    assertThat(d.providerMessageId()).isEqualTo(TOKEN);
    assertThat(steps(doc))
        .containsExactly(
            "1s delivered",
            "4s seen repeat=2",
            "4s delivered fields={\"timestamp\":999999999000}",
            "3604s delivered fields={\"timestamp\":999999999000}",
            "3604s failed signature=missing fields={\"desc\":null}");
    assertThat(doc.path("expect").path("status").asText()).isEqualTo("DELIVERED");
    assertThat(d.notes())
        .anySatisfy(n -> assertThat(n).contains("callback 2", "retry of callback 1", "500"))
        .anySatisfy(n -> assertThat(n).contains("callback 5", "timestamp earlier"))
        .anySatisfy(n -> assertThat(n).contains("callback 6 (line 7) repeats callback 5"))
        .anySatisfy(
            n -> assertThat(n).contains("callback 7", "'subscribed' is no delivery report"));
    assertThat(doc.path("description").asText())
        .contains("viber.jsonl", TOKEN, "delivered, seen (x2), delivered, delivered, failed");
  }

  @Test
  void aNotificationAboutSeveralMessagesGivesEachItsOwnScenarioWithItsBatches() {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":["
            + entry(item("wamid.A", "sent", "1750030073"), item("wamid.B", "sent", "1750030073"))
            + ","
            + entry(item("wamid.A", "delivered", "1750030073"))
            + "]}";
    Capture capture = Captures.of("whatsapp").json(0, body).capture();

    List<ScenarioDerivation.Derived> all =
        ScenarioDerivation.fromCapture(capture, Optional.empty(), "wa.jsonl");

    assertThat(all)
        .extracting(ScenarioDerivation.Derived::providerMessageId)
        .containsExactly("wamid.A", "wamid.B");
    assertThat(steps(read(all.get(0)))).containsExactly("1s sent", "1s delivered batch=entry");
    assertThat(all.get(0).notes()).anySatisfy(n -> assertThat(n).contains("other messages"));
    assertThat(ScenarioDerivation.fromCapture(capture, Optional.of("wamid.B"), "wa.jsonl"))
        .singleElement()
        .satisfies(d -> assertThat(steps(read(d))).containsExactly("1s sent"));
    assertThatThrownBy(
            () -> ScenarioDerivation.fromCapture(capture, Optional.of("wamid.C"), "wa.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no status report about wamid.C")
        .hasMessageContaining("wamid.A");
  }

  @Test
  void twilioJsonBodiesKeepTheirContentTypeAndTheirErrorCode() {
    String sid = "SM0123456789abcdef0123456789abcdef";
    Capture capture =
        Captures.of("twilio")
            .json(
                0,
                "{\"MessageSid\":\""
                    + sid
                    + "\",\"MessageStatus\":\"sent\",\"AccountSid\":\"AC0\",\"From\":\"+1\"}")
            .json(
                1_500,
                "{\"MessageSid\":\""
                    + sid
                    + "\",\"MessageStatus\":\"undelivered\",\"ErrorCode\":\"30003\"}")
            .capture();

    JsonNode doc =
        read(ScenarioDerivation.fromCapture(capture, Optional.empty(), "twilio.jsonl").get(0));

    assertThat(steps(doc))
        .containsExactly(
            "1s sent content_type=application/json",
            "2500ms undelivered error=30003 content_type=application/json");
    assertThat(doc.path("expect").toString())
        .isEqualTo("{\"status\":\"FAILED\",\"failure_code\":\"30003\"}");
  }

  @Test
  void fromHistoryRebuildsTheCallbacksAndExpectsTheHistoryAndStatus() {
    JsonNode message =
        Json.parse(
            """
            {"message_id": "3f1c2d4e-0000-4000-8000-000000000001", "channel": "whatsapp",
             "provider": "whatsapp", "provider_message_id": "wamid.H1",
             "other_provider_message_ids": [],
             "message_status": {"message_status": "READ", "terminal": true,
                                "updated_at": "2026-12-01T10:00:03.000Z", "failure_reason": null}}
            """);
    JsonNode history =
        Json.parse(
            """
            {"data": [
              {"event_id": "e1", "received_at": "2026-12-01T10:00:00.000Z", "source": "send",
               "provider_status": "accepted", "provider_timestamp": null, "mapped_status": "SENT",
               "applied": true, "reason": null, "error": null, "raw": ""},
              {"event_id": "e2", "received_at": "2026-12-01T10:00:01.500Z", "source": "callback",
               "provider_status": "sent", "provider_timestamp": "2025-06-15T23:27:53Z",
               "mapped_status": "SENT", "applied": false, "reason": "duplicate", "error": null,
               "raw": "{\\"id\\":\\"wamid.H1\\",\\"status\\":\\"sent\\",\\"timestamp\\":\\"1750030073\\",\\"recipient_id\\":\\"16505551234\\",\\"recipient_type\\":\\"group\\"}"},
              {"event_id": "e3", "received_at": "2026-12-01T10:00:03.000Z", "source": "callback",
               "provider_status": "delivered", "provider_timestamp": "2025-06-15T23:27:55Z",
               "mapped_status": "DELIVERED", "applied": true, "reason": null, "error": null,
               "raw": "{\\"id\\":\\"wamid.H1\\",\\"status\\":\\"delivered\\",\\"timestamp\\":\\"1750030075\\"}"},
              {"event_id": "e4", "received_at": "2026-12-01T10:00:03.000Z", "source": "callback",
               "provider_status": "read", "provider_timestamp": "2025-06-15T23:28:00Z",
               "mapped_status": "READ", "applied": true, "reason": null, "error": null, "raw": null},
              {"event_id": "e5", "received_at": "2026-12-01T10:00:04.000Z", "source": "callback",
               "provider_status": "read", "provider_timestamp": "2025-06-15T23:28:00Z",
               "mapped_status": "READ", "applied": false, "reason": "duplicate", "error": null,
               "raw": null},
              {"event_id": "e6", "received_at": "2026-12-01T10:00:05.000Z", "source": "hubspot",
               "provider_status": "400", "provider_timestamp": null, "mapped_status": "READ",
               "applied": false, "reason": "dead_letter", "error": null, "raw": null}
            ]}
            """);

    ScenarioDerivation.Derived d = ScenarioDerivation.fromHistory("whatsapp", message, history);

    JsonNode doc = read(d);
    assertThat(d.id()).matches("^whatsapp-history-[0-9a-f]{12}$");
    assertThat(d.providerMessageId()).isEqualTo("wamid.H1");
    assertThat(steps(doc))
        .containsExactly(
            "1500ms sent fields={\"recipient_type\":\"group\"}",
            "3500ms delivered",
            "8500ms read repeat=2");
    assertThat(doc.path("expect").toString())
        .isEqualTo(
            "{\"status\":\"READ\",\"history\":[{\"word\":\"sent\",\"reason\":\"duplicate\"},"
                + "{\"word\":\"delivered\",\"reason\":null},{\"word\":\"read\",\"reason\":null},"
                + "{\"word\":\"read\",\"reason\":\"duplicate\"}]}");
    assertThat(doc.path("send").toString()).isEqualTo("{\"respond\":\"accept\"}");
    assertThat(d.notes())
        .anySatisfy(n -> assertThat(n).contains("grouping (batch)"))
        .anySatisfy(n -> assertThat(n).contains("headers are not kept"))
        .anySatisfy(n -> assertThat(n).contains("refused with 401"))
        .anySatisfy(n -> assertThat(n).contains("e4", "no raw payload"))
        .anySatisfy(n -> assertThat(n).contains("e6", "hubspot"));
  }

  @Test
  void fromHistoryNamesASendAnswerItCannotReplay() {
    JsonNode message =
        Json.parse(
            """
            {"message_id": "m-2", "provider_message_id": "SM0123456789abcdef0123456789abcdef",
             "message_status": {"message_status": "FAILED",
               "failure_reason": {"code": "30003", "title": "Unreachable destination handset",
                                  "source": "provider"}}}
            """);
    JsonNode history =
        Json.parse(
            """
            [{"event_id": "s1", "received_at": "2026-12-01T10:00:00Z", "source": "send",
              "provider_status": "retry", "detail": "429 from Twilio; attempt 1"},
             {"event_id": "s2", "received_at": "2026-12-01T10:00:02Z", "source": "send",
              "provider_status": "queued"},
             {"event_id": "c1", "received_at": "2026-12-01T10:00:04Z", "source": "callback",
              "provider_status": "undelivered", "reason": null,
              "error": {"code": "30003", "title": "Unreachable destination handset"},
              "raw": "MessageSid=SM0123456789abcdef0123456789abcdef&MessageStatus=undelivered&ErrorCode=30003"}]
            """);

    ScenarioDerivation.Derived d = ScenarioDerivation.fromHistory("sms", message, history);

    JsonNode doc = read(d);
    assertThat(doc.path("provider").asText()).isEqualTo("twilio");
    assertThat(steps(doc)).containsExactly("2s undelivered error=30003");
    assertThat(doc.path("expect").path("failure_code").asText()).isEqualTo("30003");
    assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("s1", "'retry'", "accepts"));
  }

  private static JsonNode read(ScenarioDerivation.Derived d) {
    return Json.parse(Json.write(ScenarioReader.read(d.yaml(), d.id()).document()));
  }

  /** Each step as "at word" and its other keys, in a fixed order. */
  private static List<String> steps(JsonNode doc) {
    return java.util.stream.StreamSupport.stream(doc.path("callbacks").spliterator(), false)
        .map(
            s -> {
              StringBuilder b =
                  new StringBuilder(s.path("at").asText())
                      .append(' ')
                      .append(s.path("status").asText());
              for (String k :
                  List.of("repeat", "error", "signature", "batch", "content_type", "fields")) {
                if (s.has(k)) {
                  b.append(' ')
                      .append(k)
                      .append('=')
                      .append(s.get(k).isTextual() ? s.get(k).asText() : s.get(k).toString());
                }
              }
              return b.toString();
            })
        .toList();
  }

  private static String viber(String event, long timestamp) {
    return "{\"event\":\""
        + event
        + "\",\"timestamp\":"
        + timestamp
        + ",\"message_token\":"
        + TOKEN
        + ",\"user_id\":\"01234567890A=\"}";
  }

  private static String entry(String... items) {
    return "{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":"
        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\","
        + "\"phone_number_id\":\"2\"},\"statuses\":["
        + String.join(",", items)
        + "]}}]}";
  }

  private static String item(String id, String status, String ts) {
    return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + ts + "\"}";
  }
}
