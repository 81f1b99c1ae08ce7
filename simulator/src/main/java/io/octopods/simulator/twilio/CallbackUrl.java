package io.octopods.simulator.twilio;

import java.util.Optional;

/**
 * The parts of a StatusCallback URL Twilio treats apart: the fragment (connection overrides) and
 * the query.
 */
final class CallbackUrl {
  private CallbackUrl() {}

  static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  static Optional<String> fragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? Optional.empty() : Optional.of(url.substring(hash + 1));
  }

  /** The raw query string, without {@code ?}; empty when there is none or it is empty. */
  static Optional<String> query(String url) {
    String u = withoutFragment(url);
    int q = u.indexOf('?');
    return q < 0 || q == u.length() - 1 ? Optional.empty() : Optional.of(u.substring(q + 1));
  }
}
