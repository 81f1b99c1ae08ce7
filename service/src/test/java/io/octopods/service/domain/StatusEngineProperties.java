package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The invariants I2 to I9 of status-model.md, section 3, as properties of the pure status engine:
 * arbitrary report sequences (0..30) on all three channels, with the channel's words, other
 * channels' words, unknown and empty words, hand-off outcomes and echoed duplicates, folded over
 * {@code QUEUED}, {@code UNKNOWN} or {@code SENT}.
 */
class StatusEngineProperties {

  private static final int TRIES = 300;

  private static final List<String> UNKNOWN_WORDS =
      List.of("warning", "future_status", "partially_delivered", "", " ", "DELIVERED_LATER");

  // ---------------------------------------------------------------- invariants

  /** I2 "Monotonic: as seen on any surface, a message never moves to a lower rank." */
  @Property(tries = TRIES)
  void i2_monotonicNeverMovesToALowerRank(@ForAll("stories") Story story) {
    for (Decision d : story.fold().decisions()) {
      assertThat(d.next().rank())
          .as("%s in %s", d, story)
          .isGreaterThanOrEqualTo(d.previous().rank());
      assertThat(d.next().publicStatus().rank())
          .as("%s in %s", d, story)
          .isGreaterThanOrEqualTo(d.previous().publicStatus().rank());
    }
  }

  /** I3 "Terminal: once DELIVERED, READ, FAILED or DELETED, never SENT or UNKNOWN again." */
  @Property(tries = TRIES)
  void i3_terminalNeverReturnsToSentOrUnknown(@ForAll("stories") Story story) {
    boolean terminal = false;
    for (Decision d : story.fold().decisions()) {
      if (terminal) {
        assertThat(d.next().isTerminal()).as("%s after a terminal status in %s", d, story).isTrue();
        assertThat(d.next().publicStatus()).isNotIn(Status.SENT, Status.UNKNOWN);
      }
      terminal |= d.next().isTerminal();
    }
  }

  /**
   * I4 "Outcome stability: FAILED never changes; DELIVERED/READ/DELETED never become FAILED."
   * (Section 2 adds: DELETED never changes either.)
   */
  @Property(tries = TRIES)
  void i4_failedNeverChangesAndDeliveredNeverBecomesFailed(@ForAll("stories") Story story) {
    for (Decision d : story.fold().decisions()) {
      if (d.previous() == Status.FAILED || d.previous() == Status.DELETED) {
        assertThat(d.next()).as("%s in %s", d, story).isEqualTo(d.previous());
      }
      if (d.previous().isDeliveredFamily()) {
        assertThat(d.next()).as("%s in %s", d, story).isNotEqualTo(Status.FAILED);
        assertThat(d.next().isDeliveredFamily()).as("%s in %s", d, story).isTrue();
      }
    }
  }

  /**
   * I5 "READ appears only on WhatsApp messages. A Viber "seen" or an SMS "read" counts as proof of
   * delivery (DELIVERED)."
   */
  @Property(tries = TRIES)
  void i5_readOnlyOnWhatsApp(@ForAll("stories") Story story) {
    StatusHistory history = story.fold();
    for (int i = 0; i < history.decisions().size(); i++) {
      Decision d = history.decisions().get(i);
      if (story.channel() != Channel.WHATSAPP) {
        assertThat(d.next()).as("%s in %s", d, story).isNotEqualTo(Status.READ);
        assertThat(d.mapped()).as("%s in %s", d, story).isNotEqualTo(Optional.of(Status.READ));
      }
      if (isChannelProof(story.channel(), story.reports().get(i))) {
        assertThat(d.mapped()).contains(Status.DELIVERED);
        assertThat(d.next().isDeliveredFamily() || d.reason().equals(Optional.of(Reason.CONFLICT)))
            .as("a channel proof is proof of delivery: %s in %s", d, story)
            .isTrue();
      }
    }
    Statistics.label("channel").collect(story.channel());
  }

  /**
   * I6 "DELETED only on a message that was delivered (a READ or DELETED report that arrives first
   * implies delivery)": a READ or DELETED report on a message that has not failed puts it at or
   * above that rank, past DELIVERED, whatever came before; never from FAILED; and the message stays
   * in the delivered family from then on.
   */
  @Property(tries = TRIES)
  void i6_deletedOnlyOnceDelivered(@ForAll("stories") Story story) {
    boolean delivered = false;
    boolean everFailed = false;
    for (Decision d : story.fold().decisions()) {
      if (d.next() == Status.DELETED || d.next() == Status.READ) {
        assertThat(everFailed).as("%s on a message that failed, in %s", d, story).isFalse();
        assertThat(d.next().rank()).isGreaterThan(Status.DELIVERED.rank());
        assertThat(d.next().isDeliveredFamily()).isTrue();
      }
      boolean impliesDelivery =
          d.mapped().map(m -> m.rank() > Status.DELIVERED.rank()).orElse(false);
      if (impliesDelivery && d.previous() != Status.FAILED) {
        assertThat(d.next().isDeliveredFamily())
            .as("%s implies delivery, in %s", d, story)
            .isTrue();
        assertThat(d.next().rank())
            .as("%s in %s", d, story)
            .isGreaterThanOrEqualTo(d.mapped().get().rank());
      }
      if (d.next() == Status.DELETED) {
        assertThat(story.channel()).as("DELETED in %s", story).isEqualTo(Channel.WHATSAPP);
        assertThat(d.previous() == Status.DELETED || d.mapped().equals(Optional.of(Status.DELETED)))
            .as("only a deleted report makes a message DELETED: %s in %s", d, story)
            .isTrue();
      }
      if (delivered) {
        assertThat(d.next().isDeliveredFamily()).as("%s after delivery in %s", d, story).isTrue();
      }
      delivered |= d.next().isDeliveredFamily();
      everFailed |= d.next() == Status.FAILED;
    }
  }

  /**
   * I7 "Order independence: for reports that agree on one outcome, the final status is the
   * highest-ranked one among them, whatever their arrival order, duplication or delay." Every
   * permutation of small multisets is checked, and random shuffles (with echoes) of larger ones.
   */
  @Property(tries = TRIES)
  void i7_orderIndependenceForAgreeingReports(@ForAll("agreeingReports") AgreeingReports agreeing) {
    Status expected = agreeing.highestRanked();
    for (List<Report> arrival : agreeing.arrivals()) {
      assertThat(StatusHistory.fold(agreeing.initial(), arrival).finalStatus())
          .as("%s arriving as %s from %s", agreeing.outcome(), arrival, agreeing.initial())
          .isEqualTo(expected);
    }
    Statistics.label("outcome").collect(agreeing.outcome(), expected);
  }

  /**
   * I8 "Conflicts: where failure and delivery reports disagree, the first one applied wins; the
   * other is kept in history as conflict."
   */
  @Property(tries = TRIES)
  void i8_firstAppliedOutcomeWinsAConflict(@ForAll("stories") Story story) {
    Optional<Boolean> deliveredWon = Optional.empty();
    boolean sawConflict = false;
    for (Decision d : story.fold().decisions()) {
      if (deliveredWon.isEmpty()) {
        assertThat(d.reason())
            .as("no conflict before an outcome: %s in %s", d, story)
            .isNotEqualTo(Optional.of(Reason.CONFLICT));
        if (d.applied() && d.next().isTerminal()) {
          deliveredWon = Optional.of(d.next().isDeliveredFamily());
        }
        continue;
      }
      boolean won = deliveredWon.get();
      assertThat(d.next().isDeliveredFamily())
          .as("the first outcome stays: %s in %s", d, story)
          .isEqualTo(won);
      assertThat(d.next() == Status.FAILED)
          .as("the first outcome stays: %s in %s", d, story)
          .isEqualTo(!won);
      boolean disagrees =
          d.mapped().map(m -> won ? m == Status.FAILED : m.isDeliveredFamily()).orElse(false);
      if (disagrees) {
        assertThat(d.applied()).isFalse();
        assertThat(d.reason()).as("%s in %s", d, story).contains(Reason.CONFLICT);
        sawConflict = true;
      }
    }
    Statistics.label("a conflict in the story").collect(sawConflict);
    Statistics.label("a conflict in the story")
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  /**
   * I9 "Idempotence: a report applied twice changes nothing the second time", whether the copy
   * comes right after the first or at the very end.
   */
  @Property(tries = TRIES)
  void i9_aReportAppliedTwiceChangesNothingTheSecondTime(@ForAll("stories") Story story) {
    StatusHistory history = story.fold();
    for (int i = 0; i < history.decisions().size(); i++) {
      Report report = story.reports().get(i);
      Decision first = history.decisions().get(i);
      Decision again = report.decideOn(first.next());
      assertThat(again.applied()).as("%s again right after %s", report, first).isFalse();
      assertThat(again.next()).as("%s again right after %s", report, first).isEqualTo(first.next());
      if (first.applied()) {
        assertThat(again.reason().orElseThrow())
            .as("%s again right after %s", report, first)
            .isIn(Reason.DUPLICATE, Reason.CHANNEL);
        Decision atTheEnd = report.decideOn(history.finalStatus());
        assertThat(atTheEnd.applied()).as("%s again at the end of %s", report, story).isFalse();
        assertThat(atTheEnd.next()).isEqualTo(history.finalStatus());
      }
    }
  }

  // ---------------------------------------------------------------- generators

  /** A message's channel, its status before the reports, and the reports in arrival order. */
  record Story(Channel channel, Status initial, List<Report> reports) {
    StatusHistory fold() {
      return StatusHistory.fold(initial, reports);
    }
  }

  /**
   * Reports that agree on one outcome ({@code DELIVERED} side or {@code FAILED} side), and the
   * orders in which they may arrive (every permutation, or shuffles with echoed copies).
   */
  record AgreeingReports(
      Channel channel,
      Status initial,
      String outcome,
      List<Report> reports,
      List<List<Report>> arrivals) {

    /** The expected final status, worked out from the reports' meanings, not by the engine. */
    Status highestRanked() {
      Stream<Status> mapped =
          reports.stream().map(StatusEngineProperties::meaning).flatMap(Optional::stream);
      Stream<Status> floor =
          initial == Status.QUEUED && !reports.isEmpty()
              ? Stream.of(Status.UNKNOWN)
              : Stream.of(initial);
      return Stream.concat(floor, mapped).max(Comparator.comparingInt(Status::rank)).orElseThrow();
    }
  }

  @Provide
  Arbitrary<Story> stories() {
    return Arbitraries.of(Channel.class)
        .flatMap(
            channel ->
                Combinators.combine(initials(), withEchoes(report(channel).list().ofMaxSize(22), 8))
                    .as((initial, reports) -> new Story(channel, initial, reports)));
  }

  @Provide
  Arbitrary<AgreeingReports> agreeingReports() {
    return Combinators.combine(
            Arbitraries.of(Channel.class), initials(), Arbitraries.of("delivered", "failed"))
        .flatAs(
            (channel, initial, outcome) ->
                agreeingReport(channel, outcome)
                    .list()
                    .ofMaxSize(12)
                    .flatMap(
                        reports ->
                            arrivals(reports)
                                .map(
                                    arrivals ->
                                        new AgreeingReports(
                                            channel, initial, outcome, reports, arrivals))));
  }

  private static Arbitrary<Status> initials() {
    return Arbitraries.of(Status.QUEUED, Status.UNKNOWN, Status.SENT);
  }

  /**
   * One report: mostly the channel's words, also other channels' words, unknown words, hand-off
   * outcomes.
   */
  private static Arbitrary<Report> report(Channel channel) {
    Arbitrary<String> ownWords =
        Arbitraries.of(List.copyOf(ProviderVocabulary.of(channel).words()));
    Arbitrary<String> anyWords = Arbitraries.of(allKnownWords());
    Arbitrary<String> unknownWords = Arbitraries.of(UNKNOWN_WORDS).injectNull(0.1);
    Arbitrary<String> words =
        Arbitraries.frequencyOf(
            Tuple.of(6, ownWords), Tuple.of(2, anyWords), Tuple.of(1, unknownWords));
    Arbitrary<Report> providerWords =
        Combinators.combine(words, Arbitraries.of(true, false, false, false))
            .as(
                (word, shout) ->
                    Report.word(
                        channel, shout && word != null ? word.toUpperCase(Locale.ROOT) : word));
    Arbitrary<Report> handOffs =
        Arbitraries.of(Status.SENT, Status.FAILED, Status.UNKNOWN).map(Report::outcome);
    return Arbitraries.frequencyOf(Tuple.of(9, providerWords), Tuple.of(1, handOffs));
  }

  /** A report on one side of the outcome; unknown words (no outcome at all) now and then. */
  private static Arbitrary<Report> agreeingReport(Channel channel, String outcome) {
    boolean deliveredSide = outcome.equals("delivered");
    List<Report> agreeing = new ArrayList<>();
    for (String word : ProviderVocabulary.of(channel).words()) {
      Status status = ProviderVocabulary.of(channel).map(word).orElseThrow().status();
      if (deliveredSide ? status != Status.FAILED : !status.isDeliveredFamily()) {
        agreeing.add(Report.word(channel, word));
      }
    }
    agreeing.add(Report.outcome(Status.SENT));
    agreeing.add(Report.outcome(Status.UNKNOWN));
    if (!deliveredSide) {
      agreeing.add(Report.outcome(Status.FAILED));
    }
    Arbitrary<Report> noOutcome =
        Arbitraries.of(UNKNOWN_WORDS).map(word -> Report.word(channel, word));
    return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(agreeing)), Tuple.of(1, noOutcome));
  }

  /** Every permutation of a small multiset; otherwise shuffles of it with some reports echoed. */
  private static Arbitrary<List<List<Report>>> arrivals(List<Report> reports) {
    if (reports.size() <= 6) {
      return Arbitraries.just(permutations(reports));
    }
    return Arbitraries.integers()
        .between(0, reports.size() - 1)
        .list()
        .ofMaxSize(6)
        .flatMap(
            echoes -> {
              List<Report> withEchoes = new ArrayList<>(reports);
              echoes.forEach(i -> withEchoes.add(reports.get(i)));
              return Arbitraries.shuffle(withEchoes).list().ofSize(20);
            });
  }

  /** Inserts copies of earlier reports at later positions (duplicates, delayed). */
  private static Arbitrary<List<Report>> withEchoes(Arbitrary<List<Report>> base, int maxEchoes) {
    Arbitrary<List<Integer>> picks =
        Arbitraries.integers().between(0, 10_000).list().ofMaxSize(maxEchoes);
    return Combinators.combine(base, picks)
        .as(
            (reports, echoes) -> {
              List<Report> result = new ArrayList<>(reports);
              for (int k = 0; k + 1 < echoes.size() && !reports.isEmpty(); k += 2) {
                Report copy = result.get(echoes.get(k) % result.size());
                int from = result.indexOf(copy);
                int at = from + 1 + echoes.get(k + 1) % (result.size() - from);
                result.add(at, copy);
              }
              return result;
            });
  }

  private static List<List<Report>> permutations(List<Report> reports) {
    Set<List<Report>> all = new HashSet<>();
    permute(new ArrayList<>(reports), 0, all);
    return List.copyOf(all);
  }

  private static void permute(List<Report> items, int from, Set<List<Report>> into) {
    if (from >= items.size()) {
      into.add(List.copyOf(items));
      return;
    }
    for (int i = from; i < items.size(); i++) {
      Collections.swap(items, from, i);
      permute(items, from + 1, into);
      Collections.swap(items, from, i);
    }
  }

  private static List<String> allKnownWords() {
    return Stream.of(Channel.values())
        .flatMap(channel -> ProviderVocabulary.of(channel).words().stream())
        .distinct()
        .toList();
  }

  private static boolean isChannelProof(Channel channel, Report report) {
    return report instanceof Report.ProviderWord word
        && ProviderVocabulary.of(channel)
            .map(word.word())
            .map(MappedWord::channelProof)
            .orElse(false);
  }

  /** What a report means in our terms, straight from the word table (empty when unmapped). */
  private static Optional<Status> meaning(Report report) {
    if (report instanceof Report.Outcome outcome) {
      return Optional.of(outcome.status());
    }
    Report.ProviderWord word = (Report.ProviderWord) report;
    return ProviderVocabulary.of(word.channel()).map(word.word()).map(MappedWord::status);
  }
}
