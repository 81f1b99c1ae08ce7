package io.octopods.service.adapters.webhooks.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.webhooks.Hmac;
import io.octopods.service.adapters.webhooks.WebhookTestServer;
import io.octopods.service.adapters.webhooks.WebhookTestServer.Answer;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /webhooks/twilio over real HTTP into a real store. */
class TwilioWebhookAcceptanceTest {
  private static final String TOKEN = "twilio-test-auth-token";

  /**
   * The public URL the service is configured with; the test server really listens elsewhere (J1).
   */
  private static final String PUBLIC = "https://status.example.com";

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String SID = "SM0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  private WebhookTestServer server;

  @BeforeEach
  void start() {
    server =
        new WebhookTestServer(dir, intake -> new TwilioWebhookRoutes(TOKEN, PUBLIC + "/", intake));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String form(String sid, String status, String... more) {
    StringBuilder b =
        new StringBuilder(
            "MessageSid="
                + sid
                + "&SmsSid="
                + sid
                + "&AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&From=%2B14155552345&To=%2B14155550100&MessageStatus="
                + status
                + "&SmsStatus="
                + status
                + "&ApiVersion=2010-04-01");
    for (String m : more) {
      b.append('&').append(m);
    }
    return b.toString();
  }

  private static String sign(String url, String form) {
    return TwilioSignature.of(TOKEN, url, FormBody.parse(form));
  }

  /** Posts a form signed over the public URL with this query. */
  private Answer signed(String query, String form) {
    String pathAndQuery = TwilioWebhookRoutes.PATH + query;
    return server.post(
        pathAndQuery, FORM, form, TwilioSignature.HEADER, sign(PUBLIC + pathAndQuery, form));
  }

  @Test
  void signedCallbacksAreStoredAndApplied() {
    MessageRecord m = server.message(Channel.SMS, SID);
    String query = "?message_id=" + m.messageId();

    assertThat(signed(query, form(SID, "sent")).status()).isEqualTo(200);
    Answer delivered = signed(query, form(SID, "delivered", "RawDlrDoneDate=2311261005"));

    assertThat(delivered.status()).isEqualTo(200);
    assertThat(server.status(m.messageId())).isEqualTo(Status.DELIVERED);
    List<HistoryEvent> history = server.history(m.messageId());
    assertThat(history)
        .extracting(h -> h.providerStatus().orElse(""))
        .containsExactly("sent", "delivered");
    HistoryEvent last = history.get(1);
    assertThat(last.source()).isEqualTo("callback");
    assertThat(last.providerTimestamp()).as("Twilio has no event time").isEmpty();
    assertThat(last.rawPayload()).contains("RawDlrDoneDate=2311261005");
  }

  @Test
  void anUndeliveredWithItsErrorCodeFailsTheMessage() {
    MessageRecord m = server.message(Channel.SMS, SID);

    assertThat(
            signed(
                    "",
                    form(
                        SID,
                        "undelivered",
                        "ErrorCode=30003",
                        "ErrorMessage=Unreachable+destination+handset"))
                .status())
        .isEqualTo(200);

    assertThat(server.status(m.messageId())).isEqualTo(Status.FAILED);
    HistoryEvent e = server.history(m.messageId()).get(0);
    assertThat(e.errorCode()).contains("30003");
    assertThat(e.errorTitle()).contains("Unreachable destination handset");
  }

  @Test
  void ourEchoedIdMatchesACallbackThatBeatsTheSendAnswer() {
    MessageRecord m = server.message(Channel.SMS, null);

    assertThat(signed("?message_id=" + m.messageId(), form(SID, "sent")).status()).isEqualTo(200);

    assertThat(server.find(m.messageId()).providerMessageId())
        .as("D1: the sid is learned")
        .contains(SID);
    assertThat(server.history(m.messageId())).hasSize(1);
    assertThat(server.orphans()).isZero();
  }

  @Test
  void theSignatureIsCheckedAgainstTheConfiguredPublicUrlNeverTheHostHeader() {
    MessageRecord m = server.message(Channel.SMS, SID);
    String pathAndQuery = TwilioWebhookRoutes.PATH + "?message_id=" + m.messageId();
    String body = form(SID, "delivered");

    Answer forHost =
        server.post(
            pathAndQuery,
            FORM,
            body,
            TwilioSignature.HEADER,
            sign(server.localUrl(pathAndQuery), body));

    assertThat(forHost.status()).as("J1").isEqualTo(401);
    assertThat(server.history(m.messageId())).isEmpty();
  }

  @Test
  void aSignatureOverTheUrlWithPort443IsAccepted() {
    MessageRecord m = server.message(Channel.SMS, SID);
    String pathAndQuery = TwilioWebhookRoutes.PATH + "?message_id=" + m.messageId();
    String body = form(SID, "delivered");

    Answer a =
        server.post(
            pathAndQuery,
            FORM,
            body,
            TwilioSignature.HEADER,
            sign("https://status.example.com:443" + pathAndQuery, body));

    assertThat(a.status()).as("J2").isEqualTo(200);
    assertThat(server.status(m.messageId())).isEqualTo(Status.DELIVERED);
  }

  @Test
  void theQueryStringIsSignedExactlyAsReceived() {
    MessageRecord m = server.message(Channel.SMS, SID);
    String body = form(SID, "delivered");
    String pathAndQuery = TwilioWebhookRoutes.PATH + "?message_id=" + m.messageId() + "&b=%2Fx&a=1";

    assertThat(
            server
                .post(
                    pathAndQuery,
                    FORM,
                    body,
                    TwilioSignature.HEADER,
                    sign(PUBLIC + pathAndQuery, body))
                .status())
        .isEqualTo(200);
    assertThat(
            server
                .post(
                    pathAndQuery,
                    FORM,
                    body,
                    TwilioSignature.HEADER,
                    sign(
                        PUBLIC
                            + TwilioWebhookRoutes.PATH
                            + "?message_id="
                            + m.messageId()
                            + "&a=1&b=%2Fx",
                        body))
                .status())
        .as("re-ordered")
        .isEqualTo(401);
  }

  @Test
  void thePathIsSignedAsReceived() {
    MessageRecord m = server.message(Channel.SMS, SID);
    String body = form(SID, "delivered");
    String pathAndQuery = TwilioWebhookRoutes.PATH + "/?message_id=" + m.messageId();

    assertThat(
            server
                .post(
                    pathAndQuery,
                    FORM,
                    body,
                    TwilioSignature.HEADER,
                    sign(PUBLIC + pathAndQuery, body))
                .status())
        .as("a trailing slash")
        .isEqualTo(200);
  }

  @Test
  void aMissingOrWrongSignatureIs401AndStoresNothing() {
    MessageRecord m = server.message(Channel.SMS, SID);
    String pathAndQuery = TwilioWebhookRoutes.PATH + "?message_id=" + m.messageId();
    String body = form(SID, "delivered");

    Answer missing = server.post(pathAndQuery, FORM, body);
    Answer wrongToken =
        server.post(
            pathAndQuery,
            FORM,
            body,
            TwilioSignature.HEADER,
            TwilioSignature.of("another-token", PUBLIC + pathAndQuery, FormBody.parse(body)));
    Answer tampered =
        server.post(
            pathAndQuery,
            FORM,
            form(SID, "failed"),
            TwilioSignature.HEADER,
            sign(PUBLIC + pathAndQuery, body));

    assertThat(List.of(missing, wrongToken, tampered))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.contentType()).startsWith("application/problem+json");
            });
    assertThat(missing.json().get("detail").asText()).contains("X-Twilio-Signature");
    assertThat(server.history(m.messageId())).isEmpty();
    assertThat(server.status(m.messageId())).isEqualTo(Status.SENT);
    assertThat(server.orphans()).isZero();
  }

  @Test
  void anUnknownSidIs200AndKeptAsAnOrphan() {
    Answer a = signed("", form("SMffffffffffffffffffffffffffffffff", "delivered"));

    assertThat(a.status()).isEqualTo(200);
    assertThat(server.orphans()).isEqualTo(1);
  }

  @Test
  void aSignedBodyThatIsNoStatusCallbackIs400() {
    Answer a = signed("", "AccountSid=AC1&From=%2B14155552345");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.json().get("detail").asText()).contains("MessageStatus");
    assertThat(server.orphans()).isZero();
  }

  @Test
  void anotherContentTypeIs415BeforeTheSignatureIsLookedAt() {
    Answer a = server.post(TwilioWebhookRoutes.PATH, "text/plain", form(SID, "delivered"));

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(server.post(TwilioWebhookRoutes.PATH, null, form(SID, "delivered")).status())
        .isEqualTo(415);
  }

  @Test
  void aJsonBodySignedWithBodySha256IsAccepted() {
    MessageRecord m = server.message(Channel.SMS, SID);
    byte[] body =
        ("{\"MessageSid\":\"" + SID + "\",\"MessageStatus\":\"delivered\"}")
            .getBytes(StandardCharsets.UTF_8);
    String pathAndQuery =
        TwilioWebhookRoutes.PATH
            + "?message_id="
            + m.messageId()
            + "&bodySHA256="
            + Hmac.hex(Hmac.sha256(body));

    Answer a =
        server.post(
            pathAndQuery,
            "application/json",
            body,
            TwilioSignature.HEADER,
            TwilioSignature.of(TOKEN, PUBLIC + pathAndQuery, Map.of()));
    Answer noHash =
        server.post(
            TwilioWebhookRoutes.PATH,
            "application/json",
            body,
            TwilioSignature.HEADER,
            TwilioSignature.of(TOKEN, PUBLIC + TwilioWebhookRoutes.PATH, Map.of()));

    assertThat(a.status()).isEqualTo(200);
    assertThat(server.status(m.messageId())).isEqualTo(Status.DELIVERED);
    assertThat(noHash.status()).as("JSON without bodySHA256").isEqualTo(401);
  }

  @Test
  void anUnsignedGetProbeIs405() {
    Answer a = server.get(TwilioWebhookRoutes.PATH);

    assertThat(a.status()).as("J5").isEqualTo(405);
    assertThat(a.header("Allow")).contains("POST");
    assertThat(a.contentType()).startsWith("application/problem+json");
  }

  @Test
  void storageDownIs503WithRetryAfter() {
    server.stopStorage();

    Answer a = signed("", form(SID, "delivered"));

    assertThat(a.status()).isEqualTo(503);
    assertThat(a.header("Retry-After")).isEqualTo(Optional.of("5"));
  }

  @Test
  void theRoutesRefuseAnUnusableConfiguration() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TwilioWebhookRoutes("", PUBLIC, null))
        .hasMessageContaining("OCTOPODS_TWILIO_AUTH_TOKEN");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TwilioWebhookRoutes(TOKEN, "status.example.com", null))
        .hasMessageContaining("OCTOPODS_PUBLIC_URL");
  }
}
