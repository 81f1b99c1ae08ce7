package io.octopods.service.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequence of reports folded over an initial status, keeping every decision in arrival order
 * (status-model.md, section 2: every report is recorded). Pure; for tests and replays.
 *
 * @param initial the status before the first report
 * @param decisions one decision per report, in the order the reports were folded
 */
public record StatusHistory(Status initial, List<Decision> decisions) {

  public StatusHistory {
    Objects.requireNonNull(initial, "initial");
    decisions = List.copyOf(decisions);
  }

  /** Folds the reports over {@code initial}, one decision each. */
  public static StatusHistory fold(Status initial, List<? extends Report> reports) {
    List<Decision> decisions = new ArrayList<>(reports.size());
    Status current = initial;
    for (Report report : reports) {
      Decision decision = report.decideOn(current);
      decisions.add(decision);
      current = decision.next();
    }
    return new StatusHistory(initial, decisions);
  }

  /** Folds one channel's provider words over {@code initial}. */
  public static StatusHistory fold(Status initial, Channel channel, List<String> providerWords) {
    List<Report> reports = new ArrayList<>(providerWords.size());
    for (String word : providerWords) {
      reports.add(Report.word(channel, word));
    }
    return fold(initial, reports);
  }

  /** The status after the last report ({@code initial} when there was none). */
  public Status finalStatus() {
    return decisions.isEmpty() ? initial : decisions.get(decisions.size() - 1).next();
  }

  /** The status after each report, in order. */
  public List<Status> statuses() {
    return decisions.stream().map(Decision::next).toList();
  }

  /** Each report's reason, in order; empty where the report was applied. */
  public List<Optional<Reason>> reasons() {
    return decisions.stream().map(Decision::reason).toList();
  }
}
