package io.octopods.features.harness;

import io.octopods.contracts.StatusModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much of the specified behaviour a run covered:
 *
 * <ul>
 *   <li>every row of {@code docs/edge-cases.md} for every provider: passed, failed or skipped by
 *       the scenarios tagged with the row that exercised that provider, not run, or not applicable
 *       (the row does not concern the provider);
 *   <li>every transition the status model allows each provider (status-model.md sections 2 and 4),
 *       with how often the histories the harness read reached it (and any other they reached);
 *   <li>every status on every surface, with how often it was seen when the surfaces were compared.
 * </ul>
 *
 * {@link #percent()} is the share of applicable edge-case cells that ran (passed or failed).
 */
public record BehaviourCoverage(
    List<EdgeCaseCell> edgeCases, List<TransitionCount> transitions, List<SurfaceCount> surfaces) {

  /** What became of one row for one provider. */
  public enum State {
    PASSED,
    FAILED,
    SKIPPED,
    NOT_RUN,
    NOT_APPLICABLE;

    /** As the contract report writes it, e.g. {@code not_run}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean ran() {
      return this == PASSED || this == FAILED;
    }
  }

  public record EdgeCaseCell(String row, String provider, State state) {}

  public record TransitionCount(String provider, String from, String to, long count) {}

  public record SurfaceCount(String surface, String status, long seen) {}

  /**
   * The statuses each provider can bring a message to: its words (status-model.md section 4), its
   * send answers (SENT, FAILED) and UNKNOWN (an unmapped first word, or a hand-off not settled).
   */
  private static final Map<String, List<String>> REACHABLE =
      Map.of(
          "twilio", List.of("UNKNOWN", "SENT", "DELIVERED", "FAILED"),
          "whatsapp", List.of("UNKNOWN", "SENT", "DELIVERED", "READ", "FAILED", "DELETED"),
          "viber", List.of("UNKNOWN", "SENT", "DELIVERED", "FAILED"));

  public BehaviourCoverage {
    edgeCases = List.copyOf(edgeCases);
    transitions = List.copyOf(transitions);
    surfaces = List.copyOf(surfaces);
  }

  /** The coverage of what {@code ledger} recorded, over the edge-case {@code rows}. */
  public static BehaviourCoverage of(Ledger ledger, List<EdgeCaseRows.Row> rows) {
    return new BehaviourCoverage(
        edgeCases(ledger.outcomes(), rows), transitions(ledger.tally()), surfaces(ledger.tally()));
  }

  static List<EdgeCaseCell> edgeCases(List<Outcome> outcomes, List<EdgeCaseRows.Row> rows) {
    List<EdgeCaseCell> cells = new ArrayList<>();
    for (EdgeCaseRows.Row row : rows) {
      for (String provider : Ledger.PROVIDERS) {
        State state =
            row.providers().contains(provider)
                ? stateOf(outcomes, row.tag(), provider)
                : State.NOT_APPLICABLE;
        cells.add(new EdgeCaseCell(row.id(), provider, state));
      }
    }
    return cells;
  }

  /** A failure anywhere fails the cell; else one pass passes it; else a skip skips it. */
  private static State stateOf(List<Outcome> outcomes, String tag, String provider) {
    State state = State.NOT_RUN;
    for (Outcome o : outcomes) {
      if (!o.tags().contains(tag) || !o.providers().contains(provider)) {
        continue;
      }
      if (o.status().failed()) {
        return State.FAILED;
      }
      if (o.status() == Outcome.Status.PASSED) {
        state = State.PASSED;
      } else if (o.status() == Outcome.Status.SKIPPED && state == State.NOT_RUN) {
        state = State.SKIPPED;
      }
    }
    return state;
  }

  static List<TransitionCount> transitions(CoverageTally tally) {
    Map<Transition, Long> reached = new LinkedHashMap<>(tally.transitions());
    List<TransitionCount> counts = new ArrayList<>();
    for (String provider : Ledger.PROVIDERS) {
      for (Transition t : allowed(provider)) {
        Long n = reached.remove(t);
        counts.add(new TransitionCount(provider, t.from(), t.to(), n == null ? 0 : n));
      }
    }
    reached.forEach((t, n) -> counts.add(new TransitionCount(t.provider(), t.from(), t.to(), n)));
    return counts;
  }

  /** The transitions section 2 allows between the statuses the provider can bring. */
  static List<Transition> allowed(String provider) {
    List<String> to = REACHABLE.get(provider);
    List<String> from = new ArrayList<>();
    from.add("QUEUED");
    from.addAll(to);
    List<Transition> allowed = new ArrayList<>();
    for (String f : from) {
      for (String t : to) {
        if (StatusModel.applies(t, f)) {
          allowed.add(new Transition(provider, f, t));
        }
      }
    }
    return allowed;
  }

  static List<SurfaceCount> surfaces(CoverageTally tally) {
    List<SurfaceCount> counts = new ArrayList<>();
    for (String surface : SurfaceSnapshot.SURFACES) {
      for (String status : StatusModel.PUBLIC) {
        counts.add(new SurfaceCount(surface, status, tally.seen(surface, status)));
      }
    }
    return counts;
  }

  /** The edge-case cells that concern their provider. */
  public long applicable() {
    return edgeCases.stream().filter(c -> c.state() != State.NOT_APPLICABLE).count();
  }

  /** The applicable cells that ran: passed or failed. */
  public long ran() {
    return edgeCases.stream().filter(c -> c.state().ran()).count();
  }

  /**
   * The share of applicable edge-case cells that ran, in percent, rounded down to one decimal (100
   * only when every one ran).
   */
  public double percent() {
    long applicable = applicable();
    return applicable == 0 ? 100.0 : Math.floor(1000.0 * ran() / applicable) / 10;
  }
}
