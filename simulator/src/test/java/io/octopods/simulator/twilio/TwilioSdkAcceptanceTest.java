package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official twilio-java SDK against the simulator: its REST client creates, fetches and lists
 * messages and reads Twilio's errors unchanged, and its {@link RequestValidator} judges the
 * callbacks as a real receiver's would.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioSdkAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private TwilioDriver twilio;
  private TwilioRestClient live;

  @BeforeEach
  void isolate(Simulators sims) {
    twilio = new TwilioDriver(sims.baseUrl("twilio"));
    twilio.reset();
    live = client(TwilioSimulator.ACCOUNT_SID, TwilioSimulator.AUTH_TOKEN);
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  private TwilioRestClient client(String sid, String token) {
    return new TwilioRestClient.Builder(sid, token)
        .httpClient(new SimulatorHttpClient(twilio.base()))
        .build();
  }

  @Test
  void theSdkCreatesFetchesAndListsMessages() {
    String to = "+15557020001";
    ZonedDateTime before = ZonedDateTime.now(java.time.ZoneOffset.UTC).minusYears(1);
    Message created =
        Message.creator(new PhoneNumber(to), new PhoneNumber(TwilioSimulator.DEFAULT_FROM), "hello")
            .setStatusCallback(URI.create(receiver.url("/webhooks/twilio?message_id=sdk-1")))
            .create(live);
    assertThat(created.getSid()).matches("^SM[0-9a-f]{32}$");
    assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
    assertThat(created.getDateCreated()).isNotNull();
    assertThat(created.getNumSegments()).isEqualTo("1");
    assertThat(created.getTo()).isEqualTo(to);

    twilio.advance("PT5S");
    Message fetched = Message.fetcher(created.getSid()).fetch(live);
    assertThat(fetched.getStatus()).isEqualTo(Message.Status.DELIVERED);
    assertThat(fetched.getErrorCode()).isNull();

    List<Message> listed =
        StreamSupport.stream(
                Message.reader()
                    .setTo(new PhoneNumber(to))
                    .setDateSentAfter(before)
                    .read(live)
                    .spliterator(),
                false)
            .toList();
    assertThat(listed).extracting(Message::getSid).containsExactly(created.getSid());

    Message viaService =
        Message.creator(new PhoneNumber(to), TwilioSimulator.MESSAGING_SERVICE_SID, "hi")
            .create(live);
    assertThat(viaService.getStatus()).isEqualTo(Message.Status.ACCEPTED);
  }

  @Test
  void theSdkReadsTwiliosErrors() {
    TwilioRestClient test =
        client(TwilioSimulator.TEST_ACCOUNT_SID, TwilioSimulator.TEST_AUTH_TOKEN);
    ApiException invalidTo =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(
                        new PhoneNumber("+15005550001"), new PhoneNumber("+15005550006"), "hi")
                    .create(test));
    assertThat(invalidTo.getCode()).isEqualTo(21211);
    assertThat(invalidTo.getStatusCode()).isEqualTo(400);
    assertThat(invalidTo.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21211");

    TwilioRestClient wrong = client(TwilioSimulator.ACCOUNT_SID, "0".repeat(32));
    ApiException unauthenticated =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(
                        new PhoneNumber("+15557020002"),
                        new PhoneNumber(TwilioSimulator.DEFAULT_FROM),
                        "hi")
                    .create(wrong));
    assertThat(unauthenticated.getCode()).isEqualTo(20003);
    assertThat(unauthenticated.getStatusCode()).isEqualTo(401);

    ApiException notFound =
        catchThrowableOfType(
            ApiException.class, () -> Message.fetcher("SM" + "1".repeat(32)).fetch(live));
    assertThat(notFound.getCode()).isEqualTo(20404);
    assertThat(notFound.getStatusCode()).isEqualTo(404);
  }

  @Test
  void requestValidatorAcceptsValidAndPortVariantCallbacks_andRefusesInvalidAndMissingOnes() {
    twilio.upload(
        """
        id: twilio-test-every-signature
        provider: twilio
        description: one callback per signature mode, and a JSON body
        send:
          respond: accept
        callbacks:
          - at: 1s
            status: sent
          - at: 2s
            status: delivered
            signature: port-variant
          - at: 3s
            status: delivered
            signature: invalid
          - at: 4s
            status: delivered
            signature: missing
          - at: 5s
            status: read
            content_type: application/json
        """);
    String to = "+15557020003";
    twilio.bind(to, "twilio-test-every-signature");
    Message.creator(new PhoneNumber(to), new PhoneNumber(TwilioSimulator.DEFAULT_FROM), "hello")
        .setStatusCallback(URI.create(receiver.url("/webhooks/twilio?message_id=sdk-3")))
        .create(live);
    twilio.advance("PT10S");

    RequestValidator validator = new RequestValidator(TwilioSimulator.AUTH_TOKEN);
    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(5);
    assertThat(posts.subList(0, 4))
        .extracting(
            r ->
                validator.validate(
                    TwilioDriver.urlOf(receiver, r),
                    TwilioDriver.params(r),
                    r.header(TwilioSignature.HEADER)))
        .as("valid, port-variant, invalid, missing")
        .containsExactly(true, true, false, false);

    CallbackReceiver.Received json = posts.get(4);
    assertThat(TwilioDriver.urlOf(receiver, json)).contains("bodySHA256=");
    assertThat(validateJson(validator, json)).as("the bodySHA256 variant").isTrue();
  }

  private boolean validateJson(RequestValidator validator, CallbackReceiver.Received r) {
    try {
      return validator.validate(
          TwilioDriver.urlOf(receiver, r), r.text(), r.header(TwilioSignature.HEADER));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
