package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider mappings of status-model.md, section 4, as a whole: one vocabulary per channel, read
 * leniently.
 */
class ProviderVocabularyTest {

  @ParameterizedTest
  @EnumSource(Channel.class)
  void eachChannelHasItsOwnVocabulary(Channel channel) {
    assertThat(ProviderVocabulary.of(channel).channel()).isEqualTo(channel);
  }

  /**
   * I5: {@code READ} appears only on WhatsApp; an SMS {@code read} and a Viber {@code seen} are
   * proof of delivery.
   */
  @Test
  void i5_onlyWhatsAppWordsMapToRead() {
    for (Channel channel : Channel.values()) {
      ProviderVocabulary vocabulary = ProviderVocabulary.of(channel);
      for (String word : vocabulary.words()) {
        Status status = vocabulary.map(word).orElseThrow().status();
        if (channel != Channel.WHATSAPP) {
          assertThat(status).as("%s '%s'", channel, word).isNotEqualTo(Status.READ);
        }
      }
    }
    assertThat(ProviderVocabulary.of(Channel.SMS).map("read"))
        .contains(new MappedWord(Status.DELIVERED, true));
    assertThat(ProviderVocabulary.of(Channel.VIBER).map("seen"))
        .contains(new MappedWord(Status.DELIVERED, true));
  }

  /**
   * Section 4 as read leniently (a rule of the table, not one of the invariants I1 to I15): a known
   * word in any case and with blanks around it maps as the table says; any other word is unmapped.
   */
  @Property(tries = 200)
  void section4_aWordMapsWhateverItsCaseAndBlanksAndOtherWordsAreUnmapped(
      @ForAll("casedWords") CasedWord cased,
      @ForAll @AlphaChars @StringLength(max = 12) String other) {
    ProviderVocabulary vocabulary = ProviderVocabulary.of(cased.channel());
    assertThat(vocabulary.map(cased.asSent())).isEqualTo(vocabulary.map(cased.word())).isPresent();
    Optional<MappedWord> mapped = vocabulary.map(other);
    assertThat(mapped.isPresent())
        .as("'%s' on %s", other, cased.channel())
        .isEqualTo(vocabulary.words().contains(other.toLowerCase(Locale.ROOT)));
  }

  record CasedWord(Channel channel, String word, String asSent) {}

  @Provide
  Arbitrary<CasedWord> casedWords() {
    return Arbitraries.of(Channel.class)
        .flatMap(
            channel ->
                Combinators.combine(
                        Arbitraries.of(
                            ProviderVocabulary.of(channel).words().toArray(String[]::new)),
                        Arbitraries.of("", " ", "\t", "  "),
                        Arbitraries.of("", " ", "\n"),
                        Arbitraries.randoms())
                    .as(
                        (word, before, after, random) -> {
                          StringBuilder b = new StringBuilder();
                          for (char c : word.toCharArray()) {
                            b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                          }
                          return new CasedWord(channel, word, before + b + after);
                        }));
  }
}
