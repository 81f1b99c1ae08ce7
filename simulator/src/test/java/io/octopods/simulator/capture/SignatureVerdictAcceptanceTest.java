package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.octopods.simulator.core.payload.Hmac;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict recorded for each provider's signature, checked through the proxy with the real
 * secret: valid, invalid (wrong secret), missing, and unchecked without a secret.
 */
class SignatureVerdictAcceptanceTest {
  private static final String SECRET = "the-real-secret";
  private static final String PUBLIC = "https://hooks.example.org";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Map<String, String> PARAMS =
      Map.of("MessageSid", "SM0123", "MessageStatus", "delivered", "To", "+14155550100");
  private static final String FORM_BODY =
      "MessageSid=SM0123&MessageStatus=delivered&To=%2B14155550100";

  private final ProxyFixture fixture = new ProxyFixture();
  private final CallbackReceiver upstream = new CallbackReceiver();
  private final AtomicInteger files = new AtomicInteger();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    upstream.close();
  }

  @Test
  void twilioFormSignedOverThePublicUrlIsValidAlsoWithThePortToggled() {
    String url = PUBLIC + "/twilio?ref=1";
    assertThat(twilio(Optional.of(SECRET), TwilioSignature.of(SECRET, url, PARAMS)))
        .isEqualTo("valid");
    assertThat(
            twilio(
                Optional.of(SECRET),
                TwilioSignature.of(SECRET, TwilioSignature.portVariant(url), PARAMS)))
        .isEqualTo("valid");
    assertThat(twilio(Optional.of(SECRET), TwilioSignature.of("wrong", url, PARAMS)))
        .isEqualTo("invalid");
    assertThat(twilio(Optional.of(SECRET), null)).isEqualTo("missing");
    assertThat(twilio(Optional.empty(), TwilioSignature.of(SECRET, url, PARAMS)))
        .isEqualTo("unchecked");
  }

  @Test
  void twilioWithoutAPublicUrlIsCheckedOverTheHostHeader() {
    CaptureProxy.Settings s = settings("twilio", Optional.of(SECRET), Optional.empty());
    String verdict =
        verdict(
            s,
            proxy -> "/twilio",
            proxy -> {
              String host = URI.create(proxy.url()).getAuthority();
              return Map.of(
                  "Content-Type",
                  FORM,
                  TwilioSignature.HEADER,
                  TwilioSignature.of(SECRET, "http://" + host + "/twilio", PARAMS));
            },
            FORM_BODY);
    assertThat(verdict).isEqualTo("valid");
  }

  @Test
  void twilioJsonBodyIsCheckedThroughBodySha256() {
    String body = "{\"MessageStatus\":\"delivered\"}";
    String path = "/twilio?bodySHA256=" + Hmac.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    String signature = TwilioSignature.ofJsonBody(SECRET, PUBLIC + path);

    assertThat(
            verdict(
                settings("twilio", Optional.of(SECRET), Optional.of(PUBLIC)),
                p -> path,
                p -> Map.of("Content-Type", "application/json", TwilioSignature.HEADER, signature),
                body))
        .isEqualTo("valid");
    assertThat(
            verdict(
                settings("twilio", Optional.of(SECRET), Optional.of(PUBLIC)),
                p -> path,
                p -> Map.of("Content-Type", "application/json", TwilioSignature.HEADER, signature),
                body + " "))
        .isEqualTo("invalid");
  }

  @Test
  void whatsAppHubSignatureVerdicts() {
    String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThat(whatsApp(Optional.of(SECRET), WhatsAppSignature.of(SECRET, bytes), body))
        .isEqualTo("valid");
    assertThat(whatsApp(Optional.of(SECRET), WhatsAppSignature.of("wrong", bytes), body))
        .isEqualTo("invalid");
    assertThat(whatsApp(Optional.of(SECRET), null, body)).isEqualTo("missing");
    assertThat(whatsApp(Optional.empty(), WhatsAppSignature.of(SECRET, bytes), body))
        .isEqualTo("unchecked");
  }

  @Test
  void viberHeaderOrSigQueryVerdicts() {
    String body = "{\"event\":\"delivered\",\"timestamp\":1457764197627}";
    String good = ViberSignature.of(SECRET, body.getBytes(StandardCharsets.UTF_8));
    String bad = ViberSignature.of("wrong", body.getBytes(StandardCharsets.UTF_8));
    assertThat(viber(Optional.of(SECRET), good, "sig=" + good, body)).isEqualTo("valid");
    assertThat(viber(Optional.of(SECRET), null, "sig=" + good, body)).isEqualTo("valid");
    assertThat(viber(Optional.of(SECRET), good, null, body)).isEqualTo("valid");
    assertThat(viber(Optional.of(SECRET), good, "sig=" + bad, body)).isEqualTo("invalid");
    assertThat(viber(Optional.of(SECRET), null, null, body)).isEqualTo("missing");
    assertThat(viber(Optional.empty(), good, null, body)).isEqualTo("unchecked");
  }

  private String twilio(Optional<String> secret, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", FORM);
    if (signature != null) {
      headers.put(TwilioSignature.HEADER, signature);
    }
    return verdict(
        settings("twilio", secret, Optional.of(PUBLIC)),
        p -> "/twilio?ref=1",
        p -> headers,
        FORM_BODY);
  }

  private String whatsApp(Optional<String> secret, String signature, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (signature != null) {
      headers.put(WhatsAppSignature.HEADER, signature);
    }
    return verdict(settings("whatsapp", secret, Optional.empty()), p -> "/wa", p -> headers, body);
  }

  private String viber(Optional<String> secret, String header, String query, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (header != null) {
      headers.put(ViberSignature.HEADER, header);
    }
    return verdict(
        settings("viber", secret, Optional.empty()),
        p -> "/viber" + (query == null ? "" : "?" + query),
        p -> headers,
        body);
  }

  private CaptureProxy.Settings settings(
      String provider, Optional<String> secret, Optional<String> publicUrl) {
    return new CaptureProxy.Settings(
        provider,
        URI.create(upstream.url("")),
        "127.0.0.1",
        0,
        dir.resolve("capture-" + files.incrementAndGet() + ".jsonl"),
        secret,
        publicUrl,
        true,
        ProxyFixture.CLOCK);
  }

  /** Sends one callback through a fresh proxy and returns the verdict of its line. */
  private String verdict(
      CaptureProxy.Settings settings,
      java.util.function.Function<CaptureProxy, String> path,
      java.util.function.Function<CaptureProxy, Map<String, String>> headers,
      String body) {
    try (CaptureProxy proxy = fixture.start(settings)) {
      ProxyFixture.post(proxy.url() + path.apply(proxy), headers.apply(proxy), body);
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.captured() == 1);
    }
    return Capture.read(settings.out()).callbacks().get(0).signature();
  }
}
