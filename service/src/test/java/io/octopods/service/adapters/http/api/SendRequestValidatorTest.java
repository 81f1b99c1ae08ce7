package io.octopods.service.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.Problem.FieldError;
import io.octopods.service.application.SendMessage;
import io.octopods.service.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendRequestValidatorTest {
  private static ObjectNode json(String text) {
    return JsonRequestBody.object(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aValidRequestHasNoProblemsAndReadsBack() {
    ObjectNode body =
        json(
            "{\"to\": \"+15551230001\", \"body\": \"Hi\", \"contact\": {\"email\": \"a@b.example\"}}");
    assertThat(SendRequestValidator.problems(Channel.SMS, body)).isEmpty();
    assertThat(SendRequestValidator.request("acme", Channel.SMS, body))
        .isEqualTo(
            new SendMessage.Request(
                "acme", Channel.SMS, "+15551230001", "Hi", Optional.of("a@b.example")));
  }

  @Test
  void emailsMustLookLikeEmails() {
    for (String email :
        new String[] {"a@b", "@b.c", "a b@c.d", "a@b..c", "a@@b.c", "x".repeat(250) + "@b.cd"}) {
      assertThat(
              SendRequestValidator.problems(
                  Channel.SMS,
                  json(
                      "{\"to\": \"+15551230001\", \"body\": \"x\", \"contact\": {\"email\": \""
                          + email
                          + "\"}}")))
          .as(email)
          .extracting(FieldError::pointer)
          .containsExactly("/contact/email");
    }
  }

  @Test
  void pointersEscapeTildeAndSlash() {
    assertThat(SendRequestValidator.escape("a/b~c")).isEqualTo("a~1b~0c");
  }

  @Test
  void theFingerprintIgnoresSpacingOrderAndNullButNotContent() {
    String a =
        IdempotentSend.fingerprint(
            SendRequestValidator.request(
                "acme", Channel.SMS, json("{\"to\": \"+15551230001\", \"body\": \"Hi\"}")));
    String b =
        IdempotentSend.fingerprint(
            SendRequestValidator.request(
                "acme",
                Channel.SMS,
                json("{\"contact\": {\"email\": null}, \"body\":\"Hi\",\"to\":\"+15551230001\"}")));
    String c =
        IdempotentSend.fingerprint(
            SendRequestValidator.request(
                "acme", Channel.VIBER, json("{\"to\": \"+15551230001\", \"body\": \"Hi\"}")));
    assertThat(a).hasSize(64).isEqualTo(b).isNotEqualTo(c);
  }
}
