package io.octopods.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The README's "use the simulators in your own tests" shows the example project's test in full: the
 * snippet and the file that {@code examples/junit-consumer} runs on JUnit 5 and 6 must not drift
 * apart.
 */
class ReadmeJunitExampleTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLE =
      Path.of(
          "..",
          "examples",
          "junit-consumer",
          "src",
          "test",
          "java",
          "com",
          "example",
          "delivery",
          "ReadBeforeDeliveredTest.java");

  @Test
  void theReadmeShowsTheExampleTestAsItIs() throws IOException {
    String snippet = javaBlockAfterHeading(Files.readAllLines(README), "your own tests");

    assertThat(snippet).isEqualTo(Files.readString(EXAMPLE).replace("\r\n", "\n").stripTrailing());
  }

  /**
   * The first ```java block of the section whose heading contains {@code words}, without its
   * fences.
   */
  private static String javaBlockAfterHeading(List<String> lines, String words) {
    int heading = -1;
    boolean inFence = false;
    for (int i = 0; i < lines.size() && heading < 0; i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence
          && line.startsWith("#")
          && line.toLowerCase(Locale.ROOT).contains(words)) {
        heading = i;
      }
    }
    assertThat(heading).as("README.md has a heading containing '%s'", words).isNotNegative();
    int level = lines.get(heading).indexOf(' ');
    List<String> block = new ArrayList<>();
    boolean inJava = false;
    inFence = false;
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (inJava) {
        if (line.startsWith("```")) {
          return String.join("\n", block).stripTrailing();
        }
        block.add(line);
      } else if (line.startsWith("```java")) {
        inJava = true;
      } else if (line.startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence && line.matches("#{1," + level + "} .*")) {
        break;
      }
    }
    throw new AssertionError(
        "README.md: no complete ```java block in the section '" + lines.get(heading) + "'");
  }
}
