package io.octopods.features.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code junit.xml}: one testcase per scenario and property, named by its feature file (or class)
 * and its own name; a broken invariant is a failure whose message names it, an exception an error,
 * a skip a {@code skipped} with its reason, and every check that could not run a skipped testcase
 * of its own; the whole in the Ant and Jenkins shape ({@code junit-report.xsd}).
 */
class JUnitXmlReportTest {
  @TempDir Path dir;

  private static final String FEATURE = "whatsapp/out-of-order.feature";
  private static final String PROPERTIES = "io.octopods.features.properties.EndToEndProperties";

  @Test
  void everyScenarioPropertyAndSkippedCheckIsATestcaseInTheJenkinsShape() {
    Ledger ledger = new Ledger(List.of());
    Throwable broken =
        catchThrowable(
            () -> ledger.invariant("I10", false, "Reach shows SENT but the API shows READ\nmore"));
    ledger.outcome(outcome(FEATURE, "A2 - read before delivered", Outcome.Status.PASSED, null));
    ledger.outcome(
        new Outcome(
            FEATURE,
            "A3 - read with no delivered",
            "WhatsApp out of order - A3 - read with no delivered",
            Outcome.Status.FAILED,
            broken.getMessage(),
            broken.getClass().getName(),
            "the trace",
            Set.of("a3"),
            Set.of("whatsapp"),
            1.25));
    ledger.outcome(
        outcome(
            "twilio/late-and-missing-reports.feature",
            "E1 - no final report",
            Outcome.Status.SKIPPED,
            "needs the service's reconciliation, and the target's reconcile_after (PT10M) is too"
                + " slow to wait for"));
    ledger.outcome(
        outcome(
            "viber/resends.feature",
            "C4 - resends",
            Outcome.Status.ERROR,
            "Condition not met within 30 seconds"));
    ledger.outcome(
        outcome(PROPERTIES, "invariantsHoldOnEverySurface", Outcome.Status.PASSED, null));
    ledger.scenario("A2 - read before delivered");
    ledger.skippedUnless(false, OptionalCheck.INBOX_CANVAS);
    ledger.scenario("A3 - read with no delivered");
    ledger.skippedUnless(false, OptionalCheck.INBOX_CANVAS);

    Path file = JUnitXmlReport.write(ledger, dir);

    assertThat(file).isEqualTo(dir.resolve("junit.xml"));
    assertThat(JUnitXmlShape.problems(file)).as("the Ant/Jenkins JUnit XML shape").isEmpty();
    Document doc = JUnitXmlShape.parse(file);
    Element all = doc.getDocumentElement();
    assertThat(all.getTagName()).isEqualTo("testsuites");
    assertThat(List.of("tests", "failures", "errors", "skipped"))
        .map(all::getAttribute)
        .containsExactly("6", "1", "1", "2");
    List<Element> cases = JUnitXmlShape.testcases(doc);
    assertThat(cases)
        .extracting(c -> c.getAttribute("classname") + " | " + c.getAttribute("name"))
        .containsExactly(
            FEATURE + " | A2 - read before delivered",
            FEATURE + " | A3 - read with no delivered",
            "twilio/late-and-missing-reports.feature | E1 - no final report",
            "viber/resends.feature | C4 - resends",
            PROPERTIES + " | invariantsHoldOnEverySurface",
            JUnitXmlReport.CHECKS + " | I10 on Intercom's Inbox canvas");
    assertThat(cases.get(0).getChildNodes().getLength()).as("a pass has no detail").isZero();
    Element failure = JUnitXmlShape.child(cases.get(1), "failure");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("invariant I10 broken: Reach shows SENT but the API shows READ");
    assertThat(failure.getAttribute("type")).isEqualTo(Ledger.InvariantBroken.class.getName());
    assertThat(cases.get(1).getAttribute("time")).isEqualTo("1.250");
    assertThat(JUnitXmlShape.child(cases.get(2), "skipped").getAttribute("message"))
        .contains("reconcile_after (PT10M) is too slow");
    assertThat(JUnitXmlShape.child(cases.get(3), "error").getAttribute("message"))
        .isEqualTo("Condition not met within 30 seconds");
    assertThat(JUnitXmlShape.child(cases.get(5), "skipped").getAttribute("message"))
        .contains("--intercom-secret")
        .contains("in 2 scenarios and properties, the first: A2 - read before delivered");
    assertThat(doc.getElementsByTagName("testsuite").getLength())
        .as("a suite per feature file or class, and the skipped checks")
        .isEqualTo(5);
  }

  @Test
  void aTerminalColourInAMessageStillMakesWellFormedXml() {
    Ledger ledger = new Ledger(List.of());
    ledger.outcome(
        outcome(FEATURE, "A2 <&> \"quoted\"", Outcome.Status.FAILED, "\u001b[31mred\u001b[0m"));

    Path file = JUnitXmlReport.write(ledger, dir);

    assertThat(JUnitXmlShape.problems(file)).isEmpty();
    Element c = JUnitXmlShape.testcases(JUnitXmlShape.parse(file)).get(0);
    assertThat(c.getAttribute("name")).isEqualTo("A2 <&> \"quoted\"");
    assertThat(JUnitXmlShape.child(c, "failure").getAttribute("message")).isEqualTo("[31mred[0m");
  }

  @Test
  void theShapeRefusesATestcaseWithoutANameOrASkipWithoutAReason() throws Exception {
    Path bad = dir.resolve("bad.xml");
    Files.writeString(
        bad,
        """
        <testsuites tests="2" failures="0" errors="0" skipped="1" time="0">
          <testsuite name="x.feature" tests="2" failures="0" errors="0" skipped="1" time="0">
            <testcase classname="x.feature" time="0"/>
            <testcase classname="x.feature" name="b" time="0"><skipped/></testcase>
          </testsuite>
        </testsuites>
        """);

    assertThat(JUnitXmlShape.problems(bad))
        .anySatisfy(p -> assertThat(p).contains("'name'").contains("'testcase'"))
        .anySatisfy(p -> assertThat(p).contains("'message'").contains("'skipped'"));
  }

  private static Outcome outcome(String suite, String name, Outcome.Status status, String message) {
    return new Outcome(
        suite,
        name,
        name,
        status,
        message,
        status.failed() ? AssertionError.class.getName() : null,
        "",
        Set.of(),
        Set.of(),
        0.5);
  }
}
