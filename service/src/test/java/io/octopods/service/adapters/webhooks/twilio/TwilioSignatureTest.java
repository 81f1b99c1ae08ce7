package io.octopods.service.adapters.webhooks.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.webhooks.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers of providers.md 1.6 (twilio-java's RequestValidatorTest, and the derived :443
 * vector).
 */
class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final String URL_443 = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
  private static final String SIGNED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  private static final String SIGNED_443 = "kvajT1Ptam85bY51eRf/AJRuM3w=";
  private static final byte[] JSON_BODY =
      "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
  private static final String BODY_HASH =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

  private static Map<String, List<String>> params() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("Digits", List.of("1234"));
    p.put("CallSid", List.of("CA1234567890ABCDE"));
    p.put("To", List.of("+18005551212"));
    p.put("Caller", List.of("+14158675309"));
    p.put("From", List.of("+14158675309"));
    return p;
  }

  @Test
  void theSdkVectorIsReproduced() {
    assertThat(TwilioSignature.of(TOKEN, URL, params())).isEqualTo(SIGNED);
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), SIGNED)).isTrue();
  }

  @Test
  void theUrlWithPort443HasItsOwnSignature() {
    assertThat(TwilioSignature.of(TOKEN, URL_443, params())).isEqualTo(SIGNED_443);
  }

  @Test
  void bothPortVariantsAreAcceptedWhicheverWayTheUrlIsWritten() {
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), SIGNED_443))
        .as("J2: Twilio signed with :443")
        .isTrue();
    assertThat(TwilioSignature.valid(TOKEN, URL_443, params(), SIGNED))
        .as("J2: Twilio signed without it")
        .isTrue();
    assertThat(TwilioSignature.valid(TOKEN, URL_443, params(), SIGNED_443)).isTrue();
  }

  @Test
  void portVariantsFollowTheScheme() {
    assertThat(TwilioSignature.withAndWithoutPort("http://h.example/cb?a=1"))
        .containsExactly("http://h.example/cb?a=1", "http://h.example:80/cb?a=1");
    assertThat(TwilioSignature.withAndWithoutPort("https://h.example"))
        .containsExactly("https://h.example", "https://h.example:443");
    assertThat(
            TwilioSignature.withAndWithoutPort(
                "http://127.0.0.1:8080/webhooks/twilio?message_id=x:y"))
        .containsExactly(
            "http://127.0.0.1:8080/webhooks/twilio?message_id=x:y",
            "http://127.0.0.1/webhooks/twilio?message_id=x:y");
    assertThat(TwilioSignature.withAndWithoutPort("https://user:pw@[::1]:8443/p"))
        .containsExactly("https://user:pw@[::1]:8443/p", "https://user:pw@[::1]/p");
    assertThat(TwilioSignature.withAndWithoutPort("https://[::1]/p"))
        .containsExactly("https://[::1]/p", "https://[::1]:443/p");
  }

  @Test
  void aWrongTokenAChangedParameterOrAnotherUrlIsRefused() {
    assertThat(TwilioSignature.valid("54321", URL, params(), SIGNED)).isFalse();
    Map<String, List<String>> changed = params();
    changed.put("Digits", List.of("1235"));
    assertThat(TwilioSignature.valid(TOKEN, URL, changed, SIGNED)).isFalse();
    Map<String, List<String>> added = params();
    added.put("MessageStatus", List.of("delivered"));
    assertThat(TwilioSignature.valid(TOKEN, URL, added, SIGNED))
        .as("every parameter received is signed")
        .isFalse();
    assertThat(
            TwilioSignature.valid(
                TOKEN, "https://mycompany.com/myapp.php?bar=2&foo=1", params(), SIGNED))
        .as("the query string exactly as received")
        .isFalse();
    assertThat(
            TwilioSignature.valid(
                TOKEN, "http://mycompany.com/myapp.php?foo=1&bar=2", params(), SIGNED))
        .isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), null)).isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), "")).isFalse();
    assertThat(TwilioSignature.valid(TOKEN, URL, params(), SIGNED.toLowerCase())).isFalse();
  }

  @Test
  void theJsonBodyVectorIsReproduced() {
    assertThat(Hmac.hex(Hmac.sha256(JSON_BODY))).isEqualTo(BODY_HASH);
    String url = URL + "&bodySHA256=" + BODY_HASH;
    assertThat(TwilioSignature.of(TOKEN, url, Map.of())).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
    assertThat(TwilioSignature.valid(TOKEN, url, JSON_BODY, "a9nBmqA0ju/hNViExpshrM61xv4="))
        .isTrue();
  }

  @Test
  void aJsonBodyMustMatchItsBodySha256AndCarryOne() {
    String url = URL + "&bodySHA256=" + BODY_HASH;
    byte[] other = "{\"property\": \"value\", \"boolean\": false}".getBytes(StandardCharsets.UTF_8);
    assertThat(TwilioSignature.valid(TOKEN, url, other, "a9nBmqA0ju/hNViExpshrM61xv4=")).isFalse();
    assertThat(
            TwilioSignature.valid(TOKEN, URL, JSON_BODY, TwilioSignature.of(TOKEN, URL, Map.of())))
        .as("without bodySHA256 the request is invalid")
        .isFalse();
  }

  @Test
  void namesSortInOrdinalOrderAndNullValuesCountAsEmpty() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("b", List.of("2"));
    p.put("B", List.of("1"));
    p.put("a", java.util.Arrays.asList((String) null));
    String expected =
        java.util.Base64.getEncoder()
            .encodeToString(Hmac.sha1(TOKEN, (URL + "B1ab2").getBytes(StandardCharsets.UTF_8)));
    assertThat(TwilioSignature.of(TOKEN, URL, p)).isEqualTo(expected);
  }
}
