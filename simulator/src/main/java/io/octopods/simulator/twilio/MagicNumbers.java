package io.octopods.simulator.twilio;

import io.octopods.simulator.core.Recipients;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's magic test numbers, which act only with the test credentials (providers.md 1.8): the
 * {@code From} is checked first, then the {@code To}.
 */
final class MagicNumbers {
  /** The one test {@code From} that passes all validation. */
  static final String PASSING_FROM = "+15005550006";

  private static final Map<String, String> FROM =
      Map.of(
          "+15005550001", "21212",
          "+15005550007", "21606",
          "+15005550008", "21611");
  private static final Map<String, String> TO =
      Map.of(
          "+15005550001", "21211",
          "+15005550002", "21612",
          "+15005550003", "21408",
          "+15005550004", "21610",
          "+15005550009", "21614");

  private MagicNumbers() {}

  /** What Twilio answers a test-credential send, or empty when it passes. */
  static Optional<TwilioError> check(SendRequest request) {
    String to = request.to().orElseThrow();
    if (request.from().isEmpty()) {
      return Optional.of(
          TwilioErrors
              .testCredentials()); // MessagingServiceSid is not supported with test credentials
    }
    String from = request.from().get();
    if (!PASSING_FROM.equals(Recipients.normalise(from))) {
      return Optional.of(
          TwilioErrors.create(
              FROM.getOrDefault(Recipients.normalise(from), "21606"), 400, to, from));
    }
    return Optional.ofNullable(TO.get(Recipients.normalise(to)))
        .map(code -> TwilioErrors.create(code, 400, to, from));
  }
}
