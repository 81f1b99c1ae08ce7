package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls the Twilio simulator as a REST client would, drives its admin API, and reads what a
 * receiver got.
 */
final class TwilioDriver {
  static final Contracts CONTRACTS = Contracts.shipped();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Basic credentials: an AccountSid and an auth token. */
  record Credentials(String sid, String token) {
    static final Credentials LIVE =
        new Credentials(TwilioSimulator.ACCOUNT_SID, TwilioSimulator.AUTH_TOKEN);
    static final Credentials TEST =
        new Credentials(TwilioSimulator.TEST_ACCOUNT_SID, TwilioSimulator.TEST_AUTH_TOKEN);

    String basic() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
  }

  private final String base;

  TwilioDriver(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  String messagesPath(String accountSid) {
    return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
  }

  /** Creates a message: the form parameters in order (name, value, name, value ...). */
  Http.Answer send(Credentials credentials, String... params) {
    return Http.post(
        base + messagesPath(credentials.sid()),
        "application/x-www-form-urlencoded",
        form(params),
        "Authorization",
        credentials.basic());
  }

  /**
   * A live send from the default From with a StatusCallback (null: none); expects 201 and returns
   * the SID.
   */
  String sendAccepted(String to, String statusCallback) {
    Http.Answer sent =
        statusCallback == null
            ? send(
                Credentials.LIVE, "To", to, "From", TwilioSimulator.DEFAULT_FROM, "Body", "hello")
            : send(
                Credentials.LIVE,
                "To",
                to,
                "From",
                TwilioSimulator.DEFAULT_FROM,
                "Body",
                "hello",
                "StatusCallback",
                statusCallback);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(CONTRACTS.check("providers/twilio/message.schema.json", sent.body())).isEmpty();
    return sent.json().get("sid").asText();
  }

  /** The send call, over a client that reports a connection closed without an answer as empty. */
  Optional<Http.Answer> sendPatiently(Duration patience, String... params) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + messagesPath(TwilioSimulator.ACCOUNT_SID)))
            .timeout(patience)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", Credentials.LIVE.basic())
            .POST(HttpRequest.BodyPublishers.ofString(form(params)))
            .build();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return Optional.of(
          new Http.Answer(
              r.statusCode(),
              r.headers().firstValue("Content-Type").orElse(null),
              r.body(),
              r.headers()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Http.Answer fetch(Credentials credentials, String sid) {
    return Http.get(
        base + "/2010-04-01/Accounts/" + credentials.sid() + "/Messages/" + sid + ".json",
        "Authorization",
        credentials.basic());
  }

  JsonNode fetched(String sid) {
    Http.Answer answer = fetch(Credentials.LIVE, sid);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(CONTRACTS.check("providers/twilio/message.schema.json", answer.body())).isEmpty();
    return answer.json();
  }

  Http.Answer list(String query) {
    return Http.get(
        base + messagesPath(TwilioSimulator.ACCOUNT_SID) + "?" + query,
        "Authorization",
        Credentials.LIVE.basic());
  }

  void bind(String to, String scenario) {
    Http.Answer bound =
        Http.postJson(
            base + "/__sim/bindings", "{\"to\":\"" + to + "\",\"scenario\":\"" + scenario + "\"}");
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
  }

  void upload(String yaml) {
    Http.Answer up = Http.post(base + "/__sim/scenarios", "application/yaml", yaml);
    assertThat(up.status()).as(up.body()).isIn(200, 201);
  }

  Http.Answer advance(String by) {
    Http.Answer advanced = Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"" + by + "\"}");
    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    return advanced;
  }

  JsonNode journal(String sid) {
    return Http.get(base + "/__sim/callbacks?message=" + sid).json().get("attempts");
  }

  JsonNode messages(String to) {
    return Http.get(base + "/__sim/messages?to=" + enc(to)).json().get("messages");
  }

  void reset() {
    assertThat(Http.post(base + "/__sim/reset", null, "").status()).isEqualTo(204);
  }

  /** The full URL a received callback was sent to, as its receiver rebuilds it. */
  static String urlOf(CallbackReceiver receiver, CallbackReceiver.Received r) {
    return "http://127.0.0.1:" + receiver.port() + r.uri();
  }

  /** A received form body as name to value, in order. */
  static Map<String, String> params(CallbackReceiver.Received r) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : r.text().split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        params.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
      }
    }
    return params;
  }

  static List<ContractBreach> callbackBreaches(CallbackReceiver.Received r) {
    return CONTRACTS.checkForm("providers/twilio/callback.schema.json", r.text());
  }

  static String form(String... params) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < params.length; i += 2) {
      b.append(b.length() == 0 ? "" : "&")
          .append(enc(params[i]))
          .append('=')
          .append(enc(params[i + 1]));
    }
    return b.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
