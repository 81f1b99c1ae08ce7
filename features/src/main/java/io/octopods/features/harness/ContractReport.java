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
 * was checked and where it broke, and what was skipped and why.
 */
public final class ContractReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ContractReport() {}

  public static ObjectNode json(Ledger ledger, String target) {
    ObjectNode root = JSON.createObjectNode();
    root.put("generated_at", Instant.now().toString());
    root.put("target", target);
    List<Ledger.Outcome> outcomes = ledger.outcomes();
    ObjectNode summary = root.putObject("summary");
    summary.put("scenarios", outcomes.size());
    summary.put("passed", outcomes.stream().filter(o -> "passed".equals(o.status())).count());
    summary.put("failed", outcomes.stream().filter(o -> "failed".equals(o.status())).count());
    summary.put("skipped", outcomes.stream().filter(o -> "skipped".equals(o.status())).count());
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
    for (Ledger.Outcome o : outcomes) {
      if ("skipped".equals(o.status())) {
        skipped
            .addObject()
            .put("scenario", o.name())
            .put("reason", o.message() == null ? "" : o.message());
      }
    }
    ArrayNode failed = root.putArray("failed");
    for (Ledger.Outcome o : outcomes) {
      if ("failed".equals(o.status())) {
        failed
            .addObject()
            .put("scenario", o.name())
            .put("message", o.message() == null ? "" : o.message());
      }
    }
    return root;
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
              k ->
                  md.append("- ")
                      .append(k.path("scenario").asText())
                      .append(": ")
                      .append(k.path("reason").asText())
                      .append('\n'));
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
    return md.append('\n').toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Writes both files into {@code dir}; answers the JSON. */
  public static ObjectNode write(Ledger ledger, String target, Path dir) {
    ObjectNode report = json(ledger, target);
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
