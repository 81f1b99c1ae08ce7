package io.octopods.simulator.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ids in Meta's format: {@code wamid.} and base64-like text that embeds the recipient.
 *
 * <p>Two shapes embed the recipient's digits. Meta's own: base64 of a protobuf-like structure,
 * bytes {@code 0x1C 0x18}, the number of digits, the digits as ASCII, then the rest ({@code HBgL}
 * for 11 digits). The simulator's: {@code wamid.HBgL} followed by base64 (no padding) of the
 * digits, {@code FQIAERgS} and random hex, all as ASCII text.
 */
public final class WamId {
  private static final String PREFIX = "wamid.";
  private static final String SIMULATED = PREFIX + "HBgL";
  private static final String SEPARATOR = "FQIAERgS";
  private static final Pattern SIMULATED_TEXT = Pattern.compile("(\\d+)" + SEPARATOR + "(.*)");

  private WamId() {}

  static String next(String to) {
    byte[] random = new byte[9];
    ThreadLocalRandom.current().nextBytes(random);
    StringBuilder hex = new StringBuilder();
    for (byte b : random) {
      hex.append(String.format("%02X", b));
    }
    return simulated(to.replaceAll("\\D", ""), hex.toString());
  }

  private static String simulated(String digits, String rest) {
    return SIMULATED
        + Base64.getEncoder()
            .withoutPadding()
            .encodeToString((digits + SEPARATOR + rest).getBytes(StandardCharsets.US_ASCII));
  }

  /** The recipient's digits embedded in a wamid of either shape; empty for any other id. */
  public static Optional<String> recipient(String wamid) {
    return simulatedParts(wamid)
        .map(m -> m.group(1))
        .or(() -> metaBytes(wamid).map(b -> new String(b, 3, b[2], StandardCharsets.US_ASCII)));
  }

  /**
   * The same id with {@code digits} as the recipient, in the same shape, alphabet and padding, the
   * rest kept byte for byte; empty when the id embeds no recipient.
   */
  public static Optional<String> withRecipient(String wamid, String digits) {
    if (!digits.matches("\\d{1,127}")) {
      throw new IllegalArgumentException("a wamid embeds 1 to 127 digits, not '" + digits + "'");
    }
    Optional<Matcher> simulated = simulatedParts(wamid);
    if (simulated.isPresent()) {
      return Optional.of(simulated(digits, simulated.get().group(2)));
    }
    return metaBytes(wamid)
        .map(
            old -> {
              int oldEnd = 3 + old[2];
              byte[] id = new byte[3 + digits.length() + old.length - oldEnd];
              id[0] = old[0];
              id[1] = old[1];
              id[2] = (byte) digits.length();
              byte[] d = digits.getBytes(StandardCharsets.US_ASCII);
              System.arraycopy(d, 0, id, 3, d.length);
              System.arraycopy(old, oldEnd, id, 3 + d.length, old.length - oldEnd);
              String text = wamid.substring(PREFIX.length());
              Base64.Encoder encoder =
                  text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                      ? Base64.getUrlEncoder()
                      : Base64.getEncoder();
              if (!text.endsWith("=")) {
                encoder = encoder.withoutPadding();
              }
              return PREFIX + encoder.encodeToString(id);
            });
  }

  private static Optional<Matcher> simulatedParts(String wamid) {
    if (wamid == null || !wamid.startsWith(SIMULATED)) {
      return Optional.empty();
    }
    try {
      String text =
          new String(
              Base64.getDecoder().decode(wamid.substring(SIMULATED.length())),
              StandardCharsets.US_ASCII);
      Matcher m = SIMULATED_TEXT.matcher(text);
      return m.matches() ? Optional.of(m) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** The decoded bytes of Meta's shape, when they start with a run of recipient digits. */
  private static Optional<byte[]> metaBytes(String wamid) {
    if (wamid == null || !wamid.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String text = wamid.substring(PREFIX.length());
    byte[] b;
    try {
      b =
          text.indexOf('-') >= 0 || text.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (b.length < 4 || b[0] != 0x1C || b[1] != 0x18 || b[2] < 1 || 3 + b[2] > b.length) {
      return Optional.empty();
    }
    for (int i = 3; i < 3 + b[2]; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(b);
  }
}
