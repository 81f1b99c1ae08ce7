package io.octopods.service.adapters.http.api;

import static io.octopods.service.adapters.http.api.ApiTestServer.ACME_KEY;
import static io.octopods.service.adapters.http.api.ApiTestServer.ACME_SECOND_KEY;
import static io.octopods.service.adapters.http.api.ApiTestServer.BETA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.api.ApiTestServer.Answer;
import io.octopods.service.domain.Channel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET of one message, of a list and of a history over real HTTP; workspace and channel isolation.
 */
class PublicApiReadAcceptanceTest {
  @TempDir Path dir;
  private ApiTestServer api;

  @BeforeEach
  void start() {
    api = ApiTestServer.start(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String one(String channel, String id) {
    return "/api/v1/" + channel + "/messages/" + id;
  }

  @Test
  void aPollCarriesRetryAfterUntilTheStatusIsTerminal() {
    String id = api.sent(ACME_KEY, "whatsapp");
    Answer queued = api.get(one("whatsapp", id), ACME_KEY);
    assertThat(queued.status()).isEqualTo(200);
    assertThat(queued.json().at("/message_status/message_status").asText()).isEqualTo("UNKNOWN");
    assertThat(queued.header("Retry-After")).contains("10");

    api.report(Channel.WHATSAPP, id, "wamid.P1", "sent");
    Answer sent = api.get(one("whatsapp", id), ACME_KEY);
    assertThat(sent.json().at("/message_status/message_status").asText()).isEqualTo("SENT");
    assertThat(sent.json().get("provider_message_id").asText()).isEqualTo("wamid.P1");
    assertThat(sent.header("Retry-After")).contains("15");

    api.report(Channel.WHATSAPP, id, "wamid.P1", "delivered");
    Answer delivered = api.get(one("whatsapp", id), ACME_KEY);
    assertThat(delivered.json().at("/message_status/message_status").asText())
        .isEqualTo("DELIVERED");
    assertThat(delivered.json().at("/message_status/terminal").asBoolean()).isTrue();
    assertThat(delivered.header("Retry-After")).isEmpty();
    assertThat(Instant.parse(delivered.json().at("/message_status/updated_at").asText()))
        .isAfter(Instant.parse(sent.json().at("/message_status/updated_at").asText()));

    assertThat(api.get("/api/v1/whatsapp/messages", ACME_KEY).header("Retry-After"))
        .as("only on one message")
        .isEmpty();
  }

  @Test
  void aFailedMessageShowsItsFailureReason() {
    String id = api.sent(ACME_KEY, "sms");
    api.report(
        Channel.SMS,
        id,
        "SM123",
        "undelivered",
        Optional.of("30003"),
        Optional.of("Unreachable destination handset"),
        Optional.empty());
    JsonNode m = api.get(one("sms", id), ACME_KEY).json();
    assertThat(m.at("/message_status/message_status").asText()).isEqualTo("FAILED");
    assertThat(m.at("/message_status/terminal").asBoolean()).isTrue();
    JsonNode reason = m.at("/message_status/failure_reason");
    assertThat(reason.get("code").asText()).isEqualTo("30003");
    assertThat(reason.get("title").asText()).isEqualTo("Unreachable destination handset");
    assertThat(reason.get("source").asText()).isEqualTo("provider");
  }

  @Test
  void anotherWorkspacesMessageIsNotFoundOnEveryRead() {
    String acmes = api.sent(ACME_KEY, "whatsapp");

    for (String path : List.of(one("whatsapp", acmes), one("whatsapp", acmes) + "/history")) {
      Answer beta = api.get(path, BETA_KEY);
      assertThat(beta.status()).as(path).isEqualTo(404);
      assertThat(beta.contentType()).startsWith("application/problem+json");
      assertThat(api.get(path, ACME_SECOND_KEY).status())
          .as("a second key of the same workspace")
          .isEqualTo(200);
    }
    assertThat(api.get("/api/v1/whatsapp/messages", BETA_KEY).json().get("data")).isEmpty();
    Answer unknown = api.get(one("whatsapp", UUID.randomUUID().toString()), BETA_KEY);
    Answer foreign = api.get(one("whatsapp", acmes), BETA_KEY);
    assertThat(foreign.json().get("title"))
        .as("the same answer as for no message at all")
        .isEqualTo(unknown.json().get("title"));
  }

  @Test
  void aMessageAskedForOnAnotherChannelOrWithAMalformedIdIsNotFound() {
    String id = api.sent(ACME_KEY, "whatsapp");
    assertThat(api.get(one("sms", id), ACME_KEY).status()).isEqualTo(404);
    assertThat(api.get(one("viber", id) + "/history", ACME_KEY).status()).isEqualTo(404);
    for (String bad : List.of("42", "not-a-uuid", id + "0", "%27%3B--")) {
      Answer a = api.get(one("whatsapp", bad), ACME_KEY);
      assertThat(a.status()).as(bad).isEqualTo(404);
      assertThat(a.contentType()).startsWith("application/problem+json");
    }
    assertThat(api.get(one("whatsapp", id.toUpperCase()), ACME_KEY).status()).isEqualTo(200);
  }

  @Test
  void anUnknownChannelIsNotFound() {
    for (String path :
        List.of(
            "/api/v1/telegram/messages",
            "/api/v1/SMS/messages",
            one("telegram", UUID.randomUUID().toString()))) {
      Answer a = api.get(path, ACME_KEY);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.json().get("detail").asText()).contains("sms, whatsapp, viber");
    }
    assertThat(api.post("/api/v1/telegram/messages", ACME_KEY, "{}").status()).isEqualTo(404);
  }

  @Test
  void aListIsPagedNewestFirstWithAStatusFilter() {
    List<String> sentIds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = api.sent(ACME_KEY, "whatsapp");
      if (i % 4 != 3) {
        api.report(Channel.WHATSAPP, id, "wamid.L" + i, "sent");
        sentIds.add(0, id);
      }
    }
    api.sent(ACME_KEY, "sms");
    api.sent(BETA_KEY, "whatsapp");

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      Answer page =
          api.get(
              "/api/v1/whatsapp/messages?status=SENT&limit=2"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              ACME_KEY);
      assertThat(page.status()).isEqualTo(200);
      JsonNode json = page.json();
      sizes.add(json.get("data").size());
      json.get("data")
          .forEach(
              m -> {
                assertThat(m.at("/message_status/message_status").asText()).isEqualTo("SENT");
                seen.add(m.get("message_id").asText());
              });
      cursor = json.get("next_cursor").isNull() ? null : json.get("next_cursor").asText();
    } while (cursor != null);

    assertThat(sizes).containsExactly(2, 2, 2);
    assertThat(seen).containsExactlyElementsOf(sentIds);

    JsonNode unknown = api.get("/api/v1/whatsapp/messages?status=UNKNOWN", ACME_KEY).json();
    assertThat(unknown.get("data")).as("UNKNOWN includes QUEUED").hasSize(2);
    assertThat(unknown.get("next_cursor").isNull()).isTrue();
    JsonNode all = api.get("/api/v1/whatsapp/messages", ACME_KEY).json();
    assertThat(all.get("data")).hasSize(8);
    List<Instant> created = new ArrayList<>();
    all.get("data").forEach(m -> created.add(Instant.parse(m.get("created_at").asText())));
    assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void aListHolds20ByDefaultAndAtMost100() {
    for (int i = 0; i < 21; i++) {
      api.sent(ACME_KEY, "viber");
    }
    JsonNode first = api.get("/api/v1/viber/messages", ACME_KEY).json();
    assertThat(first.get("data")).hasSize(20);
    assertThat(first.get("next_cursor").asText()).isNotBlank();
    assertThat(api.get("/api/v1/viber/messages?limit=100", ACME_KEY).json().get("data"))
        .hasSize(21);
    assertThat(api.get("/api/v1/viber/messages?limit=&status=", ACME_KEY).json().get("data"))
        .as("empty values count as not given")
        .hasSize(20);
  }

  @Test
  void aBadLimitStatusOrCursorIs400WithQueryPointers() {
    for (String limit : List.of("0", "101", "ten", "-1", "2.5")) {
      Answer a = api.get("/api/v1/sms/messages?limit=" + limit, ACME_KEY);
      assertThat(a.status()).as(limit).isEqualTo(400);
      assertThat(a.pointers()).containsExactly("#/query/limit");
    }
    Answer queued = api.get("/api/v1/sms/messages?status=QUEUED", ACME_KEY);
    assertThat(queued.status()).isEqualTo(400);
    assertThat(queued.pointers()).containsExactly("#/query/status");
    assertThat(queued.json().at("/errors/0/detail").asText())
        .contains("UNKNOWN, SENT, DELIVERED, READ, DELETED, FAILED");
    assertThat(
            api.get("/api/v1/sms/messages?status=sent", ACME_KEY)
                .json()
                .at("/errors/0/detail")
                .asText())
        .contains("upper case");

    Answer both = api.get("/api/v1/sms/messages?status=LOST&limit=1000", ACME_KEY);
    assertThat(both.pointers()).containsExactly("#/query/status", "#/query/limit");
    assertThat(api.get("/api/v1/sms/messages?limit=1&limit=2", ACME_KEY).pointers())
        .containsExactly("#/query/limit");

    for (String cursor : List.of("garbage", "bm90LWEtY3Vyc29y", "%2F%2F%2F")) {
      Answer a = api.get("/api/v1/sms/messages?cursor=" + cursor, ACME_KEY);
      assertThat(a.status()).as(cursor).isEqualTo(400);
      assertThat(a.pointers()).containsExactly("#/query/cursor");
    }
  }

  @Test
  void aHistoryListsEveryEventInTheOrderReceivedWithApiFields() {
    String id = api.sent(ACME_KEY, "whatsapp");
    Instant providerTime = Instant.parse("2026-11-26T10:00:01.250Z");
    api.report(
        Channel.WHATSAPP,
        id,
        "wamid.H1",
        "sent",
        Optional.empty(),
        Optional.empty(),
        Optional.of(providerTime));
    api.report(
        Channel.WHATSAPP,
        id,
        "wamid.H1",
        "failed",
        Optional.of("131026"),
        Optional.of("Message undeliverable"),
        Optional.empty());
    api.report(Channel.WHATSAPP, id, "wamid.H1", "delivered");
    api.report(Channel.WHATSAPP, id, "wamid.H1", "warning");

    Answer a = api.get(one("whatsapp", id) + "/history", ACME_KEY);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("Retry-After")).isEmpty();
    JsonNode data = a.json().get("data");
    assertThat(data).hasSize(4);
    List<String> names = new ArrayList<>();
    data.get(0).fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder(
            "event_id",
            "received_at",
            "applied_at",
            "source",
            "provider_status",
            "provider_timestamp",
            "mapped_status",
            "applied",
            "reason",
            "error",
            "detail");

    JsonNode sent = data.get(0);
    assertThat(sent.get("source").asText()).isEqualTo("callback");
    assertThat(sent.get("provider_status").asText()).isEqualTo("sent");
    assertThat(sent.get("provider_timestamp").asText()).isEqualTo("2026-11-26T10:00:01.250Z");
    assertThat(sent.get("mapped_status").asText()).isEqualTo("SENT");
    assertThat(sent.get("applied").asBoolean()).isTrue();
    assertThat(sent.get("reason").isNull()).isTrue();
    assertThat(sent.get("error").isNull()).isTrue();
    assertThat(sent.get("applied_at").isNull()).isTrue();
    assertThat(sent.get("received_at").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    JsonNode failed = data.get(1);
    assertThat(failed.get("mapped_status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("error").get("code").asText()).isEqualTo("131026");
    assertThat(failed.get("error").get("title").asText()).isEqualTo("Message undeliverable");
    assertThat(failed.get("provider_timestamp").isNull()).isTrue();

    assertThat(data.get(2).get("applied").asBoolean()).isFalse();
    assertThat(data.get(2).get("reason").asText()).isEqualTo("conflict");
    assertThat(data.get(3).get("mapped_status").isNull()).isTrue();
    assertThat(data.get(3).get("reason").asText()).isEqualTo("unmapped");
  }

  @Test
  void anAdoptedOrphanKeepsItsReceivedAtAndShowsAppliedAt() {
    String id = api.sent(ACME_KEY, "viber");
    api.report(Channel.VIBER, null, "5012345678901234567", "delivered");
    api.report(Channel.VIBER, id, "5012345678901234567", "seen");

    JsonNode data = api.get(one("viber", id) + "/history", ACME_KEY).json().get("data");
    assertThat(data).hasSize(2);
    JsonNode orphan = data.get(0);
    assertThat(orphan.get("provider_status").asText()).isEqualTo("delivered");
    assertThat(orphan.get("applied").asBoolean()).isTrue();
    assertThat(Instant.parse(orphan.get("applied_at").asText()))
        .isAfter(Instant.parse(orphan.get("received_at").asText()));
    assertThat(api.get(one("viber", id), ACME_KEY).json().get("provider_message_id").asText())
        .isEqualTo("5012345678901234567");
  }
}
