package io.octopods.simulator.core;

/** Recipients normalised to E.164 with {@code +}, so bindings and {@code match.to} see one form. */
public final class Recipients {
  private Recipients() {}

  /**
   * Twilio's {@code whatsapp:} prefix is dropped; digits without {@code +} get one (WhatsApp's
   * {@code to}); any other string (a Viber subscriber id) is used as is.
   */
  public static String normalise(String to) {
    String t = to.trim();
    int colon = t.indexOf(':');
    if (colon > 0 && t.substring(0, colon).chars().allMatch(Character::isLetter)) {
      t = t.substring(colon + 1);
    }
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
      return "+" + t;
    }
    return t;
  }
}
