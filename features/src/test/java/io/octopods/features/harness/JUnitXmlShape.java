package io.octopods.features.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The shape of a JUnit XML report ({@code junit-report.xsd}, the Ant and Jenkins format), for the
 * tests of the gate's {@code junit.xml}.
 */
public final class JUnitXmlShape {
  private JUnitXmlShape() {}

  /** What in {@code file} breaks the schema; empty when it follows it. */
  public static List<String> problems(Path file) {
    List<String> problems = new ArrayList<>();
    try (InputStream xsd = JUnitXmlShape.class.getResourceAsStream("/junit-report.xsd")) {
      Validator validator =
          SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
              .newSchema(new StreamSource(xsd))
              .newValidator();
      validator.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
              problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
              problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
          });
      validator.validate(new StreamSource(file.toFile()));
    } catch (SAXException e) {
      problems.add(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  public static Document parse(Path file) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  /** The testcases of a report, in order. */
  public static List<Element> testcases(Document doc) {
    List<Element> cases = new ArrayList<>();
    NodeList list = doc.getElementsByTagName("testcase");
    for (int i = 0; i < list.getLength(); i++) {
      cases.add((Element) list.item(i));
    }
    return cases;
  }

  /**
   * The one child of a testcase named {@code failure}, {@code error} or {@code skipped}, if any.
   */
  public static Element child(Element testcase, String name) {
    NodeList list = testcase.getElementsByTagName(name);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }
}
