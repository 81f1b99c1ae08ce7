package io.octopods.service.adapters.clients;

import static io.octopods.service.adapters.clients.Answers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.clients.twilio.TwilioClient;
import io.octopods.service.adapters.clients.viber.ViberClient;
import io.octopods.service.adapters.clients.whatsapp.WhatsAppClient;
import io.octopods.service.application.HandOffResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-off outcomes of status-model.md section 4 at the edges of each HTTP status class, for
 * every provider: only a {@code 2xx} with the provider's id is an acceptance; every {@code 5xx}
 * (and {@code 429}) is retried; anything else is a refusal. An answer outside the classes HTTP
 * defines is a refusal, never an acceptance.
 */
class SendAnswerEdgesTest {

  /** A provider's send-answer mapping and the body with which it accepts. */
  record Provider(
      String name, Function<ProviderCall.Answer, HandOffResult> outcome, String accepting) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Provider> providers() {
    return Stream.of(
        new Provider(
            "Twilio",
            TwilioClient::outcome,
            "{\"sid\":\"SM" + "a".repeat(32) + "\",\"status\":\"queued\"}"),
        new Provider(
            "WhatsApp", WhatsAppClient::outcome, "{\"messages\":[{\"id\":\"wamid.HBgL\"}]}"),
        new Provider(
            "Viber", ViberClient::outcome, "{\"status\":0,\"message_token\":5741311803571721087}"));
  }

  static Stream<Arguments> accepted() {
    return providers().flatMap(p -> Stream.of(200, 201, 299).map(s -> Arguments.of(p, s)));
  }

  static Stream<Arguments> retried() {
    return providers().flatMap(p -> Stream.of(429, 500, 503, 599).map(s -> Arguments.of(p, s)));
  }

  static Stream<Arguments> refused() {
    // Viber answers its own refusals with HTTP 200 and a status; an HTTP status outside 2xx with no
    // status is one too
    return providers()
        .flatMap(p -> Stream.of(199, 300, 400, 499, 600).map(s -> Arguments.of(p, s)));
  }

  @ParameterizedTest(name = "{0} HTTP {1}")
  @MethodSource("accepted")
  void everySuccessWithTheProvidersIdIsAccepted(Provider p, int status) {
    assertThat(p.outcome().apply(answer(status, p.accepting())))
        .isInstanceOf(HandOffResult.Accepted.class);
  }

  @ParameterizedTest(name = "{0} HTTP {1}")
  @MethodSource("retried")
  void everyServerErrorAndTheThrottleIsRetried(Provider p, int status) {
    assertThat(p.outcome().apply(answer(status, "<html>busy</html>")))
        .isInstanceOf(HandOffResult.Retryable.class);
  }

  @ParameterizedTest(name = "{0} HTTP {1}")
  @MethodSource("refused")
  void outsideTheSuccessAndServerErrorClassesTheSendIsRefused(Provider p, int status) {
    HandOffResult r =
        p.outcome()
            .apply(answer(status, "Viber".equals(p.name()) ? "<html>no</html>" : p.accepting()));

    assertThat(r).isInstanceOf(HandOffResult.Rejected.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void aRetriedServerErrorSaysWhatTheProviderAnswered(Provider p) {
    HandOffResult r =
        p.outcome().apply(answer(503, "{\"status\":2,\"status_message\":\"Internal\"}"));

    assertThat(r)
        .isInstanceOfSatisfying(
            HandOffResult.Retryable.class,
            retry ->
                assertThat(retry.why())
                    .contains("HTTP 503")
                    .contains("Viber".equals(p.name()) ? "with status 2" : "Internal"));
  }

  @Test
  void twilioKeepsTheWordOfItsAnswerAndSaysQueuedWhenItGivesNone() {
    String sid = "SM" + "a".repeat(32);

    assertThat(
            TwilioClient.outcome(answer(201, "{\"sid\":\"" + sid + "\",\"status\":\"accepted\"}")))
        .isEqualTo(new HandOffResult.Accepted(sid, "accepted"));
    assertThat(TwilioClient.outcome(answer(201, "{\"sid\":\"" + sid + "\",\"status\":\" \"}")))
        .isEqualTo(new HandOffResult.Accepted(sid, "queued"));
  }

  @Test
  void viberStatus12IsRetriedWithItsMessageOrItsName() {
    assertThat(ViberClient.outcome(answer(200, "{\"status\":12,\"status_message\":\"Slow down\"}")))
        .isInstanceOfSatisfying(
            HandOffResult.Retryable.class,
            r -> assertThat(r.why()).endsWith("status 12 Slow down"));
    assertThat(ViberClient.outcome(answer(200, "{\"status\":12}")))
        .isInstanceOfSatisfying(
            HandOffResult.Retryable.class,
            r -> assertThat(r.why()).endsWith("status 12 tooManyRequests"));
  }

  @Test
  void aSnippetKeeps200CharactersOfTheBodyOnOneLine() {
    String exactly = "x".repeat(199) + "y";

    assertThat(answer(500, exactly).snippet()).isEqualTo(exactly);
    assertThat(answer(500, exactly + "z").snippet()).isEqualTo(exactly + "...");
    assertThat(answer(500, " a\n\tb ").snippet()).isEqualTo("a b");
  }
}
