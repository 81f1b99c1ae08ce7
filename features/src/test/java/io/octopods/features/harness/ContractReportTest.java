package io.octopods.features.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.contracts.Contracts;
import io.octopods.contracts.Interfaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract report lists every skip with its reason (a skipped scenario and a check that could
 * not run alike), carries the coverage, follows its own schema, and shows the coverage as tables.
 */
class ContractReportTest {
  @Test
  void skipsAndCoverageAreInTheReportAndItFollowsItsSchema() {
    Ledger ledger = new Ledger(Interfaces.shipped().catalog());
    ledger.outcome(
        new Outcome(
            "whatsapp/out-of-order.feature",
            "A2 - read before delivered",
            "WhatsApp out of order - A2 - read before delivered",
            Outcome.Status.PASSED,
            null,
            null,
            "",
            Set.of("a2", "whatsapp"),
            Set.of("whatsapp"),
            1));
    ledger.outcome(
        new Outcome(
            "cross-provider/isolation.feature",
            "I13 - a READ WhatsApp message is invisible to another workspace",
            "Isolation - I13 - a READ WhatsApp message is invisible to another workspace",
            Outcome.Status.SKIPPED,
            "no API key of a second workspace was given (--other-api-key)",
            null,
            "",
            Set.of("i13"),
            Set.of("whatsapp"),
            1));
    ledger.scenario("A2 - read before delivered");
    ledger.skippedUnless(false, OptionalCheck.REACH_CANVAS);
    ledger.tally().history("m1", List.of(new Transition("whatsapp", "QUEUED", "SENT")));

    ObjectNode report = ContractReport.json(ledger, "a test");

    assertThat(Contracts.shipped().check("harness/contract-report.schema.json", report.toString()))
        .isEmpty();
    List<JsonNode> skipped = new ArrayList<>();
    report.path("skipped").forEach(skipped::add);
    assertThat(skipped)
        .extracting(k -> k.path("kind").asText() + ": " + k.path("reason").asText())
        .containsExactly(
            "scenario: no API key of a second workspace was given (--other-api-key)",
            "check: " + OptionalCheck.REACH_CANVAS.reason());
    assertThat(skipped.get(1).path("check").asText()).isEqualTo("I10 on Reach's canvas");
    assertThat(skipped.get(1).path("scenario").asText()).isEqualTo("A2 - read before delivered");
    assertThat(report.at("/summary/checks_skipped").asLong()).isEqualTo(1);
    JsonNode coverage = report.path("coverage");
    assertThat(coverage.path("edge_cases").size())
        .isEqualTo(EdgeCaseRows.shipped().size() * Ledger.PROVIDERS.size());
    assertThat(coverage.path("edge_cases").toString())
        .contains("{\"row\":\"A2\",\"provider\":\"whatsapp\",\"state\":\"passed\"}")
        .contains("{\"row\":\"A2\",\"provider\":\"twilio\",\"state\":\"not_applicable\"}")
        .contains("{\"row\":\"A1\",\"provider\":\"twilio\",\"state\":\"not_run\"}");
    assertThat(coverage.path("transitions").toString())
        .contains("{\"provider\":\"whatsapp\",\"from\":\"QUEUED\",\"to\":\"SENT\",\"count\":1}");
    assertThat(coverage.path("percent").asDouble()).isGreaterThan(0).isLessThan(10);

    String md = ContractReport.markdown(report);
    assertThat(md)
        .contains("## Coverage")
        .contains("| row | twilio | whatsapp | viber |")
        .contains("| A2 |  | passed |  |")
        .contains("| whatsapp | QUEUED | SENT | 1 |")
        .contains("| surface | UNKNOWN | SENT | DELIVERED | READ | FAILED | DELETED |")
        .contains("I10 on Reach's canvas");
  }
}
