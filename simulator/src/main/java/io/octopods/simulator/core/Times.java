package io.octopods.simulator.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the admin API writes them: RFC 3339, UTC, milliseconds, {@code Z}. */
public final class Times {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String rfc3339(Instant instant) {
    return instant == null ? null : RFC3339.format(instant);
  }
}
