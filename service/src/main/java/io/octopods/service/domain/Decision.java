package io.octopods.service.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the status engine decided about one report (status-model.md, section 2): whether it was
 * applied, the status after it, the public status it mapped to, and, when not applied, why.
 *
 * <p>{@code next} can differ from {@code previous} even when the report is not applied: an unmapped
 * word moves a {@code QUEUED} message to {@code UNKNOWN} and is still recorded as {@code applied:
 * false, reason: unmapped}.
 *
 * @param previous the status before the report
 * @param applied true when the report moved the message forward
 * @param next the status after the report
 * @param mapped the public status the report maps to; empty when the word is unmapped
 * @param reason why the report was not applied; empty when applied
 */
public record Decision(
    Status previous,
    boolean applied,
    Status next,
    Optional<Status> mapped,
    Optional<Reason> reason) {

  public Decision {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(mapped, "mapped");
    Objects.requireNonNull(reason, "reason");
    if (applied == reason.isPresent()) {
      throw new IllegalArgumentException("a decision has a reason exactly when it is not applied");
    }
    if (applied && next == previous) {
      throw new IllegalArgumentException("an applied decision changes the status");
    }
    if (!applied && next != previous && !isUnmappedQueuedStep(previous, next, reason)) {
      throw new IllegalArgumentException(
          "only an unmapped word on QUEUED moves a message without applying");
    }
    mapped.ifPresent(
        status -> {
          if (status != status.publicStatus()) {
            throw new IllegalArgumentException("mapped is a public status, not " + status);
          }
        });
  }

  static Decision applied(Status previous, Status next) {
    return new Decision(previous, true, next, Optional.of(next.publicStatus()), Optional.empty());
  }

  static Decision notApplied(Status previous, Status target, Reason reason) {
    return new Decision(
        previous, false, previous, Optional.of(target.publicStatus()), Optional.of(reason));
  }

  static Decision unmapped(Status previous) {
    Status next = previous == Status.QUEUED ? Status.UNKNOWN : previous;
    return new Decision(previous, false, next, Optional.empty(), Optional.of(Reason.UNMAPPED));
  }

  /**
   * True when the public status changed, i.e. a surface (HubSpot, {@code updated_at}) must hear of
   * it; the internal {@code QUEUED} to {@code UNKNOWN} step is not a public change.
   */
  public boolean publicChange() {
    return previous.publicStatus() != next.publicStatus();
  }

  private static boolean isUnmappedQueuedStep(
      Status previous, Status next, Optional<Reason> reason) {
    return previous == Status.QUEUED
        && next == Status.UNKNOWN
        && reason.equals(Optional.of(Reason.UNMAPPED));
  }
}
