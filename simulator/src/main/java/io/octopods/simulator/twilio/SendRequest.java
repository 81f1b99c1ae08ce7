package io.octopods.simulator.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The form of a Message create call, read and checked in Twilio's order: {@code To} (21604), {@code
 * From} or {@code MessagingServiceSid} (21603), {@code Body} / {@code MediaUrl} / {@code
 * ContentSid} (21602), the body's length (21617), {@code StatusCallback} (21609).
 */
record SendRequest(
    Optional<String> to,
    Optional<String> from,
    Optional<String> messagingServiceSid,
    Optional<String> body,
    long mediaCount,
    Optional<String> contentSid,
    Optional<String> statusCallback) {
  static final int MAX_BODY = 1600;
  static final int MAX_CALLBACK_URL = 4000;

  static SendRequest of(FormParams form) {
    return new SendRequest(
        form.first("To"),
        form.first("From"),
        form.first("MessagingServiceSid"),
        form.first("Body"),
        form.count("MediaUrl"),
        form.first("ContentSid"),
        form.first("StatusCallback"));
  }

  /** The first thing Twilio would refuse, if any. */
  Optional<TwilioError> problem() {
    if (to.isEmpty()) {
      return Optional.of(TwilioErrors.create("21604", 400, null, null));
    }
    if (from.isEmpty() && messagingServiceSid.isEmpty()) {
      return Optional.of(TwilioErrors.create("21603", 400, to.get(), null));
    }
    if (body.isEmpty() && mediaCount == 0 && contentSid.isEmpty()) {
      return Optional.of(TwilioErrors.create("21602", 400, to.get(), from.orElse(null)));
    }
    if (body.isPresent() && body.get().length() > MAX_BODY) {
      return Optional.of(
          new TwilioError(
              21617, "The concatenated message body exceeds the 1600 character limit", 400));
    }
    if (statusCallback.isPresent() && !validCallbackUrl(statusCallback.get())) {
      return Optional.of(
          new TwilioError(
              "21609",
              "The StatusCallback URL "
                  + statusCallback.get()
                  + " is not a valid URL: an absolute http(s) URL with a valid hostname (no underscores), at most "
                  + MAX_CALLBACK_URL
                  + " characters, is expected.",
              400,
              null));
    }
    return Optional.empty();
  }

  /** The StatusCallback without its fragment (which carries connection overrides, never sent). */
  Optional<String> callbackUrl() {
    return statusCallback.map(CallbackUrl::withoutFragment);
  }

  /** Our caller's echoed data: the StatusCallback query string; empty when there is none. */
  Optional<String> correlation() {
    return callbackUrl().flatMap(CallbackUrl::query);
  }

  private static boolean validCallbackUrl(String url) {
    if (url.length() > MAX_CALLBACK_URL) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().contains("_");
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
