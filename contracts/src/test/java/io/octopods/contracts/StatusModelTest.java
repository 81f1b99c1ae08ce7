package io.octopods.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The oracle says what status-model.md says, on the rules the suites lean on most. */
class StatusModelTest {
  /**
   * A row of section 5's icon table: {@code | Delivered | `check-double` | ✓✓ (U+2713 U+2713) |}.
   */
  private static final Pattern ICON_ROW =
      Pattern.compile(
          "^\\| ([A-Za-z ]+) \\| `([a-z-]+)` \\| (\\S+) \\((U\\+[0-9A-F]+(?: U\\+[0-9A-F]+)*)\\) \\|$");

  @Test
  void aStatusMayOnlyMoveUpAndNeverLeaveAnOutcome() {
    assertThat(StatusModel.mayFollow("SENT", "DELIVERED")).isTrue();
    assertThat(StatusModel.mayFollow("DELIVERED", "SENT")).as("I2").isFalse();
    assertThat(StatusModel.mayFollow("READ", "UNKNOWN")).as("I3").isFalse();
    assertThat(StatusModel.mayFollow("FAILED", "DELIVERED")).as("I4").isFalse();
    assertThat(StatusModel.mayFollow("DELIVERED", "FAILED")).as("I4").isFalse();
    assertThat(StatusModel.mayFollow("SENT", "FAILED")).isTrue();
    assertThat(StatusModel.mayFollow("DELETED", "READ")).isFalse();
    assertThat(StatusModel.mayFollow("READ", "READ")).as("unchanged").isTrue();
  }

  @Test
  void aReportIsAppliedOnlyWhenItMovesTheMessageOn() {
    assertThat(StatusModel.applies("READ", "SENT")).as("A3: read without delivered").isTrue();
    assertThat(StatusModel.applies("SENT", "DELIVERED")).as("A1: stale").isFalse();
    assertThat(StatusModel.applies("FAILED", "DELIVERED")).as("B1: conflict").isFalse();
    assertThat(StatusModel.applies("DELIVERED", "FAILED")).as("B1: conflict").isFalse();
    assertThat(StatusModel.applies("UNKNOWN", "QUEUED")).isTrue();
    assertThat(StatusModel.applies("UNKNOWN", "SENT")).isFalse();
  }

  @Test
  void aReportNotAppliedGetsTheFirstReasonThatFits() {
    assertThat(StatusModel.reason("whatsapp", "warning", null, "SENT")).isEqualTo("unmapped");
    assertThat(StatusModel.reason("whatsapp", "failed", "FAILED", "READ")).isEqualTo("conflict");
    assertThat(StatusModel.reason("sms", "read", "DELIVERED", "DELIVERED")).isEqualTo("channel");
    assertThat(StatusModel.reason("viber", "delivered", "DELIVERED", "DELIVERED"))
        .isEqualTo("duplicate");
    assertThat(StatusModel.reason("sms", "sent", "SENT", "DELIVERED")).isEqualTo("stale");
  }

  @Test
  void everyStatusHasOneLabelOnEachSurface() {
    assertThat(StatusModel.INBOX).containsOnlyKeys(StatusModel.PUBLIC);
    assertThat(StatusModel.REACH).containsOnlyKeys(StatusModel.PUBLIC);
    assertThat(StatusModel.statusOfLabel(StatusModel.INBOX, "Delivery Failed")).isEqualTo("FAILED");
    assertThat(StatusModel.statusOfLabel(StatusModel.REACH, "Queued")).isEqualTo("UNKNOWN");
    assertThat(StatusModel.statusOfLabel(StatusModel.REACH, "queued")).isNull();
    assertThat(StatusModel.channelOf("twilio")).isEqualTo("sms");
    assertThat(StatusModel.providerOf("sms")).isEqualTo("twilio");
  }

  @Test
  void everyStatusHasOneInboxIconWhoseTextSplitsFromTheLabelAtTheFirstSpace() {
    assertThat(StatusModel.INBOX_ICON).containsOnlyKeys(StatusModel.PUBLIC);
    assertThat(StatusModel.INBOX_ICON_TEXT)
        .containsOnlyKeys(StatusModel.INBOX_ICON.values())
        .allSatisfy((name, text) -> assertThat(text).isNotEmpty().doesNotContain(" "));
    assertThat(StatusModel.INBOX_ICON_TEXT.values()).doesNotHaveDuplicates();
    assertThat(StatusModel.inboxIconText("DELIVERED")).isEqualTo("\u2713\u2713");
    assertThat(StatusModel.inboxIconText("QUEUED")).as("internal, never shown").isNull();
  }

  @Test
  void theInboxIconsAreSectionFivesIconTable() throws IOException {
    Map<String, String> names = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "status-model.md"))) {
      Matcher row = ICON_ROW.matcher(line);
      if (row.matches()) {
        String label = row.group(1);
        String codePoints =
            Pattern.compile(" ")
                .splitAsStream(row.group(4))
                .map(u -> Character.toString(Integer.parseInt(u.substring(2), 16)))
                .collect(Collectors.joining());
        assertThat(row.group(3))
            .as("the icon of %s as its code points say", label)
            .isEqualTo(codePoints);
        names.put(label, row.group(2));
        texts.put(label, row.group(3));
      }
    }
    Map<String, String> oracleNames = new HashMap<>();
    Map<String, String> oracleTexts = new HashMap<>();
    StatusModel.INBOX.forEach(
        (status, label) -> {
          oracleNames.put(label, StatusModel.INBOX_ICON.get(status));
          oracleTexts.put(label, StatusModel.inboxIconText(status));
        });
    assertThat(names).as("icon names by label").isEqualTo(oracleNames);
    assertThat(texts).as("icon texts by label").isEqualTo(oracleTexts);
  }

  @Test
  void providerWordsMapAsSectionFoursTableSays() throws IOException {
    Map<String, Map<String, String>> table = new HashMap<>();
    List<String> providers = List.of("twilio", "whatsapp", "viber");
    for (String line : Files.readAllLines(Path.of("..", "docs", "status-model.md"))) {
      Matcher row = WORD_ROW.matcher(line);
      if (!row.matches() || row.group(1).startsWith("anything")) {
        continue;
      }
      for (String word : row.group(1).replaceAll(" \\(.*\\)", "").split(", ")) {
        for (int p = 0; p < providers.size(); p++) {
          Matcher status = MAPPED.matcher(row.group(p + 2));
          if (status.find()) {
            table
                .computeIfAbsent(providers.get(p), k -> new HashMap<>())
                .put(word, status.group(1));
          }
        }
      }
    }
    for (String provider : providers) {
      Map<String, String> oracle = new HashMap<>();
      StatusModel.mappedWords(provider)
          .forEach(w -> oracle.put(w, StatusModel.mappedStatus(provider, w)));
      assertThat(oracle).as("the words of %s", provider).isEqualTo(table.get(provider));
    }
    assertThat(StatusModel.mappedStatus("whatsapp", "warning")).as("unmapped").isNull();
    assertThat(StatusModel.mappedStatus("viber", "read")).as("another provider's word").isNull();
  }

  /** A row of section 4: {@code | read | `DELIVERED` (channel) | `READ` | |}. */
  private static final Pattern WORD_ROW =
      Pattern.compile("^\\| ([a-z][a-z_, ()a-z]*) \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$");

  private static final Pattern MAPPED = Pattern.compile("`([A-Z]+)`");
}
