package io.octopods.service.adapters.http.api;

import static io.octopods.service.adapters.http.api.ApiTestServer.ACME_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.api.ApiTestServer.Answer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /api/v1/{channel}/messages over real HTTP: the answer, validation, size and content type.
 */
class PublicApiSendAcceptanceTest {
  private static final String MESSAGES = "/api/v1/whatsapp/messages";
  private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

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

  @Test
  void aSendIsAcceptedWith202LocationAndTheMessageResource() {
    Answer a =
        api.post(
            MESSAGES,
            ACME_KEY,
            "{\"to\": \"+15551230001\", \"body\": \"Hello\", \"contact\": {\"email\": \"ana@example.com\"}}");

    assertThat(a.status()).isEqualTo(202);
    assertThat(a.contentType()).startsWith("application/json");
    JsonNode m = a.json();
    assertThat(m.get("message_id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(a.header("Location"))
        .contains("/api/v1/whatsapp/messages/" + m.get("message_id").asText());
    assertThat(m.get("channel").asText()).isEqualTo("whatsapp");
    assertThat(m.get("to").asText()).isEqualTo("+15551230001");
    assertThat(m.get("provider").asText()).isEqualTo("whatsapp");
    assertThat(m.get("provider_message_id").isNull()).isTrue();
    assertThat(m.get("created_at").asText()).matches(TIME);
    JsonNode status = m.get("message_status");
    assertThat(status.get("message_status").asText())
        .as("QUEUED shows as UNKNOWN")
        .isEqualTo("UNKNOWN");
    assertThat(status.get("terminal").asBoolean()).isFalse();
    assertThat(status.get("updated_at").asText()).matches(TIME);
    assertThat(status.get("failure_reason").isNull()).isTrue();
    assertThat(fieldNames(m))
        .containsExactly(
            "message_id",
            "channel",
            "to",
            "provider",
            "provider_message_id",
            "other_provider_message_ids",
            "created_at",
            "message_status");
    assertThat(m.get("other_provider_message_ids").isEmpty()).isTrue();
    assertThat(fieldNames(status))
        .containsExactly("message_status", "terminal", "updated_at", "failure_reason");

    Answer polled = api.get(a.header("Location").orElseThrow(), ACME_KEY);
    assertThat(polled.status()).isEqualTo(200);
    assertThat(polled.json()).isEqualTo(m);
  }

  @ParameterizedTest
  @CsvSource({"sms, twilio", "whatsapp, whatsapp", "viber, viber"})
  void everyChannelNamesItsProvider(String channel, String provider) {
    Answer a = api.send(ACME_KEY, channel, "+4915112345678", "hi");
    assertThat(a.status()).isEqualTo(202);
    assertThat(a.json().get("channel").asText()).isEqualTo(channel);
    assertThat(a.json().get("provider").asText()).isEqualTo(provider);
  }

  @Test
  void everyProblemOfARequestIsListedAtOnceWithItsPointer() {
    Answer a =
        api.post(
            MESSAGES,
            ACME_KEY,
            "{\"to\": \"0044 20 7946 0958\", \"colour\": \"red\", "
                + "\"contact\": {\"email\": \"not-an-email\", \"phone\": \"+15551230001\"}, \"a/b~c\": 1}",
            "Idempotency-Key",
            "x".repeat(256));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/problem+json");
    JsonNode p = a.json();
    assertThat(p.get("type").asText()).isNotBlank();
    assertThat(p.get("title").asText()).isEqualTo("Invalid request");
    assertThat(p.get("status").asInt()).isEqualTo(400);
    assertThat(p.get("detail").asText()).contains("7 problems");
    assertThat(a.pointers())
        .containsExactly(
            "/to",
            "/body",
            "/contact/email",
            "/contact/phone",
            "/colour",
            "/a~1b~0c",
            "#/header/Idempotency-Key");
    assertThat(p.get("errors").get(0).get("detail").asText())
        .contains("E.164")
        .contains("+15551230001");
    assertThat(p.get("errors").get(1).get("detail").asText()).contains("required");
    assertThat(api.get(MESSAGES, ACME_KEY).json().get("data")).as("nothing was sent").isEmpty();
  }

  @Test
  void wrongTypesAndEmptyValuesAreRefused() {
    Answer a =
        api.post(
            MESSAGES,
            ACME_KEY,
            "{\"to\": 15551230001, \"body\": \"   \", \"contact\": \"ana@example.com\"}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.pointers()).containsExactly("/to", "/body", "/contact");
    assertThat(a.json().get("errors").get(0).get("detail").asText()).contains("must be a string");
    assertThat(a.json().get("errors").get(1).get("detail").asText()).contains("empty");
  }

  @Test
  void nullCountsAsAbsentForTheOptionalContact() {
    assertThat(
            api.post(
                    MESSAGES,
                    ACME_KEY,
                    "{\"to\": \"+15551230001\", \"body\": \"a\", \"contact\": null}")
                .status())
        .isEqualTo(202);
    assertThat(
            api.post(
                    MESSAGES,
                    ACME_KEY,
                    "{\"to\": \"+15551230001\", \"body\": \"a\", \"contact\": {\"email\": null}}")
                .status())
        .isEqualTo(202);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+155512",
        "+1555123000112345",
        "+05551230001",
        "15551230001",
        "+1555-123-0001",
        "+1555 1230001",
        "+15551230001\n",
        "+\u0661\u0665\u0665\u0665\u0661\u0662\u0663\u0660\u0660"
      })
  void toMustBeE164(String to) {
    Answer a = api.post(MESSAGES, ACME_KEY, "{\"to\": " + quoted(to) + ", \"body\": \"hi\"}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.pointers()).containsExactly("/to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1555123", "+155512300011234"})
  void toMayHave7To15Digits(String to) {
    assertThat(api.post(MESSAGES, ACME_KEY, "{\"to\": \"" + to + "\", \"body\": \"hi\"}").status())
        .isEqualTo(202);
  }

  @ParameterizedTest
  @CsvSource({"sms, 1600", "whatsapp, 4096", "viber, 7000"})
  void aBodyMayBeAsLongAsItsChannelAllowsAndNoLonger(String channel, int max) {
    String path = "/api/v1/" + channel + "/messages";
    assertThat(api.post(path, ACME_KEY, request("a".repeat(max))).status()).isEqualTo(202);
    Answer tooLong = api.post(path, ACME_KEY, request("a".repeat(max + 1)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.pointers()).containsExactly("/body");
    assertThat(tooLong.json().get("errors").get(0).get("detail").asText())
        .contains(String.format(java.util.Locale.ROOT, "%,d", max))
        .contains(channel);
  }

  @Test
  void aBodyIsCountedInCharactersNotUtf16Units() {
    assertThat(
            api.post("/api/v1/sms/messages", ACME_KEY, request("\uD83D\uDE00".repeat(1_600)))
                .status())
        .as("1,600 emoji are 1,600 characters")
        .isEqualTo(202);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRefusedWithTheWholeBodyPointer() {
    for (String body :
        List.of(
            "not json",
            "[1, 2]",
            "\"text\"",
            "",
            "{\"to\": \"+15551230001\"} trailing",
            "{\"to\": \"+15551230001\", \"to\": \"+15551230002\", \"body\": \"x\"}")) {
      Answer a = api.post(MESSAGES, ACME_KEY, body);
      assertThat(a.status()).as(body).isEqualTo(400);
      assertThat(a.contentType()).startsWith("application/problem+json");
      assertThat(a.pointers()).as(body).containsExactly("");
    }
  }

  @Test
  void aBodyThatIsNotSentAsJsonIs415() {
    Answer plain = api.post(MESSAGES, ACME_KEY, request("hi"), "Content-Type", "text/plain");
    assertThat(plain.status()).isEqualTo(415);
    assertThat(plain.contentType()).startsWith("application/problem+json");
    assertThat(plain.json().get("detail").asText())
        .contains("text/plain")
        .contains("application/json");

    HttpRequest noType =
        HttpRequest.newBuilder(api.uri(MESSAGES))
            .header("Authorization", "Bearer " + ACME_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(request("hi")))
            .build();
    assertThat(api.call(noType).status()).isEqualTo(415);

    assertThat(
            api.post(
                    MESSAGES,
                    ACME_KEY,
                    request("hi"),
                    "Content-Type",
                    "application/json; charset=UTF-8")
                .status())
        .isEqualTo(202);
  }

  @Test
  void aBodyOver64KiBIs413WhetherItsLengthIsDeclaredOrNot() {
    String big = request("a".repeat(70_000));
    Answer declared = api.post(MESSAGES, ACME_KEY, big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.contentType()).startsWith("application/problem+json");

    HttpRequest chunked =
        HttpRequest.newBuilder(api.uri(MESSAGES))
            .header("Authorization", "Bearer " + ACME_KEY)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
            .build();
    assertThat(api.call(chunked).status()).isEqualTo(413);

    assertThat(
            api.post(
                    MESSAGES,
                    ACME_KEY,
                    "{\"to\": \"+15551230001\", \"body\": \"" + "a".repeat(60_000) + "\"}")
                .status())
        .as("under 64 KiB the body is read and validated")
        .isEqualTo(400);
  }

  private static String request(String body) {
    return "{\"to\": \"+15551230001\", \"body\": \"" + body + "\"}";
  }

  private static String quoted(String s) {
    return io.octopods.service.adapters.http.JsonBodies.write(s);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
