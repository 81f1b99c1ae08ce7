package io.octopods.service.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The status engine: a pure function from the current status and one report to a {@link Decision},
 * following the transition rules and the order of reasons of status-model.md, section 2, and the
 * word table of section 4.
 */
public final class StatusEngine {

  private StatusEngine() {}

  /**
   * Decides a provider's report: maps the word with the channel's {@link ProviderVocabulary}; an
   * unmapped word is never applied (and moves a {@code QUEUED} message to {@code UNKNOWN}).
   */
  public static Decision decide(Status current, Channel channel, String providerWord) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(channel, "channel");
    Optional<MappedWord> mapped = ProviderVocabulary.of(channel).map(providerWord);
    if (mapped.isEmpty()) {
      return Decision.unmapped(current);
    }
    return decide(current, mapped.get().status(), mapped.get().channelProof());
  }

  /**
   * Decides an outcome already in our terms, e.g. the hand-off result: accepted {@code SENT},
   * rejected {@code FAILED}, throttled or unreachable {@code UNKNOWN}. Total over every pair.
   */
  public static Decision decide(Status current, Status target) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(target, "target");
    return decide(current, target, false);
  }

  private static Decision decide(Status current, Status target, boolean channelProof) {
    if (movesForward(current, target)) {
      return Decision.applied(current, target);
    }
    return Decision.notApplied(current, target, reasonNotApplied(current, target, channelProof));
  }

  /** Section 2: a report is applied only if it moves the message forward. */
  static boolean movesForward(Status current, Status target) {
    if (target.isDeliveredFamily()) {
      return current != Status.FAILED && target.rank() > current.rank();
    }
    return switch (target) {
      case FAILED ->
          current == Status.QUEUED || current == Status.UNKNOWN || current == Status.SENT;
      case SENT -> current == Status.QUEUED || current == Status.UNKNOWN;
      case UNKNOWN -> current == Status.QUEUED;
      default -> false;
    };
  }

  /** Section 2: the first reason that fits, after {@code unmapped} (handled by the caller). */
  private static Reason reasonNotApplied(Status current, Status target, boolean channelProof) {
    if (isConflict(current, target)) {
      return Reason.CONFLICT;
    }
    if (channelProof) {
      return Reason.CHANNEL;
    }
    if (current.publicStatus() == target.publicStatus()) {
      return Reason.DUPLICATE;
    }
    return Reason.STALE;
  }

  private static boolean isConflict(Status current, Status target) {
    return (target.isDeliveredFamily() && current == Status.FAILED)
        || (target == Status.FAILED && current.isDeliveredFamily());
  }
}
