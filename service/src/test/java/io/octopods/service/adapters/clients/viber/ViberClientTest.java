package io.octopods.service.adapters.clients.viber;

import static io.octopods.service.adapters.clients.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How {@link ViberClient} writes the send and reads answers the simulator does not give. */
class ViberClientTest {
  @Test
  void theSendAddressesTheNumberAndTracksOurId() throws Exception {
    MessageRecord m = SimulatorAdmin.message(Channel.VIBER, "+15551230001");

    JsonNode body =
        new ObjectMapper()
            .readTree(new ViberClient("http://x", "t", "Octopods", Duration.ofSeconds(1)).body(m));

    assertThat(body.path("receiver").asText()).isEqualTo("+15551230001");
    assertThat(body.path("tracking_data").asText()).isEqualTo(m.messageId());
    assertThat(body.path("type").asText()).isEqualTo("text");
    assertThat(body.path("text").asText()).isEqualTo(m.body());
    assertThat(body.path("sender").path("name").asText()).isEqualTo("Octopods");
    assertThat(body.path("min_api_version").asInt()).isEqualTo(1);
  }

  @Test
  void theDocumentedAnswerKeepsEveryDigit() {
    String ok =
        "{\"status\":0,\"status_message\":\"ok\",\"message_token\":5741311803571721087,"
            + "\"chat_hostname\":\"SN-CHAT-05_\",\"billing_status\":1}";

    assertThat(ViberClient.outcome(answer(200, ok)))
        .isEqualTo(new HandOffResult.Accepted("5741311803571721087", "0"));
  }

  @Test
  void tokensBeyondLongStringsAndExponentsStayExact() {
    assertThat(accepted("{\"status\":0,\"message_token\":18446744073709551615}"))
        .isEqualTo("18446744073709551615");
    assertThat(accepted("{\"status\":\"0\",\"message_token\":\"4912661846655238145\"}"))
        .isEqualTo("4912661846655238145");
    assertThat(accepted("{\"status\":0,\"message_token\":4.912661846655238145E18}"))
        .isEqualTo("4912661846655238145");
  }

  private static String accepted(String body) {
    HandOffResult r = ViberClient.outcome(answer(200, body));
    assertThat(r).isInstanceOf(HandOffResult.Accepted.class);
    return ((HandOffResult.Accepted) r).providerMessageId();
  }

  @Test
  void statusZeroWithoutATokenIsNotSentAgain() {
    assertThat(ViberClient.outcome(answer(200, "{\"status\":0,\"status_message\":\"ok\"}")))
        .isInstanceOf(HandOffResult.TimedOut.class);
  }

  @Test
  void refusalsAreViberColonStatus() {
    assertThat(
            ViberClient.outcome(
                answer(200, "{\"status\":5,\"status_message\":\"receiverNotRegistered\"}")))
        .isEqualTo(new HandOffResult.Rejected("viber:5", "receiverNotRegistered"));
    assertThat(
            ViberClient.outcome(
                answer(200, "{\"status\":12,\"status_message\":\"tooManyRequests\"}")))
        .isInstanceOf(HandOffResult.Retryable.class);
  }

  @Test
  void aPageWithoutAStatusIsRejectedWithoutACode() {
    HandOffResult r = ViberClient.outcome(answer(404, "Not Found"));

    assertThat(r).isInstanceOf(HandOffResult.Rejected.class);
    assertThat(((HandOffResult.Rejected) r).code()).isNull();
    assertThat(((HandOffResult.Rejected) r).title()).contains("404");
  }
}
