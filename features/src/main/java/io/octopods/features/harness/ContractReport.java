package io.octopods.features.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The contract report: {@code contract-report.json} (the gate's input; schema {@code
 * contracts/harness/contract-report.schema.json}) and {@code contract-report.md} (the same, to
 * read): per interface and provider what was exercised and what broke, per invariant how often it
 * was checked and where it broke, what was skipped and why (scenarios, properties and single
 * checks), and the behaviour covered ({@link BehaviourCoverage}).
 */
public final class ContractReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ContractReport() {}

  public static ObjectNode json(Ledger ledger, String target) {
    return json(ledger, target, BehaviourCoverage.of(ledger, EdgeCaseRows.shipped()));
  }

  public static ObjectNode json(Ledger ledger, String target, BehaviourCoverage coverage) {
    ObjectNode root = JSON.createObjectNode();
    root.put("generated_at", Instant.now().toString());
    root.put("target", target);
    List<Outcome> outcomes = ledger.outcomes();
    List<SkippedCheck> checks = ledger.skippedChecks();
    ObjectNode summary = root.putObject("summary");
    summary.put("scenarios", outcomes.size());
    summary.put("passed", count(outcomes, Outcome.Status.PASSED));
    summary.put("failed", outcomes.stream().filter(o -> o.status().failed()).count());
    summary.put("skipped", count(outcomes, Outcome.Status.SKIPPED));
    summary.put("checks_skipped", checks.size());
    summary.put("exchanges", ledger.exchangeCount());
    summary.put("breaches", ledger.breachCount());
    summary.put("invariants_broken", ledger.violationCount());
    ArrayNode interfaces = root.putArray("interfaces");
    for (Ledger.InterfaceTally t : ledger.interfaces()) {
      ObjectNode i = interfaces.addObject();
      i.put("name", t.info.name());
      i.put("provider", t.info.provider());
      i.put("direction", t.info.direction());
      i.put("contract_file", t.info.contractFile());
      i.put("exercised", t.exercised);
      ArrayNode breaches = i.putArray("breaches");
      for (Ledger.Breach b : t.breaches) {
        breaches
            .addObject()
            .put("contract_file", b.breach().contractFile())
            .put("pointer", b.breach().pointer())
            .put("message", b.breach().message())
            .put("scenario", b.scenario());
      }
    }
    ArrayNode invariants = root.putArray("invariants");
    ledger
        .checked()
        .forEach(
            (id, n) -> {
              ObjectNode i = invariants.addObject().put("id", id).put("checked", n);
              ArrayNode broken = i.putArray("broken");
              for (Ledger.Violation v : ledger.broken().getOrDefault(id, List.of())) {
                broken.addObject().put("message", v.message()).put("scenario", v.scenario());
              }
            });
    ArrayNode skipped = root.putArray("skipped");
    for (Outcome o : outcomes) {
      if (o.status() == Outcome.Status.SKIPPED) {
        skipped
            .addObject()
            .put("scenario", o.displayName())
            .put(
                "reason",
                o.message() == null || o.message().isBlank() ? "(no reason given)" : o.message())
            .put("kind", o.isScenario() ? "scenario" : "property");
      }
    }
    for (SkippedCheck c : checks) {
      skipped
          .addObject()
          .put("scenario", c.scenarios().get(0))
          .put("reason", c.reason())
          .put("kind", "check")
          .put("check", c.check())
          .put("occurrences", c.scenarios().size());
    }
    ArrayNode failed = root.putArray("failed");
    for (Outcome o : outcomes) {
      if (o.status().failed()) {
        failed
            .addObject()
            .put("scenario", o.displayName())
            .put("message", o.message() == null ? "" : o.message());
      }
    }
    root.set("coverage", coverageJson(coverage));
    return root;
  }

  private static long count(List<Outcome> outcomes, Outcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  private static ObjectNode coverageJson(BehaviourCoverage coverage) {
    ObjectNode node = JSON.createObjectNode();
    node.put("percent", coverage.percent());
    node.put("applicable", coverage.applicable());
    node.put("ran", coverage.ran());
    ArrayNode edgeCases = node.putArray("edge_cases");
    coverage
        .edgeCases()
        .forEach(
            c ->
                edgeCases
                    .addObject()
                    .put("row", c.row())
                    .put("provider", c.provider())
                    .put("state", c.state().word()));
    ArrayNode transitions = node.putArray("transitions");
    coverage
        .transitions()
        .forEach(
            t ->
                transitions
                    .addObject()
                    .put("provider", t.provider())
                    .put("from", t.from())
                    .put("to", t.to())
                    .put("count", t.count()));
    ArrayNode surfaces = node.putArray("surfaces");
    coverage
        .surfaces()
        .forEach(
            s ->
                surfaces
                    .addObject()
                    .put("surface", s.surface())
                    .put("status", s.status())
                    .put("seen", s.seen()));
    return node;
  }

  public static String markdown(ObjectNode report) {
    StringBuilder md = new StringBuilder("# Contract report\n\n");
    md.append("Target: ")
        .append(report.path("target").asText())
        .append("  \nGenerated: ")
        .append(report.path("generated_at").asText())
        .append("\n\n");
    var s = report.path("summary");
    md.append(
        String.format(
            "%d scenarios and properties: %d passed, %d failed, %d skipped. %d exchanges checked, "
                + "%d contract breaches, %d invariant violations.%n%n",
            s.path("scenarios").asLong(),
            s.path("passed").asLong(),
            s.path("failed").asLong(),
            s.path("skipped").asLong(),
            s.path("exchanges").asLong(),
            s.path("breaches").asLong(),
            s.path("invariants_broken").asLong()));
    md.append(
        "## Interfaces\n\n| interface | provider | direction | contract | exercised | breaches |\n|---|---|---|---|---|---|\n");
    report
        .path("interfaces")
        .forEach(
            i ->
                md.append(
                    String.format(
                        "| %s | %s | %s | `%s` | %d | %d |%n",
                        i.path("name").asText(),
                        i.path("provider").asText(),
                        i.path("direction").asText(),
                        i.path("contract_file").asText(),
                        i.path("exercised").asLong(),
                        i.path("breaches").size())));
    report
        .path("interfaces")
        .forEach(
            i ->
                i.path("breaches")
                    .forEach(
                        b ->
                            md.append(
                                String.format(
                                    "%n- **%s** `%s` `%s`: %s (scenario: %s)",
                                    i.path("name").asText(),
                                    b.path("contract_file").asText(),
                                    b.path("pointer").asText(),
                                    b.path("message").asText(),
                                    b.path("scenario").asText()))));
    md.append(
        "\n\n## Invariants (status-model.md, section 3)\n\n| id | checked | broken |\n|---|---|---|\n");
    report
        .path("invariants")
        .forEach(
            i ->
                md.append(
                    String.format(
                        "| %s | %d | %d |%n",
                        i.path("id").asText(),
                        i.path("checked").asLong(),
                        i.path("broken").size())));
    report
        .path("invariants")
        .forEach(
            i ->
                i.path("broken")
                    .forEach(
                        b ->
                            md.append(
                                String.format(
                                    "%n- **%s** %s (scenario: %s)",
                                    i.path("id").asText(),
                                    b.path("message").asText(),
                                    b.path("scenario").asText()))));
    if (!report.path("skipped").isEmpty()) {
      md.append("\n\n## Skipped\n\n");
      report
          .path("skipped")
          .forEach(
              k -> {
                if ("check".equals(k.path("kind").asText())) {
                  md.append("- check **")
                      .append(k.path("check").asText())
                      .append("**: ")
                      .append(k.path("reason").asText())
                      .append(" (")
                      .append(k.path("occurrences").asLong())
                      .append(" scenarios and properties, the first: ")
                      .append(k.path("scenario").asText())
                      .append(")\n");
                } else {
                  md.append("- ")
                      .append(k.path("scenario").asText())
                      .append(": ")
                      .append(k.path("reason").asText())
                      .append('\n');
                }
              });
    }
    if (!report.path("failed").isEmpty()) {
      md.append("\n\n## Failed\n\n");
      report
          .path("failed")
          .forEach(
              k ->
                  md.append("- ")
                      .append(k.path("scenario").asText())
                      .append(": ")
                      .append(firstLine(k.path("message").asText()))
                      .append('\n'));
    }
    CoverageMarkdown.append(md, report.path("coverage"));
    return md.append('\n').toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Writes both files into {@code dir}; answers the JSON. */
  public static ObjectNode write(Ledger ledger, String target, Path dir) {
    return write(json(ledger, target), dir);
  }

  /** Writes {@code report} and its Markdown into {@code dir}; answers the JSON. */
  public static ObjectNode write(ObjectNode report, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("contract-report.json"),
          JSON.writeValueAsString(report),
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("contract-report.md"), markdown(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }
}
