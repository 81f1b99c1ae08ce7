package io.octopods.simulator.capture;

import io.octopods.simulator.capture.CaptureDiff.Finding;
import io.octopods.simulator.capture.CaptureDiff.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A drift report in words: one paragraph, and Markdown with a table of findings. */
final class DriftText {
  private DriftText() {}

  static String summary(
      String provider,
      int callbacks,
      int reports,
      List<Finding> findings,
      List<Capture.Problem> problems) {
    StringBuilder b =
        new StringBuilder("The ")
            .append(provider.isEmpty() ? "unnamed" : provider)
            .append(" capture (")
            .append(callbacks)
            .append(callbacks == 1 ? " callback, " : " callbacks, ")
            .append(reports)
            .append(reports == 1 ? " status report) " : " status reports) ");
    if (findings.isEmpty()) {
      b.append("stays within the contracts and the simulator's library");
    } else {
      List<String> parts = new ArrayList<>();
      for (Kind kind : Kind.values()) {
        List<String> whats =
            findings.stream().filter(f -> f.kind() == kind).map(Finding::what).toList();
        if (!whats.isEmpty()) {
          parts.add(
              whats.size()
                  + " "
                  + kind.words()
                  + (whats.size() == 1 ? "" : "s")
                  + " ("
                  + String.join(", ", whats)
                  + ")");
        }
      }
      b.append("left the contracts: ").append(String.join("; ", parts));
    }
    if (!problems.isEmpty()) {
      b.append(". ")
          .append(problems.size())
          .append(problems.size() == 1 ? " problem" : " problems")
          .append(" in the capture, skipped: ")
          .append(
              problems.stream()
                  .map(p -> "line " + p.line() + " " + p.what())
                  .collect(Collectors.joining("; ")));
    }
    return b.append('.').toString();
  }

  static String markdown(
      String provider, List<Finding> findings, List<Capture.Problem> problems, String summary) {
    StringBuilder b = new StringBuilder("## Provider drift: ");
    b.append(provider.isEmpty() ? "(unknown provider)" : provider).append("\n\n");
    b.append(summary).append("\n");
    if (!findings.isEmpty()) {
      b.append("\n| kind | what | detail | seen | first in |\n|---|---|---|---|---|\n");
      for (Finding f : findings) {
        b.append("| ")
            .append(f.kind().words())
            .append(" | `")
            .append(cell(f.what()))
            .append("` | ")
            .append(cell(f.detail()))
            .append(" | ")
            .append(f.count())
            .append(" | ")
            .append(f.first())
            .append(" |\n");
      }
    }
    if (!problems.isEmpty()) {
      b.append("\n### Problems in the capture\n\n| line | what |\n|---|---|\n");
      problems.forEach(
          p -> b.append("| ").append(p.line()).append(" | ").append(cell(p.what())).append(" |\n"));
    }
    return b.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
