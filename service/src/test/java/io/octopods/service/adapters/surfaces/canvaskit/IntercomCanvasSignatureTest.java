package io.octopods.service.adapters.surfaces.canvaskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Body-Signature} (providers.md 4): hex HMAC-SHA256 of the raw body, keyed with the client
 * secret.
 */
class IntercomCanvasSignatureTest {
  private static final byte[] BODY =
      "{\"workspace_id\":\"abc123\"}".getBytes(StandardCharsets.UTF_8);
  private static final String KNOWN =
      "771e018386de91cf63b609ef2225242a0d15aede8176aba9d4154a46fe4104a5";

  @Test
  void theDerivedVectorOfProvidersMd() {
    assertThat(CanvasSignature.of("client-secret", BODY)).isEqualTo(KNOWN);
    assertThat(CanvasSignature.valid("client-secret", BODY, KNOWN)).isTrue();
  }

  @Test
  void upperCaseHexAndSurroundingSpaceAreAccepted() {
    assertThat(CanvasSignature.valid("client-secret", BODY, " " + KNOWN.toUpperCase() + " "))
        .isTrue();
  }

  @Test
  void anotherSecretBodyOrSignatureIsRefused() {
    assertThat(CanvasSignature.valid("other-secret", BODY, KNOWN)).isFalse();
    assertThat(
            CanvasSignature.valid(
                "client-secret",
                "{\"workspace_id\": \"abc123\"}".getBytes(StandardCharsets.UTF_8),
                KNOWN))
        .as("one space more is another body")
        .isFalse();
    assertThat(CanvasSignature.valid("client-secret", BODY, KNOWN.substring(1) + "0")).isFalse();
    assertThat(CanvasSignature.valid("client-secret", BODY, "sha256=" + KNOWN)).isFalse();
    assertThat(CanvasSignature.valid("client-secret", BODY, KNOWN.substring(0, 63))).isFalse();
  }

  @Test
  void nothingIsValidWithoutASecretOrASignature() {
    assertThat(CanvasSignature.valid(null, BODY, KNOWN)).isFalse();
    assertThat(CanvasSignature.valid("", BODY, KNOWN)).isFalse();
    assertThat(CanvasSignature.valid("client-secret", BODY, null)).isFalse();
    assertThat(CanvasSignature.valid("client-secret", BODY, " ")).isFalse();
  }
}
