package io.octopods.simulator.twilio.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.base.Page;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Twilio Java SDK (twilio-java), unchanged, against the Twilio simulator: its REST
 * client creates, fetches and lists messages through {@link SimulatorRoutedHttpClient}, and its
 * {@link RequestValidator}, built with the published auth token, judges every status callback as a
 * receiver in production would: behind a proxy on Twilio's usual https URL without a port (and with
 * {@code :443}, which Twilio sometimes signs), and on a receiver's own port. Only the simulator's
 * public interfaces are used: {@code /__sim/info} and the admin API.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioJavaSdkAcceptanceTest {
  private static final String FROM = "+15005550006";

  /**
   * The URL a service behind a proxy gives Twilio: https on the default port, so without a port.
   */
  private static final String PUBLIC_BASE = "https://status.octopods.example";

  private static final String HAPPY_PATH = "twilio-happy-path";
  private static final String PORT_VARIANT = "twilio-j2-port-variant-signature";
  private static final String WRONG_SECRET = "twilio-j1-wrong-secret";

  private final CallbackReceiver receiver = new CallbackReceiver();
  private TwilioAdmin admin;
  private TwilioAdmin.Credentials live;
  private TwilioRestClient client;

  @BeforeEach
  void connect(Simulators sims) {
    admin = new TwilioAdmin(sims.baseUrl("twilio"));
    admin.reset();
    live = admin.credentials();
    client =
        new TwilioRestClient.Builder(live.accountSid(), live.authToken())
            .httpClient(new SimulatorRoutedHttpClient(URI.create(admin.base())))
            .build();
  }

  @AfterEach
  void close() {
    admin.deliverDirectly();
    receiver.close();
  }

  @Test
  void theSdkCreatesFetchesAndListsMessages() {
    String to = "+15557030001";
    Instant start = admin.now();
    Message created =
        send(to, "hello from twilio-java", receiver.url("/webhooks/twilio?message_id=sdk-1"));
    assertThat(created.getSid()).matches("SM[0-9a-f]{32}");
    assertThat(created.getAccountSid()).isEqualTo(live.accountSid());
    assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
    assertThat(created.getTo()).isEqualTo(to);
    assertThat(created.getFrom()).hasToString(FROM);
    assertThat(created.getBody()).isEqualTo("hello from twilio-java");
    assertThat(created.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
    assertThat(created.getApiVersion()).isEqualTo("2010-04-01");
    assertThat(created.getNumSegments()).isEqualTo("1");
    assertThat(created.getUri())
        .isEqualTo(
            "/2010-04-01/Accounts/"
                + live.accountSid()
                + "/Messages/"
                + created.getSid()
                + ".json");

    admin.advance("PT5S");
    Message fetched = Message.fetcher(created.getSid()).fetch(client);
    assertThat(fetched.getSid()).isEqualTo(created.getSid());
    assertThat(fetched.getStatus())
        .as("the default scenario delivers at 2s")
        .isEqualTo(Message.Status.DELIVERED);
    assertThat(fetched.getErrorCode()).isNull();
    assertThat(fetched.getTo()).isEqualTo(to);
    assertThat(fetched.getFrom()).hasToString(FROM);
    assertThat(fetched.getBody()).isEqualTo(created.getBody());
    assertThat(fetched.getDateCreated()).isEqualTo(created.getDateCreated());

    Message second = send(to, "second", null);
    Message third = send(to, "third", null);
    send("+15557030002", "to someone else", null);
    MessageReader reader =
        Message.reader()
            .setTo(new PhoneNumber(to))
            .setDateSentAfter(start.atZone(ZoneOffset.UTC))
            .setPageSize(2);
    Page<Message> firstPage = reader.firstPage(client);
    assertThat(firstPage.getRecords()).hasSize(2);
    assertThat(firstPage.hasNextPage()).as("three messages, two a page").isTrue();
    List<Message> listed = StreamSupport.stream(reader.read(client).spliterator(), false).toList();
    assertThat(listed)
        .as("newest first, the SDK following next_page_uri to the second page")
        .extracting(Message::getSid)
        .containsExactly(third.getSid(), second.getSid(), created.getSid());
    assertThat(listed)
        .extracting(Message::getStatus)
        .containsExactly(Message.Status.QUEUED, Message.Status.QUEUED, Message.Status.DELIVERED);
  }

  @Test
  void everyStatusCallbackBehindAProxy_passesTheSdksValidation_withAndWithoutThePort() {
    admin.deliverThrough(receiver.url(""));
    List<String> sids =
        List.of(
            playedTo("+15557030011", HAPPY_PATH, PUBLIC_BASE),
            playedTo("+15557030012", PORT_VARIANT, PUBLIC_BASE));
    admin.advance("PT10S");

    List<SignedCallback> callbacks = everyCallbackOf(sids);
    assertThat(callbacks)
        .extracting(SignedCallback::status)
        .containsExactly("sent", "delivered", "sent", "delivered");
    RequestValidator validator = new RequestValidator(live.authToken());
    assertThat(callbacks)
        .allSatisfy(
            c -> {
              assertThat(
                      validator.validate(PUBLIC_BASE + c.pathAndQuery(), c.params(), c.signature()))
                  .as("%s %s, URL as addressed (no port)", c.messageSid(), c.status())
                  .isTrue();
              assertThat(
                      validator.validate(
                          PUBLIC_BASE + ":443" + c.pathAndQuery(), c.params(), c.signature()))
                  .as("%s %s, URL with :443", c.messageSid(), c.status())
                  .isTrue();
            });
  }

  @Test
  void everyStatusCallbackOnTheReceiversOwnPort_passesTheSdksValidation() {
    List<String> sids =
        List.of(
            playedTo("+15557030021", HAPPY_PATH, receiver.url("")),
            playedTo("+15557030022", PORT_VARIANT, receiver.url("")));
    admin.advance("PT10S");

    List<SignedCallback> callbacks = everyCallbackOf(sids);
    assertThat(callbacks).hasSize(4);
    RequestValidator validator = new RequestValidator(live.authToken());
    assertThat(callbacks)
        .allSatisfy(
            c ->
                assertThat(
                        validator.validate(
                            receiver.url(c.pathAndQuery()), c.params(), c.signature()))
                    .as(
                        "%s %s, URL as addressed, with port %d",
                        c.messageSid(), c.status(), receiver.port())
                    .isTrue());
  }

  @Test
  void aBadlySignedCallback_failsTheSdksValidation() {
    admin.deliverThrough(receiver.url(""));
    String sid = playedTo("+15557030031", WRONG_SECRET, PUBLIC_BASE);
    admin.advance("PT10S");

    List<SignedCallback> callbacks = everyCallbackOf(List.of(sid));
    assertThat(callbacks).extracting(SignedCallback::status).containsExactly("sent", "delivered");
    SignedCallback valid = callbacks.get(0);
    SignedCallback invalid = callbacks.get(1);
    RequestValidator validator = new RequestValidator(live.authToken());
    for (String base : List.of(PUBLIC_BASE, PUBLIC_BASE + ":443")) {
      assertThat(validator.validate(base + valid.pathAndQuery(), valid.params(), valid.signature()))
          .as("the validly signed 'sent', at %s", base)
          .isTrue();
      assertThat(
              validator.validate(
                  base + invalid.pathAndQuery(), invalid.params(), invalid.signature()))
          .as("'delivered' signed with the wrong secret (signature: invalid), at %s", base)
          .isFalse();
    }
    assertThat(
            new RequestValidator("octopods-wrong-secret")
                .validate(
                    PUBLIC_BASE + invalid.pathAndQuery(), invalid.params(), invalid.signature()))
        .as("a well-formed signature, refused only for its key")
        .isTrue();
  }

  private Message send(String to, String body, String statusCallback) {
    var creator = Message.creator(new PhoneNumber(to), new PhoneNumber(FROM), body);
    return (statusCallback == null
            ? creator
            : creator.setStatusCallback(URI.create(statusCallback)))
        .create(client);
  }

  /**
   * Sends through the SDK to a recipient bound to a library scenario, its StatusCallback under
   * {@code base}.
   */
  private String playedTo(String to, String scenario, String base) {
    admin.bind(to, scenario);
    return send(to, "hello", base + "/webhooks/twilio?message_id=" + scenario).getSid();
  }

  /**
   * What the receiver got for these messages, checked to be every callback the simulator journaled
   * for them.
   */
  private List<SignedCallback> everyCallbackOf(List<String> sids) {
    List<SignedCallback> received = receiver.posts().stream().map(SignedCallback::of).toList();
    for (String sid : sids) {
      List<JsonNode> attempts = admin.attempts(sid);
      assertThat(attempts)
          .as("journal of %s", sid)
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a.get("outcome").asText()).isEqualTo("answered"));
      assertThat(received)
          .as("callbacks received for %s", sid)
          .filteredOn(c -> sid.equals(c.messageSid()))
          .hasSameSizeAs(attempts);
    }
    assertThat(received).extracting(SignedCallback::messageSid).isSubsetOf(sids);
    return received.stream()
        .sorted(Comparator.comparingInt(c -> sids.indexOf(c.messageSid())))
        .toList();
  }
}
