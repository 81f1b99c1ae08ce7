package io.octopods.service.domain;

import java.util.Objects;

/**
 * One status item received for a message (status-model.md, sections 2 and 4): either a provider's
 * own word from a callback, or a hand-off outcome already in our terms. Pure data; the engine
 * decides what it does to a status.
 */
public sealed interface Report permits Report.ProviderWord, Report.Outcome {

  /** What this report does to a message whose status is {@code current}. */
  Decision decideOn(Status current);

  /**
   * A provider's word as it arrived, e.g. {@code delivered} on WhatsApp; may be unknown, empty or
   * null.
   */
  static Report word(Channel channel, String word) {
    return new ProviderWord(channel, word);
  }

  /**
   * An outcome in our terms, e.g. the hand-off result ({@code SENT}, {@code FAILED}, {@code
   * UNKNOWN}).
   */
  static Report outcome(Status status) {
    return new Outcome(status);
  }

  /** A provider's word on a channel (section 4). */
  record ProviderWord(Channel channel, String word) implements Report {
    public ProviderWord {
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public Decision decideOn(Status current) {
      return StatusEngine.decide(current, channel, word);
    }

    @Override
    public String toString() {
      return channel.provider() + ":" + (word == null ? "<null>" : "'" + word + "'");
    }
  }

  /** An outcome already in our terms (section 4, hand-off outcomes). */
  record Outcome(Status status) implements Report {
    public Outcome {
      Objects.requireNonNull(status, "status");
    }

    @Override
    public Decision decideOn(Status current) {
      return StatusEngine.decide(current, status);
    }

    @Override
    public String toString() {
      return "outcome:" + status;
    }
  }
}
