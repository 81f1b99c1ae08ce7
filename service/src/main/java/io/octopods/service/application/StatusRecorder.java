package io.octopods.service.application;

import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Decision;
import io.octopods.service.domain.Report;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one report to a locked message inside a transaction: asks the status engine, writes the
 * change (status, {@code updated_at}, reached time, failure reason), appends the history event, and
 * queues a HubSpot push for a public change. The only place where a status is written.
 */
final class StatusRecorder {
  private StatusRecorder() {}

  static MessageRecord record(
      StoreTransaction tx,
      MessageRecord message,
      Report report,
      ReportFacts facts,
      Optional<FailureReason> failureIfApplied,
      Instant now) {
    Decision decision = report.decideOn(message.status());
    MessageRecord after = message;
    if (decision.next() != message.status()) {
      after = after.movedTo(decision.next(), now, decision.publicChange());
    }
    if (decision.applied() && decision.next() == Status.FAILED) {
      after =
          after.withFailure(
              failureIfApplied.orElseGet(
                  () ->
                      FailureReason.fromProvider(
                          facts.errorCode().orElse(null), facts.errorTitle().orElse(null))));
    }
    if (!after.equals(message)) {
      tx.update(after);
    }
    tx.append(
        new HistoryEvent(
            UUID.randomUUID().toString(),
            message.messageId(),
            facts.receivedAt(),
            facts.appliedAt(),
            facts.source(),
            facts.providerWord(),
            facts.providerTimestamp(),
            decision.mapped(),
            decision.applied(),
            decision.reason(),
            facts.errorCode(),
            facts.errorTitle(),
            facts.detail(),
            facts.raw()));
    if (decision.publicChange() && after.contactEmail().isPresent()) {
      tx.enqueue(
          OutboxItem.newItem(
              OutboxItem.HUBSPOT,
              message.messageId(),
              new PublicChange(after.status(), after.updatedAt()).payload(),
              now));
    }
    return after;
  }

  /** What the history says of a second provider message for ours. */
  static String duplicateSend(String providerMessageId) {
    return "the provider created a second message, "
        + providerMessageId
        + ", for this one (a duplicate send: an "
        + "attempt it answered with an error had been accepted after all); reports for either provider id count for "
        + "this message";
  }

  /**
   * Stores a provider id learned from a send answer or a callback that echoes our id, and applies
   * the reports that came for it before it was known (I15). The message's first provider id stays;
   * a different one is kept as another (the provider created a second message for ours: a duplicate
   * send).
   */
  static MessageRecord learnProviderId(
      StoreTransaction tx, MessageRecord message, String providerMessageId, Instant now) {
    if (message.providerMessageId().equals(Optional.of(providerMessageId))) {
      return message;
    }
    MessageRecord after = message;
    if (message.providerMessageId().isEmpty()) {
      after = message.withProviderMessageId(providerMessageId);
      tx.update(after);
    } else {
      tx.addOtherProviderId(message, providerMessageId, now);
    }
    for (StoreTransaction.Orphan orphan :
        tx.adoptOrphans(message.channel(), providerMessageId, now)) {
      after =
          record(
              tx,
              after,
              Report.word(after.channel(), orphan.report().providerWord()),
              ReportFacts.of(orphan.report(), "callback", orphan.receivedAt(), Optional.of(now)),
              Optional.empty(),
              now);
    }
    return after;
  }
}
