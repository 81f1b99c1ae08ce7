package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The status engine against status-model.md, sections 2 and 4, cell by cell, and against the rows
 * of edge-cases.md that concern the engine. Expected values are written out by hand from the spec,
 * never computed by the engine.
 */
class StatusEngineTest {

    // ---------------------------------------------------------------- section 1: the statuses

    @Nested
    class Statuses {

        @ParameterizedTest(name = "{0}: rank {1}, terminal {2}, delivered family {3}, shown as {4}")
        @CsvSource(delimiter = '|', textBlock = """
                QUEUED    | 0 | false | false | UNKNOWN
                UNKNOWN   | 1 | false | false | UNKNOWN
                SENT      | 2 | false | false | SENT
                DELIVERED | 3 | true  | true  | DELIVERED
                READ      | 4 | true  | true  | READ
                DELETED   | 5 | true  | true  | DELETED
                FAILED    | 3 | true  | false | FAILED
                """)
        void status(Status status, int rank, boolean terminal, boolean deliveredFamily, String shownAs) {
            assertThat(status.rank()).isEqualTo(rank);
            assertThat(status.isTerminal()).isEqualTo(terminal);
            assertThat(status.isDeliveredFamily()).isEqualTo(deliveredFamily);
            assertThat(status.publicName()).isEqualTo(shownAs);
            assertThat(status.publicStatus()).isEqualTo(Status.valueOf(shownAs));
        }

        @Test
        void declaredInRankOrderWithFailedApart() {
            assertThat(Status.values()).containsExactly(Status.QUEUED, Status.UNKNOWN, Status.SENT,
                    Status.DELIVERED, Status.READ, Status.DELETED, Status.FAILED);
        }
    }

    @Nested
    class Channels {

        @ParameterizedTest(name = "{0} -> {1}, provider {2}")
        @CsvSource(delimiter = '|', textBlock = """
                sms      | SMS      | twilio
                whatsapp | WHATSAPP | whatsapp
                viber    | VIBER    | viber
                """)
        void fromPath(String path, Channel channel, String provider) {
            assertThat(Channel.fromPath(path)).contains(channel);
            assertThat(channel.provider()).isEqualTo(provider);
            assertThat(channel.path()).isEqualTo(path);
        }

        @ParameterizedTest(name = "''{0}'' is no channel")
        @NullAndEmptySource
        @ValueSource(strings = {"SMS", "twilio", "telegram", " sms"})
        void unknownPathIsNoChannel(String path) {
            assertThat(Channel.fromPath(path)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} is written ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            UNMAPPED  | unmapped
            CONFLICT  | conflict
            CHANNEL   | channel
            DUPLICATE | duplicate
            STALE     | stale
            """)
    void reasonWords(Reason reason, String word) {
        assertThat(reason.word()).isEqualTo(word);
    }

    // ---------------------------------------------------------------- section 4: the word table

    @Nested
    class Vocabulary {

        @ParameterizedTest(name = "{0} ''{1}'' -> {2} (channel proof: {3})")
        @CsvSource(delimiter = '|', textBlock = """
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
            assertThat(ProviderVocabulary.of(Channel.SMS).words()).containsExactly("accepted", "scheduled",
                    "queued", "sending", "sent", "delivered", "read", "undelivered", "failed", "canceled");
            assertThat(ProviderVocabulary.of(Channel.WHATSAPP).words()).containsExactly("sent", "delivered",
                    "read", "played", "deleted", "undelivered", "failed");
            assertThat(ProviderVocabulary.of(Channel.VIBER).words()).containsExactly("delivered", "seen",
                    "undelivered", "failed", "expired");
        }

        @ParameterizedTest(name = "{0} ''{1}'' is unmapped")
        @CsvSource(delimiter = '|', textBlock = """
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

    // ---------------------------------------------------------------- section 2: the decision table

    /*
     * Columns: current status | provider word | mapped (public, '-' = unmapped) | applied | next |
     * reason ('-' = applied) | public change. One word per distinct meaning of the channel's table.
     */

    @ParameterizedTest(name = "SMS {1} on {0}: applied={3} next={4} reason={5}")
    @CsvSource(delimiter = '|', textBlock = """
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
    void smsDecision(Status current, String word, String mapped, boolean applied, Status next, String reason,
                     boolean publicChange) {
        assertDecision(StatusEngine.decide(current, Channel.SMS, word), current, mapped, applied, next, reason,
                publicChange);
    }

    @ParameterizedTest(name = "WhatsApp {1} on {0}: applied={3} next={4} reason={5}")
    @CsvSource(delimiter = '|', textBlock = """
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
    void whatsappDecision(Status current, String word, String mapped, boolean applied, Status next, String reason,
                          boolean publicChange) {
        assertDecision(StatusEngine.decide(current, Channel.WHATSAPP, word), current, mapped, applied, next, reason,
                publicChange);
    }

    @ParameterizedTest(name = "Viber {1} on {0}: applied={3} next={4} reason={5}")
    @CsvSource(delimiter = '|', textBlock = """
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
    void viberDecision(Status current, String word, String mapped, boolean applied, Status next, String reason,
                       boolean publicChange) {
        assertDecision(StatusEngine.decide(current, Channel.VIBER, word), current, mapped, applied, next, reason,
                publicChange);
    }

    /*
     * Outcomes already in our terms (the hand-off: accepted SENT, rejected FAILED, throttled or
     * unreachable UNKNOWN), every current status x every status, QUEUED included so the engine is
     * total. The edge: UNKNOWN on QUEUED is applied but no public change; UNKNOWN on UNKNOWN (a
     * hand-off retry that is throttled again) is a duplicate.
     */
    @ParameterizedTest(name = "outcome {1} on {0}: applied={3} next={4} reason={5}")
    @CsvSource(delimiter = '|', textBlock = """
            QUEUED    | QUEUED    | UNKNOWN   | false | QUEUED    | DUPLICATE | false
            UNKNOWN   | QUEUED    | UNKNOWN   | false | UNKNOWN   | DUPLICATE | false
            SENT      | QUEUED    | UNKNOWN   | false | SENT      | STALE     | false
            DELIVERED | QUEUED    | UNKNOWN   | false | DELIVERED | STALE     | false
            READ      | QUEUED    | UNKNOWN   | false | READ      | STALE     | false
            DELETED   | QUEUED    | UNKNOWN   | false | DELETED   | STALE     | false
            FAILED    | QUEUED    | UNKNOWN   | false | FAILED    | STALE     | false
            QUEUED    | UNKNOWN   | UNKNOWN   | true  | UNKNOWN   | -         | false
            UNKNOWN   | UNKNOWN   | UNKNOWN   | false | UNKNOWN   | DUPLICATE | false
            SENT      | UNKNOWN   | UNKNOWN   | false | SENT      | STALE     | false
            DELIVERED | UNKNOWN   | UNKNOWN   | false | DELIVERED | STALE     | false
            READ      | UNKNOWN   | UNKNOWN   | false | READ      | STALE     | false
            DELETED   | UNKNOWN   | UNKNOWN   | false | DELETED   | STALE     | false
            FAILED    | UNKNOWN   | UNKNOWN   | false | FAILED    | STALE     | false
            QUEUED    | SENT      | SENT      | true  | SENT      | -         | true
            UNKNOWN   | SENT      | SENT      | true  | SENT      | -         | true
            SENT      | SENT      | SENT      | false | SENT      | DUPLICATE | false
            DELIVERED | SENT      | SENT      | false | DELIVERED | STALE     | false
            READ      | SENT      | SENT      | false | READ      | STALE     | false
            DELETED   | SENT      | SENT      | false | DELETED   | STALE     | false
            FAILED    | SENT      | SENT      | false | FAILED    | STALE     | false
            QUEUED    | DELIVERED | DELIVERED | true  | DELIVERED | -         | true
            UNKNOWN   | DELIVERED | DELIVERED | true  | DELIVERED | -         | true
            SENT      | DELIVERED | DELIVERED | true  | DELIVERED | -         | true
            DELIVERED | DELIVERED | DELIVERED | false | DELIVERED | DUPLICATE | false
            READ      | DELIVERED | DELIVERED | false | READ      | STALE     | false
            DELETED   | DELIVERED | DELIVERED | false | DELETED   | STALE     | false
            FAILED    | DELIVERED | DELIVERED | false | FAILED    | CONFLICT  | false
            QUEUED    | READ      | READ      | true  | READ      | -         | true
            UNKNOWN   | READ      | READ      | true  | READ      | -         | true
            SENT      | READ      | READ      | true  | READ      | -         | true
            DELIVERED | READ      | READ      | true  | READ      | -         | true
            READ      | READ      | READ      | false | READ      | DUPLICATE | false
            DELETED   | READ      | READ      | false | DELETED   | STALE     | false
            FAILED    | READ      | READ      | false | FAILED    | CONFLICT  | false
            QUEUED    | DELETED   | DELETED   | true  | DELETED   | -         | true
            UNKNOWN   | DELETED   | DELETED   | true  | DELETED   | -         | true
            SENT      | DELETED   | DELETED   | true  | DELETED   | -         | true
            DELIVERED | DELETED   | DELETED   | true  | DELETED   | -         | true
            READ      | DELETED   | DELETED   | true  | DELETED   | -         | true
            DELETED   | DELETED   | DELETED   | false | DELETED   | DUPLICATE | false
            FAILED    | DELETED   | DELETED   | false | FAILED    | CONFLICT  | false
            QUEUED    | FAILED    | FAILED    | true  | FAILED    | -         | true
            UNKNOWN   | FAILED    | FAILED    | true  | FAILED    | -         | true
            SENT      | FAILED    | FAILED    | true  | FAILED    | -         | true
            DELIVERED | FAILED    | FAILED    | false | DELIVERED | CONFLICT  | false
            READ      | FAILED    | FAILED    | false | READ      | CONFLICT  | false
            DELETED   | FAILED    | FAILED    | false | DELETED   | CONFLICT  | false
            FAILED    | FAILED    | FAILED    | false | FAILED    | DUPLICATE | false
            """)
    void outcomeDecision(Status current, Status target, String mapped, boolean applied, Status next, String reason,
                         boolean publicChange) {
        assertDecision(StatusEngine.decide(current, target), current, mapped, applied, next, reason, publicChange);
    }

    @ParameterizedTest(name = "{0}: a null, empty or blank word on QUEUED is unmapped and moves it to UNKNOWN")
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

    // ---------------------------------------------------------------- edge-cases.md rows

    @Nested
    @DisplayName("edge-cases.md")
    class EdgeCases {

        @Test
        @DisplayName("A1 Twilio: sent after delivered/undelivered is stale")
        void a1_sentAfterDeliveredOrUndeliveredIsStale() {
            assertFold(Status.SENT, List.of(sms("delivered"), sms("sent")),
                    Status.DELIVERED, "applied", "stale");
            assertFold(Status.SENT, List.of(sms("undelivered"), sms("sent")),
                    Status.FAILED, "applied", "stale");
        }

        @Test
        @DisplayName("A2 WhatsApp: sent, read, delivered, delivered again ends READ")
        void a2_sentReadDeliveredDeliveredEndsRead() {
            assertFold(Status.QUEUED, List.of(handOff(Status.SENT), wa("sent"), wa("read"), wa("delivered"),
                            wa("delivered")),
                    Status.READ, "applied", "duplicate", "applied", "stale", "stale");
        }

        @Test
        @DisplayName("A3 WhatsApp: read with no delivered goes SENT -> READ directly")
        void a3_readWithoutDeliveredGoesStraightToRead() {
            assertFold(Status.SENT, List.of(wa("read")), Status.READ, "applied");
        }

        @Test
        @DisplayName("A4 WhatsApp: delivered as the first and only report, from UNKNOWN or SENT")
        void a4_deliveredAsTheOnlyReport() {
            assertFold(Status.UNKNOWN, List.of(wa("delivered")), Status.DELIVERED, "applied");
            assertFold(Status.SENT, List.of(wa("delivered")), Status.DELIVERED, "applied");
        }

        @Test
        @DisplayName("A5 Twilio: no queued/accepted callback; a terminal report may come first")
        void a5_terminalReportFirst() {
            assertFold(Status.QUEUED, List.of(handOff(Status.SENT), sms("failed")),
                    Status.FAILED, "applied", "applied");
            assertFold(Status.QUEUED, List.of(handOff(Status.SENT), sms("undelivered")),
                    Status.FAILED, "applied", "applied");
            assertFold(Status.UNKNOWN, List.of(sms("delivered"), sms("sent"), sms("queued")),
                    Status.DELIVERED, "applied", "stale", "stale");
        }

        @Test
        @DisplayName("A6 Viber: seen is proof of delivery, never READ")
        void a6_seenIsProofOfDeliveryNeverRead() {
            StatusHistory seenFirst = assertFold(Status.SENT, List.of(viber("seen")), Status.DELIVERED, "applied");
            assertThat(seenFirst.decisions().get(0).mapped()).contains(Status.DELIVERED);
            assertFold(Status.SENT, List.of(viber("delivered"), viber("seen"), viber("seen")),
                    Status.DELIVERED, "applied", "channel", "channel");
        }

        @Test
        @DisplayName("B1 WhatsApp: delivered and failed in either order, first outcome wins")
        void b1_deliveredAndFailedFirstOutcomeWins() {
            assertFold(Status.SENT, List.of(wa("delivered"), wa("failed")),
                    Status.DELIVERED, "applied", "conflict");
            assertFold(Status.SENT, List.of(wa("failed"), wa("delivered")),
                    Status.FAILED, "applied", "conflict");
            assertFold(Status.SENT, List.of(wa("failed"), wa("read"), wa("deleted")),
                    Status.FAILED, "applied", "conflict", "conflict");
        }

        @Test
        @DisplayName("B2 Twilio: undelivered and delivered for one sid, first outcome wins")
        void b2_undeliveredAndDeliveredFirstOutcomeWins() {
            assertFold(Status.SENT, List.of(sms("undelivered"), sms("delivered")),
                    Status.FAILED, "applied", "conflict");
            assertFold(Status.SENT, List.of(sms("delivered"), sms("undelivered")),
                    Status.DELIVERED, "applied", "conflict");
        }

        @Test
        @DisplayName("B3 WhatsApp: deleted after read, and a late read after deleted: DELETED stays")
        void b3_deletedStays() {
            assertFold(Status.SENT, List.of(wa("read"), wa("deleted")), Status.DELETED, "applied", "applied");
            assertFold(Status.SENT, List.of(wa("delivered"), wa("read"), wa("deleted"), wa("read")),
                    Status.DELETED, "applied", "applied", "applied", "stale");
            assertFold(Status.SENT, List.of(wa("deleted"), wa("read"), wa("delivered")),
                    Status.DELETED, "applied", "stale", "stale");
        }

        @Test
        @DisplayName("C1 WhatsApp: the same webhook several times: each copy a duplicate")
        void c1_sameWebhookSeveralTimes() {
            assertFold(Status.SENT, List.of(wa("sent"), wa("delivered"), wa("delivered"), wa("delivered")),
                    Status.DELIVERED, "duplicate", "applied", "duplicate", "duplicate");
            assertFold(Status.SENT, List.of(wa("failed"), wa("failed")), Status.FAILED, "applied", "duplicate");
        }

        @Test
        @DisplayName("C5 Viber: one delivered per device is idempotent")
        void c5_oneDeliveredPerDevice() {
            assertFold(Status.SENT, List.of(viber("delivered"), viber("delivered"), viber("delivered")),
                    Status.DELIVERED, "applied", "duplicate", "duplicate");
        }

        @Test
        @DisplayName("F1 WhatsApp: the same error on the send answer and in a failed webhook")
        void f1_failedOnceTheWebhookIsADuplicate() {
            assertFold(Status.QUEUED, List.of(handOff(Status.FAILED), wa("failed")),
                    Status.FAILED, "applied", "duplicate");
        }

        @Test
        @DisplayName("F6 Twilio, WhatsApp: failed with no error code is FAILED")
        void f6_failedWithoutCodeIsFailed() {
            assertFold(Status.SENT, List.of(sms("failed")), Status.FAILED, "applied");
            assertFold(Status.SENT, List.of(wa("failed")), Status.FAILED, "applied");
        }

        @Test
        @DisplayName("H1 Twilio: read on SMS, canceled, partially_delivered, scheduled")
        void h1_newTwilioWords() {
            assertFold(Status.QUEUED, List.of(sms("partially_delivered"), sms("scheduled"), sms("read"),
                            sms("canceled")),
                    Status.DELIVERED, "unmapped", "applied", "applied", "conflict");
            assertFold(Status.SENT, List.of(sms("canceled"), sms("partially_delivered")),
                    Status.FAILED, "applied", "unmapped");
            StatusHistory queued = assertFold(Status.QUEUED, List.of(sms("partially_delivered")),
                    Status.UNKNOWN, "unmapped");
            assertThat(queued.decisions().get(0).publicChange()).isFalse();
        }

        @Test
        @DisplayName("H2 WhatsApp: warning, played, words from the future")
        void h2_warningPlayedAndFutureWords() {
            assertFold(Status.SENT, List.of(wa("warning"), wa("played"), wa("future_status"), wa("")),
                    Status.READ, "unmapped", "applied", "unmapped", "unmapped");
        }
    }

    @Test
    @DisplayName("hand-off retry: UNKNOWN on QUEUED is applied but no public change; again it is a duplicate")
    void handOffRetryUnknown() {
        StatusHistory history = assertFold(Status.QUEUED,
                List.of(handOff(Status.UNKNOWN), handOff(Status.UNKNOWN), handOff(Status.SENT)),
                Status.SENT, "applied", "duplicate", "applied");
        assertThat(history.decisions()).extracting(Decision::publicChange).containsExactly(false, false, true);
    }

    @Test
    void foldOfNothingKeepsTheInitialStatus() {
        StatusHistory history = StatusHistory.fold(Status.SENT, Channel.SMS, List.of());
        assertThat(history.finalStatus()).isEqualTo(Status.SENT);
        assertThat(history.decisions()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static Report sms(String word) {
        return Report.word(Channel.SMS, word);
    }

    private static Report wa(String word) {
        return Report.word(Channel.WHATSAPP, word);
    }

    private static Report viber(String word) {
        return Report.word(Channel.VIBER, word);
    }

    private static Report handOff(Status outcome) {
        return Report.outcome(outcome);
    }

    private static StatusHistory assertFold(Status initial, List<Report> reports, Status expectedFinal,
                                            String... expectedTrail) {
        StatusHistory history = StatusHistory.fold(initial, reports);
        List<String> trail = history.reasons().stream().map(r -> r.map(Reason::word).orElse("applied")).toList();
        assertThat(trail).as("reasons of %s from %s", reports, initial).containsExactly(expectedTrail);
        assertThat(history.finalStatus()).as("final status of %s from %s", reports, initial).isEqualTo(expectedFinal);
        return history;
    }

    private static void assertDecision(Decision decision, Status current, String mapped, boolean applied,
                                       Status next, String reason, boolean publicChange) {
        assertThat(decision.previous()).isEqualTo(current);
        assertThat(decision.applied()).as("applied").isEqualTo(applied);
        assertThat(decision.next()).as("next").isEqualTo(next);
        assertThat(decision.mapped()).as("mapped")
                .isEqualTo("-".equals(mapped) ? Optional.empty() : Optional.of(Status.valueOf(mapped)));
        assertThat(decision.reason()).as("reason")
                .isEqualTo("-".equals(reason) ? Optional.empty() : Optional.of(Reason.valueOf(reason)));
        assertThat(decision.publicChange()).as("public change").isEqualTo(publicChange);
    }
}
