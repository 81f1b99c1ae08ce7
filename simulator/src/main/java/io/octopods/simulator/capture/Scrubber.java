package io.octopods.simulator.capture;

import java.util.Optional;

/**
 * Takes personal data out of captured callbacks while keeping them replayable: phone numbers become
 * reserved fictional numbers ({@link ReservedNumbers}), e-mail addresses {@code
 * person<n>@example.com}, user ids pseudonyms of the same shape, and message bodies, names and
 * profile fields are emptied; ids that embed a number (a wamid) are re-encoded with the replaced
 * number. The same value always gets the same stand-in within one scrubber, so one capture's
 * callbacks still tie together. The signature header (and Viber's {@code sig}) is recomputed with
 * the simulator's secret, Twilio's over the same public URL as on arrival; the callback's {@code
 * signature} keeps the verdict seen on arrival. Safe for concurrent use.
 */
public final class Scrubber {
  private final ProviderScrub provider;
  private final Pseudonyms pseudonyms = new Pseudonyms();

  private Scrubber(ProviderScrub provider) {
    this.provider = provider;
  }

  /**
   * A scrubber for one capture of {@code provider} ({@code twilio}, {@code whatsapp} or {@code
   * viber}); {@code publicUrl} is the URL Twilio signed without path (else {@code http://} and the
   * callback's {@code Host}).
   */
  public static Scrubber of(String provider, Optional<String> publicUrl) {
    return new Scrubber(
        switch (provider) {
          case "twilio" -> new TwilioScrub(publicUrl);
          case "whatsapp" -> new WhatsAppScrub();
          case "viber" -> new ViberScrub();
          default ->
              throw new IllegalArgumentException(
                  "unknown provider '" + provider + "': expected twilio, whatsapp or viber");
        });
  }

  public synchronized Capture.Callback scrub(Capture.Callback callback) {
    return provider.scrub(callback, pseudonyms);
  }
}
