package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.twilio.TwilioDriver.Credentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's Message create, fetch and list and its status callbacks, over real HTTP on the virtual
 * clock.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioAcceptanceTest {
  private static final String RFC_2822 =
      "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000$";

  private final CallbackReceiver receiver = new CallbackReceiver();
  private TwilioDriver twilio;

  @BeforeEach
  void isolate(Simulators sims) {
    twilio = new TwilioDriver(sims.baseUrl("twilio"));
    twilio.reset();
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  @Test
  void infoPublishesTheLiveAndTestCredentialsAndSignsWithTheLiveToken() {
    JsonNode info = Http.get(twilio.base() + "/__sim/info").json();
    assertThat(info.get("provider").asText()).isEqualTo("twilio");
    assertThat(info.at("/credentials/account_sid").asText()).isEqualTo(TwilioSimulator.ACCOUNT_SID);
    assertThat(info.at("/credentials/auth_token").asText()).isEqualTo(TwilioSimulator.AUTH_TOKEN);
    assertThat(info.at("/test_credentials/account_sid").asText())
        .isEqualTo(TwilioSimulator.TEST_ACCOUNT_SID);
    assertThat(info.at("/test_credentials/auth_token").asText())
        .isEqualTo(TwilioSimulator.TEST_AUTH_TOKEN);
    assertThat(info.get("signing_secret").asText()).isEqualTo(TwilioSimulator.AUTH_TOKEN);
  }

  @Test
  void happyPath_createdQueued_thenSentAndDeliveredSignedCallbacks_andFetchFollowsTheScript() {
    String to = "+15557010001";
    twilio.bind(to, "twilio-happy-path");
    String callback = receiver.url("/webhooks/twilio?message_id=ours-1");
    Http.Answer sent =
        twilio.send(
            Credentials.LIVE,
            "To",
            to,
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "Hello! 👍",
            "StatusCallback",
            callback);

    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/message.schema.json", sent.body()))
        .isEmpty();
    JsonNode message = sent.json();
    String sid = message.get("sid").asText();
    assertThat(sid).matches("^SM[0-9a-f]{32}$");
    assertThat(message.get("status").asText()).isEqualTo("queued");
    assertThat(message.get("account_sid").asText()).isEqualTo(TwilioSimulator.ACCOUNT_SID);
    assertThat(message.get("messaging_service_sid").isNull()).isTrue();
    assertThat(message.get("to").asText()).isEqualTo(to);
    assertThat(message.get("body").asText()).isEqualTo("Hello! 👍");
    assertThat(message.get("num_segments").isTextual()).isTrue();
    assertThat(message.get("num_segments").asText()).isEqualTo("1");
    assertThat(message.get("num_media").asText()).isEqualTo("0");
    assertThat(message.get("price").isNull()).isTrue();
    assertThat(message.get("error_code").isNull()).isTrue();
    assertThat(message.get("date_created").asText()).matches(RFC_2822);
    assertThat(message.get("uri").asText())
        .isEqualTo(
            "/2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID + "/Messages/" + sid + ".json");
    assertThat(message.at("/subresource_uris/media").asText())
        .endsWith("/Messages/" + sid + "/Media.json");

    assertThat(twilio.fetched(sid).get("status").asText()).isEqualTo("queued");
    twilio.advance("PT1S");
    assertThat(twilio.fetched(sid).get("status").asText()).isEqualTo("sent");
    twilio.advance("PT10S");
    assertThat(twilio.fetched(sid).get("status").asText()).isEqualTo("delivered");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts)
        .extracting(r -> TwilioDriver.params(r).get("MessageStatus"))
        .containsExactly("sent", "delivered");
    for (CallbackReceiver.Received r : posts) {
      Map<String, String> params = TwilioDriver.params(r);
      assertThat(r.uri()).isEqualTo("/webhooks/twilio?message_id=ours-1");
      assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(
              TwilioSignature.valid(
                  TwilioSimulator.AUTH_TOKEN, callback, params, r.header(TwilioSignature.HEADER)))
          .as("signed over %s", callback)
          .isTrue();
      assertThat(params)
          .containsEntry("MessageSid", sid)
          .containsEntry("SmsSid", sid)
          .containsEntry("SmsStatus", params.get("MessageStatus"))
          .containsEntry("AccountSid", TwilioSimulator.ACCOUNT_SID)
          .containsEntry("From", TwilioSimulator.DEFAULT_FROM)
          .containsEntry("To", to)
          .containsEntry("ApiVersion", "2010-04-01")
          .doesNotContainKeys("ErrorCode", "MessagingServiceSid");
      assertThat(TwilioDriver.callbackBreaches(r)).isEmpty();
    }
  }

  @Test
  void aMessagingServiceSendIsAccepted_theServicePicksTheSenderThatCallbacksName() {
    String to = "+15557010002";
    Http.Answer sent =
        twilio.send(
            Credentials.LIVE,
            "To",
            to,
            "MessagingServiceSid",
            TwilioSimulator.MESSAGING_SERVICE_SID,
            "Body",
            "hi",
            "StatusCallback",
            receiver.url("/cb?m=svc"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/message.schema.json", sent.body()))
        .isEmpty();
    assertThat(sent.json().get("status").asText()).isEqualTo("accepted");
    assertThat(sent.json().get("num_segments").asText()).isEqualTo("0");
    assertThat(sent.json().get("from").isNull()).isTrue();
    assertThat(sent.json().get("messaging_service_sid").asText())
        .isEqualTo(TwilioSimulator.MESSAGING_SERVICE_SID);

    twilio.advance("PT5S");
    assertThat(receiver.posts())
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(TwilioDriver.params(r))
                    .containsEntry("MessagingServiceSid", TwilioSimulator.MESSAGING_SERVICE_SID)
                    .containsEntry("From", TwilioSimulator.DEFAULT_FROM));
  }

  @Test
  void testCredentials_magicNumbersAnswerTheirCodes_andAPassingSendNeverCallsBack() {
    String[][] cases = {
      {"+15005550001", "+15557010003", "21212"},
      {"+15005550007", "+15557010003", "21606"},
      {"+15005550008", "+15557010003", "21611"},
      {"+15557019999", "+15557010003", "21606"},
      {"+15005550006", "+15005550001", "21211"},
      {"+15005550006", "+15005550002", "21612"},
      {"+15005550006", "+15005550003", "21408"},
      {"+15005550006", "+15005550004", "21610"},
      {"+15005550006", "+15005550009", "21614"}
    };
    for (String[] c : cases) {
      Http.Answer refused =
          twilio.send(
              Credentials.TEST,
              "To",
              c[1],
              "From",
              c[0],
              "Body",
              "hi",
              "StatusCallback",
              receiver.url("/cb"));
      assertThat(refused.status())
          .as("From %s To %s: %s", c[0], c[1], refused.body())
          .isEqualTo(400);
      assertThat(refused.json().get("code").asInt())
          .as(refused.body())
          .isEqualTo(Integer.parseInt(c[2]));
      assertThat(refused.json().get("more_info").asText())
          .isEqualTo("https://www.twilio.com/docs/errors/" + c[2]);
      assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", refused.body()))
          .isEmpty();
    }
    Http.Answer unsubscribed =
        twilio.send(Credentials.TEST, "To", "+15005550004", "From", "+15005550006", "Body", "x");
    assertThat(unsubscribed.json().get("message").asText())
        .isEqualTo("Attempt to send to unsubscribed recipient");
    Http.Answer notOwned =
        twilio.send(Credentials.TEST, "To", "+15557010003", "From", "+15005550007", "Body", "x");
    assertThat(notOwned.json().get("message").asText())
        .isEqualTo(
            "The 'From' phone number provided (+15005550007) is "
                + "not a valid message-capable Twilio phone number for this destination.");

    Http.Answer passed =
        twilio.send(
            Credentials.TEST,
            "To",
            "+15557010003",
            "From",
            "+15005550006",
            "Body",
            "hi",
            "StatusCallback",
            receiver.url("/cb?m=test"));
    assertThat(passed.status()).as(passed.body()).isEqualTo(201);
    assertThat(passed.json().get("account_sid").asText())
        .isEqualTo(TwilioSimulator.TEST_ACCOUNT_SID);
    twilio.advance("PT1M");
    assertThat(receiver.posts()).as("test credentials never call back").isEmpty();
    assertThat(twilio.journal(passed.json().get("sid").asText())).isEmpty();
    assertThat(twilio.messages("+15557010003")).hasSize(1);

    Http.Answer fetchedWithTest = twilio.fetch(Credentials.TEST, passed.json().get("sid").asText());
    assertThat(fetchedWithTest.status()).isEqualTo(403);
    assertThat(fetchedWithTest.json().get("code").asInt()).isEqualTo(20008);
  }

  @Test
  void liveCredentialsAcceptAnyFrom_magicNumbersDoNotAct() {
    twilio.sendAccepted("+15005550001", receiver.url("/cb?m=live-magic"));
    Http.Answer anyFrom =
        twilio.send(Credentials.LIVE, "To", "+15557010004", "From", "+15005550001", "Body", "hi");
    assertThat(anyFrom.status()).as(anyFrom.body()).isEqualTo(201);
  }

  @Test
  void wrongOrMissingBasicAuthIs401InTwiliosFormat() {
    Http.Answer wrong =
        twilio.send(
            new Credentials(TwilioSimulator.ACCOUNT_SID, "0".repeat(32)),
            "To",
            "+15557010005",
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("code").asInt()).isEqualTo(20003);
    assertThat(wrong.json().get("message").asText()).isEqualTo("Authenticate");
    assertThat(wrong.json().get("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/20003");
    assertThat(wrong.json().get("status").asInt()).isEqualTo(401);
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", wrong.body()))
        .isEmpty();

    Http.Answer none =
        Http.post(
            twilio.base() + twilio.messagesPath(TwilioSimulator.ACCOUNT_SID),
            "application/x-www-form-urlencoded",
            "To=%2B15557010005&From=%2B15005550006&Body=hi");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("code").asInt()).isEqualTo(20003);
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();

    Http.Answer otherAccount =
        Http.post(
            twilio.base() + twilio.messagesPath(TwilioSimulator.TEST_ACCOUNT_SID),
            "application/x-www-form-urlencoded",
            "To=%2B15557010005&From=%2B15005550006&Body=hi",
            "Authorization",
            Credentials.LIVE.basic());
    assertThat(otherAccount.status())
        .as("the path's AccountSid must be the credentials'")
        .isEqualTo(401);
    assertThat(twilio.messages("+15557010005")).isEmpty();
  }

  @Test
  void requiredParametersAreCheckedInTwiliosOrder() {
    assertRefused(
        twilio.send(Credentials.LIVE, "From", TwilioSimulator.DEFAULT_FROM, "Body", "hi"), 21604);
    assertRefused(twilio.send(Credentials.LIVE, "To", "+15557010006", "Body", "hi"), 21603);
    assertRefused(
        twilio.send(Credentials.LIVE, "To", "+15557010006", "From", TwilioSimulator.DEFAULT_FROM),
        21602);
    assertRefused(
        twilio.send(
            Credentials.LIVE,
            "To",
            "+15557010006",
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            "http://bad_host.example/cb"),
        21609);
    assertRefused(
        twilio.send(
            Credentials.LIVE,
            "To",
            "+15557010006",
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            "/relative/cb"),
        21609);
    assertRefused(
        twilio.send(
            Credentials.LIVE,
            "To",
            "+15557010006",
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            "https://example.com/" + "a".repeat(4000)),
        21609);
    Http.Answer media =
        twilio.send(
            Credentials.LIVE,
            "To",
            "+15557010006",
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "MediaUrl",
            "https://example.com/a.png",
            "MediaUrl",
            "https://example.com/b.png");
    assertThat(media.status()).as(media.body()).isEqualTo(201);
    assertThat(media.json().get("sid").asText()).startsWith("MM");
    assertThat(media.json().get("num_media").asText()).isEqualTo("2");
    assertThat(twilio.messages("+15557010006")).hasSize(1);
  }

  private static void assertRefused(Http.Answer answer, int code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("code").asInt()).as(answer.body()).isEqualTo(code);
    assertThat(answer.json().get("status").asInt()).isEqualTo(400);
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", answer.body()))
        .isEmpty();
  }

  @Test
  void throttledThenAccepted_isOneMessage_correlatedByTheStatusCallbackQuery() {
    twilio.upload(
        """
        id: twilio-test-throttle-then-accept
        provider: twilio
        description: throttled once with Retry-After, then accepted
        send:
          - respond: throttle
            retry_after: 2s
          - respond: accept
        callbacks:
          - at: 500ms
            status: sent
        """);
    String to = "+15557010007";
    twilio.bind(to, "twilio-test-throttle-then-accept");
    String callback = receiver.url("/webhooks/twilio?message_id=ours-7");

    Http.Answer first =
        twilio.send(
            Credentials.LIVE,
            "To",
            to,
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            callback);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.json().get("code").asInt()).isEqualTo(20429);
    assertThat(first.headers().firstValue("Retry-After")).contains("2");
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", first.body()))
        .isEmpty();

    String sid = twilio.sendAccepted(to, callback);
    JsonNode listed = twilio.messages(to);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("provider_message_id").asText()).isEqualTo(sid);
    assertThat(listed.get(0).get("attempts").asInt()).isEqualTo(2);
    assertThat(listed.get(0).get("correlation").asText()).isEqualTo("message_id=ours-7");

    twilio.advance("PT1S");
    assertThat(receiver.posts()).hasSize(1);
    assertThat(TwilioDriver.params(receiver.posts().get(0))).containsEntry("MessageSid", sid);
  }

  @Test
  void serverErrorAndRejectAnswerTwiliosCodes_withScenarioOverrides() {
    twilio.upload(
        """
        id: twilio-test-error-answers
        provider: twilio
        description: a server error, then a reject with the scenario's code and status
        send:
          - respond: server-error
          - respond: reject
            error: 21610
            http_status: 403
        """);
    String to = "+15557010008";
    twilio.bind(to, "twilio-test-error-answers");
    Http.Answer server =
        twilio.send(
            Credentials.LIVE,
            "To",
            to,
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            receiver.url("/cb?m=err"));
    assertThat(server.status()).isEqualTo(500);
    assertThat(server.json().get("code").asInt()).isEqualTo(20500);
    Http.Answer rejected =
        twilio.send(
            Credentials.LIVE,
            "To",
            to,
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            receiver.url("/cb?m=err"));
    assertThat(rejected.status()).isEqualTo(403);
    assertThat(rejected.json().get("code").asInt()).isEqualTo(21610);
    assertThat(rejected.json().get("message").asText())
        .isEqualTo("Attempt to send to unsubscribed recipient");
    assertThat(twilio.list("To=" + TwilioDriver.enc(to)).json().get("messages"))
        .as("Twilio created no message")
        .isEmpty();
  }

  @Test
  void aTimeoutClosesTheConnectionWithoutAnswer_afterTheDelay_andCallbacksStillArrive() {
    twilio.upload(
        """
        id: twilio-test-timeout
        provider: twilio
        description: the send is held 300ms and closed without an answer; callbacks follow
        send:
          respond: timeout
          delay: 300ms
        callbacks:
          - at: 1s
            status: sent
          - at: 2s
            status: delivered
        """);
    String to = "+15557010009";
    twilio.bind(to, "twilio-test-timeout");
    long started = System.nanoTime();
    var answer =
        twilio.sendPatiently(
            java.time.Duration.ofSeconds(10),
            "To",
            to,
            "From",
            TwilioSimulator.DEFAULT_FROM,
            "Body",
            "hi",
            "StatusCallback",
            receiver.url("/webhooks/twilio?message_id=ours-9"));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(answer).as("closed without an answer").isEmpty();
    assertThat(tookMs).as("held for the delay").isGreaterThanOrEqualTo(300);

    JsonNode listed =
        twilio.list("To=" + TwilioDriver.enc(to) + "&DateSent%3E=2000-01-01&PageSize=20").json();
    assertThat(listed.get("messages")).hasSize(1);
    String sid = listed.at("/messages/0/sid").asText();
    assertThat(twilio.messages(to).get(0).get("provider_message_id").asText()).isEqualTo(sid);

    twilio.advance("PT3S");
    assertThat(receiver.posts())
        .extracting(r -> TwilioDriver.params(r).get("MessageStatus"))
        .containsExactly("sent", "delivered");
    assertThat(receiver.posts())
        .allSatisfy(r -> assertThat(TwilioDriver.params(r)).containsEntry("MessageSid", sid));
  }

  @Test
  void listIsTwiliosPageEnvelope_newestFirst_filteredByToAndSendTime() {
    String to = "+15557010010";
    String older = twilio.sendAccepted(to, null);
    twilio.advance("PT1M");
    String newer = twilio.sendAccepted(to, null);
    twilio.sendAccepted("+15557010011", null);

    Http.Answer page = twilio.list("To=" + TwilioDriver.enc(to));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(
            TwilioDriver.CONTRACTS.check("providers/twilio/message-list.schema.json", page.body()))
        .isEmpty();
    JsonNode body = page.json();
    assertThat(body.get("messages"))
        .extracting(m -> m.get("sid").asText())
        .containsExactly(newer, older);
    assertThat(body.get("page").asInt()).isZero();
    assertThat(body.get("page_size").asInt()).isEqualTo(50);
    assertThat(body.get("start").asInt()).isZero();
    assertThat(body.get("end").asInt()).isEqualTo(1);
    assertThat(body.get("next_page_uri").isNull()).isTrue();
    assertThat(body.get("previous_page_uri").isNull()).isTrue();
    assertThat(body.get("uri").asText())
        .startsWith(
            "/2010-04-01/Accounts/"
                + TwilioSimulator.ACCOUNT_SID
                + "/Messages.json?To=%2B15557010010&");

    String newerSentAt = twilio.fetched(newer).get("date_sent").asText();
    java.time.Instant newerAt =
        java.time.ZonedDateTime.parse(
                newerSentAt, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    JsonNode recent = twilio.list("To=" + TwilioDriver.enc(to) + "&DateSent%3E=" + newerAt).json();
    assertThat(recent.get("messages"))
        .extracting(m -> m.get("sid").asText())
        .containsExactly(newer);

    JsonNode paged = twilio.list("To=" + TwilioDriver.enc(to) + "&PageSize=1").json();
    assertThat(paged.get("messages")).hasSize(1);
    assertThat(paged.get("next_page_uri").asText()).contains("PageSize=1&Page=1");

    Http.Answer bad = twilio.list("DateSent%3E=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", bad.body()))
        .isEmpty();
  }

  @Test
  void unknownMessagesAndPathsAre404WithTwilios20404() {
    Http.Answer unknown = twilio.fetch(Credentials.LIVE, "SM" + "0".repeat(32));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code").asInt()).isEqualTo(20404);
    assertThat(unknown.json().get("message").asText())
        .isEqualTo(
            "The requested resource /2010-04-01/Accounts/"
                + TwilioSimulator.ACCOUNT_SID
                + "/Messages/SM"
                + "0".repeat(32)
                + ".json was not found");
    assertThat(TwilioDriver.CONTRACTS.check("providers/twilio/error.schema.json", unknown.body()))
        .isEmpty();

    Http.Answer calls =
        Http.get(
            twilio.base() + "/2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID + "/Calls.json");
    assertThat(calls.status()).isEqualTo(404);
    assertThat(calls.json().get("code").asInt()).isEqualTo(20404);
    assertThat(calls.json().get("message").asText()).contains("/Calls.json");
  }
}
