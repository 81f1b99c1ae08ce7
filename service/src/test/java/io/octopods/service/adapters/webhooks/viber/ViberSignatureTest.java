package io.octopods.service.adapters.webhooks.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The known answer of providers.md 3.5. */
class ViberSignatureTest {
  private static final byte[] BODY =
      ("{\"event\":\"delivered\",\"timestamp\":1457764197627,"
              + "\"message_token\":4912661846655238145,\"user_id\":\"01234567890A=\"}")
          .getBytes(StandardCharsets.UTF_8);
  private static final String SIGNED =
      "d5d8f4355a446745a8b786a67f17031fefc5f1abae735b1aba6b79e1999c7528";

  @Test
  void theDerivedVectorIsReproduced() {
    assertThat(ViberSignature.of("viber-token", BODY)).isEqualTo(SIGNED);
    assertThat(ViberSignature.valid("viber-token", BODY, SIGNED)).isTrue();
    assertThat(ViberSignature.valid("viber-token", BODY, SIGNED.toUpperCase())).isTrue();
  }

  @Test
  void aWrongTokenOrBodyOrNoSignatureIsRefused() {
    assertThat(ViberSignature.valid("other-token", BODY, SIGNED)).isFalse();
    byte[] other =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("delivered", "seen")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(ViberSignature.valid("viber-token", other, SIGNED)).isFalse();
    assertThat(ViberSignature.valid("viber-token", BODY, null)).isFalse();
    assertThat(ViberSignature.valid("viber-token", BODY, " ")).isFalse();
    assertThat(ViberSignature.valid("viber-token", BODY, "sha256=" + SIGNED)).isFalse();
  }
}
