package io.octopods.simulator.capture;

import io.octopods.simulator.twilio.FormParams;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The verdict on a callback's signature, checked as a correct receiver checks it with the
 * provider's real secret: {@code valid}, {@code invalid}, {@code missing}, or {@code unchecked}
 * when no secret is given.
 */
final class SignatureVerdict {
  static final String VALID = "valid";
  static final String INVALID = "invalid";
  static final String MISSING = "missing";
  static final String UNCHECKED = "unchecked";

  private final String provider;
  private final Optional<String> secret;
  private final Optional<String> publicUrl;

  SignatureVerdict(String provider, Optional<String> secret, Optional<String> publicUrl) {
    this.provider = provider;
    this.secret = secret;
    this.publicUrl = publicUrl;
  }

  /** The verdict on {@code c}, whose body arrived as {@code body}. */
  String of(Capture.Callback c, byte[] body) {
    if (secret.isEmpty()) {
      return UNCHECKED;
    }
    String key = secret.get();
    return switch (provider) {
      case "twilio" -> twilio(key, c, body);
      case "whatsapp" ->
          c.header(WhatsAppSignature.HEADER)
              .map(h -> verdict(WhatsAppSignature.valid(key, body, h)))
              .orElse(MISSING);
      case "viber" -> viber(key, c, body);
      default -> throw new IllegalArgumentException("unknown provider '" + provider + "'");
    };
  }

  private String twilio(String key, Capture.Callback c, byte[] body) {
    Optional<String> header = c.header(TwilioSignature.HEADER).filter(h -> !h.isEmpty());
    if (header.isEmpty()) {
      return MISSING;
    }
    String url = TwilioUrl.of(publicUrl, c.path(), c.query(), c.header("Host"));
    boolean valid =
        TwilioScrub.json(c)
            ? TwilioSignature.validJsonBody(key, url, body, header.get())
            : TwilioSignature.valid(
                key,
                url,
                FormParams.parse(new String(body, StandardCharsets.UTF_8)).asMap(),
                header.get());
    return verdict(valid);
  }

  /** Viber signs twice with one value: each of the header and {@code sig} present must match. */
  private static String viber(String key, Capture.Callback c, byte[] body) {
    Optional<String> header = c.header(ViberSignature.HEADER);
    Optional<String> sig = Query.parse(c.query()).value(ViberSignature.QUERY_PARAMETER);
    if (header.isEmpty() && sig.isEmpty()) {
      return MISSING;
    }
    boolean valid =
        header.map(h -> ViberSignature.valid(key, body, h)).orElse(true)
            && sig.map(s -> ViberSignature.valid(key, body, s)).orElse(true);
    return verdict(valid);
  }

  private static String verdict(boolean valid) {
    return valid ? VALID : INVALID;
  }
}
