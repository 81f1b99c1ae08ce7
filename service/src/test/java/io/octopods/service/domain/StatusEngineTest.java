package io.octopods.service.domain;

import static io.octopods.service.domain.DecisionAssertions.assertDecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The status engine on provider words against status-model.md, section 2, cell by cell, and the
 * words of its reasons. Expected values are written out by hand from the spec, never computed by
 * the engine. The statuses, channels, word table (section 4), hand-off outcomes and the rows of
 * edge-cases.md each have a {@code StatusEngine...Test} of their own.
 */
class StatusEngineTest {

  // ---------------------------------------------------------------- section 1: the statuses

  @ParameterizedTest(name = "{0} is written ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            UNMAPPED  | unmapped
            CONFLICT  | conflict
            CHANNEL   | channel
            DUPLICATE | duplicate
            STALE     | stale
            """)
  void reasonWords(Reason reason, String word) {
    assertThat(reason.word()).isEqualTo(word);
  }

  // ---------------------------------------------------------------- section 2: the decision table

  /*
   * Columns: current status | provider word | mapped (public, '-' = unmapped) | applied | next |
   * reason ('-' = applied) | public change. One word per distinct meaning of the channel's table.
   */

  @ParameterizedTest(name = "SMS {1} on {0}: applied={3} next={4} reason={5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            QUEUED    | sent      | SENT      | true  | SENT      | -         | true
            UNKNOWN   | sent      | SENT      | true  | SENT      | -         | true
            SENT      | sent      | SENT      | false | SENT      | DUPLICATE | false
            DELIVERED | sent      | SENT      | false | DELIVERED | STALE     | false
            READ      | sent      | SENT      | false | READ      | STALE     | false
            DELETED   | sent      | SENT      | false | DELETED   | STALE     | false
            FAILED    | sent      | SENT      | false | FAILED    | STALE     | false
            QUEUED    | delivered | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | delivered | DELIVERED | true  | DELIVERED | -         | true
            SENT      | delivered | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | delivered | DELIVERED | false | DELIVERED | DUPLICATE | false
            READ      | delivered | DELIVERED | false | READ      | STALE     | false
            DELETED   | delivered | DELIVERED | false | DELETED   | STALE     | false
            FAILED    | delivered | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | read      | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | read      | DELIVERED | true  | DELIVERED | -         | true
            SENT      | read      | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | read      | DELIVERED | false | DELIVERED | CHANNEL   | false
            READ      | read      | DELIVERED | false | READ      | CHANNEL   | false
            DELETED   | read      | DELIVERED | false | DELETED   | CHANNEL   | false
            FAILED    | read      | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | failed    | FAILED    | true  | FAILED    | -         | true
            UNKNOWN   | failed    | FAILED    | true  | FAILED    | -         | true
            SENT      | failed    | FAILED    | true  | FAILED    | -         | true
            DELIVERED | failed    | FAILED    | false | DELIVERED | CONFLICT  | false
            READ      | failed    | FAILED    | false | READ      | CONFLICT  | false
            DELETED   | failed    | FAILED    | false | DELETED   | CONFLICT  | false
            FAILED    | failed    | FAILED    | false | FAILED    | DUPLICATE | false
            QUEUED    | warning   | -         | false | UNKNOWN   | UNMAPPED  | false
            UNKNOWN   | warning   | -         | false | UNKNOWN   | UNMAPPED  | false
            SENT      | warning   | -         | false | SENT      | UNMAPPED  | false
            DELIVERED | warning   | -         | false | DELIVERED | UNMAPPED  | false
            READ      | warning   | -         | false | READ      | UNMAPPED  | false
            DELETED   | warning   | -         | false | DELETED   | UNMAPPED  | false
            FAILED    | warning   | -         | false | FAILED    | UNMAPPED  | false
            """)
  void smsDecision(
      Status current,
      String word,
      String mapped,
      boolean applied,
      Status next,
      String reason,
      boolean publicChange) {
    assertDecision(
        StatusEngine.decide(current, Channel.SMS, word),
        current,
        mapped,
        applied,
        next,
        reason,
        publicChange);
  }

  @ParameterizedTest(name = "WhatsApp {1} on {0}: applied={3} next={4} reason={5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            QUEUED    | sent          | SENT      | true  | SENT      | -         | true
            UNKNOWN   | sent          | SENT      | true  | SENT      | -         | true
            SENT      | sent          | SENT      | false | SENT      | DUPLICATE | false
            DELIVERED | sent          | SENT      | false | DELIVERED | STALE     | false
            READ      | sent          | SENT      | false | READ      | STALE     | false
            DELETED   | sent          | SENT      | false | DELETED   | STALE     | false
            FAILED    | sent          | SENT      | false | FAILED    | STALE     | false
            QUEUED    | delivered     | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | delivered     | DELIVERED | true  | DELIVERED | -         | true
            SENT      | delivered     | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | delivered     | DELIVERED | false | DELIVERED | DUPLICATE | false
            READ      | delivered     | DELIVERED | false | READ      | STALE     | false
            DELETED   | delivered     | DELIVERED | false | DELETED   | STALE     | false
            FAILED    | delivered     | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | read          | READ      | true  | READ      | -         | true
            UNKNOWN   | read          | READ      | true  | READ      | -         | true
            SENT      | read          | READ      | true  | READ      | -         | true
            DELIVERED | read          | READ      | true  | READ      | -         | true
            READ      | read          | READ      | false | READ      | DUPLICATE | false
            DELETED   | read          | READ      | false | DELETED   | STALE     | false
            FAILED    | read          | READ      | false | FAILED    | CONFLICT  | false
            QUEUED    | deleted       | DELETED   | true  | DELETED   | -         | true
            UNKNOWN   | deleted       | DELETED   | true  | DELETED   | -         | true
            SENT      | deleted       | DELETED   | true  | DELETED   | -         | true
            DELIVERED | deleted       | DELETED   | true  | DELETED   | -         | true
            READ      | deleted       | DELETED   | true  | DELETED   | -         | true
            DELETED   | deleted       | DELETED   | false | DELETED   | DUPLICATE | false
            FAILED    | deleted       | DELETED   | false | FAILED    | CONFLICT  | false
            QUEUED    | failed        | FAILED    | true  | FAILED    | -         | true
            UNKNOWN   | failed        | FAILED    | true  | FAILED    | -         | true
            SENT      | failed        | FAILED    | true  | FAILED    | -         | true
            DELIVERED | failed        | FAILED    | false | DELIVERED | CONFLICT  | false
            READ      | failed        | FAILED    | false | READ      | CONFLICT  | false
            DELETED   | failed        | FAILED    | false | DELETED   | CONFLICT  | false
            FAILED    | failed        | FAILED    | false | FAILED    | DUPLICATE | false
            QUEUED    | future_status | -         | false | UNKNOWN   | UNMAPPED  | false
            UNKNOWN   | future_status | -         | false | UNKNOWN   | UNMAPPED  | false
            SENT      | future_status | -         | false | SENT      | UNMAPPED  | false
            DELIVERED | future_status | -         | false | DELIVERED | UNMAPPED  | false
            READ      | future_status | -         | false | READ      | UNMAPPED  | false
            DELETED   | future_status | -         | false | DELETED   | UNMAPPED  | false
            FAILED    | future_status | -         | false | FAILED    | UNMAPPED  | false
            """)
  void whatsappDecision(
      Status current,
      String word,
      String mapped,
      boolean applied,
      Status next,
      String reason,
      boolean publicChange) {
    assertDecision(
        StatusEngine.decide(current, Channel.WHATSAPP, word),
        current,
        mapped,
        applied,
        next,
        reason,
        publicChange);
  }

  @ParameterizedTest(name = "Viber {1} on {0}: applied={3} next={4} reason={5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            QUEUED    | delivered | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | delivered | DELIVERED | true  | DELIVERED | -         | true
            SENT      | delivered | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | delivered | DELIVERED | false | DELIVERED | DUPLICATE | false
            READ      | delivered | DELIVERED | false | READ      | STALE     | false
            DELETED   | delivered | DELIVERED | false | DELETED   | STALE     | false
            FAILED    | delivered | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | seen      | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | seen      | DELIVERED | true  | DELIVERED | -         | true
            SENT      | seen      | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | seen      | DELIVERED | false | DELIVERED | CHANNEL   | false
            READ      | seen      | DELIVERED | false | READ      | CHANNEL   | false
            DELETED   | seen      | DELIVERED | false | DELETED   | CHANNEL   | false
            FAILED    | seen      | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | expired   | FAILED    | true  | FAILED    | -         | true
            UNKNOWN   | expired   | FAILED    | true  | FAILED    | -         | true
            SENT      | expired   | FAILED    | true  | FAILED    | -         | true
            DELIVERED | expired   | FAILED    | false | DELIVERED | CONFLICT  | false
            READ      | expired   | FAILED    | false | READ      | CONFLICT  | false
            DELETED   | expired   | FAILED    | false | DELETED   | CONFLICT  | false
            FAILED    | expired   | FAILED    | false | FAILED    | DUPLICATE | false
            QUEUED    | sent      | -         | false | UNKNOWN   | UNMAPPED  | false
            UNKNOWN   | sent      | -         | false | UNKNOWN   | UNMAPPED  | false
            SENT      | sent      | -         | false | SENT      | UNMAPPED  | false
            DELIVERED | sent      | -         | false | DELIVERED | UNMAPPED  | false
            READ      | sent      | -         | false | READ      | UNMAPPED  | false
            DELETED   | sent      | -         | false | DELETED   | UNMAPPED  | false
            FAILED    | sent      | -         | false | FAILED    | UNMAPPED  | false
            """)
  void viberDecision(
      Status current,
      String word,
      String mapped,
      boolean applied,
      Status next,
      String reason,
      boolean publicChange) {
    assertDecision(
        StatusEngine.decide(current, Channel.VIBER, word),
        current,
        mapped,
        applied,
        next,
        reason,
        publicChange);
  }

  @ParameterizedTest(
      name = "{0}: a null, empty or blank word on QUEUED is unmapped and moves it to UNKNOWN")
  @EnumSource(Channel.class)
  void nullOrEmptyWordIsUnmappedNeverACrash(Channel channel) {
    for (String word : Arrays.asList(null, "", " ")) {
      Decision decision = StatusEngine.decide(Status.QUEUED, channel, word);
      assertThat(decision.applied()).isFalse();
      assertThat(decision.next()).isEqualTo(Status.UNKNOWN);
      assertThat(decision.mapped()).isEmpty();
      assertThat(decision.reason()).contains(Reason.UNMAPPED);
      assertThat(decision.publicChange()).isFalse();
    }
  }

  @ParameterizedTest(name = "every {0} word decides like its meaning, in any case")
  @EnumSource(Channel.class)
  void everyWordDecidesLikeItsMeaning(Channel channel) {
    ProviderVocabulary vocabulary = ProviderVocabulary.of(channel);
    for (String word : vocabulary.words()) {
      MappedWord meaning = vocabulary.map(word).orElseThrow();
      for (Status current : Status.values()) {
        Decision byWord = StatusEngine.decide(current, channel, word);
        Decision byMeaning = StatusEngine.decide(current, meaning.status());
        assertThat(StatusEngine.decide(current, channel, word.toUpperCase())).isEqualTo(byWord);
        assertThat(byWord.applied()).as("%s on %s", word, current).isEqualTo(byMeaning.applied());
        assertThat(byWord.next()).as("%s on %s", word, current).isEqualTo(byMeaning.next());
        if (!meaning.channelProof()) {
          assertThat(byWord).as("%s on %s", word, current).isEqualTo(byMeaning);
        }
      }
    }
  }
}
