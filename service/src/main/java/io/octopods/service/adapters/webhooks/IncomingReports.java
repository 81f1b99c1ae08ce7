package io.octopods.service.adapters.webhooks;

import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the {@link IncomingReport} of one status item so that storing it cannot fail on what a
 * provider wrote (C2): blank texts become empty, texts are cut to the widths the store keeps (an id
 * or word longer than that matches nothing anyway), and NUL characters, which PostgreSQL refuses in
 * text, become U+FFFD.
 */
public final class IncomingReports {
  /**
   * Widths of the store's columns: provider ids and words 200, error codes 100, error titles 2000.
   */
  static final int ID_WIDTH = 200;

  static final int WORD_WIDTH = 200;
  static final int CODE_WIDTH = 100;
  static final int TITLE_WIDTH = 2000;
  static final int OUR_ID_WIDTH = 100;

  private IncomingReports() {}

  /**
   * One report; {@code null} or blank texts are read as missing, a missing word as {@code ""}
   * (unmapped).
   */
  public static IncomingReport of(
      Channel channel,
      String providerMessageId,
      String ourMessageId,
      String word,
      Optional<Instant> providerTimestamp,
      String errorCode,
      String errorTitle,
      String raw) {
    return new IncomingReport(
        channel,
        text(providerMessageId, ID_WIDTH),
        text(ourMessageId, OUR_ID_WIDTH),
        word == null ? "" : clean(word.trim(), WORD_WIDTH),
        providerTimestamp,
        text(errorCode, CODE_WIDTH),
        text(errorTitle, TITLE_WIDTH),
        raw == null ? "" : clean(raw, Integer.MAX_VALUE));
  }

  private static Optional<String> text(String value, int width) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(clean(value.trim(), width));
  }

  private static String clean(String value, int width) {
    String cut = value;
    if (cut.length() > width) {
      int end = Character.isHighSurrogate(cut.charAt(width - 1)) ? width - 1 : width;
      cut = cut.substring(0, end);
    }
    return cut.indexOf('\u0000') < 0 ? cut : cut.replace('\u0000', '\uFFFD');
  }
}
