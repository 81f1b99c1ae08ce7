package io.octopods.simulator.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Message ids in Meta's format: {@code wamid.} and base64-like text that embeds the recipient. */
final class WamId {
  private WamId() {}

  static String next(String to) {
    byte[] random = new byte[9];
    ThreadLocalRandom.current().nextBytes(random);
    String digits = to.replaceAll("\\D", "");
    StringBuilder hex = new StringBuilder();
    for (byte b : random) {
      hex.append(String.format("%02X", b));
    }
    return "wamid.HBgL"
        + Base64.getEncoder()
            .withoutPadding()
            .encodeToString((digits + "FQIAERgS" + hex).getBytes(StandardCharsets.US_ASCII));
  }
}
