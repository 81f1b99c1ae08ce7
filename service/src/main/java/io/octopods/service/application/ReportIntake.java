package io.octopods.service.application;

import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Report;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The callback use case: every report of one callback in one transaction, matched by our own echoed
 * id first, then by the provider's id; a report no message has is kept as an orphan. When this
 * returns, every report is durable, so the webhook may answer {@code 200}. Concurrent callbacks
 * share transactions ({@link GroupCommit}): one commit for many callbacks under load, each still
 * answered only once durable.
 */
public final class ReportIntake {
  /** Group transactions at once; the rest of the pool serves reads, sends and the workers. */
  static final int GROUP_SLOTS = 4;

  /** The most callbacks one transaction takes. */
  static final int MAX_GROUP = 64;

  private final Clock clock;
  private final GroupCommit<Callback> commits;

  public ReportIntake(MessageStore store, Clock clock) {
    this.clock = clock;
    this.commits = new GroupCommit<>(store, this::applyAll, GROUP_SLOTS, MAX_GROUP);
  }

  /**
   * @param source {@code callback} or {@code reconciliation}
   */
  public void apply(List<IncomingReport> reports, String source) {
    if (reports.isEmpty()) {
      return;
    }
    commits.run(new Callback(List.copyOf(reports), source));
  }

  /** The reports of one callback (or one reconciliation answer), applied together. */
  private record Callback(List<IncomingReport> reports, String source) {}

  /**
   * Locks every message the callbacks name, in one order, before applying them in arrival order:
   * two groups touching the same messages then wait for each other instead of deadlocking.
   */
  private void applyAll(StoreTransaction tx, List<Callback> callbacks) {
    Set<String> ourIds = new HashSet<>();
    Map<String, Set<String>> providerIds = new HashMap<>();
    for (Callback callback : callbacks) {
      for (IncomingReport report : callback.reports()) {
        report.ourMessageId().ifPresent(ourIds::add);
        report
            .providerMessageId()
            .ifPresent(
                id ->
                    providerIds
                        .computeIfAbsent(report.channel().provider(), p -> new HashSet<>())
                        .add(id));
      }
    }
    tx.lockInOrder(ourIds, providerIds);
    for (Callback callback : callbacks) {
      for (IncomingReport report : callback.reports()) {
        applyOne(tx, report, callback.source());
      }
    }
  }

  /**
   * Finds the report's message: by our echoed id when the provider's id agrees with it (or the
   * message has none yet, or has it among its others), else by the provider's id; a report that
   * carries our id and a provider id no message has, for a message with another one, reveals a
   * second provider message for ours (a duplicate send). A report no message has is kept as an
   * orphan.
   */
  private void applyOne(StoreTransaction tx, IncomingReport report, String source) {
    Instant now = clock.instant();
    Optional<String> providerId = report.providerMessageId();
    Optional<MessageRecord> ours =
        report.ourMessageId().flatMap(tx::lock).filter(m -> m.channel() == report.channel());
    Optional<MessageRecord> theirs =
        providerId.flatMap(id -> tx.lockByProviderId(report.channel(), id));
    ReportFacts facts = ReportFacts.of(report, source, now, Optional.empty());
    MessageRecord m;
    if (ours.isPresent()
        && (providerId.isEmpty()
            || ours.get().providerMessageId().isEmpty()
            || theirs.filter(t -> t.messageId().equals(ours.get().messageId())).isPresent())) {
      m = ours.get();
      if (providerId.isPresent() && m.providerMessageId().isEmpty() && theirs.isEmpty()) {
        m = StatusRecorder.learnProviderId(tx, m, providerId.get(), now);
      } // else the provider's id is another message's: keep the report on ours, learn nothing from
      // it
    } else if (ours.isPresent() && theirs.isEmpty()) {
      m = StatusRecorder.learnProviderId(tx, ours.get(), providerId.get(), now);
      facts = facts.withDetail(StatusRecorder.duplicateSend(providerId.get()));
    } else if (theirs.isPresent()) {
      m = theirs.get();
    } else {
      tx.keepOrphan(report, UUID.randomUUID().toString(), now);
      return;
    }
    StatusRecorder.record(
        tx, m, Report.word(report.channel(), report.providerWord()), facts, Optional.empty(), now);
  }
}
