package io.octopods.features.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract report's {@code coverage}, as Markdown tables: the edge-case rows by provider, the
 * status model's transitions by provider, and the statuses each surface showed.
 */
final class CoverageMarkdown {
  private CoverageMarkdown() {}

  static void append(StringBuilder md, JsonNode coverage) {
    md.append(
        String.format(
            Locale.ROOT,
            "%n%n## Coverage%n%n%.1f %% of the edge-case cells that concern their provider ran"
                + " (%d of %d).%n",
            coverage.path("percent").asDouble(),
            coverage.path("ran").asLong(),
            coverage.path("applicable").asLong()));
    edgeCases(md, coverage.path("edge_cases"));
    transitions(md, coverage.path("transitions"));
    surfaces(md, coverage.path("surfaces"));
  }

  private static void edgeCases(StringBuilder md, JsonNode cells) {
    md.append("\n### Edge cases (docs/edge-cases.md)\n\n| row |");
    List<String> providers = distinct(cells, "provider");
    providers.forEach(p -> md.append(' ').append(p).append(" |"));
    md.append("\n|---|").append("---|".repeat(providers.size())).append('\n');
    Map<String, Map<String, String>> byRow = new LinkedHashMap<>();
    cells.forEach(
        c ->
            byRow
                .computeIfAbsent(c.path("row").asText(), k -> new LinkedHashMap<>())
                .put(c.path("provider").asText(), c.path("state").asText()));
    byRow.forEach(
        (row, states) -> {
          md.append("| ").append(row).append(" |");
          providers.forEach(
              p -> {
                String state = states.getOrDefault(p, "");
                md.append(' ').append("not_applicable".equals(state) ? "" : state).append(" |");
              });
          md.append('\n');
        });
  }

  private static void transitions(StringBuilder md, JsonNode transitions) {
    md.append(
        "\n### Transitions of the status model (status-model.md section 2), as the histories"
            + " reached them\n\n| provider | from | to | count |\n|---|---|---|---|\n");
    transitions.forEach(
        t ->
            md.append(
                String.format(
                    "| %s | %s | %s | %d |%n",
                    t.path("provider").asText(),
                    t.path("from").asText(),
                    t.path("to").asText(),
                    t.path("count").asLong())));
  }

  private static void surfaces(StringBuilder md, JsonNode seen) {
    md.append("\n### Statuses each surface showed when the surfaces were compared\n\n| surface |");
    List<String> statuses = distinct(seen, "status");
    statuses.forEach(s -> md.append(' ').append(s).append(" |"));
    md.append("\n|---|").append("---|".repeat(statuses.size())).append('\n');
    Map<String, Map<String, Long>> bySurface = new LinkedHashMap<>();
    seen.forEach(
        s ->
            bySurface
                .computeIfAbsent(s.path("surface").asText(), k -> new LinkedHashMap<>())
                .put(s.path("status").asText(), s.path("seen").asLong()));
    bySurface.forEach(
        (surface, counts) -> {
          md.append("| ").append(surface).append(" |");
          statuses.forEach(s -> md.append(' ').append(counts.getOrDefault(s, 0L)).append(" |"));
          md.append('\n');
        });
  }

  private static List<String> distinct(JsonNode items, String field) {
    List<String> values = new ArrayList<>();
    items.forEach(
        i -> {
          String v = i.path(field).asText();
          if (!values.contains(v)) {
            values.add(v);
          }
        });
    return values;
  }
}
