package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ViberSignatureTest {
  /** providers.md 3.5, the derived vector. */
  private static final String TOKEN = "viber-token";

  private static final byte[] BODY =
      ("{\"event\":\"delivered\",\"timestamp\":1457764197627,"
              + "\"message_token\":4912661846655238145,\"user_id\":\"01234567890A=\"}")
          .getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED =
      "d5d8f4355a446745a8b786a67f17031fefc5f1abae735b1aba6b79e1999c7528";

  @Test
  void signsTheRawBodyWithTheAuthTokenAsLowercaseHex() {
    assertThat(ViberSignature.of(TOKEN, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void acceptsTheDerivedVector() {
    assertThat(ViberSignature.valid(TOKEN, BODY, EXPECTED)).isTrue();
    assertThat(ViberSignature.valid(TOKEN, BODY, EXPECTED.toUpperCase(java.util.Locale.ROOT)))
        .isTrue();
  }

  @Test
  void refusesAnotherToken_anotherBody_andNoHeader() {
    assertThat(ViberSignature.valid("other-token", BODY, EXPECTED)).isFalse();
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("delivered", "seen")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(ViberSignature.valid(TOKEN, changed, EXPECTED)).isFalse();
    assertThat(ViberSignature.valid(TOKEN, BODY, null)).isFalse();
    assertThat(ViberSignature.valid(TOKEN, BODY, "")).isFalse();
    assertThat(ViberSignature.valid(TOKEN, BODY, "sha256=" + EXPECTED)).isFalse();
  }
}
