package io.octopods.simulator.capture;

import io.octopods.simulator.whatsapp.WamId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-ins of one capture: each phone number, e-mail address and user id gets one, always the
 * same, so scrubbed callbacks still tie together.
 */
final class Pseudonyms {
  /** An optional channel prefix ({@code whatsapp:}), an optional {@code +}, 7 to 15 digits. */
  private static final Pattern PHONE =
      Pattern.compile("(?<prefix>[a-z]+:)?(?<plus>\\+)?(?<digits>\\d{7,15})");

  private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<!\\w)\\+(\\d{7,15})(?!\\d)");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

  private final ReservedNumbers numbers = new ReservedNumbers();
  private final Map<String, String> emails = new HashMap<>();
  private final Map<String, String> ids = new HashMap<>();

  /** True when {@code value} is a phone number, possibly with a channel prefix or separators. */
  static boolean isPhone(String value) {
    return PHONE.matcher(SEPARATORS.matcher(value).replaceAll("")).matches();
  }

  /**
   * A phone number's stand-in, keeping its channel prefix and {@code +} (separators dropped); any
   * other value is treated as {@link #text}.
   */
  String phone(String value) {
    Matcher m = PHONE.matcher(SEPARATORS.matcher(value).replaceAll(""));
    if (!m.matches()) {
      return text(value);
    }
    return (m.group("prefix") == null ? "" : m.group("prefix"))
        + (m.group("plus") == null ? "" : "+")
        + numbers.of(m.group("digits"));
  }

  /** The stand-in digits of a number given as digits. */
  String digits(String digits) {
    return numbers.of(digits);
  }

  /**
   * A user id's stand-in: a phone number's when it is one, else a pseudonym of the same length and
   * character classes (digits, upper and lower case letters; other characters kept).
   */
  String id(String value) {
    if (isPhone(value)) {
      return phone(value);
    }
    return ids.computeIfAbsent(value, v -> shaped(v, ids.size()));
  }

  /**
   * A wamid with its embedded recipient replaced by that number's stand-in; a wamid that embeds no
   * number is kept.
   */
  String wamid(String value) {
    return WamId.recipient(value)
        .flatMap(d -> WamId.withRecipient(value, numbers.of(d)))
        .orElse(value);
  }

  /** Free text with every e-mail address and every {@code +}-prefixed number replaced. */
  String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String noEmails =
        EMAIL.matcher(value).replaceAll(m -> Matcher.quoteReplacement(email(m.group())));
    return PHONE_IN_TEXT
        .matcher(noEmails)
        .replaceAll(m -> Matcher.quoteReplacement("+" + numbers.of(m.group(1))));
  }

  /** An e-mail address's stand-in: {@code person<n>@example.com}, by first appearance. */
  String email(String address) {
    return emails.computeIfAbsent(
        address.toLowerCase(Locale.ROOT), a -> "person" + (emails.size() + 1) + "@example.com");
  }

  private static String shaped(String value, int n) {
    byte[] seed = sha256("octopods-pseudonym-" + n);
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      if (i > 0 && i % seed.length == 0) {
        seed = sha256("octopods-pseudonym-" + n + "-" + i);
      }
      int r = seed[i % seed.length] & 0xFF;
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append((char) ('0' + r % 10));
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) ('A' + r % 26));
      } else if (c >= 'a' && c <= 'z') {
        out.append((char) ('a' + r % 26));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
