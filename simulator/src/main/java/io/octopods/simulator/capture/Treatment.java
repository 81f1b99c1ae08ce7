package io.octopods.simulator.capture;

/** What scrubbing does to one field of a payload. */
enum Treatment {
  /** A phone number: its reserved stand-in (other values are treated as {@link #TEXT}). */
  PHONE,
  /** A user id: a phone number's stand-in, or a pseudonym of the same shape. */
  ID,
  /** Personal content (message bodies, names, profile fields): emptied, the field kept. */
  EMPTY,
  /** A coordinate: set to zero. */
  ZERO,
  /** Anything else: e-mail addresses and {@code +}-prefixed numbers inside it are replaced. */
  TEXT;

  /** A field's value after this treatment. */
  String apply(String value, Pseudonyms pseudonyms) {
    return switch (this) {
      case PHONE -> pseudonyms.phone(value);
      case ID -> pseudonyms.id(value);
      case EMPTY -> "";
      case ZERO -> "0";
      case TEXT -> pseudonyms.text(value);
    };
  }
}
