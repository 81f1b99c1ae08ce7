package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Viber's signature travels twice, with one value: in {@code X-Viber-Content-Signature} and as
 * {@code sig} in the webhook URL, where the official Node SDK reads it (providers.md 3.5). Checked
 * by two receivers written here from Viber's rule (HMAC-SHA256 of the raw body, keyed with the auth
 * token): one reads only the query, the other only the header.
 */
@OctopodsSimulators(clock = "virtual")
class ViberSignatureInUrlAcceptanceTest {
  private final CallbackReceiver receiver = new CallbackReceiver();
  private String base;
  private ViberDriver viber;

  @BeforeEach
  void setWebhookToReceiver(Simulators sims) {
    base = sims.baseUrl("viber");
    viber = new ViberDriver(base, receiver);
    Http.post(base + "/__sim/reset", null, "");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void theWebhookCheckAndEveryReceiptPassAQueryOnlyCheckAndAHeaderOnlyCheck() {
    assertThat(viber.setWebhook(receiver.url("/webhooks/viber"), null).json().get("status").asInt())
        .isZero();
    viber.bind("+15552330001", "viber-happy-path");
    viber.sendAccepted("+15552330001", "ours-1");
    viber.advance("PT10S");

    List<CallbackReceiver.Received> posts = receiver.posts();
    assertThat(posts).hasSize(3); // the webhook check, delivered, seen
    assertThat(posts)
        .allSatisfy(
            r -> {
              assertThat(r.uri()).startsWith("/webhooks/viber?sig=");
              assertThat(passesQueryOnlyCheck(r)).as("the sig query of " + r.uri()).isTrue();
              assertThat(passesHeaderOnlyCheck(r)).as("the header of " + r.uri()).isTrue();
              assertThat(sigQuery(r)).contains(r.header(ViberSignature.HEADER));
            });
    assertThat(ViberDriver.parse(posts.get(0).text()).get("event").asText()).isEqualTo("webhook");
  }

  @Test
  void aWebhookUrlWithAQueryGetsAmpersandSig_andTheJournalShowsTheUrlCalled() {
    String url = receiver.url("/webhooks/viber?tenant=7");
    assertThat(viber.setWebhook(url, null).json().get("status").asInt()).isZero();
    viber.bind("+15552330002", "viber-a6-delivered-never-seen");
    String token = viber.sendAccepted("+15552330002");
    viber.advance("PT3S");

    assertThat(receiver.posts())
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.uri()).startsWith("/webhooks/viber?tenant=7&sig=");
              assertThat(passesQueryOnlyCheck(r)).isTrue();
              assertThat(passesHeaderOnlyCheck(r)).isTrue();
            });
    CallbackReceiver.Received delivered = receiver.posts().get(1);
    var journaled =
        Http.get(base + "/__sim/callbacks?message=" + token).json().get("attempts").get(0);
    assertThat(journaled.get("url").asText())
        .as("the journal names the URL called, sig included")
        .isEqualTo(url + "&sig=" + delivered.header(ViberSignature.HEADER));
    assertThat(Http.get(base + "/__sim/info").json().get("webhook_url").asText())
        .as("the webhook stays as set")
        .isEqualTo(url);
  }

  @Test
  void invalidSignsBothWithTheSameWrongValue_missingSendsNeither() {
    assertThat(viber.setWebhook(receiver.url("/webhooks/viber"), null).json().get("status").asInt())
        .isZero();
    viber.bind("+15552330003", "viber-j5-bad-signature");
    viber.sendAccepted("+15552330003");
    viber.bind("+15552330004", "viber-j5-unsigned-callback");
    viber.sendAccepted("+15552330004");
    viber.advance("PT10S");

    List<CallbackReceiver.Received> receipts = viber.receipts();
    assertThat(receipts)
        .hasSize(3); // bad delivered, unsigned delivered (both at 2s), then the valid seen at 5s
    CallbackReceiver.Received bad = receipts.get(0);
    assertThat(bad.header(ViberSignature.HEADER)).isNotNull();
    assertThat(sigQuery(bad))
        .as("one wrong value, twice")
        .contains(bad.header(ViberSignature.HEADER));
    assertThat(passesQueryOnlyCheck(bad)).isFalse();
    assertThat(passesHeaderOnlyCheck(bad)).isFalse();

    CallbackReceiver.Received unsigned = receipts.get(1);
    assertThat(unsigned.header(ViberSignature.HEADER)).isNull();
    assertThat(unsigned.uri()).isEqualTo("/webhooks/viber");

    CallbackReceiver.Received seen = receipts.get(2);
    assertThat(passesQueryOnlyCheck(seen)).isTrue();
    assertThat(passesHeaderOnlyCheck(seen)).isTrue();
  }

  @Test
  void severalAdminUrlsInTurnEachGetTheSig() {
    try (CallbackReceiver second = new CallbackReceiver()) {
      String first = receiver.url("/one");
      Http.Answer set =
          Http.postJson(
              base + "/__sim/webhook",
              "{\"url\":\""
                  + first
                  + "\",\"urls\":[\""
                  + first
                  + "\",\""
                  + second.url("/two?x=1")
                  + "\"],\"verify\":false}");
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      viber.bind("+15552330005", "viber-a6-delivered-never-seen");
      viber.sendAccepted("+15552330005");
      viber.sendAccepted("+15552330005");
      viber.advance("PT3S");

      assertThat(receiver.posts())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.uri()).startsWith("/one?sig=");
                assertThat(passesQueryOnlyCheck(r)).isTrue();
              });
      assertThat(second.posts())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.uri()).startsWith("/two?x=1&sig=");
                assertThat(passesQueryOnlyCheck(r)).isTrue();
              });
    }
  }

  /**
   * A receiver that reads the signature only from the {@code sig} query parameter, as the official
   * Node SDK does.
   */
  private static boolean passesQueryOnlyCheck(CallbackReceiver.Received r) {
    return sigQuery(r)
        .map(sig -> sig.equals(hmacSha256Hex(ViberSimulator.AUTH_TOKEN, r.body())))
        .orElse(false);
  }

  /** A receiver that reads the signature only from {@code X-Viber-Content-Signature}. */
  private static boolean passesHeaderOnlyCheck(CallbackReceiver.Received r) {
    String header = r.header(ViberSignature.HEADER);
    return header != null && header.equals(hmacSha256Hex(ViberSimulator.AUTH_TOKEN, r.body()));
  }

  private static Optional<String> sigQuery(CallbackReceiver.Received r) {
    int q = r.uri().indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    for (String pair : r.uri().substring(q + 1).split("&")) {
      if (pair.startsWith("sig=")) {
        return Optional.of(URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /**
   * Viber's rule, written out here rather than borrowed from the simulator: lowercase hex
   * HMAC-SHA256.
   */
  private static String hmacSha256Hex(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
