package io.octopods.simulator.twilio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Twilio's two time formats: RFC 2822 in GMT for the REST API, {@code YYMMDDhhmm} for {@code
 * RawDlrDoneDate}.
 */
final class TwilioDates {
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DLR =
      DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TwilioDates() {}

  /** {@code Thu, 05 Nov 2026 05:01:45 +0000}: two-digit day, GMT. */
  static String rfc2822(Instant instant) {
    return instant == null ? null : RFC_2822.format(instant);
  }

  /** {@code 2611050501}: minute precision, UTC. */
  static String dlrDoneDate(Instant instant) {
    return DLR.format(instant);
  }
}
