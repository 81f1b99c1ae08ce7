package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.payload.Hmac;
import io.octopods.simulator.twilio.FormParams;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.twilio.TwilioSimulator;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.viber.ViberSimulator;
import io.octopods.simulator.whatsapp.WamId;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scrubbing of each provider's callbacks, on payloads shaped as in providers.md. */
class ScrubberTest {
  private static final String META_WAMID =
      "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA";

  @Test
  void aWhatsAppStatusKeepsItsShapeWithReservedNumbersAndIsSignedWithTheSimulatorsSecret() {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
            + "\"statuses\":[{\"id\":\""
            + META_WAMID
            + "\",\"status\":\"sent\",\"timestamp\":\"1750030073\",\"recipient_id\":\"16503879439\","
            + "\"biz_opaque_callback_data\":\"order=7;mail=ann.lee@gmail.com\"}]}}]}]}";
    Capture.Callback arrived =
        callback(
            body,
            Map.of(
                "Content-Type",
                "application/json",
                "Content-Length",
                "999",
                WhatsAppSignature.HEADER,
                "sha256=0000"),
            "invalid");

    Capture.Callback scrubbed = Scrubber.of("whatsapp", Optional.empty()).scrub(arrived);

    JsonNode status = Json.parse(scrubbed.body()).at("/entry/0/changes/0/value/statuses/0");
    String recipient = status.get("recipient_id").asText();
    assertThat(ReservedNumbers.isReserved(recipient)).as(recipient).isTrue();
    assertThat(recipient).hasSize(11).startsWith("1");
    String wamid = status.get("id").asText();
    assertThat(wamid).startsWith("wamid.HBgL").hasSameSizeAs(META_WAMID).isNotEqualTo(META_WAMID);
    assertThat(WamId.recipient(wamid)).contains(recipient);
    assertThat(status.get("biz_opaque_callback_data").asText())
        .isEqualTo("order=7;mail=person1@example.com");
    assertThat(
            Json.parse(scrubbed.body())
                .at("/entry/0/changes/0/value/metadata/phone_number_id")
                .asText())
        .isEqualTo("106540352242922");
    assertThat(scrubbed.body()).doesNotContain("16503879439", "15550783881", "ann.lee");
    byte[] bytes = scrubbed.body().getBytes(StandardCharsets.UTF_8);
    assertThat(scrubbed.header(WhatsAppSignature.HEADER))
        .contains(WhatsAppSignature.of(WhatsAppSimulator.APP_SECRET, bytes));
    assertThat(scrubbed.header("Content-Length")).contains(String.valueOf(bytes.length));
    assertThat(scrubbed.signature()).as("the verdict seen on arrival").isEqualTo("invalid");
  }

  @Test
  void aWhatsAppInboundMessageLosesItsTextAndTheSendersName() {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            + "\"contacts\":[{\"profile\":{\"name\":\"Ann Lee\"},\"wa_id\":\"447911123456\"}],"
            + "\"messages\":[{\"from\":\"447911123456\",\"id\":\""
            + META_WAMID
            + "\",\"type\":\"text\",\"text\":{\"body\":\"my card is 4111 and mail ann@corp.io\"},"
            + "\"context\":{\"from\":\"15550783881\",\"id\":\""
            + META_WAMID
            + "\"}}]}}]}]}";

    Capture.Callback scrubbed =
        Scrubber.of("whatsapp", Optional.empty()).scrub(callback(body, Map.of(), "unchecked"));

    JsonNode value = Json.parse(scrubbed.body()).at("/entry/0/changes/0/value");
    assertThat(value.at("/contacts/0/profile/name").asText()).isEmpty();
    assertThat(value.at("/messages/0/text/body").asText()).isEmpty();
    String sender = value.at("/contacts/0/wa_id").asText();
    assertThat(sender).startsWith("447700900").hasSize(12);
    assertThat(value.at("/messages/0/from").asText()).isEqualTo(sender);
    assertThat(value.at("/messages/0/id").asText())
        .as("the same wamid, the same stand-in")
        .isEqualTo(value.at("/messages/0/context/id").asText());
    assertThat(scrubbed.headers()).doesNotContainKey(WhatsAppSignature.HEADER);
  }

  @Test
  void theSimulatorsOwnWamidsAreReencodedToo() {
    String simulated =
        "wamid.HBgL"
            + java.util.Base64.getEncoder()
                .withoutPadding()
                .encodeToString(
                    "16505551234FQIAERgS0A1B2C3D4E5F607182".getBytes(StandardCharsets.US_ASCII));
    Pseudonyms p = new Pseudonyms();

    String scrubbed = p.wamid(simulated);

    assertThat(WamId.recipient(scrubbed)).contains(p.digits("16505551234"));
    assertThat(scrubbed).startsWith("wamid.HBgL").hasSameSizeAs(simulated);
    assertThat(WamId.recipient(META_WAMID)).contains("16503879439");
  }

  @Test
  void aTwilioFormCallbackIsResignedOverTheSamePublicUrl() {
    String body =
        new FormParams(
                List.of(
                    Map.entry("MessageSid", "SM0123456789abcdef0123456789abcdef"),
                    Map.entry("From", "+14155552345"),
                    Map.entry("To", "whatsapp:+447911123456"),
                    Map.entry("ProfileName", "Ann"),
                    Map.entry("Body", "hello ann@corp.io"),
                    Map.entry("MessageStatus", "delivered")))
            .encode();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1:8090");
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put(TwilioSignature.HEADER, "c2lnbmVk");
    Capture.Callback arrived =
        new Capture.Callback(
            Instant.EPOCH, "POST", "/twilio", "ref=bo%40corp.io", headers, body, "valid", 200, 3);

    Capture.Callback scrubbed =
        Scrubber.of("twilio", Optional.of("https://hooks.example.org/")).scrub(arrived);

    Map<String, String> form = FormParams.parse(scrubbed.body()).asMap();
    assertThat(form.get("From")).matches("\\+1\\d{3}55501\\d{2}");
    assertThat(form.get("To")).matches("whatsapp:\\+447700900\\d{3}");
    assertThat(form.get("ProfileName")).isEmpty();
    assertThat(form.get("Body")).isEmpty();
    assertThat(form.get("MessageSid")).isEqualTo("SM0123456789abcdef0123456789abcdef");
    assertThat(scrubbed.query()).isEqualTo("ref=person1%40example.com");
    String url = "https://hooks.example.org/twilio?" + scrubbed.query();
    assertThat(
            TwilioSignature.valid(
                TwilioSimulator.AUTH_TOKEN,
                url,
                form,
                scrubbed.header(TwilioSignature.HEADER).orElseThrow()))
        .isTrue();
  }

  @Test
  void aTwilioJsonCallbackGetsANewBodyHash() {
    String body = "{\"To\":\"+14155550100\",\"Body\":\"secret\"}";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "proxy.local");
    headers.put("Content-Type", "application/json");
    headers.put(TwilioSignature.HEADER, "x");
    Capture.Callback arrived =
        new Capture.Callback(
            Instant.EPOCH,
            "POST",
            "/t",
            "bodySHA256=" + Hmac.sha256Hex(body.getBytes(StandardCharsets.UTF_8)),
            headers,
            body,
            "valid",
            200,
            1);

    Capture.Callback scrubbed = Scrubber.of("twilio", Optional.empty()).scrub(arrived);

    byte[] bytes = scrubbed.body().getBytes(StandardCharsets.UTF_8);
    assertThat(scrubbed.query()).isEqualTo("bodySHA256=" + Hmac.sha256Hex(bytes));
    assertThat(
            TwilioSignature.validJsonBody(
                TwilioSimulator.AUTH_TOKEN,
                "http://proxy.local/t?" + scrubbed.query(),
                bytes,
                scrubbed.header(TwilioSignature.HEADER).orElseThrow()))
        .isTrue();
  }

  @Test
  void viberUsersGetPseudonymsOfTheSameShapeAndBothSignaturesAreRecomputed() {
    Scrubber scrubber = Scrubber.of("viber", Optional.empty());
    String subscribed =
        "{\"event\":\"subscribed\",\"timestamp\":1457764197627,\"user\":{\"id\":\"01234567890A=\","
            + "\"name\":\"John McClane\",\"avatar\":\"https://avatar.example.com/j.jpg\",\"country\":\"UK\","
            + "\"language\":\"en\",\"api_version\":1},\"message_token\":4912661846655238145}";
    String delivered =
        "{\"event\":\"delivered\",\"timestamp\":1457764197627,\"message_token\":4912661846655238145,"
            + "\"user_id\":\"01234567890A=\"}";
    Map<String, String> headers = Map.of(ViberSignature.HEADER, "abc");

    Capture.Callback first =
        scrubber.scrub(
            new Capture.Callback(
                Instant.EPOCH,
                "POST",
                "/viber",
                "sig=abc",
                headers,
                subscribed,
                "invalid",
                200,
                1));
    Capture.Callback second = scrubber.scrub(callback(delivered, headers, "valid"));

    JsonNode user = Json.parse(first.body()).get("user");
    String id = user.get("id").asText();
    assertThat(id).hasSize("01234567890A=".length()).endsWith("=").isNotEqualTo("01234567890A=");
    assertThat(Json.parse(second.body()).get("user_id").asText()).isEqualTo(id);
    assertThat(user.get("name").asText()).isEmpty();
    assertThat(user.get("avatar").asText()).isEmpty();
    assertThat(first.body()).contains("\"message_token\":4912661846655238145");
    byte[] bytes = first.body().getBytes(StandardCharsets.UTF_8);
    String expected = ViberSignature.of(ViberSimulator.AUTH_TOKEN, bytes);
    assertThat(first.header(ViberSignature.HEADER)).contains(expected);
    assertThat(first.query()).isEqualTo("sig=" + expected);
  }

  @Test
  void viberReceiversThatArePhoneNumbersBecomeReservedNumbers() {
    Capture.Callback scrubbed =
        Scrubber.of("viber", Optional.empty())
            .scrub(
                callback(
                    "{\"event\":\"delivered\",\"user_id\":\"+380501234567\"}",
                    Map.of(),
                    "missing"));

    assertThat(Json.parse(scrubbed.body()).get("user_id").asText()).isEqualTo("+447700900000");
  }

  @Test
  void anUnknownProviderIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> Scrubber.of("hubspot", Optional.empty()))
        .hasMessageContaining("twilio, whatsapp or viber");
  }

  private static Capture.Callback callback(
      String body, Map<String, String> headers, String signature) {
    return new Capture.Callback(
        Instant.EPOCH, "POST", "/webhook", "", headers, body, signature, 200, 1);
  }
}
