package io.octopods.service.adapters.webhooks.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.webhooks.WebhookTestServer;
import io.octopods.service.adapters.webhooks.WebhookTestServer.Answer;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET and POST /webhooks/whatsapp over real HTTP into a real store. */
class WhatsAppWebhookAcceptanceTest {
  private static final String SECRET = "app-secret";
  private static final String VERIFY = "verify-me";
  private static final String PATH = WhatsAppWebhookRoutes.PATH;
  private static final String JSON = "application/json";

  @TempDir Path dir;
  private WebhookTestServer server;

  @BeforeEach
  void start() {
    server =
        new WebhookTestServer(dir, intake -> new WhatsAppWebhookRoutes(SECRET, VERIFY, intake));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String item(String wamid, String status, String more) {
    return "{\"id\":\""
        + wamid
        + "\",\"status\":\""
        + status
        + "\",\"timestamp\":\"1750030073\","
        + "\"recipient_id\":\"16505551234\""
        + more
        + "}";
  }

  private static String statuses(String... items) {
    return WhatsAppWebhookParsingTest.notification(
        "\"statuses\":[" + String.join(",", items) + "]");
  }

  private Answer signed(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return server.post(PATH, JSON, bytes, MetaSignature.HEADER, MetaSignature.of(SECRET, bytes));
  }

  @Test
  void aSignedNotificationIsStoredAndApplied() {
    MessageRecord m = server.message(Channel.WHATSAPP, "wamid.OURS1");

    Answer a = signed(statuses(item("wamid.OURS1", "sent", ""), item("wamid.OURS1", "read", "")));

    assertThat(a.status()).isEqualTo(200);
    assertThat(server.status(m.messageId())).isEqualTo(Status.READ);
    List<HistoryEvent> history = server.history(m.messageId());
    assertThat(history)
        .extracting(h -> h.providerStatus().orElse(""))
        .containsExactly("sent", "read");
    assertThat(history.get(0).providerTimestamp()).contains(Instant.ofEpochSecond(1750030073L));
    assertThat(history.get(1).rawPayload()).isEqualTo(item("wamid.OURS1", "read", ""));
  }

  @Test
  void theDocumentedFailedStatusFailsTheMessageWithCodeAndTitle() {
    MessageRecord m =
        server.message(
            Channel.WHATSAPP, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA");

    assertThat(signed(statuses(WhatsAppWebhookParsingTest.FAILED_ITEM)).status()).isEqualTo(200);

    assertThat(server.status(m.messageId())).isEqualTo(Status.FAILED);
    HistoryEvent e = server.history(m.messageId()).get(0);
    assertThat(e.errorCode()).contains("131049");
    assertThat(e.errorTitle())
        .contains("This message was not delivered to maintain healthy ecosystem engagement.");
  }

  @Test
  void ourEchoedIdMatchesAStatusThatBeatsTheSendAnswer() {
    MessageRecord m = server.message(Channel.WHATSAPP, null);

    signed(
        statuses(
            item(
                "wamid.EARLY", "sent", ",\"biz_opaque_callback_data\":\"" + m.messageId() + "\"")));

    assertThat(server.find(m.messageId()).providerMessageId()).as("D1").contains("wamid.EARLY");
    assertThat(server.status(m.messageId())).isEqualTo(Status.SENT);
    assertThat(server.history(m.messageId())).hasSize(1);
  }

  @Test
  void aBatchWithForeignIdsAndBadItemsIs200OursAppliedTheRestKept() {
    MessageRecord m = server.message(Channel.WHATSAPP, "wamid.OURS2");

    Answer a =
        signed(
            statuses(
                item("wamid.OURS2", "delivered", ""),
                item(
                    "wamid.FOREIGN",
                    "delivered",
                    ",\"biz_opaque_callback_data\":\"octopods:msg-42\""),
                "{\"status\":\"delivered\"}",
                "{\"id\":\"wamid.FOREIGN2\",\"status\":\"future_status\",\"timestamp\":\"not-a-timestamp\"}"));

    assertThat(a.status()).as("C2/D2").isEqualTo(200);
    assertThat(server.status(m.messageId())).isEqualTo(Status.DELIVERED);
    assertThat(server.orphans()).isEqualTo(3);
  }

  @Test
  void inboundMessagesAndErrorsWithoutStatusesAre200AndStoreNothing() {
    MessageRecord m = server.message(Channel.WHATSAPP, "wamid.OURS3");

    assertThat(signed(WhatsAppWebhookParsingTest.INBOUND).status()).as("L2").isEqualTo(200);
    assertThat(
            signed(
                    WhatsAppWebhookParsingTest.notification(
                        "\"errors\":[{\"code\":130429,\"title\":\"Rate limit hit\"}]"))
                .status())
        .isEqualTo(200);

    assertThat(server.history(m.messageId())).isEmpty();
    assertThat(server.orphans()).isZero();
  }

  @Test
  void theSignatureIsOverTheRawBytesWithTheirEscapes() {
    MessageRecord m = server.message(Channel.WHATSAPP, "wamid.OURS4");
    String body =
        statuses(
            item(
                "wamid.OURS4",
                "failed",
                ",\"errors\":[{\"code\":131026,"
                    + "\"title\":\"caf\\u00e9 \\/ \\ud83d\\ude00\"}]"));

    assertThat(signed(body).status()).as("J4").isEqualTo(200);
    assertThat(server.history(m.messageId()).get(0).errorTitle()).contains("café / 😀");
  }

  @Test
  void aMissingOrWrongSignatureIs401AndStoresNothing() {
    MessageRecord m = server.message(Channel.WHATSAPP, "wamid.OURS5");
    byte[] body = statuses(item("wamid.OURS5", "delivered", "")).getBytes(StandardCharsets.UTF_8);

    Answer missing = server.post(PATH, JSON, body);
    Answer wrong =
        server.post(PATH, JSON, body, MetaSignature.HEADER, MetaSignature.of("other-secret", body));
    Answer reserialised =
        server.post(
            PATH,
            JSON,
            body,
            MetaSignature.HEADER,
            MetaSignature.of(
                SECRET,
                new String(body, StandardCharsets.UTF_8)
                    .replace(",", ", ")
                    .getBytes(StandardCharsets.UTF_8)));

    assertThat(List.of(missing, wrong, reserialised))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.contentType()).startsWith("application/problem+json");
            });
    assertThat(server.history(m.messageId())).isEmpty();
    assertThat(server.orphans()).isZero();
  }

  @Test
  void aSignedEnvelopeThatCannotBeReadIs400() {
    Answer notJson = signed("{\"object\":\"whatsapp_business_account\",\"entry\":[");
    Answer noEntry = signed("{\"object\":\"whatsapp_business_account\",\"statuses\":[]}");

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");
    assertThat(notJson.json().get("detail").asText()).contains("not JSON");
    assertThat(noEntry.status()).isEqualTo(400);
    assertThat(noEntry.json().get("detail").asText()).contains("entry");
  }

  @Test
  void anotherContentTypeIs415() {
    byte[] body = statuses(item("wamid.X", "sent", "")).getBytes(StandardCharsets.UTF_8);

    Answer a =
        server.post(PATH, "text/plain", body, MetaSignature.HEADER, MetaSignature.of(SECRET, body));

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(
            server
                .post(
                    PATH,
                    "application/json; charset=utf-8",
                    body,
                    MetaSignature.HEADER,
                    MetaSignature.of(SECRET, body))
                .status())
        .isEqualTo(200);
  }

  @Test
  void theVerificationHandshakeEchoesTheChallenge() {
    Answer ok =
        server.get(
            PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY);

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    assertThat(ok.contentType()).startsWith("text/plain");
  }

  @Test
  void aHandshakeWithAnotherTokenOrModeIs403() {
    assertThat(
            server.get(PATH + "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope").status())
        .isEqualTo(403);
    assertThat(
            server
                .get(PATH + "?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + VERIFY)
                .status())
        .isEqualTo(403);
    assertThat(server.get(PATH).status()).as("an unsigned probe").isEqualTo(403);
  }

  @Test
  void storageDownIs503WithRetryAfter() {
    server.stopStorage();

    Answer a = signed(statuses(item("wamid.ANY", "delivered", "")));

    assertThat(a.status()).isEqualTo(503);
    assertThat(a.header("Retry-After")).isEqualTo(Optional.of("5"));
  }

  @Test
  void aBodyOver3MiBIs413() {
    int status = server.statusOfDeclaredLength(PATH, "text/plain", 3 * 1024 * 1024 + 1);

    assertThat(status).as("413 comes before 415 and 401").isEqualTo(413);
  }
}
