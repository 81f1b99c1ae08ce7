package io.octopods.service.application.ports;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the reconciliation job (edge-cases.md E1, status-model.md section 4) needs of the store: the
 * messages that still wait for a provider's word and are due for a look-up, and a per-message count
 * of the checks done, so a message is asked about a bounded number of times with back-off. What a
 * check finds is applied through {@code ReportIntake} like any report; this port only keeps the
 * bookkeeping.
 *
 * <p>A message qualifies while it is {@code SENT}, or {@code UNKNOWN} after a hand-off that timed
 * out (a {@code send} history event with provider status {@code timeout}), and its last public
 * change ({@code updated_at}) is old enough. A series of checks belongs to one public status: when
 * {@code updated_at} moves (a check or a callback took the message from {@code UNKNOWN} to {@code
 * SENT}), a new series starts.
 */
public interface ReconciliationQueries {
  /**
   * Claims up to {@code limit} messages of {@code channel} due for a check, until {@code
   * leaseUntil}: those never checked in their current series whose last public change is at or
   * before {@code changedBefore}, and those whose next check has come; never one another worker
   * holds. Oldest change first. A claimed message whose worker died becomes due again when the
   * lease runs out.
   */
  List<DueCheck> claimDue(
      Channel channel, Instant now, Instant changedBefore, int limit, Instant leaseUntil);

  /**
   * Records a check of a claimed message and releases it.
   *
   * @param checks the checks done in this series, this one included
   * @param nextCheckAt when to look again; empty: the bound is reached, no more checks in this
   *     series
   * @param outcome what the check found, in a sentence (kept as the last outcome)
   */
  void checked(
      DueCheck check, int checks, Optional<Instant> nextCheckAt, String outcome, Instant at);

  /** Our message that holds this provider id, if any. */
  Optional<String> holderOf(Channel channel, String providerMessageId);

  /** Where the checks of a message stand; empty before its first claim. */
  Optional<CheckState> state(String messageId);

  /**
   * A message claimed for a check.
   *
   * @param message the message as it was when claimed
   * @param checksDone the checks already done in this series
   */
  record DueCheck(MessageRecord message, int checksDone) {}

  /**
   * The bookkeeping of one message.
   *
   * @param basis the {@code updated_at} the series counts from
   * @param nextCheckAt empty once the bound is reached
   */
  record CheckState(
      String messageId,
      Instant basis,
      int checks,
      Optional<Instant> nextCheckAt,
      Optional<Instant> lastCheckedAt,
      Optional<String> lastOutcome) {}
}
