package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.core.payload.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The known-answer vectors of providers.md 1.6 and the port rule. */
class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final String JSON_BODY = "{\"property\": \"value\", \"boolean\": true}";
  private static final String BODY_HASH =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

  private static Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Digits", "1234");
    p.put("CallSid", "CA1234567890ABCDE");
    p.put("To", "+18005551212");
    p.put("Caller", "+14158675309");
    p.put("From", "+14158675309");
    return p;
  }

  @Test
  void signsTheUrlAndTheParametersSortedByName() {
    assertThat(TwilioSignature.of(TOKEN, URL, params())).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  }

  @Test
  void theUrlWithAnExplicitPortHasItsOwnSignature() {
    assertThat(
            TwilioSignature.of(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params()))
        .isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
  }

  @Test
  void aJsonBodyIsCoveredThroughBodySha256InTheUrl() {
    byte[] body = JSON_BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(Hmac.sha256Hex(body)).isEqualTo(BODY_HASH);
    String url = TwilioSignature.withBodySha(URL, body);
    assertThat(url).isEqualTo(URL + "&bodySHA256=" + BODY_HASH);
    assertThat(TwilioSignature.ofJsonBody(TOKEN, url)).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
    assertThat(TwilioSignature.validJsonBody(TOKEN, url, body, "a9nBmqA0ju/hNViExpshrM61xv4="))
        .isTrue();
    assertThat(
            TwilioSignature.validJsonBody(
                TOKEN, url, "{}".getBytes(StandardCharsets.UTF_8), "a9nBmqA0ju/hNViExpshrM61xv4="))
        .as("the body must match its hash")
        .isFalse();
    assertThat(
            TwilioSignature.validJsonBody(TOKEN, URL, body, TwilioSignature.ofJsonBody(TOKEN, URL)))
        .as("without bodySHA256 the request is invalid")
        .isFalse();
  }

  @Test
  void thePortVariantAddsTheSchemesDefaultPortOrRemovesTheGivenOne() {
    assertThat(TwilioSignature.portVariant(URL))
        .isEqualTo("https://mycompany.com:443/myapp.php?foo=1&bar=2");
    assertThat(TwilioSignature.portVariant("https://mycompany.com:443/myapp.php?foo=1&bar=2"))
        .isEqualTo(URL);
    assertThat(TwilioSignature.portVariant("http://127.0.0.1:8081/cb?a=b:c"))
        .isEqualTo("http://127.0.0.1/cb?a=b:c");
    assertThat(TwilioSignature.portVariant("http://example.com?x=1"))
        .isEqualTo("http://example.com:80?x=1");
    assertThat(TwilioSignature.portVariant("http://user:pw@[::1]/cb"))
        .isEqualTo("http://user:pw@[::1]:80/cb");
    assertThat(TwilioSignature.portVariant("http://[::1]:9000/cb")).isEqualTo("http://[::1]/cb");
  }

  @Test
  void aReceiverAcceptsBothPortVariantsAndRefusesAWrongOrMissingHeader() {
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
        .isTrue();
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), "kvajT1Ptam85bY51eRf/AJRuM3w="))
        .isTrue();
    assertThat(
            TwilioSignature.valid(
                TOKEN,
                "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                params(),
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
        .isTrue();
    assertThat(TwilioSignature.valid("54321", URL, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
        .isFalse();
    assertThat(
            TwilioSignature.valid(
                TOKEN, URL, Map.of("Digits", "1234"), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
        .isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), null)).isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), "")).isFalse();
  }

  @Test
  void aNullValueCountsAsEmpty() {
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("A", null);
    assertThat(TwilioSignature.of(TOKEN, URL, withNull))
        .isEqualTo(TwilioSignature.of(TOKEN, URL, Map.of("A", "")));
  }

  @Test
  void thePublishedCredentialsHaveTwiliosFormats() {
    assertThat(TwilioSimulator.ACCOUNT_SID).matches("^AC[0-9a-f]{32}$");
    assertThat(TwilioSimulator.TEST_ACCOUNT_SID)
        .matches("^AC[0-9a-f]{32}$")
        .isNotEqualTo(TwilioSimulator.ACCOUNT_SID);
    assertThat(TwilioSimulator.AUTH_TOKEN).matches("^[0-9a-f]{32}$");
    assertThat(TwilioSimulator.TEST_AUTH_TOKEN).matches("^[0-9a-f]{32}$");
    assertThat(TwilioSimulator.MESSAGING_SERVICE_SID).matches("^MG[0-9a-f]{32}$");
  }
}
