package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The word table of status-model.md, section 4, cell by cell: each channel's provider words, their
 * status and whether they are channel proof; every other word is unmapped. Written out by hand from
 * the spec.
 */
class StatusEngineVocabularyTest {

  @ParameterizedTest(name = "{0} ''{1}'' -> {2} (channel proof: {3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            SMS      | accepted    | SENT      | false
            SMS      | scheduled   | SENT      | false
            SMS      | queued      | SENT      | false
            SMS      | sending     | SENT      | false
            SMS      | sent        | SENT      | false
            SMS      | delivered   | DELIVERED | false
            SMS      | read        | DELIVERED | true
            SMS      | undelivered | FAILED    | false
            SMS      | failed      | FAILED    | false
            SMS      | canceled    | FAILED    | false
            WHATSAPP | sent        | SENT      | false
            WHATSAPP | delivered   | DELIVERED | false
            WHATSAPP | read        | READ      | false
            WHATSAPP | played      | READ      | false
            WHATSAPP | deleted     | DELETED   | false
            WHATSAPP | undelivered | FAILED    | false
            WHATSAPP | failed      | FAILED    | false
            VIBER    | delivered   | DELIVERED | false
            VIBER    | seen        | DELIVERED | true
            VIBER    | undelivered | FAILED    | false
            VIBER    | failed      | FAILED    | false
            VIBER    | expired     | FAILED    | false
            """)
  void knownWord(Channel channel, String word, Status status, boolean channelProof) {
    ProviderVocabulary vocabulary = ProviderVocabulary.of(channel);
    MappedWord expected = new MappedWord(status, channelProof);
    assertThat(vocabulary.map(word)).contains(expected);
    assertThat(vocabulary.map(word.toUpperCase())).as("case-insensitive").contains(expected);
    assertThat(vocabulary.words()).contains(word);
  }

  @Test
  void eachChannelKnowsExactlyTheWordsOfTheTable() {
    assertThat(ProviderVocabulary.of(Channel.SMS).words())
        .containsExactly(
            "accepted",
            "scheduled",
            "queued",
            "sending",
            "sent",
            "delivered",
            "read",
            "undelivered",
            "failed",
            "canceled");
    assertThat(ProviderVocabulary.of(Channel.WHATSAPP).words())
        .containsExactly("sent", "delivered", "read", "played", "deleted", "undelivered", "failed");
    assertThat(ProviderVocabulary.of(Channel.VIBER).words())
        .containsExactly("delivered", "seen", "undelivered", "failed", "expired");
  }

  @ParameterizedTest(name = "{0} ''{1}'' is unmapped")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            SMS      | partially_delivered
            SMS      | played
            SMS      | deleted
            SMS      | seen
            SMS      | expired
            SMS      | warning
            WHATSAPP | warning
            WHATSAPP | future_status
            WHATSAPP | accepted
            WHATSAPP | queued
            WHATSAPP | seen
            WHATSAPP | canceled
            WHATSAPP | expired
            VIBER    | sent
            VIBER    | read
            VIBER    | played
            VIBER    | deleted
            VIBER    | canceled
            VIBER    | warning
            """)
  void otherWordIsUnmapped(Channel channel, String word) {
    assertThat(ProviderVocabulary.of(channel).map(word)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: null, empty and blank are unmapped")
  @EnumSource(Channel.class)
  void nullEmptyAndBlankAreUnmapped(Channel channel) {
    ProviderVocabulary vocabulary = ProviderVocabulary.of(channel);
    assertThat(vocabulary.map(null)).isEmpty();
    assertThat(vocabulary.map("")).isEmpty();
    assertThat(vocabulary.map("   ")).isEmpty();
    assertThat(vocabulary.map("d\u0000elivered")).isEmpty();
  }
}
