package io.octopods.simulator.capture;

import static io.octopods.simulator.capture.Treatment.EMPTY;
import static io.octopods.simulator.capture.Treatment.PHONE;
import static io.octopods.simulator.capture.Treatment.TEXT;
import static io.octopods.simulator.capture.Treatment.ZERO;

import io.octopods.simulator.core.payload.Hmac;
import io.octopods.simulator.twilio.FormParams;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.twilio.TwilioSimulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's callbacks (form or JSON): {@code To}, {@code From}, {@code WaId} and other number fields
 * replaced, {@code whatsapp:} prefixes kept; {@code Body}, {@code ProfileName}, media URLs and
 * places emptied; query values scrubbed as text; {@code bodySHA256} of a JSON body recomputed; the
 * signature recomputed with the simulator's auth token over the same public URL as on arrival.
 */
final class TwilioScrub implements ProviderScrub {
  static final FieldRules RULES =
      (parent, field) -> {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.matches("mediaurl\\d*")) {
          return EMPTY;
        }
        return switch (f) {
          case "to", "from", "waid", "channeltoaddress", "forwardedfrom", "caller", "called" ->
              PHONE;
          case "body",
              "profilename",
              "fromcity",
              "fromstate",
              "fromzip",
              "tocity",
              "tostate",
              "tozip",
              "address",
              "label",
              "buttontext" ->
              EMPTY;
          case "latitude", "longitude" -> ZERO;
          default -> TEXT;
        };
      };

  private final Optional<String> publicUrl;

  TwilioScrub(Optional<String> publicUrl) {
    this.publicUrl = publicUrl;
  }

  static boolean json(Capture.Callback c) {
    return c.header("Content-Type")
        .map(t -> t.toLowerCase(Locale.ROOT).contains("json"))
        .orElse(false);
  }

  @Override
  public Capture.Callback scrub(Capture.Callback c, Pseudonyms p) {
    boolean json = json(c);
    FormParams form = json ? new FormParams(List.of()) : form(c.body(), p);
    String body = json ? JsonScrub.body(c.body(), RULES, p) : form.encode();
    String bodySha = Hmac.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    String query =
        Query.parse(c.query())
            .map(
                (name, value) ->
                    TwilioSignature.BODY_SHA256.equals(name)
                        ? bodySha
                        : RULES.of("", name).apply(value, p))
            .raw();
    String path = p.text(c.path());
    String url = TwilioUrl.of(publicUrl, path, query, c.header("Host"));
    String signature =
        json
            ? TwilioSignature.ofJsonBody(TwilioSimulator.AUTH_TOKEN, url)
            : TwilioSignature.of(TwilioSimulator.AUTH_TOKEN, url, form.asMap());
    Map<String, String> headers =
        SignatureHeaders.replace(
            SignatureHeaders.fitting(c.headers(), body), TwilioSignature.HEADER, signature);
    return c.withRequest(path, query, headers, body);
  }

  private static FormParams form(String body, Pseudonyms p) {
    return new FormParams(
        FormParams.parse(body).entries().stream()
            .map(e -> Map.entry(e.getKey(), RULES.of("", e.getKey()).apply(e.getValue(), p)))
            .toList());
  }
}
