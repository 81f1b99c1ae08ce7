package io.octopods.service.application;

import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.application.ports.ProviderClient;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Report;
import io.octopods.service.domain.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hands one queued message to its provider and records the outcome (status-model.md, hand-off
 * outcomes): accepted -> {@code SENT} with the provider's id (and the reports that came before it);
 * rejected -> {@code FAILED}; throttled, {@code 5xx} or unreachable -> {@code UNKNOWN}, retried
 * with back-off, then {@code FAILED}; timed out -> {@code UNKNOWN}, never re-sent.
 */
public final class HandOff {
  private final MessageStore store;
  private final Outbox outbox;
  private final Function<Channel, ProviderClient> clients;
  private final HandOffPolicy policy;
  private final Clock clock;

  public HandOff(
      MessageStore store,
      Outbox outbox,
      Function<Channel, ProviderClient> clients,
      HandOffPolicy policy,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.clients = clients;
    this.policy = policy;
    this.clock = clock;
  }

  public void run(OutboxItem item) {
    Optional<MessageRecord> found = store.inTransaction(tx -> tx.read(item.messageId()));
    if (found.isEmpty()
        || found.get().providerMessageId().isPresent()
        || found.get().status() == Status.FAILED) {
      outbox.complete(item.seq()); // settled meanwhile (an early callback, or another instance)
      return;
    }
    HandOffResult result = clients.apply(found.get().channel()).send(found.get());
    int attempts = item.attempts() + 1;
    boolean done =
        store.inTransaction(
            tx -> {
              Instant now = clock.instant();
              MessageRecord m = tx.lock(item.messageId()).orElseThrow();
              if (result instanceof HandOffResult.Accepted a) {
                boolean second =
                    m.providerMessageId()
                        .filter(id -> !id.equals(a.providerMessageId()))
                        .isPresent();
                m = StatusRecorder.learnProviderId(tx, m, a.providerMessageId(), now);
                StatusRecorder.record(
                    tx,
                    m,
                    Report.outcome(Status.SENT),
                    ReportFacts.send(
                        a.providerWord(),
                        Optional.empty(),
                        Optional.empty(),
                        second
                            ? Optional.of(StatusRecorder.duplicateSend(a.providerMessageId()))
                            : Optional.empty(),
                        now),
                    Optional.empty(),
                    now);
                return true;
              }
              if (result instanceof HandOffResult.Rejected r) {
                StatusRecorder.record(
                    tx,
                    m,
                    Report.outcome(Status.FAILED),
                    ReportFacts.send(
                        "rejected",
                        Optional.ofNullable(r.code()),
                        Optional.ofNullable(r.title()),
                        Optional.empty(),
                        now),
                    Optional.of(FailureReason.fromProvider(r.code(), r.title())),
                    now);
                return true;
              }
              if (result instanceof HandOffResult.Retryable r) {
                if (attempts >= policy.maxAttempts()) {
                  String why =
                      "hand-off failed " + attempts + " times; the last answer: " + r.why();
                  StatusRecorder.record(
                      tx,
                      m,
                      Report.outcome(Status.FAILED),
                      ReportFacts.send(
                          "handoff_exhausted",
                          Optional.of("handoff_exhausted"),
                          Optional.of(why),
                          Optional.of(why),
                          now),
                      Optional.of(FailureReason.ours("handoff_exhausted", why)),
                      now);
                  return true;
                }
                Duration wait = policy.backoff(attempts, r.retryAfter());
                StatusRecorder.record(
                    tx,
                    m,
                    Report.outcome(Status.UNKNOWN),
                    ReportFacts.send(
                        "retry",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(
                            r.why()
                                + "; attempt "
                                + attempts
                                + " of "
                                + policy.maxAttempts()
                                + ", next in "
                                + wait),
                        now),
                    Optional.empty(),
                    now);
                return false;
              }
              HandOffResult.TimedOut t = (HandOffResult.TimedOut) result;
              StatusRecorder.record(
                  tx,
                  m,
                  Report.outcome(Status.UNKNOWN),
                  ReportFacts.send(
                      "timeout",
                      Optional.empty(),
                      Optional.empty(),
                      Optional.of(
                          t.why()
                              + "; not re-sent, since the provider may have accepted it: a callback carrying our id settles it"),
                      now),
                  Optional.empty(),
                  now);
              return true;
            });
    if (done) {
      outbox.complete(item.seq());
    } else {
      HandOffResult.Retryable r = (HandOffResult.Retryable) result;
      outbox.reschedule(
          item.seq(),
          clock.instant().plus(policy.backoff(attempts, r.retryAfter())),
          attempts,
          r.why());
    }
  }
}
