package io.octopods.simulator.twilio;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message SIDs in Twilio's format: {@code SM} (or {@code MM} with media) and 32 lowercase hex
 * digits.
 */
final class MessageSid {
  private MessageSid() {}

  static String next(boolean media) {
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return (media ? "MM" : "SM") + HexFormat.of().formatHex(random);
  }
}
