package io.octopods.service.application;

import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Report;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The callback use case: every report of one callback in one transaction, matched by our own echoed id
 * first, then by the provider's id; a report no message has is kept as an orphan. When this returns,
 * every report is durable, so the webhook may answer {@code 200}.
 */
public final class ReportIntake {
  private final MessageStore store;
  private final Clock clock;

  public ReportIntake(MessageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** @param source {@code callback} or {@code reconciliation} */
  public void apply(List<IncomingReport> reports, String source) {
    if (reports.isEmpty()) {
      return;
    }
    store.inTransaction(tx -> {
      for (IncomingReport report : reports) {
        applyOne(tx, report, source);
      }
      return null;
    });
  }

  private void applyOne(StoreTransaction tx, IncomingReport report, String source) {
    Instant now = clock.instant();
    Optional<MessageRecord> message = report.ourMessageId()
        .flatMap(tx::lock)
        .filter(m -> m.channel() == report.channel())
        .filter(m -> report.providerMessageId().isEmpty() || m.providerMessageId().isEmpty()
            || m.providerMessageId().equals(report.providerMessageId()))
        .or(() -> report.providerMessageId().flatMap(id -> tx.lockByProviderId(report.channel(), id)));
    if (message.isEmpty()) {
      tx.keepOrphan(report, UUID.randomUUID().toString(), now);
      return;
    }
    MessageRecord m = message.get();
    if (report.providerMessageId().isPresent() && m.providerMessageId().isEmpty()) {
      String id = report.providerMessageId().get();
      boolean heldByAnother = tx.lockByProviderId(report.channel(), id)
          .filter(other -> !other.messageId().equals(message.get().messageId())).isPresent();
      if (!heldByAnother) { // our id and the provider's disagree: keep the report, learn nothing from it
        m = StatusRecorder.learnProviderId(tx, m, id, now);
      }
    }
    StatusRecorder.record(tx, m, Report.word(report.channel(), report.providerWord()),
        ReportFacts.of(report, source, now, Optional.empty()), Optional.empty(), now);
  }
}
