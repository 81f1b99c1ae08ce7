package io.octopods.simulator.capture;

import java.util.List;
import java.util.Optional;

/**
 * Reads one provider's callbacks into status reports: what a scenario step needs, and what the
 * drift report compares with the provider's callback contract.
 */
interface CallbackReader {
  /**
   * The status items of one callback body, and what in it is no status report.
   *
   * @throws IllegalArgumentException when the body cannot be read (not JSON, cut off, no envelope)
   */
  Reading read(String body, Optional<String> contentType);

  /**
   * The status items of a raw payload the status service stored: the body as received, except for
   * WhatsApp, where it is one {@code statuses[]} item.
   */
  default Reading readStored(String raw) {
    return read(raw, Optional.empty());
  }

  /** The callback contract, relative to {@code contracts/}. */
  String contract();

  /** Whether a body is checked as form parameters rather than JSON. */
  default boolean formBody(String body, Optional<String> contentType) {
    return false;
  }

  /** The step's {@code content_type} where the simulator's default would not match the body. */
  default Optional<String> stepContentType(String body, Optional<String> contentType) {
    return Optional.empty();
  }

  /** Whether the simulator's error table knows this step {@code error}. */
  boolean knownError(String error);

  /** Whether the status service keeps the step's {@code error} as the failure's code. */
  default boolean errorIsCode() {
    return true;
  }

  /** What a callback body holds: its status items in document order, and notes on the rest. */
  record Reading(List<StatusItem> items, List<String> skipped) {}

  static Optional<CallbackReader> of(String provider) {
    return Optional.ofNullable(
        switch (provider == null ? "" : provider) {
          case "twilio" -> new TwilioCallbackReader();
          case "whatsapp" -> new WhatsAppCallbackReader();
          case "viber" -> new ViberCallbackReader();
          default -> null;
        });
  }
}
