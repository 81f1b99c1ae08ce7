package io.octopods.simulator.twilio;

import io.octopods.simulator.core.Recipients;
import io.octopods.simulator.core.messages.SimulatedMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The filters of Twilio's Message list: {@code To}, {@code From}, {@code DateSent} (that UTC day),
 * {@code DateSent>} (on or after) and {@code DateSent<} (on or before); a date is {@code
 * YYYY-MM-DD} or an ISO 8601 date and time (UTC when it has no offset, as twilio-java writes it).
 */
record MessageFilter(
    Optional<String> to,
    Optional<String> from,
    Optional<Instant> sentFrom,
    Optional<Instant> sentUntil,
    Map<String, String> given) {
  static final String[] NAMES = {"To", "From", "DateSent", "DateSent>", "DateSent<"};

  /**
   * @throws IllegalArgumentException naming a date it cannot read
   */
  static MessageFilter of(FormParams query) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : NAMES) {
      query.first(name).ifPresent(v -> given.put(name, v));
    }
    Optional<Instant> from = Optional.empty();
    Optional<Instant> until = Optional.empty();
    if (given.containsKey("DateSent")) {
      from = Optional.of(start(given.get("DateSent"), "DateSent"));
      until = Optional.of(end(given.get("DateSent"), "DateSent"));
    }
    if (given.containsKey("DateSent>")) {
      from = Optional.of(start(given.get("DateSent>"), "DateSent>"));
    }
    if (given.containsKey("DateSent<")) {
      until = Optional.of(end(given.get("DateSent<"), "DateSent<"));
    }
    return new MessageFilter(
        Optional.ofNullable(given.get("To")),
        Optional.ofNullable(given.get("From")),
        from,
        until,
        given);
  }

  boolean matches(SimulatedMessage m) {
    return to.map(t -> Recipients.normalise(t).equals(m.to())).orElse(true)
        && from.map(
                f ->
                    m.fact("From")
                        .map(mf -> Recipients.normalise(mf).equals(Recipients.normalise(f)))
                        .orElse(false))
            .orElse(true)
        && sentFrom.map(s -> !m.receivedAt().isBefore(s)).orElse(true)
        && sentUntil.map(u -> !m.receivedAt().isAfter(u)).orElse(true);
  }

  private static Instant start(String value, String name) {
    return isDate(value)
        ? date(value, name).atStartOfDay().toInstant(ZoneOffset.UTC)
        : instant(value, name);
  }

  private static Instant end(String value, String name) {
    return isDate(value)
        ? date(value, name).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
        : instant(value, name);
  }

  private static boolean isDate(String value) {
    return value.length() == 10;
  }

  private static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw unreadable(value, name);
    }
  }

  private static Instant instant(String value, String name) {
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return java.time.LocalDateTime.parse(value)
            .toInstant(ZoneOffset.UTC); // twilio-java sends UTC without Z
      } catch (DateTimeParseException e) {
        throw unreadable(value, name);
      }
    }
  }

  private static IllegalArgumentException unreadable(String value, String name) {
    return new IllegalArgumentException(
        "Invalid "
            + name
            + ": '"
            + value
            + "' is neither a date (YYYY-MM-DD) nor an ISO 8601 date and time (2026-11-05T05:01:45Z)");
  }
}
