package io.octopods.features.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML (the Ant and Jenkins format that CI systems read as a test report): one
 * {@code testsuite} per feature file or property class, one {@code testcase} per scenario and
 * property ({@code classname} the feature file or class, {@code name} the scenario or property); a
 * failed assertion is a {@code failure} whose message is its first line (the broken invariant or
 * contract field), any other exception an {@code error}, a skip a {@code skipped} with its reason.
 * Each check that could not run is a skipped {@code testcase} of the suite {@value #CHECKS}.
 */
public final class JUnitXmlReport {
  /** The suite of the single checks that could not run. */
  public static final String CHECKS = "checks";

  private JUnitXmlReport() {}

  /** Writes {@code junit.xml} into {@code dir}; answers its path. */
  public static Path write(Ledger ledger, Path dir) {
    Path file = dir.resolve("junit.xml");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(file)) {
        write(cases(ledger), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The scenarios and properties, then the checks that could not run as skipped cases. */
  static List<Outcome> cases(Ledger ledger) {
    List<Outcome> cases = new ArrayList<>(ledger.outcomes());
    for (SkippedCheck c : ledger.skippedChecks()) {
      cases.add(
          new Outcome(
              CHECKS,
              c.check(),
              c.check(),
              Outcome.Status.SKIPPED,
              c.reason()
                  + " (in "
                  + c.scenarios().size()
                  + " scenarios and properties, the first: "
                  + c.scenarios().get(0)
                  + ")",
              null,
              "",
              Set.of(),
              Set.of(),
              0));
    }
    return cases;
  }

  static void write(List<Outcome> cases, OutputStream out) throws XMLStreamException {
    Map<String, List<Outcome>> suites = new LinkedHashMap<>();
    cases.forEach(c -> suites.computeIfAbsent(c.suite(), k -> new ArrayList<>()).add(c));
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", "octopods check");
    counts(xml, cases);
    for (Map.Entry<String, List<Outcome>> suite : suites.entrySet()) {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", safe(suite.getKey()));
      counts(xml, suite.getValue());
      for (Outcome c : suite.getValue()) {
        testcase(xml, c);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
  }

  private static void counts(XMLStreamWriter xml, List<Outcome> cases) throws XMLStreamException {
    xml.writeAttribute("tests", Integer.toString(cases.size()));
    xml.writeAttribute("failures", count(cases, Outcome.Status.FAILED));
    xml.writeAttribute("errors", count(cases, Outcome.Status.ERROR));
    xml.writeAttribute("skipped", count(cases, Outcome.Status.SKIPPED));
    xml.writeAttribute("time", seconds(cases.stream().mapToDouble(Outcome::seconds).sum()));
  }

  private static void testcase(XMLStreamWriter xml, Outcome c) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    boolean detail = c.status() != Outcome.Status.PASSED;
    if (detail) {
      xml.writeStartElement("testcase");
    } else {
      xml.writeEmptyElement("testcase");
    }
    xml.writeAttribute("classname", safe(c.suite()));
    xml.writeAttribute("name", safe(c.name()));
    xml.writeAttribute("time", seconds(c.seconds()));
    if (!detail) {
      return;
    }
    xml.writeCharacters("\n      ");
    switch (c.status()) {
      case SKIPPED -> {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", safe(reason(c)));
      }
      case FAILED, ERROR -> {
        xml.writeStartElement(c.status() == Outcome.Status.FAILED ? "failure" : "error");
        xml.writeAttribute("message", safe(c.headline()));
        if (c.thrown() != null) {
          xml.writeAttribute("type", c.thrown());
        }
        xml.writeCharacters(safe(c.trace().isEmpty() ? String.valueOf(c.message()) : c.trace()));
        xml.writeEndElement();
      }
      default -> throw new IllegalStateException("no detail for " + c.status());
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static String reason(Outcome c) {
    return c.message() == null || c.message().isBlank() ? "(no reason given)" : c.message();
  }

  private static String count(List<Outcome> cases, Outcome.Status status) {
    return Long.toString(cases.stream().filter(c -> c.status() == status).count());
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** Leaves out the characters XML 1.0 cannot hold (e.g. the escape of a terminal colour). */
  static String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            cp ->
                cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
