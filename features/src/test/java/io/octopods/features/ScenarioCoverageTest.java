package io.octopods.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature files keep up with the specs: every row of {@code docs/edge-cases.md} and every
 * invariant of {@code docs/status-model.md} (section 3) is the tag of at least one scenario, so a
 * row or an invariant added to the specs fails this test until a scenario covers it. The
 * cross-provider rules are Scenario Outlines with a row per provider.
 */
class ScenarioCoverageTest {
  private static final Path FEATURES = Path.of(".");
  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern TABLE_ID = Pattern.compile("(?m)^\\| ([A-Z][0-9]+) \\|");
  private static final Pattern TAG = Pattern.compile("@([a-z][a-z0-9-]*)");

  @Test
  void everyEdgeCaseRowHasAScenario() throws IOException {
    List<String> rows = idsIn(Files.readString(DOCS.resolve("edge-cases.md")));
    assertThat(rows).as("rows read from edge-cases.md").hasSizeGreaterThan(30);
    assertThat(scenarioTags()).as("tags of the feature files").containsAll(lowerCase(rows));
  }

  @Test
  void everyInvariantHasAScenario() throws IOException {
    String model = Files.readString(DOCS.resolve("status-model.md"));
    String section3 = model.substring(model.indexOf("## 3."), model.indexOf("## 4."));
    List<String> invariants = idsIn(section3);
    assertThat(invariants).as("invariants read from status-model.md").hasSize(15);
    assertThat(scenarioTags()).as("tags of the feature files").containsAll(lowerCase(invariants));
  }

  @Test
  void crossProviderRulesAreOutlinesWithARowPerProvider() throws IOException {
    try (Stream<Path> files = Files.list(FEATURES.resolve("cross-provider"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
        String text = Files.readString(f);
        assertThat(text).as(f + " has a Scenario Outline").contains("Scenario Outline:");
        String examples = text.substring(text.indexOf("Examples:"));
        assertThat(examples)
            .as(f + " has a row per provider")
            .containsPattern("\\| *(SMS|Twilio) *\\|")
            .containsPattern("\\| *WhatsApp *\\|")
            .containsPattern("\\| *Viber *\\|");
      }
    }
  }

  private static List<String> idsIn(String markdown) {
    List<String> ids = new ArrayList<>();
    Matcher m = TABLE_ID.matcher(markdown);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static List<String> lowerCase(List<String> ids) {
    return ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList();
  }

  private static Set<String> scenarioTags() throws IOException {
    Set<String> tags = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(FEATURES)) {
      for (Path f :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".feature")
                          && !p.startsWith(FEATURES.resolve("target")))
              .toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.strip().startsWith("@")) {
            Matcher m = TAG.matcher(line);
            while (m.find()) {
              tags.add(m.group(1));
            }
          }
        }
      }
    }
    return tags;
  }
}
