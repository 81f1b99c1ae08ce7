package io.octopods.service.adapters.webhooks.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The known answer of providers.md 2.7. */
class MetaSignatureTest {
  private static final byte[] BODY =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNED =
      "sha256=d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f";

  @Test
  void theDerivedVectorIsReproduced() {
    assertThat(MetaSignature.of("app-secret", BODY)).isEqualTo(SIGNED);
    assertThat(MetaSignature.valid("app-secret", BODY, SIGNED)).isTrue();
  }

  @Test
  void upperCaseHexIsTheSameSignature() {
    assertThat(MetaSignature.valid("app-secret", BODY, SIGNED.toUpperCase())).isTrue();
  }

  @Test
  void aWrongSecretBodyOrFormatIsRefused() {
    assertThat(MetaSignature.valid("other-secret", BODY, SIGNED)).isFalse();
    assertThat(
            MetaSignature.valid(
                "app-secret",
                "{\"object\":\"whatsapp_business_account\",\"entry\": []}"
                    .getBytes(StandardCharsets.UTF_8),
                SIGNED))
        .as("one space more")
        .isFalse();
    assertThat(MetaSignature.valid("app-secret", BODY, SIGNED.substring("sha256=".length())))
        .as("without the sha256= prefix")
        .isFalse();
    assertThat(MetaSignature.valid("app-secret", BODY, "sha1=" + SIGNED.substring(7))).isFalse();
    assertThat(MetaSignature.valid("app-secret", BODY, null)).isFalse();
    assertThat(MetaSignature.valid("app-secret", BODY, "")).isFalse();
  }

  @Test
  void escapedUnicodeIsSignedAsSentNotAsDecoded() {
    byte[] escaped = "{\"t\":\"caf\\u00e9 \\/\"}".getBytes(StandardCharsets.UTF_8);
    byte[] decoded = "{\"t\":\"café /\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(MetaSignature.valid("app-secret", escaped, MetaSignature.of("app-secret", escaped)))
        .isTrue();
    assertThat(MetaSignature.valid("app-secret", decoded, MetaSignature.of("app-secret", escaped)))
        .isFalse();
  }
}
