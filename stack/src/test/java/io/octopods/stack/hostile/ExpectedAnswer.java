package io.octopods.stack.hostile;

import java.util.List;
import java.util.Set;

/**
 * What the service must answer a hostile callback: one status, or (for invalid UTF-8 the parser may
 * or may not catch) 200 or 400; what the problem's text must mention; and for a 200 how many
 * reports it keeps ({@code -1}: not counted).
 */
record ExpectedAnswer(Set<Integer> statuses, List<String> detailMentions, int reports) {
  static ExpectedAnswer of(int status, String... mentions) {
    return new ExpectedAnswer(Set.of(status), List.of(mentions), 0);
  }

  /** A {@code 200} keeping {@code reports} reports. */
  static ExpectedAnswer kept(int reports) {
    return new ExpectedAnswer(Set.of(200), List.of(), reports);
  }
}
