package io.octopods.service.adapters.clients.whatsapp;

import static io.octopods.service.adapters.clients.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link WhatsAppClient} writes the send and reads answers the simulator does not give. */
class WhatsAppClientTest {
  private static String graphError(int code, String title, String more) {
    return "{\"error\":{\"message\":\"(#"
        + code
        + ") "
        + title
        + "\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"d\"}"
        + more
        + ",\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}";
  }

  @Test
  void theSendIsATextMessageCarryingOurIdAsCallbackData() throws Exception {
    MessageRecord m = SimulatorAdmin.message(Channel.WHATSAPP, "+16505551234");

    JsonNode body = new ObjectMapper().readTree(WhatsAppClient.body(m));

    assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(body.path("recipient_type").asText()).isEqualTo("individual");
    assertThat(body.path("to").asText()).isEqualTo("16505551234");
    assertThat(body.path("type").asText()).isEqualTo("text");
    assertThat(body.path("text").path("body").asText()).isEqualTo(m.body());
    assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo(m.messageId());
  }

  @Test
  void theDocumentedAnswerIsAccepted() {
    String ok =
        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\",\"wa_id\":\"16505551234\"}],"
            + "\"messages\":[{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA\"}]}";

    assertThat(WhatsAppClient.outcome(answer(200, ok)))
        .isEqualTo(
            new HandOffResult.Accepted(
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA", "accepted"));
  }

  @Test
  void aSuccessWithoutAWamidIsNotSentAgain() {
    assertThat(WhatsAppClient.outcome(answer(200, "{\"messages\":[]}")))
        .isInstanceOf(HandOffResult.TimedOut.class);
  }

  @Test
  void theDocumentedThrottleIsRetryableEvenAsHttp400() {
    HandOffResult r =
        WhatsAppClient.outcome(
            answer(
                400,
                graphError(130429, "Rate limit hit", ",\"error_subcode\":2494055"),
                "Retry-After",
                "60"));

    assertThat(r)
        .isEqualTo(
            new HandOffResult.Retryable(
                "WhatsApp answered HTTP 400 with 130429 Rate limit hit",
                Optional.of(Duration.ofMinutes(1))));
  }

  @Test
  void aTransientErrorIsRetryableAndOtherCodesAreRejectedWithTheirTitle() {
    assertThat(
            WhatsAppClient.outcome(
                answer(
                    400,
                    graphError(2, "Service temporarily unavailable", ",\"is_transient\":true"))))
        .isInstanceOf(HandOffResult.Retryable.class);
    assertThat(WhatsAppClient.outcome(answer(400, graphError(131047, "Re-engagement message", ""))))
        .isEqualTo(new HandOffResult.Rejected("131047", "Re-engagement message"));
  }

  @Test
  void aRefusalThatIsNotAGraphErrorIsRejectedWithoutACode() {
    HandOffResult r = WhatsAppClient.outcome(answer(403, "<html>Forbidden</html>"));

    assertThat(r).isInstanceOf(HandOffResult.Rejected.class);
    assertThat(((HandOffResult.Rejected) r).code()).isNull();
    assertThat(((HandOffResult.Rejected) r).title()).contains("403").contains("Forbidden");
  }

  @Test
  void anyServerErrorIsRetryable() {
    assertThat(WhatsAppClient.outcome(answer(503, ""))).isInstanceOf(HandOffResult.Retryable.class);
  }
}
