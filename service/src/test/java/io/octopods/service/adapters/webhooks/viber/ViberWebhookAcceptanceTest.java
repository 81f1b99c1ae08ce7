package io.octopods.service.adapters.webhooks.viber;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.webhooks.WebhookTestServer;
import io.octopods.service.adapters.webhooks.WebhookTestServer.Answer;
import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /webhooks/viber over real HTTP into a real store. */
class ViberWebhookAcceptanceTest {
  private static final String TOKEN = "viber-token";
  private static final String PATH = ViberWebhookRoutes.PATH;
  private static final String JSON = "application/json";
  private static final String BIG_TOKEN = "4912661846655238145";

  @TempDir Path dir;
  private WebhookTestServer server;

  @BeforeEach
  void start() {
    server = new WebhookTestServer(dir, intake -> new ViberWebhookRoutes(TOKEN, intake));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String event(String event, String token, String more) {
    return "{\"event\":\""
        + event
        + "\",\"timestamp\":1457764197627,\"message_token\":"
        + token
        + ",\"user_id\":\"01234567890A=\""
        + more
        + "}";
  }

  private Answer signed(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return server.post(PATH, JSON, bytes, ViberSignature.HEADER, ViberSignature.of(TOKEN, bytes));
  }

  @Test
  void signedReceiptsAreStoredAndAppliedByTheExactToken() {
    MessageRecord m = server.message(Channel.VIBER, BIG_TOKEN);
    server.message(Channel.VIBER, "4912661846655238144");

    assertThat(signed(event("delivered", BIG_TOKEN, "")).status()).isEqualTo(200);
    assertThat(signed(event("seen", BIG_TOKEN, "")).status()).isEqualTo(200);

    assertThat(server.status(m.messageId())).isEqualTo(Status.DELIVERED);
    List<HistoryEvent> history = server.history(m.messageId());
    assertThat(history)
        .extracting(h -> h.providerStatus().orElse(""))
        .containsExactly("delivered", "seen");
    assertThat(history.get(0).providerTimestamp()).contains(Instant.ofEpochMilli(1457764197627L));
    assertThat(history.get(0).rawPayload()).isEqualTo(event("delivered", BIG_TOKEN, ""));
    assertThat(server.orphans()).isZero();
  }

  @Test
  void aFailedReceiptFailsTheMessageWithItsDescription() {
    MessageRecord m = server.message(Channel.VIBER, BIG_TOKEN);

    assertThat(signed(event("failed", BIG_TOKEN, ",\"desc\":\"failure description\"")).status())
        .isEqualTo(200);

    assertThat(server.status(m.messageId())).isEqualTo(Status.FAILED);
    assertThat(server.history(m.messageId()).get(0).errorTitle()).contains("failure description");
  }

  @Test
  void aReceiptForATokenWeNeverSentIs200AndKeptAsAnOrphan() {
    assertThat(signed(event("delivered", "5741311803571721087", "")).status())
        .as("D3")
        .isEqualTo(200);

    assertThat(server.orphans()).isEqualTo(1);
  }

  @Test
  void eventsThatAreNoReceiptsAre200AndStoreNothing() {
    MessageRecord m = server.message(Channel.VIBER, BIG_TOKEN);

    assertThat(
            signed(
                    "{\"event\":\"webhook\",\"timestamp\":1457764197627,\"chat_hostname\":\"SN-172_\","
                        + "\"message_token\":"
                        + BIG_TOKEN
                        + "}")
                .status())
        .isEqualTo(200);
    assertThat(
            signed(
                    "{\"event\":\"subscribed\",\"timestamp\":1457764197627,\"user\":{\"id\":\"01234567890A=\"}}")
                .status())
        .isEqualTo(200);

    assertThat(server.history(m.messageId())).isEmpty();
    assertThat(server.orphans()).isZero();
  }

  @Test
  void aMissingOrWrongSignatureIs401AndStoresNothing() {
    MessageRecord m = server.message(Channel.VIBER, BIG_TOKEN);
    byte[] body = event("delivered", BIG_TOKEN, "").getBytes(StandardCharsets.UTF_8);

    Answer missing = server.post(PATH, JSON, body);
    Answer wrong =
        server.post(
            PATH,
            JSON,
            body,
            ViberSignature.HEADER,
            ViberSignature.of("octopods-wrong-secret", body));

    assertThat(List.of(missing, wrong))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.contentType()).startsWith("application/problem+json");
            });
    assertThat(missing.json().get("detail").asText()).contains("X-Viber-Content-Signature");
    assertThat(server.history(m.messageId())).isEmpty();
    assertThat(server.orphans()).isZero();
  }

  @Test
  void theSignatureInTheSigQueryParameterAloneOrBesideAnEqualHeaderIsAccepted() {
    MessageRecord m = server.message(Channel.VIBER, BIG_TOKEN);
    byte[] delivered = event("delivered", BIG_TOKEN, "").getBytes(StandardCharsets.UTF_8);
    byte[] seen = event("seen", BIG_TOKEN, "").getBytes(StandardCharsets.UTF_8);

    Answer queryOnly =
        server.post(PATH + "?sig=" + ViberSignature.of(TOKEN, delivered), JSON, delivered);
    String sig = ViberSignature.of(TOKEN, seen);
    Answer both =
        server.post(
            PATH + "?sig=" + sig.toUpperCase(Locale.ROOT), JSON, seen, ViberSignature.HEADER, sig);

    assertThat(List.of(queryOnly, both)).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    assertThat(server.history(m.messageId())).hasSize(2);
  }

  @Test
  void aSigQueryParameterThatIsWrongOrDisagreesWithTheHeaderIs401AndStoresNothing() {
    MessageRecord m = server.message(Channel.VIBER, BIG_TOKEN);
    byte[] body = event("delivered", BIG_TOKEN, "").getBytes(StandardCharsets.UTF_8);
    String right = ViberSignature.of(TOKEN, body);
    String wrong = ViberSignature.of("octopods-wrong-secret", body);

    Answer wrongQuery = server.post(PATH + "?sig=" + wrong, JSON, body);
    Answer disagreeing =
        server.post(PATH + "?sig=" + wrong, JSON, body, ViberSignature.HEADER, right);
    Answer disagreeingTheOtherWay =
        server.post(PATH + "?sig=" + right, JSON, body, ViberSignature.HEADER, wrong);

    assertThat(List.of(wrongQuery, disagreeing, disagreeingTheOtherWay))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.contentType()).startsWith("application/problem+json");
            });
    assertThat(disagreeing.json().get("detail").asText()).contains("disagree");
    assertThat(server.history(m.messageId())).isEmpty();
  }

  @Test
  void aSignedEventThatCannotBeReadIs400() {
    Answer notJson = signed("{\"event\":");
    Answer noEvent = signed("{\"timestamp\":1457764197627,\"message_token\":" + BIG_TOKEN + "}");

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");
    assertThat(noEvent.status()).isEqualTo(400);
    assertThat(noEvent.json().get("detail").asText()).contains("'event'");
    assertThat(server.orphans()).isZero();
  }

  @Test
  void anotherContentTypeIs415() {
    byte[] body = event("delivered", BIG_TOKEN, "").getBytes(StandardCharsets.UTF_8);

    Answer a =
        server.post(
            PATH,
            "application/x-www-form-urlencoded",
            body,
            ViberSignature.HEADER,
            ViberSignature.of(TOKEN, body));

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.contentType()).startsWith("application/problem+json");
  }

  @Test
  void unsignedGetProbesAre4xxNever5xx() {
    Answer get = server.get(PATH);
    Answer getWithQuery = server.get(PATH + "?health=1");

    assertThat(get.status()).as("J5").isEqualTo(405);
    assertThat(getWithQuery.status()).isEqualTo(405);
    assertThat(server.orphans()).isZero();
  }

  @Test
  void aBodyOver3MiBIs413AlsoWhenItsLengthIsNotDeclared() {
    byte[] big = new byte[3 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(server.localUrl(PATH)))
            .header("Content-Type", JSON)
            .header(ViberSignature.HEADER, ViberSignature.of(TOKEN, big))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    assertThat(server.call(chunked).status()).isEqualTo(413);
  }

  @Test
  void storageDownIs503WithRetryAfter() {
    server.stopStorage();

    Answer a = signed(event("delivered", BIG_TOKEN, ""));

    assertThat(a.status()).isEqualTo(503);
    assertThat(a.header("Retry-After")).isEqualTo(Optional.of("5"));
  }
}
