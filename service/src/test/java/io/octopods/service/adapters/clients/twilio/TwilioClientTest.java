package io.octopods.service.adapters.clients.twilio;

import static io.octopods.service.adapters.clients.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link TwilioClient} writes the form and reads answers the simulator does not give. */
class TwilioClientTest {
  private static final String SID = "AC" + "a".repeat(32);

  private static TwilioClient client(Optional<String> service) {
    return new TwilioClient(
        "https://api.twilio.com/",
        SID,
        "token",
        "+15005550006",
        service,
        "https://octopods.example.com/",
        Duration.ofSeconds(1));
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    Arrays.stream(encoded.split("&"))
        .map(p -> p.split("=", 2))
        .forEach(
            p ->
                fields.put(
                    URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    return fields;
  }

  @Test
  void theFormCarriesToFromBodyAndOurStatusCallback() {
    MessageRecord m = SimulatorAdmin.message(Channel.SMS, "+14155552345");

    Map<String, String> fields = form(client(Optional.empty()).form(m));

    assertThat(fields)
        .containsExactly(
            Map.entry("To", "+14155552345"),
            Map.entry("From", "+15005550006"),
            Map.entry("Body", m.body()),
            Map.entry(
                "StatusCallback",
                "https://octopods.example.com/webhooks/twilio?message_id=" + m.messageId()));
  }

  @Test
  void aMessagingServiceReplacesFrom() {
    Map<String, String> fields =
        form(
            client(Optional.of("MG" + "b".repeat(32)))
                .form(SimulatorAdmin.message(Channel.SMS, "+14155552345")));

    assertThat(fields)
        .containsEntry("MessagingServiceSid", "MG" + "b".repeat(32))
        .doesNotContainKey("From");
  }

  @Test
  void aBlankMessagingServiceIsNone() {
    Map<String, String> fields =
        form(client(Optional.of(" ")).form(SimulatorAdmin.message(Channel.SMS, "+14155552345")));

    assertThat(fields)
        .containsEntry("From", "+15005550006")
        .doesNotContainKey("MessagingServiceSid");
  }

  @Test
  void theDocumentedErrorBodyIsARejection() {
    String body =
        "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\","
            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}";

    assertThat(TwilioClient.outcome(answer(400, body)))
        .isEqualTo(new HandOffResult.Rejected("21211", "Invalid 'To' Phone Number"));
  }

  @Test
  void aCreatedAnswerWithoutASidIsNotSentAgain() {
    assertThat(TwilioClient.outcome(answer(201, "{}"))).isInstanceOf(HandOffResult.TimedOut.class);
  }

  @Test
  void aThrottleHonoursAnHttpDateRetryAfter() {
    HandOffResult r =
        TwilioClient.outcome(
            answer(
                429,
                "{\"code\":20429,\"message\":\"Too Many Requests\"}",
                "Retry-After",
                "Thu, 26 Nov 2026 10:01:00 GMT"));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).retryAfter()).contains(Duration.ofMinutes(1));
  }

  @Test
  void aGatewayErrorWithoutATwilioBodyIsRetryable() {
    assertThat(TwilioClient.outcome(answer(502, "<html>Bad Gateway</html>")))
        .isInstanceOf(HandOffResult.Retryable.class);
  }
}
