package io.octopods.service.adapters.surfaces.shared;

import io.octopods.service.domain.Channel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the surfaces write channels and times: for people on a canvas, and RFC 3339 on the JSON
 * reads.
 */
public final class ChannelAndTimeFormats {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STEP =
      DateTimeFormatter.ofPattern("d MMM HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ChannelAndTimeFormats() {}

  /** RFC 3339 UTC with milliseconds and {@code Z}, as on the public API. */
  public static String rfc3339(Instant instant) {
    return RFC3339.format(instant);
  }

  /** A time for a canvas: {@code 26 Nov 2026, 10:00:02 UTC}. */
  public static String shown(Instant instant) {
    return SHOWN.format(instant);
  }

  /** A time in a table row, short enough not to be cut: {@code 26 Nov 10:00:02 UTC}. */
  public static String step(Instant instant) {
    return STEP.format(instant);
  }

  /** A short time for a list item: {@code 26 Nov 10:00 UTC}. */
  public static String brief(Instant instant) {
    return SHORT.format(instant);
  }

  /** The channel's name for people: {@code SMS}, {@code WhatsApp}, {@code Viber}. */
  public static String channel(Channel channel) {
    switch (channel) {
      case SMS:
        return "SMS";
      case WHATSAPP:
        return "WhatsApp";
      case VIBER:
        return "Viber";
      default:
        return channel.path();
    }
  }

  /**
   * A message's title on a canvas: the channel and the number it went to, e.g. {@code WhatsApp to
   * +15551230001}.
   */
  public static String title(Channel channel, String to) {
    return channel(channel) + " to " + to;
  }
}
