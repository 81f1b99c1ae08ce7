package io.octopods.service.adapters.webhooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A provider's event time, normalised per provider (K2): Meta sends Unix seconds as a string, Viber
 * Unix milliseconds as a number. Anything unreadable, negative or past the year 9999 is no time at
 * all, so a bad item is still stored (C2) instead of failing the write.
 */
public final class ProviderTime {
  private static final int MAX_DIGITS = 40;
  private static final long LATEST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private ProviderTime() {}

  /**
   * Unix seconds written as digits ({@code "1750030073"}); a JSON number's text is read the same
   * way.
   */
  public static Optional<Instant> fromSeconds(String text) {
    return wholeNumber(text).filter(s -> s <= LATEST_SECOND).map(Instant::ofEpochSecond);
  }

  /** Unix milliseconds written as digits ({@code 1457764197627}). */
  public static Optional<Instant> fromMillis(String text) {
    return wholeNumber(text).filter(ms -> ms / 1000 <= LATEST_SECOND).map(Instant::ofEpochMilli);
  }

  private static Optional<Long> wholeNumber(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_DIGITS) {
      return Optional.empty();
    }
    try {
      long value = new BigDecimal(text.trim()).longValueExact();
      return value < 0 ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
