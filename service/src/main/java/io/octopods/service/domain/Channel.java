package io.octopods.service.domain;

import java.util.Optional;

/**
 * A channel a message is sent on, with the provider that carries it (status-model.md, section 4).
 */
public enum Channel {
  SMS("sms", "twilio"),
  WHATSAPP("whatsapp", "whatsapp"),
  VIBER("viber", "viber");

  private final String path;
  private final String provider;

  Channel(String path, String provider) {
    this.path = path;
    this.provider = provider;
  }

  /** The provider's room name: {@code twilio}, {@code whatsapp} or {@code viber}. */
  public String provider() {
    return provider;
  }

  /**
   * The path segment of the API, {@code /api/v1/{channel}/...}: {@code sms}, {@code whatsapp},
   * {@code viber}.
   */
  public String path() {
    return path;
  }

  /**
   * The channel named by an API path segment; exact lower-case match (URL paths are case
   * sensitive), empty for anything else, including {@code null}.
   */
  public static Optional<Channel> fromPath(String segment) {
    for (Channel channel : values()) {
      if (channel.path.equals(segment)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
