package io.octopods.service.domain;

import java.util.Objects;

/**
 * What a known provider word means in our terms (status-model.md, section 4): the status it maps
 * to, and whether it is a mere channel proof of delivery (an SMS {@code read}, a Viber {@code
 * seen}).
 */
public record MappedWord(Status status, boolean channelProof) {

  public MappedWord {
    Objects.requireNonNull(status, "status");
    if (channelProof && status != Status.DELIVERED) {
      throw new IllegalArgumentException("a channel proof maps to DELIVERED, not " + status);
    }
  }
}
